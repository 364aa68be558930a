// @ts-check
/**
 * Listening: pictures first, where people would rather look than read: the top watch terms as
 * bars, our share of voice against competitors, the sentiment split, and mentions over time
 * (per source and per term, with Dutch or English dates, never "11-05"). Then the loudest
 * threads and a search over everything heard in the period. An empty period says what will
 * appear and how to get it, instead of drawing empty 0–1 charts.
 */

import { api, query } from "../api.js";
import { COUNT_AXIS, chart, colour, destroyCharts, lines } from "../charts.js";
import { dateTime, failed, field, h, outLink, percent, select, shortDate, title } from "../dom.js";
import { t, tn } from "../i18n.js";

const state = { days: "30", q: "" };
const LIVE_TYPES = new Set(["item.new", "person.forgotten"]);

export async function render(root) {
  const data = await api(`/api/insights/listening${query(state)}`);
  root.append(title("listening.title"), controls(root));
  if (!data.total) {
    root.append(h("section", { class: "panel empty-state" }, h("h2", null, t("listening.empty.title")), h("p", null, t("listening.empty.body")), h("p", null, h("a", { href: "#/sources" }, t("inbox.empty.new.sources")))));
    if (state.q) root.append(results(data.results));
    return;
  }
  root.append(summary(data));
  const charts = h("div", { class: "charts" });
  root.append(charts);
  const labels = data.dates.map(shortDate);
  if (data.top_terms.length) {
    chart(charts, t("listening.topTerms"), {
      type: "bar",
      data: { labels: data.top_terms.map((r) => r.term), datasets: [{ label: t("listening.mentions"), data: data.top_terms.map((r) => r.count), backgroundColor: colour(0) }] },
      options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  } else {
    charts.append(h("section", { class: "panel" }, h("h2", null, t("listening.topTerms")), h("p", { class: "empty" }, t("listening.noTerms"))));
  }
  if (data.share_of_voice.length > 1) {
    chart(charts, t("listening.shareOfVoice"), {
      type: "bar",
      data: { labels: data.share_of_voice.map((r) => `${r.name} (${percent(r.share)})`), datasets: [{ label: t("listening.mentions"), data: data.share_of_voice.map((r) => r.count), backgroundColor: data.share_of_voice.map((r) => colour(r.ours ? 0 : 6)) }] },
      options: { plugins: { legend: { display: false } }, scales: COUNT_AXIS },
    });
  }
  const split = data.sentiment;
  chart(charts, t("listening.split.title"), {
    type: "doughnut",
    data: { labels: ["positive", "neutral", "negative"].map((k) => `${t(`sentiment.${k}`)} (${split[k]})`), datasets: [{ data: [split.positive, split.neutral, split.negative], backgroundColor: [colour(2), colour(6), colour(0)] }] },
    options: { interaction: { mode: "nearest", intersect: true } },
  });
  const bySource = Object.fromEntries(Object.entries(data.by_source).map(([k, v]) => [t(`source.${k}`), v]));
  chart(charts, t("listening.bySource"), { type: "line", data: { labels, datasets: lines(bySource) }, options: { scales: COUNT_AXIS } });
  if (Object.keys(data.by_term).length) {
    chart(charts, t("listening.byTerm"), { type: "line", data: { labels, datasets: lines(data.by_term) }, options: { scales: COUNT_AXIS } });
  }
  chart(charts, t("listening.weekly"), {
    type: "bar",
    data: {
      labels: data.weekly.map((w) => t("listening.weekOf", { date: shortDate(w.week) })),
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
    render(root).catch((error) => failed(error, root));
  };
  days.addEventListener("change", submit);
  return h("form", { class: "filters", role: "search", onsubmit: submit }, field("listening.days", days), field("listening.search", q), h("button", { type: "submit" }, t("listening.search.go")));
}

function summary(data) {
  const s = data.sentiment;
  return h(
    "section",
    { class: "panel" },
    h("h2", null, t("listening.sentiment")),
    h("p", null, tn("listening.total", data.total)),
    h("p", null, t("listening.split", { positive: s.positive, neutral: s.neutral, negative: s.negative })),
    h("p", null, t(`listening.trend.${data.trend.direction}`)),
  );
}

function loudest(threads) {
  const section = h("section", null, h("h2", null, t("listening.loudest")));
  if (!threads.length) section.append(h("p", { class: "empty" }, t("listening.loudest.none")));
  else section.append(h("ol", { class: "list" }, threads.map((th) => h("li", null, h("p", null, h("strong", null, th.author || "?"), " · ", outLink(th.url, t(`source.${th.source || "web"}`))), h("p", { class: "text" }, th.text), h("p", { class: "muted" }, [tn("listening.loudest.items", th.items), tn("listening.loudest.comments", th.comments), tn("listening.loudest.reactions", th.reactions), tn("listening.loudest.negative", th.negative)].join(" · "))))));
  return section;
}

function results(hits) {
  const section = h("section", null, h("h2", null, t("listening.results", { q: state.q })));
  if (!hits.length) section.append(h("p", { class: "empty" }, t("listening.results.none")));
  else section.append(h("ul", { class: "list" }, hits.map((hit) => h("li", null, h("p", null, h("strong", null, hit.author || "?"), " · ", h("span", { class: `badge ${hit.sentiment}` }, t(`sentiment.${hit.sentiment}`)), " · ", dateTime(hit.at), " · ", outLink(hit.url, t(`source.${hit.source || "web"}`))), h("p", { class: "text" }, hit.text)))));
  return section;
}
