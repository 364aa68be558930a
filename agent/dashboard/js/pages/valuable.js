// @ts-check
/**
 * Be valuable: own posts per day over the last four weeks against the target (weekends too
 * when the profile says so), every short day named ("no post on Saturday ..."), the share of
 * promotional posts against the limit, and the posts that drew the most positive reactions.
 */

import { api } from "../api.js";
import { chart, colour } from "../charts.js";
import { dateTime, day, h, number, outLink, percent, title } from "../dom.js";
import { t } from "../i18n.js";

export async function render(root) {
  const data = await api("/api/insights/valuable");
  root.append(title("valuable.title"), h("p", null, t("valuable.summary", { posts: data.posts, target: number(data.target_total) })));
  chart(root, t("valuable.perDay"), {
    type: "bar",
    data: {
      labels: data.days.map((d) => d.date.slice(5)),
      datasets: [
        { type: "bar", label: t("valuable.posts"), data: data.days.map((d) => d.posts), backgroundColor: data.days.map((d) => colour(d.short ? 0 : 2)) },
        { type: "line", label: t("valuable.target"), data: data.days.map((d) => d.target), borderColor: colour(6), borderDash: [6, 4], pointRadius: 0 },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  root.append(gaps(data.gaps), promo(data.promo), best(data.best));
}

export function onEvent(event, root, ctx) {
  if (event.type === "own_post.new" && !root.contains(document.activeElement)) ctx.refresh();
}

function gaps(short) {
  const section = h("section", { class: "panel" }, h("h2", null, t("valuable.gaps")));
  if (!short.length) {
    section.append(h("p", null, t("valuable.gaps.empty")));
    return section;
  }
  const lines = short.map((d) => h("li", null, d.posts === 0 ? t("valuable.gap.none", { day: day(d.date) }) : t("valuable.gap.short", { day: day(d.date), posts: d.posts, target: number(d.target) })));
  section.append(h("ul", { id: "gaps" }, lines));
  return section;
}

function promo(share) {
  const over = share.over_limit;
  return h(
    "section",
    { class: "panel" },
    h("h2", null, t("valuable.promo")),
    h("p", null, t("valuable.promo.value", { share: percent(share.value), count: share.count, limit: percent(share.limit) })),
    h("meter", { min: "0", max: "1", low: String(share.limit), high: String(share.limit), optimum: "0", value: String(share.value), "aria-label": t("valuable.promo") }),
    h("p", { class: over ? "verdict-warn" : "verdict-ok" }, t(over ? "valuable.promo.over" : "valuable.promo.ok")),
  );
}

function best(posts) {
  const section = h("section", null, h("h2", null, t("valuable.best")));
  if (!posts.length) {
    section.append(h("p", { class: "empty" }, t("valuable.best.empty")));
    return section;
  }
  section.append(h("ol", { class: "list" }, posts.map((p) => h("li", null, h("p", { class: "text" }, p.text), h("p", { class: "muted" }, t("valuable.best.meta", { positive: p.positive, reactions: p.reactions, date: dateTime(p.published_at) }), " · ", outLink(p.url, t("valuable.open")))))));
  return section;
}
