// @ts-check
/**
 * Inbox: a compact list (one line per item, most urgent first) next to a detail pane, built
 * to be worked through by keyboard like the inboxes people know (j/k, Enter, e, a, i, c, x,
 * ?; see inbox-keys.js). Filters and sort live in the URL (#/inbox?source=blog&sort=oldest),
 * so a view can be bookmarked. A selection gets bulk actions: assign, mark answered, ignore
 * with a reason. New and changed items arrive over the WebSocket; rows that did not change are
 * kept, so focus and an open form in the detail pane survive a live update.
 */

import { api, query } from "../api.js";
import { announce, clearNear, duration, failed, field, h, select, title } from "../dom.js";
import { currentLanguage, t, tn } from "../i18n.js";
import { renderDetail } from "./inbox-detail.js";
import { installKeys, showHelp } from "./inbox-keys.js";
import { reminder } from "./start.js";

const LIVE_TYPES = new Set(["item.new", "item.updated", "item.answered", "person.forgotten", "item.claimed", "item.released"]);
const DEFAULTS = { status: "open", source: "", term: "", sentiment: "", assignee: "", sort: "urgency" };
export const state = {
  filters: { ...DEFAULTS },
  team: /** @type {any[]} */ ([]),
  items: /** @type {any[]} */ ([]),
  current: /** @type {string | null} */ (null),
  selected: /** @type {Set<string>} */ (new Set()),
  root: /** @type {HTMLElement | null} */ (null),
  timer: 0,
  heardNew: false,
};

export async function render(root) {
  readUrl();
  state.root = root;
  const [teamData, data] = await Promise.all([api("/api/team"), fetchInbox()]);
  state.team = teamData.members;
  const count = h("p", { id: "inbox-count", class: "muted" });
  const list = h("ol", { id: "inbox-list", class: "rows", "aria-label": t("inbox.listLabel") });
  const detail = h("aside", { id: "inbox-detail", class: "detail", "aria-label": t("inbox.detailLabel"), tabindex: "-1" });
  const head = h("div", { class: "inbox-head" }, title("inbox.title"), count, h("button", { type: "button", class: "link", onclick: () => showHelp() }, t("inbox.keys.hint")));
  root.classList.add("inbox-page");
  root.append(head, filters(root, data.facets), bulkBar(root), h("div", { class: "inbox" }, list, detail));
  reminder()
    .then((note) => note && root.isConnected && count.after(note))
    .catch(() => {});
  installKeys();
  fill(root, data);
}

export function onEvent(event, root) {
  if (!LIVE_TYPES.has(event.type)) return;
  // A burst of events (new, then updated by a correction) becomes one reload.
  state.heardNew = state.heardNew || event.type === "item.new";
  window.clearTimeout(state.timer);
  state.timer = window.setTimeout(() => {
    const heardNew = state.heardNew;
    state.heardNew = false;
    reload(root, heardNew, true);
  }, 200);
}

function readUrl() {
  const params = new URLSearchParams(location.hash.split("?")[1] || "");
  state.filters = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    const value = params.get(key);
    if (value !== null) state.filters[key] = value;
  }
  state.current = params.get("item");
}

/** Keep filters, sort and the open item in the address, without a page reload. */
function writeUrl() {
  // A late answer must not pull the address back once the user moved to another page.
  if (!state.root?.isConnected || !/^#\/inbox(\?|$)/.test(location.hash || "#/inbox")) return;
  const shown = Object.fromEntries(Object.entries(state.filters).filter(([k, v]) => v !== DEFAULTS[k]));
  if (state.current) shown.item = state.current;
  const hash = `#/inbox${query(shown)}`;
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

function fetchInbox() {
  return api(`/api/inbox${query(state.filters)}`);
}

/** Reload the list; the current item stays, or the next one in line takes its place. */
export async function reload(root, announceNew = false, live = false) {
  try {
    const before = state.items.map((i) => i.id);
    const data = await fetchInbox();
    if (state.current && !data.items.some((i) => i.id === state.current)) {
      const at = before.indexOf(state.current);
      const next = before.slice(at + 1).find((id) => data.items.some((i) => i.id === id));
      state.current = next || data.items[0]?.id || null;
    }
    fill(root, data, live);
    const fresh = data.items.filter((item) => !before.includes(item.id)).length;
    if (announceNew && fresh) announce(tn("inbox.new", fresh));
  } catch (error) {
    failed(error, root.querySelector("#inbox-count"));
  }
}

function fill(root, data, live = false) {
  state.items = data.items;
  const ids = new Set(data.items.map((i) => i.id));
  for (const id of [...state.selected]) if (!ids.has(id)) state.selected.delete(id);
  if (!state.current || !ids.has(state.current)) state.current = data.items[0]?.id || null;
  const count = root.querySelector("#inbox-count");
  if (count) count.textContent = data.total ? tn(`inbox.count.${state.filters.status}`, data.total) : "";
  const list = /** @type {HTMLElement} */ (root.querySelector("#inbox-list"));
  reconcile(list, data.items);
  if (!data.items.length) list.replaceChildren(emptyState(root, data));
  markCurrent(root);
  updateBulk(root);
  writeUrl();
  const detail = /** @type {HTMLElement} */ (root.querySelector("#inbox-detail"));
  const busy = live && (detail.contains(document.activeElement) || detail.querySelector(".panel-slot form"));
  if (!busy || detail.dataset.id !== state.current) renderDetail(detail, currentItem(), root);
}

function emptyState(root, data) {
  const filtered = Object.entries(state.filters).some(([k, v]) => k !== "sort" && k !== "status" && v !== DEFAULTS[k]);
  if (filtered) {
    return h("li", { class: "empty-state" }, h("p", null, t("inbox.empty.filtered")), h("button", { type: "button", onclick: () => { state.filters = { ...DEFAULTS, status: state.filters.status, sort: state.filters.sort }; resetFilters(root); } }, t("inbox.empty.clear")));
  }
  if (!data.seen) {
    return h("li", { class: "empty-state" }, h("p", null, h("strong", null, t("inbox.empty.new.title"))), h("p", null, t("inbox.empty.new.body")), h("p", null, h("a", { href: "#/sources" }, t("inbox.empty.new.sources")), " · ", h("a", { href: "#/start" }, t("inbox.empty.new.start"))));
  }
  return h("li", { class: "empty-state" }, h("p", null, t(state.filters.status === "open" ? "inbox.empty" : "inbox.empty.other")));
}

function resetFilters(root) {
  for (const [name, value] of Object.entries(state.filters)) {
    const control = /** @type {HTMLSelectElement | null} */ (root.querySelector(`.filters [name="${name}"]`));
    if (control) control.value = value;
  }
  reload(root);
}

export function currentItem() {
  return state.items.find((i) => i.id === state.current) || null;
}

function filters(root, facets) {
  const all = ["", t("common.all")];
  const change = (name) => (event) => {
    state.filters[name] = event.target.value;
    reload(root);
  };
  const members = state.team.map((m) => [m.id, m.name]);
  const sources = [...new Set([...facets.sources, state.filters.source].filter(Boolean))];
  const terms = [...new Set([...facets.terms, state.filters.term].filter(Boolean))];
  return h(
    "form",
    { class: "filters compact", onsubmit: (e) => e.preventDefault() },
    field("inbox.filter.status", select(["open", "answered", "ignored"].map((s) => [s, t(`inbox.status.${s}`)]), state.filters.status, { name: "status", onchange: change("status") })),
    field("inbox.filter.source", select([all, ...sources.map((s) => [s, t(`source.${s}`)])], state.filters.source, { name: "source", onchange: change("source") })),
    field("inbox.filter.term", select([all, ...terms.map((s) => [s, s])], state.filters.term, { name: "term", onchange: change("term") })),
    field("inbox.filter.sentiment", select([all, ...["negative", "neutral", "positive"].map((s) => [s, t(`sentiment.${s}`)])], state.filters.sentiment, { name: "sentiment", onchange: change("sentiment") })),
    field("inbox.filter.assignee", select([all, ["-", t("inbox.filter.nobody")], ...members], state.filters.assignee, { name: "assignee", onchange: change("assignee") })),
    field("inbox.filter.sort", select(["urgency", "oldest", "newest"].map((s) => [s, t(`inbox.sort.${s}`)]), state.filters.sort, { name: "sort", onchange: change("sort") })),
  );
}

/** What makes a row look different (waiting times are refreshed in place instead). */
function signature(item) {
  const { waiting_seconds, business_seconds, urgency, ...rest } = item;
  return JSON.stringify(rest);
}

function reconcile(list, items) {
  const existing = new Map([...list.children].map((li) => [/** @type {HTMLElement} */ (li).dataset.id, li]));
  const wanted = items.map((item) => {
    const old = existing.get(item.id);
    if (old && old.dataset.sig === signature(item)) {
      old.querySelector(".waiting")?.replaceChildren(duration(item.waiting_seconds));
      return old;
    }
    return row(item);
  });
  const keep = new Set(wanted);
  for (const li of [...list.children]) if (!keep.has(li)) li.remove();
  wanted.forEach((li, n) => {
    if (list.children[n] !== li) list.insertBefore(li, list.children[n] ?? null);
  });
}

export function memberName(key) {
  return state.team.find((m) => m.id === key)?.name || key;
}

const CATEGORIES = new Set(["safety", "privacy", "money", "outage", "legal"]);

/** One reason in the page's language: the analysis gives {nl, en, words}, older ones a string. */
function reasonLine(reason) {
  if (typeof reason === "string") return reason;
  if (!reason || typeof reason !== "object") return "";
  const text = reason[currentLanguage()] || reason.en;
  if (typeof text !== "string") return "";
  const words = Array.isArray(reason.words) ? reason.words.filter((w) => typeof w === "string") : [];
  return words.length ? `${text} (“${words.join("”, “")}”)` : text;
}

/** The short "why it is here": the analysis' own reasons when it gave some, else the kind. */
export function reasonText(item) {
  const reasons = Array.isArray(item.reasons) ? item.reasons.map(reasonLine).filter(Boolean) : typeof item.reasons === "string" ? [item.reasons] : [];
  if (reasons.length) return reasons.join(" · ");
  const category = item.urgency_category;
  if (typeof category === "string" && category) return CATEGORIES.has(category) ? t(`category.${category}`) : category;
  return t(`sentiment.${item.sentiment}`);
}

/** The longer "why it is here" for the detail pane: the analysis' reasons, else what Roos knows. */
export function whyText(item) {
  const given = reasonText(item);
  if (Array.isArray(item.reasons) && item.reasons.length) return given;
  const parts = [t(`inbox.why.intent.${item.intent}`)];
  if (item.sentiment === "negative") parts.push(t("inbox.why.negative"));
  if (item.author?.flag) parts.push(t(`inbox.why.flag.${item.author.flag}`));
  if (item.terms?.length) parts.push(t("inbox.why.about", { terms: item.terms.join(", ") }));
  return parts.join(", ");
}

function row(item) {
  const author = item.author || {};
  const label = t("inbox.cardLabel", { intent: t(`intent.${item.intent}`), author: author.name || "?" });
  const check = h("input", {
    type: "checkbox",
    class: "pick",
    "aria-label": t("inbox.select", { item: label }),
    checked: state.selected.has(item.id),
    onchange: (e) => {
      if (e.target.checked) state.selected.add(item.id);
      else state.selected.delete(item.id);
      updateBulk(/** @type {HTMLElement} */ (state.root));
    },
  });
  const open = h(
    "button",
    // No aria-label: the visible line is the button's name (axe: label-content-name-mismatch).
    { type: "button", class: "open", onclick: () => setCurrent(item.id, true) },
    h("span", { class: `src src-${item.source}` }, t(`source.${item.source || "web"}`)),
    h("span", { class: "who" }, h("span", { class: "author" }, author.name || "?"), author.flag ? h("span", { class: `badge ${author.flag}` }, t(`flag.${author.flag}`)) : null),
    h("span", { class: "excerpt" }, item.text),
    h("span", { class: "why" }, h("span", { class: `badge ${item.intent}` }, t(`intent.${item.intent}`)), CATEGORIES.has(item.urgency_category) ? h("span", { class: `badge urgent ${item.urgency_category}` }, t(`category.${item.urgency_category}`)) : null, " ", reasonText(item)),
    h("span", { class: "waiting", title: t("inbox.waiting.short", { all: duration(item.waiting_seconds) }) }, duration(item.waiting_seconds)),
    item.answering ? h("span", { class: "answering", dataset: { roos: "answering" } }, t("inbox.answering", { name: memberName(item.answering) })) : null,
  );
  return h("li", { class: `row intent-${item.intent}`, dataset: { id: item.id, sig: signature(item) } }, check, open);
}

/** Move the cursor to `id`; with `open`, also move the keyboard focus into the detail pane. */
export function setCurrent(id, open = false) {
  const root = state.root;
  if (!root || !id) return;
  state.current = id;
  markCurrent(root);
  writeUrl();
  const detail = /** @type {HTMLElement} */ (root.querySelector("#inbox-detail"));
  renderDetail(detail, currentItem(), root);
  if (open) detail.querySelector("h2")?.focus();
}

function markCurrent(root) {
  for (const li of root.querySelectorAll("#inbox-list > li.row")) {
    const here = /** @type {HTMLElement} */ (li).dataset.id === state.current;
    li.classList.toggle("current", here);
    const button = li.querySelector("button.open");
    if (here) button?.setAttribute("aria-current", "true");
    else button?.removeAttribute("aria-current");
    if (here) li.scrollIntoView({ block: "nearest" });
  }
}

/** Move the cursor by `step` rows and put the keyboard focus on that row. */
export function move(step) {
  const root = state.root;
  if (!root || !state.items.length) return;
  const at = state.items.findIndex((i) => i.id === state.current);
  const next = state.items[Math.min(Math.max(at + step, 0), state.items.length - 1)];
  setCurrent(next.id);
  /** @type {HTMLElement | null} */ (root.querySelector(`#inbox-list > li.current button.open`))?.focus();
}

export function toggleSelected(id) {
  if (!id) return;
  if (state.selected.has(id)) state.selected.delete(id);
  else state.selected.add(id);
  const box = /** @type {HTMLInputElement | null} */ (state.root?.querySelector(`#inbox-list > li[data-id="${CSS.escape(id)}"] input.pick`));
  if (box) box.checked = state.selected.has(id);
  updateBulk(/** @type {HTMLElement} */ (state.root));
}

function bulkBar(root) {
  const members = [["", t("inbox.unassigned")], ...state.team.map((m) => [m.id, m.name])];
  const who = select(members, "", { name: "bulk-assignee" });
  const reason = h("input", { type: "text", name: "bulk-reason", maxlength: "500" });
  const bar = h(
    "div",
    { id: "inbox-bulk", class: "bulk", role: "region", "aria-label": t("inbox.bulk.label"), hidden: true },
    h("p", { class: "bulk-count", "aria-live": "polite" }),
    h("form", { class: "row", onsubmit: (e) => { e.preventDefault(); bulk(root, { action: "assign", assignee: /** @type {HTMLSelectElement} */ (who).value || null }, e.currentTarget); } }, field("inbox.assignee", who), h("button", { type: "submit" }, t("inbox.assign"))),
    h("button", { type: "button", class: "primary", onclick: (e) => bulk(root, { action: "answer" }, e.currentTarget) }, t("inbox.bulk.answer")),
    h("form", {
      class: "row",
      onsubmit: (e) => {
        e.preventDefault();
        const text = /** @type {HTMLInputElement} */ (reason).value.trim();
        if (!text) {
          failed(new Error(t("inbox.ignore.needReason")), e.currentTarget);
          reason.focus();
          return;
        }
        bulk(root, { action: "ignore", reason: text }, e.currentTarget);
      },
    }, field("inbox.ignore.reason", reason), h("button", { type: "submit" }, t("inbox.bulk.ignore"))),
    h("button", { type: "button", onclick: () => { state.selected.clear(); for (const box of root.querySelectorAll("input.pick")) /** @type {HTMLInputElement} */ (box).checked = false; updateBulk(root); } }, t("inbox.bulk.clear")),
  );
  return bar;
}

function updateBulk(root) {
  const bar = root?.querySelector("#inbox-bulk");
  if (!bar) return;
  const n = state.selected.size;
  if (n) bar.removeAttribute("hidden");
  else bar.setAttribute("hidden", "");
  const count = bar.querySelector(".bulk-count");
  if (count) count.textContent = tn("inbox.bulk.count", n);
}

/** Run a bulk action on the selection (or on `ids`); errors appear next to `near`. */
export async function bulk(root, body, near, ids = [...state.selected]) {
  if (!ids.length) return;
  try {
    const done = await api("/api/inbox/bulk", { method: "POST", body: { ...body, ids } });
    // Assigned items stay selected (the next action often follows); answered or ignored ones leave.
    if (body.action !== "assign") for (const id of done.done) state.selected.delete(id);
    clearNear(near);
    announce(tn(`inbox.bulk.done.${body.action}`, done.done.length));
    await reload(root);
  } catch (error) {
    failed(error, near);
  }
}
