// The dashboard's entry point: a hash router over two views, the channel list ("#/") and one
// channel ("#/channel/<login>"). Each view returns a cleanup that stops its timers and live feed.
import { channelView } from "./views/channel.js";
import { channelsView } from "./views/channels.js";

const root = document.getElementById("view");
let cleanup = null;

function route() {
  if (cleanup) cleanup();
  const match = /^#\/channel\/([^/?]+)/.exec(window.location.hash);
  let channel = null;
  if (match) {
    try {
      channel = decodeURIComponent(match[1]);
    } catch { /* a broken escape: show the list */ }
  }
  document.title = "StreamScout";
  cleanup = channel ? channelView(root, channel) : channelsView(root);
  // Move keyboard focus to the new view's heading, as a page load would.
  root.querySelector("h1")?.focus({ preventScroll: true });
}

window.addEventListener("hashchange", route);
route();
