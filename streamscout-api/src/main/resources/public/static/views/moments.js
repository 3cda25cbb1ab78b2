// The moments and clips list of one channel: an intensity filter, and per moment the Twitch clip
// embed (when a clip was created), else a VOD link, else a note; always the explanation.
import * as api from "../api.js";
import { externalLink, h, stateLine } from "../dom.js";
import * as fmt from "../format.js";

const LIMIT = 50;
const THRESHOLDS = [0, 2, 3, 4, 6, 8];
const TYPE_NAMES = { chat_spike: "Chat spike", viewer_drop: "Viewer drop" };

/** A sample message is {user, text} in the contract; a plain "user: text" string is accepted too. */
function sample(message) {
  if (message && typeof message === "object") {
    return h("li", {}, h("span", { class: "who", text: message.user ?? "" }), " ", h("span", { text: message.text ?? "" }));
  }
  return h("li", { text: String(message) });
}

function chips(label, values) {
  if (!Array.isArray(values) || values.length === 0) return null;
  return h("p", { class: "chips" }, h("span", { class: "label", text: label }),
    values.slice(0, 8).map((v) => h("span", { class: "chip", text: typeof v === "object" ? JSON.stringify(v) : v })));
}

function explanation(m) {
  const band = m.baseline_stddev != null ? ` ± ${fmt.decimal(m.baseline_stddev)}` : "";
  return h("div", { class: "explain" },
    h("p", { class: "why", text: `${fmt.decimal(m.rate)} msg/s against a baseline of ${fmt.decimal(m.baseline_mean)}${band}`
      + ` · ${fmt.integer(m.message_count)} messages from ${fmt.integer(m.unique_chatters)} chatters` }),
    chips("words", m.top_tokens),
    chips("emotes", m.top_emotes),
    chips("cause", m.cause_tags),
    Array.isArray(m.sample_messages) && m.sample_messages.length > 0
      ? h("ul", { class: "samples", "aria-label": "sample messages" }, m.sample_messages.map(sample)) : null);
}

function clipEmbed(clip) {
  const frameUrl = `https://clips.twitch.tv/embed?clip=${encodeURIComponent(clip.clip_id)}`
    + `&parent=${encodeURIComponent(window.location.hostname)}`;
  const holder = h("div", { class: "player" });
  const play = h("button", { type: "button", class: "play", text: "▶ Play clip here", onclick: () => {
    holder.replaceChildren(h("iframe", { src: frameUrl, title: "Twitch clip", allowfullscreen: true,
      loading: "lazy", referrerpolicy: "strict-origin-when-cross-origin" }));
  } });
  holder.append(play);
  return h("div", { class: "playback" }, holder, externalLink(clip.url, "Open the clip on Twitch", "ext"));
}

function playback(m) {
  const clip = m.clip;
  if (clip && clip.status === "CREATED" && clip.clip_id) return clipEmbed(clip);
  const vod = externalLink(m.vod_url, `Watch the VOD at ${fmt.offset(m.vod_offset_seconds)}`, "ext");
  if (vod) return h("div", { class: "playback" }, vod);
  if (!clip) return h("p", { class: "playback muted", text: "No clip yet; what chat said:" });
  const reason = `${clip.status}${clip.failure_reason ? `: ${clip.failure_reason}` : ""}`;
  return h("p", { class: "playback muted", text: `No clip (${reason}); what chat said:` });
}

function card(m) {
  return h("li", { class: "moment", dataset: { id: m.id } },
    h("div", { class: "moment-head" },
      h("span", { class: "intensity", title: "intensity", text: fmt.decimal(m.intensity) }),
      h("span", { class: "kind", text: TYPE_NAMES[m.type] ?? m.type ?? "moment" }),
      h("time", { datetime: m.peak, title: fmt.dateTime(m.peak), text: `${fmt.clock(m.peak)} · ${fmt.ago(m.peak)}` })),
    playback(m),
    explanation(m));
}

/** The panel: { node, refresh(), upsert(moment), clip(momentId, clip), markers() }. */
export function momentsPanel(channel, onChange) {
  let minIntensity = 0;
  let moments = [];
  let cards = new Map(); // moment id → { key, node }
  const select = h("select", { id: "min-intensity", onchange: () => { minIntensity = Number(select.value); refresh(); } },
    THRESHOLDS.map((t) => h("option", { value: t, text: t === 0 ? "all" : `≥ ${t}` })));
  const status = h("div", {}, stateLine("Loading moments…"));
  const list = h("ol", { class: "moments", id: "moments" });
  const node = h("section", { class: "panel wide", "aria-labelledby": "moments-title" },
    h("div", { class: "panel-head" },
      h("h2", { id: "moments-title", text: "Moments and clips" }),
      h("label", { class: "filter" }, "intensity ", select)),
    status, list);

  function render() {
    const shown = moments.filter((m) => !(Number(m.intensity) < minIntensity));
    // Cards are reused while their moment is unchanged, so a playing clip survives a refresh.
    const next = new Map();
    list.replaceChildren(...shown.map((m) => {
      const key = JSON.stringify(m);
      const kept = cards.get(m.id);
      const entry = kept && kept.key === key ? kept : { key, node: card(m) };
      next.set(m.id, entry);
      return entry.node;
    }));
    cards = next;
    status.replaceChildren(shown.length === 0
      ? stateLine(minIntensity > 0 ? `No moments at intensity ${minIntensity} or more.` : "No moments yet.", "empty")
      : stateLine(`${shown.length} moment${shown.length === 1 ? "" : "s"}, newest first`));
    onChange?.();
  }

  async function refresh() {
    try {
      const page = await api.moments(channel, { limit: LIMIT, min_intensity: minIntensity || null });
      moments = page.moments ?? [];
      render();
    } catch (error) {
      status.replaceChildren(stateLine(`Could not load moments: ${error.message}.`, "error"));
    }
  }

  function upsert(moment) {
    if (!moment || !moment.id) return;
    moments = [moment, ...moments.filter((m) => m.id !== moment.id)]
      .sort((a, b) => String(b.peak).localeCompare(String(a.peak)));
    render();
  }

  function clip(momentId, clipInfo) {
    const m = moments.find((x) => x.id === momentId);
    if (m) upsert({ ...m, clip: clipInfo });
  }

  const markers = () => moments.map((m) => fmt.epochSeconds(m.peak)).filter((t) => t != null);
  return { node, refresh, upsert, clip, markers };
}
