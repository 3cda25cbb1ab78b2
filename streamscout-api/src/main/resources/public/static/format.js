// Number and time formatting for the dashboard; every function accepts null and shows a dash.

const DASH = "–";

export function integer(n) {
  return n == null || !Number.isFinite(Number(n)) ? DASH : Math.round(Number(n)).toLocaleString("en-US");
}

export function decimal(n, digits = 1) {
  return n == null || !Number.isFinite(Number(n)) ? DASH : Number(n).toFixed(digits);
}

/** Sentiment in [-1, 1] with its direction in words. */
export function sentiment(s) {
  if (s == null || !Number.isFinite(Number(s))) return DASH;
  const value = Number(s);
  const word = value > 0.15 ? "positive" : value < -0.15 ? "negative" : "neutral";
  return `${value > 0 ? "+" : ""}${value.toFixed(2)} ${word}`;
}

export function clock(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? DASH : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function dateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? DASH : date.toLocaleString();
}

/** "12 s ago", "5 min ago", "3 h ago". */
export function ago(iso, now = Date.now()) {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return DASH;
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

/** Seconds as 1h02m03s (the VOD offset style). */
export function offset(seconds) {
  if (seconds == null || !Number.isFinite(Number(seconds))) return DASH;
  const s = Math.max(0, Math.round(Number(seconds)));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `${hours}h${String(minutes).padStart(2, "0")}m${String(rest).padStart(2, "0")}s`;
}

/** Epoch seconds of an ISO instant (uPlot's time scale), or null. */
export function epochSeconds(iso) {
  const ms = new Date(iso).getTime();
  return Number.isNaN(ms) ? null : ms / 1000;
}
