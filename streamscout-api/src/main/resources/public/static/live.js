// Server-sent events from /v1.0/events with our own reconnect: the browser's built-in retry gives up
// for good after an HTTP error, and we want to say "reconnecting" while it is down.

const TYPES = ["chat_rate", "viewers", "moment_started", "moment_peak", "clip_ready"];
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15000;

/**
 * Streams live events for one channel (or all, when channel is null) to onEvent(event), and its
 * connection state ("live" | "reconnecting") to onState(state).
 */
export class LiveFeed {
  constructor(channel, onEvent, onState) {
    this.url = channel ? `/v1.0/events?channel=${encodeURIComponent(channel)}` : "/v1.0/events";
    this.onEvent = onEvent;
    this.onState = onState;
    this.retryMs = FIRST_RETRY_MS;
    this.source = null;
    this.timer = null;
    this.stopped = false;
  }

  start() {
    this.connect();
    return this;
  }

  connect() {
    if (this.stopped) return;
    const source = new EventSource(this.url);
    this.source = source;
    source.onopen = () => {
      this.retryMs = FIRST_RETRY_MS;
      this.onState("live");
    };
    for (const type of TYPES) source.addEventListener(type, (e) => this.dispatch(e.data));
    source.onmessage = (e) => this.dispatch(e.data); // events sent without an "event:" line
    source.onerror = () => {
      source.close();
      if (this.stopped) return;
      this.onState("reconnecting");
      this.timer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    };
  }

  dispatch(data) {
    let event;
    try {
      event = JSON.parse(data);
    } catch {
      return; // a malformed event is dropped, the stream goes on
    }
    if (event && typeof event.type === "string") this.onEvent(event);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.source) this.source.close();
  }
}
