// @ts-check
/**
 * Be valuable: own posts per day over the last four weeks against the target, as a calendar
 * heatmap (weeks in rows, Monday first, each day's count in the cell) and as bars; every short
 * day named; the share of promotional posts against the limit; and what drew the most
 * reactions. Every figure counts one set of posts, and the page says which.
 */

import { api } from "../api.js";
import { chart, colour } from "../charts.js";
import { date, dateTime, day, h, number, outLink, percent, shortDate, title } from "../dom.js";
import { t, tn } from "../i18n.js";

export async function render(root) {
  const data = await api("/api/insights/valuable");
  root.append(
    title("valuable.title"),
    h("p", { class: "definition" }, t("valuable.definition", { first: date(data.period.first), last: date(data.period.last) })),
    h("p", null, tn("valuable.summaryCount", data.posts, { target: number(data.target_total) })),
  );
  if (!data.posts) root.append(h("section", { class: "panel empty-state" }, h("h2", null, t("valuable.empty.title")), h("p", null, t("valuable.empty.body"))));
  root.append(heatmap(data.days));
  if (data.posts) {
    chart(root, t("valuable.perDay"), {
      type: "bar",
      data: {
        labels: data.days.map((d) => shortDate(d.date)),
        datasets: [
          { type: "bar", label: t("valuable.posts"), data: data.days.map((d) => d.posts), backgroundColor: data.days.map((d) => colour(d.short ? 0 : 2)) },
          { type: "line", label: t("valuable.target"), data: data.days.map((d) => d.target), borderColor: colour(6), borderDash: [6, 4], pointRadius: 0 },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  root.append(gaps(data.gaps), promo(data.promo), best(data.best));
}

export function onEvent(event, root, ctx) {
  if (event.type === "own_post.new" && !root.contains(document.activeElement)) ctx.refresh();
}

/** How a day did against its target, as a class for the cell's colour (the count is in it too). */
function level(d) {
  if (!d.target) return d.posts ? "met" : "rest";
  if (d.posts >= d.target) return "met";
  if (!d.short) return "today"; // the day is not over yet
  return d.posts ? "part" : "none";
}

function heatmap(days) {
  const weeks = [];
  const lead = (days[0]?.weekday ?? 0);
  const cells = [...Array(lead).fill(null), ...days];
  for (let n = 0; n < cells.length; n += 7) weeks.push(cells.slice(n, n + 7));
  const names = [...Array(7).keys()].map((n) => new Intl.DateTimeFormat(document.documentElement.lang, { weekday: "short" }).format(new Date(2024, 0, 1 + n)));
  const head = h("tr", null, h("th", { scope: "col" }, t("valuable.heatmap.week")), names.map((n) => h("th", { scope: "col" }, n)));
  const rows = weeks.map((week) => {
    const start = week.find(Boolean);
    return h(
      "tr",
      null,
      h("th", { scope: "row" }, start ? shortDate(start.date) : ""),
      [...Array(7).keys()].map((n) => {
        const d = week[n];
        if (!d) return h("td", { class: "cal-out" });
        const label = t("valuable.heatmap.cell", { day: day(d.date), posts: d.posts, target: number(d.target) });
        return h("td", { class: `cal cal-${level(d)}`, title: label, "aria-label": label, dataset: { date: d.date } }, String(d.posts));
      }),
    );
  });
  return h(
    "section",
    { class: "panel" },
    h("h2", null, t("valuable.heatmap")),
    h("table", { class: "calendar" }, h("caption", { class: "muted" }, t("valuable.heatmap.legend")), h("thead", null, head), h("tbody", null, rows)),
  );
}

function gaps(short) {
  const section = h("section", { class: "panel" }, h("h2", null, t("valuable.gaps")));
  if (!short.length) {
    section.append(h("p", null, t("valuable.gaps.empty")));
    return section;
  }
  const lines = short.map((d) => h("li", null, d.posts === 0 ? t("valuable.gap.none", { day: day(d.date) }) : tn("valuable.gap.shortCount", d.posts, { day: day(d.date), target: number(d.target) })));
  section.append(h("ul", { id: "gaps" }, lines));
  return section;
}

function promo(share) {
  const over = share.over_limit;
  const box = h("section", { class: "panel" }, h("h2", null, t("valuable.promo")));
  if (!share.count) {
    box.append(h("p", { class: "muted" }, t("valuable.promo.none")));
    return box;
  }
  box.append(
    h("p", null, tn("valuable.promo.valueCount", share.count, { share: percent(share.value), limit: percent(share.limit) })),
    h("meter", { min: "0", max: "1", low: String(share.limit), high: String(share.limit), optimum: "0", value: String(share.value), "aria-label": t("valuable.promo") }),
    h("p", { class: over ? "verdict-warn" : "verdict-ok" }, t(over ? "valuable.promo.over" : "valuable.promo.ok")),
  );
  return box;
}

function best(posts) {
  const section = h("section", null, h("h2", null, t("valuable.best")));
  if (!posts.length) {
    section.append(h("p", { class: "empty" }, t("valuable.best.empty")));
    return section;
  }
  section.append(h("ol", { class: "list" }, posts.map((p) => h("li", null, h("p", { class: "text" }, p.text), h("p", { class: "muted" }, [tn("valuable.best.positive", p.positive), tn("valuable.best.reactions", p.reactions), dateTime(p.published_at)].join(" · "), " · ", outLink(p.url, t("valuable.open")))))));
  return section;
}
