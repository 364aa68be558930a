// @ts-check
/**
 * Reports: make a month's report in Dutch or English, and every report kept so far, per month
 * and language: its one-minute summary, view it (HTML), download the PDF or CSV, and its key
 * figures beside the month before (when that month's report in the same language exists).
 * An empty month says so. The advice for next month is in the report itself.
 */

import { api } from "../api.js";
import { announce, clearNear, dateTime, duration, failed, field, h, number, percent, select, showNear, title } from "../dom.js";
import { currentLanguage, t } from "../i18n.js";

export async function render(root) {
  const data = await api("/api/reports");
  root.append(title("reports.title"), h("p", { class: "muted" }, t("reports.intro")), makeForm(root), list(data.reports));
}

export function onEvent(event, root, ctx) {
  if (event.type === "report.ready" && !root.contains(document.activeElement)) ctx.refresh();
}

/** This month and the 24 before it, newest first, as "YYYY-MM". */
function recentMonths() {
  const now = new Date();
  return [...Array(25).keys()].map((n) => {
    const first = new Date(now.getFullYear(), now.getMonth() - n, 1);
    return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, "0")}`;
  });
}

export function monthName(key) {
  const [y, m] = key.split("-").map(Number);
  return new Intl.DateTimeFormat(currentLanguage(), { month: "long", year: "numeric" }).format(new Date(y, m - 1, 1));
}

function makeForm(root) {
  const months = recentMonths();
  const month = select(months.map((m, n) => [m, n === 0 ? t("reports.thisMonth", { month: monthName(m) }) : monthName(m)]), months[1], { name: "month" });
  const lang = select([["nl", "Nederlands"], ["en", "English"]], currentLanguage(), { name: "lang" });
  const button = h("button", { type: "submit", class: "primary" }, t("reports.make"));
  const form = h(
    "form",
    {
      class: "panel make-report",
      onsubmit: async (e) => {
        e.preventDefault();
        button.setAttribute("disabled", "");
        showNear(form, t("reports.making"), "ok");
        try {
          const body = { month: /** @type {HTMLSelectElement} */ (month).value, lang: /** @type {HTMLSelectElement} */ (lang).value };
          const { report } = await api("/api/reports", { method: "POST", body });
          clearNear(form);
          announce(t("reports.made", { month: monthName(report.month) }));
          const fresh = await api("/api/reports");
          root.querySelector("#report-list")?.replaceWith(list(fresh.reports));
          /** @type {HTMLElement | null} */ (root.querySelector(`[data-report="${report.month}-${report.lang}"] h3`))?.focus();
        } catch (error) {
          failed(error, form);
        } finally {
          button.removeAttribute("disabled");
        }
      },
    },
    h("h2", null, t("reports.makeTitle")),
    h("div", { class: "row" }, field("reports.month", month), field("reports.lang", lang), button),
  );
  return form;
}

function list(reports) {
  const section = h("section", { id: "report-list" }, h("h2", null, t("reports.kept")));
  if (!reports.length) {
    section.append(h("p", { class: "empty" }, t("reports.none")));
    return section;
  }
  const byKey = new Map(reports.map((r) => [`${r.month}-${r.lang}`, r]));
  section.append(h("ul", { class: "list" }, reports.map((r) => item(r, byKey))));
  return section;
}

function previousKey(month) {
  const [y, m] = month.split("-").map(Number);
  const before = new Date(y, m - 2, 1);
  return `${before.getFullYear()}-${String(before.getMonth() + 1).padStart(2, "0")}`;
}

function item(report, byKey) {
  const langName = report.lang === "nl" ? "Nederlands" : "English";
  const links = h(
    "p",
    { class: "row" },
    h("a", { href: report.urls.html, target: "_blank", rel: "noopener" }, t("reports.view")),
    h("a", { href: report.urls.pdf, download: "" }, t("reports.pdf")),
    h("a", { href: report.urls.csv, download: "" }, t("reports.csv")),
  );
  const previous = byKey.get(`${previousKey(report.month)}-${report.lang}`);
  return h(
    "li",
    { dataset: { report: `${report.month}-${report.lang}` } },
    h("h3", { tabindex: "-1" }, `${monthName(report.month)} · ${langName}`),
    h("p", { class: "muted" }, t(report.automatic ? "reports.generatedAuto" : "reports.generated", { when: dateTime(report.generated_at) }), report.complete === false ? ` · ${t("reports.running")}` : ""),
    report.empty ? h("p", { class: "empty" }, t("reports.empty")) : h("ul", { class: "summary" }, (report.summary || []).map((line) => h("li", null, line))),
    links,
    report.highlights ? compare(report, previous) : null,
  );
}

const ROWS = [
  ["mentions", (v) => number(v)],
  ["positive_share", (v) => percent(v)],
  ["negative_share", (v) => percent(v)],
  ["complaints", (v) => number(v)],
  ["complaints_within_target", (v) => number(v)],
  ["median_business_seconds", (v) => duration(v)],
  ["fans_gained", (v) => number(v)],
  ["posts_per_day", (v) => number(v)],
  ["promo_share", (v) => (v === null || v === undefined ? t("common.none") : percent(v))],
];

function compare(report, previous) {
  const before = previous?.highlights || null;
  const head = h("tr", null, h("th", { scope: "col" }, t("reports.figure")), h("th", { scope: "col" }, monthName(report.month)), h("th", { scope: "col" }, before ? monthName(previous.month) : t("reports.previous")));
  const rows = ROWS.map(([key, format]) => h("tr", null, h("th", { scope: "row" }, t(`reports.h.${key}`)), h("td", null, format(report.highlights[key])), h("td", null, before ? format(before[key]) : t("common.none"))));
  return h(
    "details",
    { class: "compare" },
    h("summary", null, t("reports.compare")),
    h("table", null, h("thead", null, head), h("tbody", null, rows)),
    before ? null : h("p", { class: "muted" }, t("reports.compare.none", { month: monthName(previousKey(report.month)) })),
  );
}
