// Dashboard: lists recent clips from GET /v1.0/clip and refreshes them.
// All data goes into the page through textContent / attributes, never innerHTML, so chat-derived
// text (titles, logins, failure reasons) cannot inject markup.

const REFRESH_MS = 5000;
const LIMIT = 50;

const statusLine = document.getElementById("status");
const table = document.getElementById("clips");
const body = table.querySelector("tbody");

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

// Only http(s) links are rendered, so a stored "javascript:" URL can never become clickable.
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function clipCell(clip) {
  const td = document.createElement("td");
  const href = clip.url ? safeUrl(clip.url) : null;
  if (href) {
    const a = document.createElement("a");
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = clip.title || "Watch clip";
    td.append(a);
  } else {
    const span = document.createElement("span");
    span.className = "clip-status";
    span.textContent = clip.failure_reason ? `${clip.status}: ${clip.failure_reason}` : clip.status;
    td.append(span);
  }
  return td;
}

function row(clip) {
  const tr = document.createElement("tr");
  const peak = new Date(clip.peak_at);
  const peakCell = cell(peak.toLocaleString());
  peakCell.title = clip.peak_at;
  tr.append(
    peakCell,
    cell(clip.channel || clip.channel_id),
    cell(Number(clip.intensity).toFixed(1), "num"),
    cell(String(clip.message_count), "num"),
    clipCell(clip),
  );
  return tr;
}

function render(page) {
  body.replaceChildren(...page.data.map(row));
  table.hidden = page.count === 0;
  statusLine.classList.remove("error");
  statusLine.textContent = page.count === 0
    ? "No clips in the last 24 hours yet."
    : `${page.count} clip${page.count === 1 ? "" : "s"} in the last 24 hours · updated ${new Date().toLocaleTimeString()}`;
}

async function refresh() {
  try {
    const response = await fetch(`/v1.0/clip?limit=${LIMIT}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let detail = `HTTP ${response.status}`;
      try {
        const problem = await response.json();
        if (problem.detail) detail = problem.detail;
      } catch { /* body was not JSON */ }
      throw new Error(detail);
    }
    render(await response.json());
  } catch (error) {
    statusLine.classList.add("error");
    statusLine.textContent = `Could not load clips: ${error.message}. Retrying…`;
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

refresh();
