// @ts-check
/**
 * The inbox's detail pane for the current item: who and where, why it is here and who handles
 * it, the thread around it, the best suggested reply (the others one click away), the actions,
 * internal notes and the history. It draws at once from the list's entry and fills in the
 * thread, notes and history when GET /api/inbox/item answers, so moving with j/k stays quick.
 */

import { api, idPath } from "../api.js";
import { announce, businessHours, clearNear, copyText, date, dateTime, duration, failed, field, h, httpsUrl, outLink, select } from "../dom.js";
import { t, tn } from "../i18n.js";
import { bulk, memberName, reload, state, whyText } from "./inbox.js";

let pending = 0;

/**
 * @param {HTMLElement} pane
 * @param {any} item the list entry, or null when the list is empty
 * @param {HTMLElement} root
 */
export function renderDetail(pane, item, root) {
  window.clearTimeout(pending);
  pane.dataset.id = item?.id || "";
  if (!item) {
    pane.replaceChildren(h("p", { class: "empty" }, t("inbox.detail.none")));
    return;
  }
  const author = item.author || {};
  const extra = h("div", { class: "extra" }, h("p", { class: "muted" }, t("common.loading")));
  const parts = [
    h("h2", { tabindex: "-1" }, t("inbox.cardLabel", { intent: t(`intent.${item.intent}`), author: author.name || "?" })),
    h(
      "p",
      { class: "badges" },
      h("span", { class: `badge ${item.intent}` }, t(`intent.${item.intent}`)),
      h("span", { class: `badge ${item.sentiment}` }, t(`sentiment.${item.sentiment}`)),
      author.flag ? h("span", { class: `badge ${author.flag}` }, t(`flag.${author.flag}`)) : null,
      item.corrected.length ? h("span", { class: "badge other" }, t("inbox.corrected")) : null,
    ),
    h(
      "p",
      { class: "meta" },
      outLink(author.profile_url, author.name || "?"),
      h("span", null, dateTime(item.published_at)),
      outLink(item.url, httpsUrl(item.url) ? t("inbox.open", { source: t(`source.${item.source || "web"}`) }) : t("inbox.noLink")),
    ),
    h("p", { class: "waiting" }, t("inbox.waiting", { all: duration(item.waiting_seconds), business: businessHours(item.business_seconds) })),
    h("p", { class: "why" }, t("inbox.why", { reason: whyText(item) })),
    ownerLine(item),
    item.answering ? h("p", { class: "answering", dataset: { roos: "answering" } }, t("inbox.answering", { name: memberName(item.answering) })) : null,
    item.status === "ignored" ? h("p", null, t("inbox.ignoredBecause", { reason: item.ignore_reason || "" })) : null,
    h("blockquote", { class: "text" }, item.text),
    suggestions(item),
    item.status === "open" ? actions(item, root) : null,
    extra,
  ];
  pane.replaceChildren(...parts.filter(Boolean));
  pending = window.setTimeout(() => fillExtra(extra, item, root), 120);
}

async function fillExtra(extra, item, root) {
  try {
    const data = await api(`/api/inbox/item?id=${encodeURIComponent(item.id)}`);
    if (!extra.isConnected) return;
    extra.replaceChildren(...[thread(data.thread), notes(item, data.notes, root), history(data.history)].filter(Boolean));
  } catch (error) {
    extra.replaceChildren();
    failed(error, extra);
  }
}

function ownerLine(item) {
  if (item.handed_over) {
    return h("p", { class: "handover" }, t("inbox.handover", { from: item.handed_over.from_name || item.handed_over.from, until: date(item.handed_over.until), to: memberName(item.owner) }));
  }
  if (item.owner_away_until) return h("p", { class: "handover" }, t("inbox.ownerAway", { name: memberName(item.owner), until: date(item.owner_away_until) }));
  if (item.routing) {
    const skipped = item.routing.skipped?.length ? t("inbox.routing.skipped", { names: item.routing.skipped.join(", ") }) : "";
    return h("p", { class: "muted owner routing" }, t("inbox.routing", { name: memberName(item.routing.member), topics: item.routing.topics.join(", ") }), skipped ? ` ${skipped}` : "");
  }
  return h("p", { class: "muted owner" }, item.owner ? t("inbox.assignedTo", { name: memberName(item.owner) }) : t("inbox.unassigned"));
}

function suggestions(item) {
  if (!item.suggestions.length) return h("p", { class: "muted" }, t("inbox.suggestions.none"));
  const [best, ...others] = item.suggestions;
  const one = (s) => h("li", null, h("p", null, s.text), h("button", { type: "button", class: "copy", onclick: (e) => copyText(s.text, e.currentTarget) }, t("common.copy")));
  return h(
    "section",
    { class: "suggestions" },
    h("h3", null, t("inbox.suggestions")),
    h("ul", null, one(best)),
    others.length ? h("details", null, h("summary", null, tn("inbox.suggestions.more", others.length)), h("ul", null, others.map(one))) : null,
  );
}

/** Copy the best suggestion (the c key). */
export function copyBest(pane) {
  const button = /** @type {HTMLElement | null} */ (pane.querySelector(".suggestions button.copy"));
  if (button) button.click();
  else announce(t("inbox.suggestions.none"));
}

function thread(entries) {
  if (!entries.length) return null;
  return h(
    "section",
    { class: "thread" },
    h("h3", null, t("inbox.thread")),
    h("ol", null, entries.map((e) => h("li", { class: e.role }, h("p", { class: "muted" }, e.ours ? t("inbox.thread.ours") : e.author || "?", " · ", dateTime(e.published_at)), h("p", { class: "text" }, e.text)))),
  );
}

function notes(item, list, root) {
  const text = h("textarea", { name: "note", rows: "2", maxlength: "4000" });
  const form = h(
    "form",
    {
      class: "note",
      onsubmit: async (e) => {
        e.preventDefault();
        const value = /** @type {HTMLTextAreaElement} */ (text).value.trim();
        if (!value) return;
        try {
          await api("/api/inbox/notes", { method: "POST", body: { item_id: item.id, text: value } });
          clearNear(form);
          announce(t("inbox.notes.added"));
          await reload(root);
          const pane = root.querySelector("#inbox-detail");
          if (pane) /** @type {HTMLElement | null} */ (pane.querySelector("textarea[name=note]"))?.focus();
        } catch (error) {
          failed(error, form);
        }
      },
    },
    field("inbox.notes.new", text),
    h("button", { type: "submit" }, t("inbox.notes.add")),
  );
  return h(
    "section",
    { class: "notes" },
    h("h3", null, t("inbox.notes")),
    list.length ? h("ul", null, list.map((n) => h("li", null, h("p", { class: "muted" }, n.by ? memberName(n.by) : t("inbox.notes.you"), " · ", dateTime(n.at)), h("p", { class: "text" }, n.text)))) : h("p", { class: "muted" }, t("inbox.notes.none")),
    form,
  );
}

function history(entries) {
  if (!entries.length) return null;
  const line = (e) => {
    const vars = { to: e.to ? memberName(e.to) : t("inbox.unassigned"), by: e.by ? memberName(e.by) : "", reason: e.reason || "", intent: e.intent ? t(`intent.${e.intent}`) : "", sentiment: e.sentiment ? t(`sentiment.${e.sentiment}`) : "" };
    return h("li", null, h("span", { class: "muted" }, dateTime(e.at)), " ", t(`inbox.history.${e.action}`, vars));
  };
  return h("section", { class: "history" }, h("h3", null, t("inbox.history")), h("ul", null, [...entries].reverse().slice(0, 20).map(line)));
}

async function change(root, action, near) {
  try {
    await action();
    clearNear(near);
    announce(t("common.saved"));
    await reload(root);
  } catch (error) {
    failed(error, near);
  }
}

function patch(item, fields) {
  return api(`/api/items/${idPath(item.id)}`, { method: "PATCH", body: fields });
}

function actions(item, root) {
  const members = [["", t("inbox.unassigned")], ...state.team.map((m) => [m.id, m.name])];
  const assignee = select(members, item.assignee || "", { name: "assignee" });
  const assign = h("form", { class: "assign", onsubmit: (e) => { e.preventDefault(); change(root, () => patch(item, { assignee: /** @type {HTMLSelectElement} */ (assignee).value || null }), assign); } }, field("inbox.assignee", assignee), h("button", { type: "submit" }, t("inbox.assign")));
  const panel = h("div", { class: "panel-slot" });
  const opener = (form) => () => {
    panel.replaceChildren(form());
    /** @type {HTMLElement | null} */ (panel.querySelector("input, select"))?.focus();
  };
  return h(
    "div",
    { class: "actions" },
    assign,
    h("div", { class: "row buttons" },
      h("button", { type: "button", class: "primary", dataset: { action: "answer" }, onclick: () => { claim(item); opener(() => answerForm(item, root, panel))(); } }, t("inbox.answer")),
      h("button", { type: "button", dataset: { action: "ignore" }, onclick: opener(() => ignoreForm(item, root, panel)) }, t("inbox.ignore")),
      h("button", { type: "button", dataset: { action: "correct" }, onclick: opener(() => correctForm(item, root, panel)) }, t("inbox.correct")),
    ),
    panel,
  );
}

/** Open one of the action forms (the i key opens "ignore"). */
export function openAction(pane, name) {
  /** @type {HTMLElement | null} */ (pane.querySelector(`.actions button[data-action="${name}"]`))?.click();
}

function cancel(panel) {
  return h("button", { type: "button", onclick: () => { panel.replaceChildren(); /** @type {HTMLElement | null} */ (panel.parentElement?.querySelector(".buttons button"))?.focus(); } }, t("common.cancel"));
}

// Starting an answer claims the item: the team sees "Fatima is answering" (it expires by itself).
function claim(item) {
  api("/api/claims", { method: "POST", body: { item_id: item.id } }).catch(() => {});
}

function answerForm(item, root, panel) {
  const link = h("input", { type: "url", name: "reply_url", inputmode: "url", placeholder: "https://" });
  const form = h(
    "form",
    {
      class: "answer",
      onsubmit: (e) => {
        e.preventDefault();
        const url = /** @type {HTMLInputElement} */ (link).value.trim();
        if (url && !httpsUrl(url)) return failed(new Error(t("inbox.answer.badLink")), form);
        const body = { item_id: item.id, ...(url ? { url } : {}), ...(item.owner ? { by: item.owner } : {}) };
        change(root, () => api("/api/replies", { method: "POST", body }), form);
      },
    },
    field("inbox.answer.link", link),
    h("button", { type: "submit", class: "primary" }, t("inbox.answer.save")),
    cancel(panel),
  );
  return form;
}

function ignoreForm(item, root, panel) {
  const reason = h("input", { type: "text", name: "ignore_reason", maxlength: "500", "aria-required": "true" });
  const form = h(
    "form",
    {
      class: "ignore",
      onsubmit: (e) => {
        e.preventDefault();
        const text = /** @type {HTMLInputElement} */ (reason).value.trim();
        if (!text) {
          failed(new Error(t("inbox.ignore.needReason")), form);
          reason.focus();
          return;
        }
        change(root, () => patch(item, { status: "ignored", ignore_reason: text }), form);
      },
    },
    field("inbox.ignore.reason", reason),
    h("button", { type: "submit" }, t("inbox.ignore.save")),
    cancel(panel),
  );
  return form;
}

function correctForm(item, root, panel) {
  const sentiment = select(["positive", "neutral", "negative"].map((s) => [s, t(`sentiment.${s}`)]), item.sentiment, { name: "sentiment" });
  const intent = select(["complaint", "question", "praise", "other"].map((s) => [s, t(`intent.${s}`)]), item.intent, { name: "intent" });
  const form = h(
    "form",
    {
      class: "correct",
      onsubmit: (e) => {
        e.preventDefault();
        change(root, () => patch(item, { sentiment: /** @type {HTMLSelectElement} */ (sentiment).value, intent: /** @type {HTMLSelectElement} */ (intent).value }), form);
      },
    },
    field("inbox.correct.sentiment", sentiment),
    field("inbox.correct.intent", intent),
    h("button", { type: "submit" }, t("inbox.correct.save")),
    cancel(panel),
  );
  return form;
}

/** Mark the selection, or the current item, answered at once (the e key). */
export function answerNow(root, near) {
  const ids = state.selected.size ? [...state.selected] : state.current ? [state.current] : [];
  return bulk(root, { action: "answer" }, near, ids);
}
