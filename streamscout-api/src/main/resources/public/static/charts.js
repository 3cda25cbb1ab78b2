// uPlot charts: the chat rate with its baseline band and moment markers, and the viewer count.
// uPlot sizes its elements through the CSSOM (element.style), which the page's CSP allows.
import uPlot from "/webjars/uplot/1.6.30/dist/uPlot.esm.js";

const HEIGHT = 220;
const AXIS = { stroke: "#adadb8", grid: { stroke: "#2f2f35", width: 1 }, ticks: { stroke: "#2f2f35", width: 1 } };
const MARKER = "#ff9f43";

/** Vertical lines at moment peaks (epoch seconds), drawn over the plot. */
function markersPlugin(markers) {
  return {
    hooks: {
      draw: [(u) => {
        const { ctx, bbox } = u;
        ctx.save();
        ctx.strokeStyle = MARKER;
        ctx.lineWidth = 2 * uPlot.pxRatio;
        ctx.setLineDash([6 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
        for (const t of markers()) {
          const x = u.valToPos(t, "x", true);
          if (x < bbox.left || x > bbox.left + bbox.width) continue;
          ctx.beginPath();
          ctx.moveTo(x, bbox.top);
          ctx.lineTo(x, bbox.top + bbox.height);
          ctx.stroke();
        }
        ctx.restore();
      }],
    },
  };
}

/**
 * A time series kept as parallel arrays, trimmed to a sliding window; points are sorted by time
 * and a point at an existing time replaces it.
 */
class Rows {
  constructor(columns, windowSeconds) {
    this.data = Array.from({ length: columns }, () => []);
    this.windowSeconds = windowSeconds;
  }

  put(t, ...values) {
    const xs = this.data[0];
    let i = xs.length;
    while (i > 0 && xs[i - 1] > t) i--;
    if (i > 0 && xs[i - 1] === t) {
      values.forEach((v, k) => { this.data[k + 1][i - 1] = v; });
    } else {
      this.data.forEach((col, k) => col.splice(i, 0, k === 0 ? t : values[k - 1]));
    }
    const cutoff = xs[xs.length - 1] - this.windowSeconds;
    let drop = 0;
    while (drop < xs.length && xs[drop] < cutoff) drop++;
    if (drop > 0) this.data.forEach((col) => col.splice(0, drop));
  }

  get size() {
    return this.data[0].length;
  }
}

/** One chart bound to a container that follows the container's width. */
class Chart {
  constructor(container, options, columns, windowSeconds) {
    this.container = container;
    this.rows = new Rows(columns, windowSeconds);
    this.plot = new uPlot({ ...options, width: this.width(), height: HEIGHT }, this.rows.data, container);
    this.resize = new ResizeObserver(() => this.plot.setSize({ width: this.width(), height: HEIGHT }));
    this.resize.observe(container);
    this.pending = false;
  }

  width() {
    return Math.max(240, this.container.clientWidth);
  }

  put(t, ...values) {
    if (t == null) return;
    this.rows.put(t, ...values);
    this.redraw();
  }

  /** Coalesces many updates into one redraw per frame. */
  redraw() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.plot.setData(this.rows.data);
      this.container.dataset.points = String(this.rows.size);
    });
  }

  destroy() {
    this.resize.disconnect();
    this.plot.destroy();
  }
}

/** Chat messages per second over the last 5 minutes with the detector's baseline and band; markers() gives moment peaks. */
export function rateChart(container, markers) {
  return new Chart(container, {
    class: "chart-rate",
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [AXIS, { ...AXIS, label: "per second", size: 50 }],
    series: [
      {},
      { label: "messages/s", stroke: "#bf94ff", width: 2, points: { show: false } },
      { label: "detector baseline", stroke: "#c8c8d0", dash: [4, 4], width: 1.5, points: { show: false } },
      { label: "band low", stroke: "rgba(122,122,133,0.5)", width: 1, points: { show: false } },
      { label: "band high (fires above)", stroke: "rgba(122,122,133,0.5)", width: 1, points: { show: false } },
    ],
    bands: [{ series: [4, 3], fill: "rgba(122,122,133,0.18)" }],
    plugins: [markersPlugin(markers)],
    legend: { live: false },
  }, 5, 5 * 60);
}

/** Viewer count over the last hour. */
export function viewersChart(container) {
  return new Chart(container, {
    class: "chart-viewers",
    scales: { x: { time: true } },
    axes: [AXIS, { ...AXIS, label: "viewers", size: 60 }],
    series: [
      {},
      { label: "viewers", stroke: "#4fc3f7", width: 2, fill: "rgba(79,195,247,0.12)", spanGaps: true,
        points: { show: false } },
    ],
    legend: { live: false },
  }, 2, 60 * 60);
}

const PALETTE = ["#bf94ff", "#4fc3f7", "#ff9f43", "#7bd88f", "#f06292"];

/**
 * Chat messages per minute of several channels over the last 30 minutes (the channel list's overview).
 * seriesByLabel: label → [[epochSecond, messages], ...]; drawn at once, without waiting for a frame.
 */
export function overviewChart(container, seriesByLabel) {
  const labels = Object.keys(seriesByLabel);
  const chart = new Chart(container, {
    class: "chart-overview",
    // The window is fixed to the last 30 minutes, so the first minutes of a fresh start show as dots
    // at the right edge instead of one point stretched over an auto-ranged axis.
    scales: { x: { time: true, range: () => { const now = Date.now() / 1000; return [now - 30 * 60, now]; } },
      y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [AXIS, { ...AXIS, label: "messages per minute", size: 60 }],
    series: [{}, ...labels.map((label, i) => ({ label, stroke: PALETTE[i % PALETTE.length], width: 2,
      spanGaps: true, points: { show: true, size: 5 } }))],
    legend: { live: false },
  }, labels.length + 1, 30 * 60);
  const byTime = new Map();
  labels.forEach((label, i) => {
    for (const [t, messages] of seriesByLabel[label]) {
      if (!byTime.has(t)) byTime.set(t, new Array(labels.length).fill(null));
      byTime.get(t)[i] = messages;
    }
  });
  [...byTime.keys()].sort((a, b) => a - b).forEach((t) => chart.rows.put(t, ...byTime.get(t)));
  chart.plot.setData(chart.rows.data);
  container.dataset.points = String(chart.rows.size);
  return chart;
}
