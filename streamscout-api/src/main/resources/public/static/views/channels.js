// The channel list: one tile per channel with live status, viewers and chat rate, from /streams
// (refreshed) and kept current between refreshes by the all-channel live feed.
import * as api from "../api.js";
import { showConnection } from "../connection.js";
import { overviewChart } from "../charts.js";
import { h, stateLine } from "../dom.js";
import * as fmt from "../format.js";
import { LiveFeed } from "../live.js";

const REFRESH_MS = 10000;
const OVERVIEW_REFRESH_MS = 60000;
const OVERVIEW_MINUTES = 30;
const OVERVIEW_CHANNELS = 5;

/** The boot script's data (GET /boot.js), used once: later visits of the list fetch. */
function takeBootData() {
  const boot = window.STREAMSCOUT_BOOT;
  window.STREAMSCOUT_BOOT = null;
  return boot && Array.isArray(boot.streams) ? boot : null;
}

function tile(stream) {
  const live = Boolean(stream.is_live);
  const rate = h("span", { class: "value", text: fmt.integer(stream.chat_messages_last_minute) });
  const viewers = h("span", { class: "value", text: fmt.integer(stream.viewer_count) });
  const node = h("a", { class: live ? "tile live" : "tile", href: `#/channel/${encodeURIComponent(stream.login)}`,
    dataset: { channel: stream.channel_id } },
    h("span", { class: "tile-head" },
      h("span", { class: "name", text: stream.display_name || stream.login }),
      h("span", { class: live ? "badge live" : "badge", text: live ? "LIVE" : "offline" })),
    h("span", { class: "title", text: stream.title || "" }),
    h("span", { class: "game", text: stream.game_name || "" }),
    h("span", { class: "figures" },
      h("span", { class: "figure" }, viewers, h("span", { class: "label", text: "viewers" })),
      h("span", { class: "figure" }, rate, h("span", { class: "label", text: "msg/min" }))),
    h("span", { class: "last-moment",
      text: stream.last_moment_at ? `last moment ${fmt.ago(stream.last_moment_at)}` : "no moments yet" }));
  return { node, rate, viewers };
}

/** Renders the channel list into root; returns the cleanup function. */
export function channelsView(root) {
  const heading = h("h1", { tabindex: "-1", text: "Channels" });
  let status = stateLine("Loading channels…");
  const grid = h("div", { class: "tiles", id: "channel-tiles" });
  const chartBox = h("div", { class: "chart", id: "overview-chart" });
  const overview = h("section", { class: "panel overview", "aria-label": "Chat per minute" },
    h("h2", { text: `Chat per minute, top live channels (last ${OVERVIEW_MINUTES} min)` }), chartBox);
  root.replaceChildren(heading, status, overview, grid);
  let chart = null;
  let overviewTimer = null;
  const tiles = new Map(); // channel id → { rate, viewers } to update from live events
  const perSecond = new Map(); // channel id → last 60 per-second counts, for a live msg/min
  let timer = null;

  function drawOverview(streams, perMinute) {
    const series = {};
    for (const stream of streams) {
      const points = perMinute[stream.channel_id];
      if (points) series[stream.display_name || stream.login] = points;
    }
    if (chart) chart.destroy();
    chart = null;
    if (Object.keys(series).length === 0) {
      chartBox.replaceChildren(stateLine("No chat minutes yet: the first appear a minute after chat starts.", "empty"));
      return;
    }
    chartBox.replaceChildren();
    chart = overviewChart(chartBox, series);
  }

  async function refreshOverview(streams) {
    clearTimeout(overviewTimer);
    try {
      const live = streams.filter((s) => s.is_live).slice(0, OVERVIEW_CHANNELS);
      const from = new Date(Date.now() - OVERVIEW_MINUTES * 60000).toISOString();
      const perMinute = {};
      await Promise.all(live.map(async (stream) => {
        const { points } = await api.metrics(stream.channel_id, { from, resolution: "1m" });
        perMinute[stream.channel_id] = points.map((p) => [Date.parse(p.t) / 1000, p.messages]);
      }));
      drawOverview(live, perMinute);
    } catch (error) {
      chartBox.replaceChildren(stateLine(`Could not load chat history: ${error.message}.`, "error"));
    } finally {
      overviewTimer = setTimeout(() => refreshOverview(lastStreams), OVERVIEW_REFRESH_MS);
    }
  }

  let lastStreams = [];
  function render(streams) {
    lastStreams = streams;
    // Rebuilding the tiles must not take keyboard focus away from the one the user is on.
    const focused = document.activeElement?.closest?.(".tile")?.dataset.channel;
    tiles.clear();
    grid.replaceChildren(...streams.map((stream) => {
      const t = tile(stream);
      tiles.set(stream.channel_id, t);
      return t.node;
    }));
    if (focused) tiles.get(focused)?.node.focus();
    grid.classList.remove("stale");
    status.replaceWith(status = streams.length === 0
      ? stateLine("No channels yet: ingest has not reported any stream.", "empty")
      : stateLine(`${streams.filter((s) => s.is_live).length} live of ${streams.length} · updated ${fmt.clock(new Date().toISOString())}`));
  }

  async function refresh() {
    try {
      render((await api.streams()).streams);
    } catch (error) {
      status.replaceWith(status = stateLine(`Could not load channels: ${error.message}. Retrying…`, "error"));
      grid.classList.add("stale"); // the figures shown are the last ones that loaded
      if (error.status === 0) showConnection("down");
    } finally {
      timer = setTimeout(refresh, REFRESH_MS);
    }
  }

  function onEvent(event) {
    const t = tiles.get(event.channel_id);
    if (!t) return;
    if (event.type === "chat_rate") {
      const counts = perSecond.get(event.channel_id) ?? [];
      counts.push(Number(event.messages) || 0);
      if (counts.length > 60) counts.shift();
      perSecond.set(event.channel_id, counts);
      // Until a minute of seconds has arrived the REST figure is the better one.
      if (counts.length === 60) t.rate.textContent = fmt.integer(counts.reduce((a, b) => a + b, 0));
    } else if (event.type === "viewers") {
      t.viewers.textContent = fmt.integer(event.viewer_count);
    }
  }

  const feed = new LiveFeed(null, onEvent, showConnection).start();
  const boot = takeBootData();
  if (boot) {
    // First paint with data: tiles and chart are drawn before the page's load event.
    render(boot.streams);
    const live = boot.streams.filter((s) => s.is_live).slice(0, OVERVIEW_CHANNELS);
    drawOverview(live, boot.chat_per_minute || {});
    timer = setTimeout(refresh, REFRESH_MS);
    overviewTimer = setTimeout(() => refreshOverview(lastStreams), OVERVIEW_REFRESH_MS);
  } else {
    refresh().then(() => refreshOverview(lastStreams));
  }
  return () => {
    clearTimeout(timer);
    clearTimeout(overviewTimer);
    if (chart) chart.destroy();
    feed.stop();
  };
}
