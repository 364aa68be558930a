// @ts-check
/**
 * Listening: mentions over time per watch term and per source, the sentiment split and its
 * weekly trend, the loudest threads, and a search over everything heard in the period.
 */

import { api, query } from "../api.js";
import { COUNT_AXIS, chart, colour, destroyCharts, lines } from "../charts.js";
import { dateTime, failed, field, h, outLink, select, title } from "../dom.js";
import { t } from "../i18n.js";

const state = { days: "30", q: "" };
const LIVE_TYPES = new Set(["item.new", "person.forgotten"]);

export async function render(root) {
  const data = await api(`/api/insights/listening${query(state)}`);
  root.append(title("listening.title"), controls(root), summary(data));
  const charts = h("div", { class: "charts" });
  root.append(charts);
  const labels = data.dates.map((d) => d.slice(5));
  if (Object.keys(data.by_term).length) {
    chart(charts, t("listening.byTerm"), { type: "line", data: { labels, datasets: lines(data.by_term) }, options: { scales: COUNT_AXIS } });
  } else {
    charts.append(h("section", { class: "panel" }, h("h2", null, t("listening.byTerm")), h("p", { class: "empty" }, t("listening.noTerms"))));
  }
  const bySource = Object.fromEntries(Object.entries(data.by_source).map(([k, v]) => [t(`source.${k}`), v]));
  chart(charts, t("listening.bySource"), { type: "line", data: { labels, datasets: lines(bySource) }, options: { scales: COUNT_AXIS } });
  chart(charts, t("listening.weekly"), {
    type: "bar",
    data: {
      labels: data.weekly.map((w) => w.week),
      datasets: ["negative", "neutral", "positive"].map((label, n) => ({ label: t(`sentiment.${label}`), data: data.weekly.map((w) => w[label]), backgroundColor: colour([0, 6, 2][n]), stack: "s" })),
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
  root.append(loudest(data.loudest));
  if (state.q) root.append(results(data.results));
}

export function onEvent(event, root, ctx) {
  if (LIVE_TYPES.has(event.type) && !root.contains(document.activeElement)) ctx.refresh();
}

function controls(root) {
  const days = select(["7", "30", "90", "365"].map((n) => [n, t("listening.days.n", { n })]), state.days, { name: "days" });
  const q = h("input", { type: "search", name: "q", value: state.q });
  const submit = (e) => {
    e.preventDefault();
    state.days = /** @type {HTMLSelectElement} */ (days).value;
    state.q = /** @type {HTMLInputElement} */ (q).value.trim();
    destroyCharts();
    root.replaceChildren();
    render(root).catch(failed);
  };
  days.addEventListener("change", submit);
  return h("form", { class: "filters", role: "search", onsubmit: submit }, field("listening.days", days), field("listening.search", q), h("button", { type: "submit" }, t("listening.search.go")));
}

function summary(data) {
  const s = data.sentiment;
  const direction = data.trend.direction;
  return h(
    "section",
    { class: "panel" },
    h("h2", null, t("listening.sentiment")),
    h("p", null, t("listening.total", { n: data.total })),
    h("p", null, t("listening.split", { positive: s.positive, neutral: s.neutral, negative: s.negative })),
    h("p", null, t(`listening.trend.${direction}`, { change: data.trend.change ?? "" })),
  );
}

function loudest(threads) {
  const section = h("section", null, h("h2", null, t("listening.loudest")));
  if (!threads.length) section.append(h("p", { class: "empty" }, t("listening.loudest.none")));
  else section.append(h("ol", { class: "list" }, threads.map((th) => h("li", null, h("p", null, h("strong", null, th.author || "?"), " · ", outLink(th.url, t(`source.${th.source || "web"}`))), h("p", { class: "text" }, th.text), h("p", { class: "muted" }, t("listening.loudest.meta", th))))));
  return section;
}

function results(hits) {
  const section = h("section", null, h("h2", null, t("listening.results", { q: state.q })));
  if (!hits.length) section.append(h("p", { class: "empty" }, t("listening.results.none")));
  else section.append(h("ul", { class: "list" }, hits.map((hit) => h("li", null, h("p", null, h("strong", null, hit.author || "?"), " · ", h("span", { class: `badge ${hit.sentiment}` }, t(`sentiment.${hit.sentiment}`)), " · ", dateTime(hit.at), " · ", outLink(hit.url, t(`source.${hit.source || "web"}`))), h("p", { class: "text" }, hit.text)))));
  return section;
}
