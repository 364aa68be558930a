// @ts-check
/**
 * Inbox: everything that needs an answer, most urgent first (the agent sorts). Each card
 * shows the text, author (fan flag), a safe link to the source, waiting time in all and within
 * business hours, suggested replies with a copy button, and the actions: assign, mark
 * answered (optional link to the reply), ignore with a reason, correct sentiment or intent.
 * New and changed items arrive over the WebSocket; cards that did not change are kept, so an
 * open form or the keyboard focus survive a live update.
 */

import { api, idPath, query } from "../api.js";
import { announce, copyText, date, dateTime, duration, failed, field, h, httpsUrl, outLink, select, title } from "../dom.js";
import { t } from "../i18n.js";

const LIVE_TYPES = new Set(["item.new", "item.updated", "item.answered", "person.forgotten", "item.claimed", "item.released"]);
const state = { filters: { status: "open", source: "", term: "", sentiment: "", assignee: "" }, team: [], timer: 0, heardNew: false };

export async function render(root) {
  const [teamData, data] = await Promise.all([api("/api/team"), fetchInbox()]);
  state.team = teamData.members;
  const count = h("p", { id: "inbox-count", class: "muted" });
  const list = h("ol", { id: "inbox-list", class: "cards" });
  root.append(title("inbox.title"), count, filters(root, data.facets), list);
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
    reload(root, heardNew);
  }, 200);
}

function fetchInbox() {
  return api(`/api/inbox${query(state.filters)}`);
}

async function reload(root, announceNew = false) {
  try {
    const before = new Set([...root.querySelectorAll("#inbox-list > li")].map((li) => li.dataset.id));
    const data = await fetchInbox();
    fill(root, data);
    const fresh = data.items.filter((item) => !before.has(item.id)).length;
    if (announceNew && fresh) announce(t("inbox.new", { n: fresh }));
  } catch (error) {
    failed(error);
  }
}

function fill(root, data) {
  const count = root.querySelector("#inbox-count");
  if (count) count.textContent = data.total ? t(`inbox.count.${state.filters.status}`, { n: data.total }) : t("inbox.empty");
  const list = /** @type {HTMLElement} */ (root.querySelector("#inbox-list"));
  reconcile(list, data.items, root);
}

function filters(root, facets) {
  const all = ["", t("common.all")];
  const change = (name) => (event) => {
    state.filters[name] = event.target.value;
    reload(root);
  };
  const members = state.team.map((m) => [m.id, m.name]);
  return h(
    "form",
    { class: "filters", onsubmit: (e) => e.preventDefault() },
    field("inbox.filter.status", select(["open", "answered", "ignored"].map((s) => [s, t(`inbox.status.${s}`)]), state.filters.status, { onchange: change("status") })),
    field("inbox.filter.source", select([all, ...facets.sources.map((s) => [s, t(`source.${s}`)])], state.filters.source, { onchange: change("source") })),
    field("inbox.filter.term", select([all, ...facets.terms.map((s) => [s, s])], state.filters.term, { onchange: change("term") })),
    field("inbox.filter.sentiment", select([all, ...["negative", "neutral", "positive"].map((s) => [s, t(`sentiment.${s}`)])], state.filters.sentiment, { onchange: change("sentiment") })),
    field("inbox.filter.assignee", select([all, ["-", t("inbox.filter.nobody")], ...members], state.filters.assignee, { onchange: change("assignee") })),
  );
}

/** What makes a card look different (waiting times are refreshed in place instead). */
function signature(item) {
  const { waiting_seconds, business_seconds, urgency, ...rest } = item;
  return JSON.stringify(rest);
}

function reconcile(list, items, root) {
  const existing = new Map([...list.children].map((li) => [/** @type {HTMLElement} */ (li).dataset.id, li]));
  const wanted = items.map((item) => {
    const old = existing.get(item.id);
    if (old && old.dataset.sig === signature(item)) {
      old.querySelector(".waiting")?.replaceChildren(waitingText(item));
      return old;
    }
    return card(item, root);
  });
  const keep = new Set(wanted);
  for (const li of [...list.children]) if (!keep.has(li)) li.remove();
  wanted.forEach((li, n) => {
    if (list.children[n] !== li) list.insertBefore(li, list.children[n] ?? null);
  });
}

function memberName(key) {
  return state.team.find((m) => m.id === key)?.name || key;
}

function waitingText(item) {
  return t("inbox.waiting", { all: duration(item.waiting_seconds), business: duration(item.business_seconds) });
}

function card(item, root) {
  const li = h("li", { class: `card intent-${item.intent}`, dataset: { id: item.id, sig: signature(item) } });
  const author = item.author || {};
  li.append(
    h(
      "article",
      { "aria-label": t("inbox.cardLabel", { intent: t(`intent.${item.intent}`), author: author.name || "?" }) },
      h(
        "header",
        null,
        h("span", { class: `badge ${item.intent}` }, t(`intent.${item.intent}`)),
        h("span", { class: `badge ${item.sentiment}` }, t(`sentiment.${item.sentiment}`)),
        item.corrected.length ? h("span", { class: "badge other" }, t("inbox.corrected")) : null,
        h("span", { class: "author" }, author.name || "?"),
        author.flag ? h("span", { class: `badge ${author.flag}` }, t(`flag.${author.flag}`)) : null,
        h("span", { class: "waiting muted" }, waitingText(item)),
      ),
      h("p", { class: "text" }, item.text),
      h(
        "p",
        { class: "meta" },
        outLink(item.url, httpsUrl(item.url) ? t("inbox.open", { source: t(`source.${item.source}`) }) : t("inbox.noLink")),
        h("span", null, dateTime(item.published_at)),
        item.terms.length ? h("span", null, t("inbox.terms", { terms: item.terms.join(", ") })) : null,
        item.status === "ignored" ? h("span", null, t("inbox.ignoredBecause", { reason: item.ignore_reason || "" })) : null,
      ),
      ownerLine(item),
      item.answering ? h("p", { class: "answering", dataset: { roos: "answering" } }, t("inbox.answering", { name: memberName(item.answering) })) : null,
      suggestions(item),
      item.status === "open" ? actions(item, root) : null,
    ),
  );
  return li;
}

function ownerLine(item) {
  if (item.handed_over) {
    return h("p", { class: "handover" }, t("inbox.handover", { from: item.handed_over.from_name || item.handed_over.from, until: date(item.handed_over.until), to: memberName(item.owner) }));
  }
  if (item.owner_away_until) return h("p", { class: "handover" }, t("inbox.ownerAway", { name: memberName(item.owner), until: date(item.owner_away_until) }));
  return h("p", { class: "muted owner" }, item.owner ? t("inbox.assignedTo", { name: memberName(item.owner) }) : t("inbox.unassigned"));
}

function suggestions(item) {
  if (!item.suggestions.length) return null;
  return h(
    "section",
    { class: "suggestions" },
    h("h3", null, t("inbox.suggestions")),
    h("ul", null, item.suggestions.map((s) => h("li", null, h("p", null, s.text), h("button", { type: "button", onclick: (e) => copyText(s.text, e.currentTarget) }, t("common.copy"))))),
  );
}


async function change(root, action) {
  try {
    await action();
    announce(t("common.saved"));
    await reload(root);
  } catch (error) {
    failed(error);
  }
}

function patch(item, fields) {
  return api(`/api/items/${idPath(item.id)}`, { method: "PATCH", body: fields });
}

function actions(item, root) {
  const members = [["", t("inbox.unassigned")], ...state.team.map((m) => [m.id, m.name])];
  const assignee = select(members, item.assignee || "", { name: "assignee" });
  const assign = h("form", { class: "assign", onsubmit: (e) => { e.preventDefault(); change(root, () => patch(item, { assignee: assignee.value || null })); } }, field("inbox.assignee", assignee), h("button", { type: "submit" }, t("inbox.assign")));
  const panel = h("div", { class: "panel-slot" });
  const opener = (form) => () => { panel.replaceChildren(form()); panel.querySelector("input, select")?.focus(); };
  return h(
    "div",
    { class: "actions" },
    assign,
    h("button", { type: "button", class: "primary", onclick: () => { claim(item); opener(() => answerForm(item, root, panel))(); } }, t("inbox.answer")),
    h("button", { type: "button", onclick: opener(() => ignoreForm(item, root, panel)) }, t("inbox.ignore")),
    h("button", { type: "button", onclick: opener(() => correctForm(item, root)) }, t("inbox.correct")),
    panel,
  );
}

// Starting an answer claims the item: the team sees "Fatima is answering" (it expires by itself).
function claim(item) {
  api("/api/claims", { method: "POST", body: { item_id: item.id } }).catch(() => {});
}

function cancel(panel) {
  return h("button", { type: "button", onclick: () => panel.replaceChildren() }, t("common.cancel"));
}

function answerForm(item, root, panel) {
  const link = h("input", { type: "url", name: "reply_url", inputmode: "url", placeholder: "https://" });
  return h(
    "form",
    {
      class: "answer",
      onsubmit: (e) => {
        e.preventDefault();
        const url = /** @type {HTMLInputElement} */ (link).value.trim();
        if (url && !httpsUrl(url)) return announce(t("inbox.answer.badLink"));
        const body = { item_id: item.id, ...(url ? { url } : {}), ...(item.owner ? { by: item.owner } : {}) };
        change(root, () => api("/api/replies", { method: "POST", body }));
      },
    },
    field("inbox.answer.link", link),
    h("button", { type: "submit", class: "primary" }, t("inbox.answer.save")),
    cancel(panel),
  );
}

function ignoreForm(item, root, panel) {
  const reason = h("input", { type: "text", name: "ignore_reason", maxlength: "500", "aria-required": "true" });
  return h(
    "form",
    {
      class: "ignore",
      onsubmit: (e) => {
        e.preventDefault();
        const text = /** @type {HTMLInputElement} */ (reason).value.trim();
        if (!text) {
          announce(t("inbox.ignore.needReason"));
          reason.focus();
          return;
        }
        change(root, () => patch(item, { status: "ignored", ignore_reason: text }));
      },
    },
    field("inbox.ignore.reason", reason),
    h("button", { type: "submit" }, t("inbox.ignore.save")),
    cancel(panel),
  );
}

function correctForm(item, root, panel) {
  const sentiment = select(["positive", "neutral", "negative"].map((s) => [s, t(`sentiment.${s}`)]), item.sentiment, { name: "sentiment" });
  const intent = select(["complaint", "question", "praise", "other"].map((s) => [s, t(`intent.${s}`)]), item.intent, { name: "intent" });
  return h(
    "form",
    {
      class: "correct",
      onsubmit: (e) => {
        e.preventDefault();
        change(root, () => patch(item, { sentiment: /** @type {HTMLSelectElement} */ (sentiment).value, intent: /** @type {HTMLSelectElement} */ (intent).value }));
      },
    },
    field("inbox.correct.sentiment", sentiment),
    field("inbox.correct.intent", intent),
    h("button", { type: "submit" }, t("inbox.correct.save")),
    cancel(panel),
  );
}
