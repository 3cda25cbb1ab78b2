// The REST calls the dashboard makes, with problem-JSON errors turned into readable messages.

/** A failed call: status 0 when the API could not be reached at all. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function getJson(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value != null && value !== "") url.searchParams.set(key, String(value));
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch {
    throw new ApiError("the API is not reachable", 0);
  }
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try {
      const problem = await response.json();
      if (problem && typeof problem.detail === "string") detail = problem.detail;
      else if (problem && typeof problem.title === "string") detail = problem.title;
    } catch { /* not JSON: keep the status line */ }
    throw new ApiError(detail, response.status);
  }
  return response.json();
}

const channelPath = (id, what) => `/streams/${encodeURIComponent(id)}/${what}`;

/** GET /streams: every known channel, live first. */
export const streams = () => getJson("/streams");

/** GET /streams/{id}/metrics: per-bucket points plus top chatters and emotes over the range. */
export const metrics = (id, params) => getJson(channelPath(id, "metrics"), params);

/** GET /streams/{id}/moments: newest peak first. */
export const moments = (id, params) => getJson(channelPath(id, "moments"), params);
