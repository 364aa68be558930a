// @ts-check
/**
 * Sources: add a blog, feed or LinkedIn group by its address (what it is, is worked out as
 * `roos sources add` does), switch each on or off, read it now, remove it, and see its state
 * (last and next run, items found, last error, a block with its reason and what to do).
 * A LinkedIn group asks for the same opt-in as the CLI before Roos reads it by itself.
 * Then recent events (blocked sources, pages the extension could not read).
 */

import { ApiError, api, idPath } from "../api.js";
import {
  announce,
  clearNear,
  dateTime,
  failed,
  field,
  h,
  number,
  outLink,
  showNear,
  title,
} from "../dom.js";
import { currentLanguage, t, tn } from "../i18n.js";

const ADVICE = new Set(["http_999", "http_429", "login_wall", "checkpoint"]);

export async function render(root) {
  root.append(title("sources.title"), h("p", { class: "muted" }, t("sources.intro")));
  const [sources, events] = await Promise.all([loadSources(), api("/api/events")]);
  if (sources !== null) root.append(addForm(root));
  root.append(sourceList(sources, root), eventList(events.events));
}

let busy = 0;

export function onEvent(event, root) {
  // Live news redraws the list only (the address being typed stays), and never mid-action.
  if (event.type.startsWith("source.") && !busy && !root.querySelector(".consent, [role=alertdialog]")) redraw(root).catch(() => {});
}

async function loadSources() {
  try {
    return (await api("/api/sources")).sources;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

async function redraw(root, focusId = "") {
  const sources = await loadSources();
  const list = root.querySelector("#source-list");
  list?.replaceWith(sourceList(sources, root));
  if (focusId) /** @type {HTMLElement | null} */ (root.querySelector(`[data-source="${CSS.escape(focusId)}"] h3`))?.focus();
}

/** The agent answers "English / Nederlands" for source errors: show the user's half. */
export function oneLanguage(error) {
  const text = error instanceof Error ? error.message : String(error);
  const [en, ...rest] = text.split(" / ");
  if (!rest.length) return error;
  return new Error(currentLanguage() === "nl" ? rest.join(" / ") : en);
}

function addForm(root) {
  const url = h("input", { type: "url", name: "url", required: true, inputmode: "url", placeholder: "https://", autocomplete: "off" });
  const button = h("button", { type: "submit", class: "primary" }, t("sources.add"));
  const form = h(
    "form",
    {
      class: "panel add-source",
      onsubmit: async (e) => {
        e.preventDefault();
        const value = /** @type {HTMLInputElement} */ (url).value.trim();
        if (!value) return;
        button.setAttribute("disabled", "");
        try {
          const { source } = await api("/api/sources", { method: "POST", body: { url: value } });
          clearNear(form);
          /** @type {HTMLInputElement} */ (url).value = "";
          announce(t("sources.added", { url: source.url, kind: t(`sources.kind.${source.kind || "unknown"}`) }));
          await redraw(root, source.id);
          if (source.kind === "linkedin_group") openConsent(root, source);
        } catch (error) {
          failed(oneLanguage(error), form);
        } finally {
          button.removeAttribute("disabled");
        }
      },
    },
    h("h2", null, t("sources.addTitle")),
    h("p", { class: "muted" }, t("sources.addHelp")),
    h("div", { class: "row" }, field("sources.url", url), button),
  );
  return form;
}

function sourceList(sources, root) {
  const section = h("section", { id: "source-list" }, h("h2", null, t("sources.list")));
  if (sources === null) section.append(h("p", { class: "empty" }, t("sources.unavailable")));
  else if (!sources.length) section.append(h("p", { class: "empty" }, t("sources.none")));
  else section.append(h("ul", { class: "list" }, sources.map((s) => sourceItem(s, root))));
  return section;
}

function sourceItem(source, root) {
  const state = source.state || {};
  const blocked = state.blocked_reason || state.blocked_until;
  const kind = t(`sources.kind.${source.kind || "unknown"}`);
  const li = h(
    "li",
    { dataset: { source: source.id || source.url } },
    h("h3", { tabindex: "-1" }, outLink(source.url, source.url)),
    h("p", null, kind, " · ", h("span", { class: source.enabled ? "verdict-ok" : "muted" }, t(source.enabled ? "sources.on" : "sources.off")), source.origin === "profile" ? ` · ${t("sources.fromProfile")}` : ""),
    h("p", { class: "muted" }, state.last_run ? t("sources.lastRun", { when: dateTime(state.last_run) }) : t("sources.never"), state.items_found !== null && state.items_found !== undefined ? ` · ${tn("sources.foundCount", state.items_found)}` : "", state.next_run && source.enabled ? ` · ${t("sources.nextRun", { when: dateTime(state.next_run) })}` : ""),
    state.last_error ? h("p", { class: "error" }, t("sources.error", { message: state.last_error })) : null,
    blocked ? h("div", { class: "notice" }, h("p", { class: "error" }, t("sources.blocked", { reason: state.blocked_reason || "?", until: dateTime(state.blocked_until) })), h("p", null, t(ADVICE.has(state.blocked_reason) ? `sources.advice.${state.blocked_reason}` : "sources.advice.other"))) : null,
    !blocked && state.last_error ? h("p", null, t("sources.advice.error")) : null,
  );
  const actions = h("div", { class: "row source-actions" });
  const act = (label, handler, cls = "") => h("button", { type: "button", class: cls, onclick: (e) => handler(e.currentTarget) }, label);
  actions.append(
    act(t(source.enabled ? "sources.switchOff" : "sources.switchOn"), (btn) => {
      if (!source.enabled && source.kind === "linkedin_group") openConsent(root, source);
      else change(root, source, { enabled: !source.enabled }, btn);
    }),
    act(t("sources.scanNow"), (btn) => scan(root, source, btn)),
    act(t("sources.remove"), () => confirmRemove(root, source, actions), "danger"),
  );
  li.append(actions);
  return li;
}

async function change(root, source, body, near) {
  try {
    await api(`/api/sources/${idPath(source.id)}`, { method: "PATCH", body });
    announce(t(body.enabled ? "sources.nowOn" : "sources.nowOff", { url: source.url }));
    await redraw(root, source.id);
  } catch (error) {
    failed(oneLanguage(error), near.parentElement);
  }
}

async function scan(root, source, button) {
  busy += 1;
  button.setAttribute("disabled", "");
  const near = button.parentElement;
  showNear(near, t("sources.scanning"), "ok");
  try {
    const { runs } = await api("/api/sources/run", { method: "POST", body: { url: source.url, confirm: source.enabled } });
    const run = runs[0] || {};
    const text = run.blocked || run.skipped ? t("sources.scanSkipped", { reason: run.blocked || run.skipped }) : run.errors?.length ? t("sources.error", { message: run.errors[0] }) : t("sources.scanned", { new: run.new ?? 0, mentions: run.mentions ?? 0, complaints: run.complaints ?? 0, questions: run.questions ?? 0 });
    await redraw(root, source.id);
    const fresh = root.querySelector(`[data-source="${CSS.escape(source.id)}"] .source-actions`);
    if (fresh) showNear(fresh, text, run.errors?.length || run.blocked ? "error" : "ok");
    announce(text);
  } catch (error) {
    failed(oneLanguage(error), near);
  } finally {
    busy -= 1;
    button.removeAttribute("disabled");
  }
}

function confirmRemove(root, source, actions) {
  const box = h(
    "div",
    { class: "notice", role: "alertdialog", "aria-label": t("sources.remove") },
    h("p", null, t("sources.remove.confirm", { url: source.url })),
    h(
      "div",
      { class: "row" },
      h("button", {
        type: "button",
        class: "danger",
        onclick: async (e) => {
          try {
            await api(`/api/sources/${idPath(source.id)}`, { method: "DELETE" });
            announce(t("sources.removed", { url: source.url }));
            await redraw(root);
          } catch (error) {
            failed(oneLanguage(error), e.currentTarget.parentElement);
          }
        },
      }, t("sources.remove.yes")),
      h("button", { type: "button", onclick: () => box.remove() }, t("common.cancel")),
    ),
  );
  actions.after(box);
  /** @type {HTMLElement | null} */ (box.querySelector("button"))?.focus();
}

/** The opt-in for a LinkedIn group, in the words the CLI uses: nothing happens without a yes. */
function openConsent(root, source) {
  const li = root.querySelector(`[data-source="${CSS.escape(source.id)}"]`);
  if (!li || li.querySelector(".consent")) return;
  const agree = h("input", { type: "checkbox", name: "consent" });
  const box = h(
    "form",
    {
      class: "notice consent",
      "aria-labelledby": `consent-${source.id}`,
      onsubmit: (e) => {
        e.preventDefault();
        if (!/** @type {HTMLInputElement} */ (agree).checked) {
          failed(new Error(t("sources.consent.needed")), box.querySelector(".row"));
          return;
        }
        change(root, source, { enabled: true, confirm: true }, /** @type {HTMLElement} */ (box.querySelector("button")));
      },
    },
    h("h4", { id: `consent-${source.id}` }, t("sources.consent.title")),
    h("ul", null, ["what", "pace", "never", "agreement"].map((k) => h("li", null, t(`sources.consent.${k}`)))),
    h("label", { class: "check" }, agree, " ", t("sources.consent.agree")),
    h("div", { class: "row" }, h("button", { type: "submit", class: "primary" }, t("sources.consent.yes")), h("button", { type: "button", onclick: () => box.remove() }, t("sources.consent.no"))),
  );
  li.append(box);
  agree.focus();
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
