// @ts-check
/**
 * Sources: each source's state (on/off, last and next run, items found, last error) and the
 * sources that are blocked, with the reason and what to do about it; then recent events
 * (blocked sources, pages the extension could not read).
 */

import { ApiError, api } from "../api.js";
import { dateTime, h, number, outLink, title } from "../dom.js";
import { currentLanguage, t } from "../i18n.js";

const ADVICE = new Set(["http_999", "http_429", "login_wall", "checkpoint"]);

export async function render(root) {
  root.append(title("sources.title"));
  const [sources, events] = await Promise.all([loadSources(), api("/api/events")]);
  root.append(sourceList(sources), eventList(events.events));
}

export function onEvent(event, root, ctx) {
  if (event.type.startsWith("source.") && !root.contains(document.activeElement)) ctx.refresh();
}

async function loadSources() {
  try {
    return (await api("/api/sources")).sources;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function sourceList(sources) {
  const section = h("section", null, h("h2", null, t("sources.list")));
  if (sources === null) section.append(h("p", { class: "empty" }, t("sources.unavailable")));
  else if (!sources.length) section.append(h("p", { class: "empty" }, t("sources.none")));
  else section.append(h("ul", { class: "list" }, sources.map(sourceItem)));
  return section;
}

function sourceItem(source) {
  const state = source.state || {};
  const blocked = state.blocked_reason || state.blocked_until;
  return h(
    "li",
    { dataset: { source: source.id || source.url } },
    h("p", null, h("strong", null, outLink(source.url, source.url)), " · ", t(`sources.kind.${source.kind || "unknown"}`), " · ", t(source.enabled ? "sources.on" : "sources.off")),
    h("p", { class: "muted" }, state.last_run ? t("sources.lastRun", { when: dateTime(state.last_run) }) : t("sources.never"), state.items_found !== null && state.items_found !== undefined ? ` · ${t("sources.found", { n: state.items_found })}` : "", state.next_run ? ` · ${t("sources.nextRun", { when: dateTime(state.next_run) })}` : ""),
    state.last_error ? h("p", { class: "error" }, t("sources.error", { message: state.last_error })) : null,
    blocked ? h("div", { class: "notice" }, h("p", { class: "error" }, t("sources.blocked", { reason: state.blocked_reason || "?", until: dateTime(state.blocked_until) })), h("p", null, t(ADVICE.has(state.blocked_reason) ? `sources.advice.${state.blocked_reason}` : "sources.advice.other"))) : null,
    !blocked && state.last_error ? h("p", null, t("sources.advice.error")) : null,
  );
}

/**
 * Pure: today's extractor misses per page kind, from the extension's page reports (one event
 * per address and day, counts only): [{page, missed, cards}].
 */
export function missesToday(events, today = new Date().toISOString().slice(0, 10)) {
  const byPage = new Map();
  for (const event of events) {
    const counts = event.type === "extractor.miss" && event.counts;
    if (!counts || !String(event.at || "").startsWith(today)) continue;
    const page = event.page === "feed" ? "feed" : "other";
    const sum = byPage.get(page) || { page, missed: 0, cards: 0 };
    sum.missed += (counts.unknown || 0) + (counts.unreadable || 0);
    sum.cards += counts.cards || 0;
    byPage.set(page, sum);
  }
  return [...byPage.values()].filter((sum) => sum.missed > 0);
}

function missSummary(events) {
  const sums = missesToday(events);
  if (!sums.length) return null;
  return h("div", { class: "notice", dataset: { misses: "today" } }, sums.map((sum) => h("p", null, t(`sources.missToday.${sum.page}`, { missed: number(sum.missed), cards: number(sum.cards) }))));
}

function message(event) {
  if (event.type === "extractor.miss" && event.counts) {
    const c = event.counts;
    return t("sources.event.partial", { missed: number((c.unknown || 0) + (c.unreadable || 0)), cards: number(c.cards || 0) });
  }
  const text = event.message;
  if (text && typeof text === "object") return text[currentLanguage()] || text.en || "";
  if (typeof text === "string") return text;
  return event.type === "extractor.miss" ? t("sources.event.miss") : "";
}

function eventList(events) {
  const section = h("section", null, h("h2", null, t("sources.events")));
  const misses = missSummary(events);
  if (misses) section.append(misses);
  if (!events.length) {
    section.append(h("p", { class: "empty" }, t("sources.events.none")));
    return section;
  }
  section.append(h("ul", { class: "list" }, events.slice(0, 50).map((e) => h("li", null, h("p", { class: "muted" }, dateTime(e.at), " · ", e.type), h("p", null, message(e)), e.url ? h("p", { class: "text muted" }, e.url) : null))));
  return section;
}
