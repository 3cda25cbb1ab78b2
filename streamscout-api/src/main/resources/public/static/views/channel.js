// One channel: live tiles, the chat-rate and viewer charts, top chatters and emotes, and the moments
// list, loaded from the REST API and kept live by the channel's event stream.
import * as api from "../api.js";
import { rateChart, viewersChart } from "../charts.js";
import { showConnection } from "../connection.js";
import { h, stateLine } from "../dom.js";
import * as fmt from "../format.js";
import { LiveFeed } from "../live.js";
import { momentsPanel } from "./moments.js";

const METRICS_REFRESH_MS = 30000;
const MOMENTS_REFRESH_MS = 20000;
const RATE_HISTORY_MINUTES = 5;
const RATE_AVERAGE_SECONDS = 10;

function liveTile(label, id) {
  const value = h("span", { class: "value", id, text: "–" });
  return { node: h("div", { class: "stat" }, value, h("span", { class: "label", text: label })), value };
}

function topList(title, id) {
  const list = h("ol", { class: "ranking", id });
  const node = h("section", { class: "panel" }, h("h2", { text: title }), list);
  return { node, list };
}

function fillTop(list, rows, name, count) {
  list.replaceChildren(...(rows.length === 0 ? [h("li", { class: "muted", text: "nothing in the last hour" })]
    : rows.map((row) => h("li", {}, h("span", { class: "who", text: row[name] }), h("span", { class: "num", text: fmt.integer(row[count]) })))));
}

function chartPanel(title, className, extra) {
  const box = h("div", { class: `chart ${className}` });
  return { box, node: h("section", { class: `panel ${className === "rate" ? "wide" : className}` }, h("h2", { text: title }), extra, box) };
}

/** Renders the view of channel (login or id) into root; returns the cleanup function. */
export function channelView(root, channel) {
  const heading = h("h1", { tabindex: "-1", text: channel });
  const badge = h("span", { class: "badge", text: "" });
  const subtitle = h("p", { class: "subtitle" });
  const status = h("div", {}, stateLine("Loading channel…"));
  const tiles = {
    rate: liveTile("msg/s (10 s avg)", "tile-rate"),
    chatters: liveTile("chatters last minute", "tile-chatters"),
    viewers: liveTile("viewers", "tile-viewers"),
    sentiment: liveTile("sentiment last minute", "tile-sentiment"),
  };
  const alert = h("p", { class: "moment-alert", role: "status", hidden: true });
  const ratePanel = chartPanel("Chat rate, baseline band and moments", "rate", alert);
  const viewersPanel = chartPanel("Viewers", "viewers");
  const chatters = topList("Top chatters", "top-chatters");
  const emotes = topList("Top emotes", "top-emotes");
  let rate = null; // the chart is made once its container is in the page
  const moments = momentsPanel(channel, () => rate?.redraw());
  root.replaceChildren(
    h("p", { class: "back" }, h("a", { href: "#/", text: "← all channels" })),
    h("div", { class: "channel-head" }, heading, badge), subtitle, status,
    h("div", { class: "stats" }, Object.values(tiles).map((t) => t.node)),
    h("div", { class: "grid" }, ratePanel.node, viewersPanel.node, chatters.node, emotes.node, moments.node));

  rate = rateChart(ratePanel.box, moments.markers);
  const viewers = viewersChart(viewersPanel.box);
  const recent = []; // last per-second counts, for the averaged rate tile
  const timers = [];

  async function loadInfo() {
    try {
      const { streams } = await api.streams();
      const lower = channel.toLowerCase();
      const info = streams.find((s) => s.login?.toLowerCase() === lower || s.channel_id === channel);
      if (!info) return;
      heading.textContent = info.display_name || info.login;
      document.title = `${info.display_name || info.login} · StreamScout`;
      badge.textContent = info.is_live ? "LIVE" : "offline";
      badge.className = info.is_live ? "badge live" : "badge";
      subtitle.textContent = [info.title, info.game_name].filter(Boolean).join(" · ");
      if (tiles.viewers.value.textContent === "–") tiles.viewers.value.textContent = fmt.integer(info.viewer_count);
    } catch { /* the metrics call reports errors */ }
  }

  async function loadMetrics() {
    try {
      const from = new Date(Date.now() - 3600 * 1000).toISOString();
      const m = await api.metrics(channel, { from, resolution: "1m" });
      const points = m.points ?? [];
      const now = Date.now() / 1000;
      // Minutes before the channel's chat began (e.g. before ingest joined) are left out, not drawn as zero.
      const firstChat = points.find((p) => p.messages > 0);
      const rateFrom = Math.max(now - RATE_HISTORY_MINUTES * 60, firstChat ? fmt.epochSeconds(firstChat.t) : Infinity);
      for (const p of points) {
        const t = fmt.epochSeconds(p.t);
        if (p.viewers != null) viewers.put(t, p.viewers);
        // Complete minutes before the live feed started, as an average per second.
        if (t != null && t >= rateFrom && t + 60 <= now && recent.length === 0) rate.put(t, (p.messages ?? 0) / 60, null, null, null);
      }
      // The current minute is summed when it closes: show the latest minute that has chat.
      const last = points.filter((p) => p.messages > 0).pop();
      tiles.chatters.value.textContent = fmt.integer(last?.unique_chatters);
      tiles.sentiment.value.textContent = fmt.sentiment(last?.sentiment);
      const seen = points.filter((p) => p.viewers != null).pop();
      if (seen && tiles.viewers.value.textContent === "–") tiles.viewers.value.textContent = fmt.integer(seen.viewers);
      fillTop(chatters.list, m.top_chatters ?? [], "login", "messages");
      fillTop(emotes.list, m.top_emotes ?? [], "emote", "count");
      status.replaceChildren();
    } catch (error) {
      const text = error.status === 404 ? `No channel called “${channel}”.` : `Could not load metrics: ${error.message}. Retrying…`;
      status.replaceChildren(stateLine(text, "error"));
      if (error.status === 0) showConnection("down");
    }
  }

  function onEvent(event) {
    if (event.type === "chat_rate") {
      rate.put(fmt.epochSeconds(event.t), event.messages, event.baseline, event.band_low, event.band_high);
      recent.push(Number(event.messages) || 0);
      if (recent.length > RATE_AVERAGE_SECONDS) recent.shift();
      tiles.rate.value.textContent = fmt.decimal(recent.reduce((a, b) => a + b, 0) / recent.length);
    } else if (event.type === "viewers") {
      viewers.put(fmt.epochSeconds(event.t), event.viewer_count);
      tiles.viewers.value.textContent = fmt.integer(event.viewer_count);
      badge.textContent = event.is_live ? "LIVE" : "offline";
      badge.className = event.is_live ? "badge live" : "badge";
    } else if (event.type === "moment_started") {
      alert.textContent = `Chat is erupting: ${fmt.decimal(event.rate)} msg/s against ${fmt.decimal(event.baseline)} since ${fmt.clock(event.start)}`;
      alert.hidden = false;
    } else if (event.type === "moment_peak") {
      alert.hidden = true;
      moments.upsert(event.moment);
    } else if (event.type === "clip_ready") {
      moments.clip(event.moment_id, event.clip);
    }
  }

  const feed = new LiveFeed(channel, onEvent, showConnection).start();
  const every = (fn, ms) => timers.push(setInterval(fn, ms));
  loadInfo();
  loadMetrics();
  moments.refresh();
  every(loadMetrics, METRICS_REFRESH_MS);
  every(moments.refresh, MOMENTS_REFRESH_MS);
  every(loadInfo, METRICS_REFRESH_MS);
  return () => {
    timers.forEach(clearInterval);
    feed.stop();
    rate.destroy();
    viewers.destroy();
  };
}
