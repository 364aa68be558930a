// @ts-check
/**
 * Charts with the vendored Chart.js (vendor/chart.umd.js, loaded before the app as a classic
 * script, so it is `window.Chart`). Labels are drawn on a canvas, never parsed as HTML. Each
 * chart gets a caption and an aria-label; the numbers are also on the page as text.
 */

import { h } from "./dom.js";

const COLOURS = ["#b3265a", "#1a5fd0", "#1d7a46", "#8a5a00", "#6b3fa0", "#0f7c86", "#5a6472"];
/** @type {Set<any>} */
const drawn = new Set();

/** @param {number} n */
export function colour(n) {
  return COLOURS[n % COLOURS.length];
}

/** Forget the charts of the page we are leaving. */
export function destroyCharts() {
  for (const chart of drawn) chart.destroy();
  drawn.clear();
}

/**
 * Append a captioned chart to `parent`.
 * @param {HTMLElement} parent
 * @param {string} caption
 * @param {any} config Chart.js configuration
 */
export function chart(parent, caption, config) {
  const canvas = h("canvas", { role: "img", "aria-label": caption });
  const figure = h("figure", { class: "panel" }, h("figcaption", null, h("h2", null, caption)), h("div", { class: "chart" }, canvas));
  parent.append(figure);
  const Chart = /** @type {any} */ (window).Chart;
  if (!Chart) return null;
  const made = new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      ...(config.options || {}),
    },
  });
  drawn.add(made);
  return made;
}

/** Line datasets from {name: [values]}. */
export function lines(series) {
  return Object.entries(series).map(([label, data], n) => ({
    label,
    data,
    borderColor: colour(n),
    backgroundColor: colour(n),
    tension: 0,
    pointRadius: 2,
  }));
}

export const COUNT_AXIS = { y: { beginAtZero: true, ticks: { precision: 0 } } };
