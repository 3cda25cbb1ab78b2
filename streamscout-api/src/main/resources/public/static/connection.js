// The header's connection pill: whether live updates are flowing.

const LABELS = { live: "live", reconnecting: "reconnecting…", down: "API unreachable", idle: "idle" };

export function showConnection(state) {
  const pill = document.getElementById("connection");
  if (!pill) return;
  pill.textContent = LABELS[state] ?? state;
  pill.dataset.state = state;
}
