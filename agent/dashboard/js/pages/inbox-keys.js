// @ts-check
/**
 * Keyboard shortcuts for the inbox, as Gmail, Front and the social inboxes have them: j/k to
 * move, Enter or o to open, Escape back to the list, x to select, e to mark answered,
 * a to assign, i to ignore, c to copy the best suggestion, n for a note, ? for this help.
 * Keys are ignored while the user types in a field or holds Ctrl, Alt or Meta, so they never
 * steal a letter from a form or a browser shortcut.
 */

import { announce, h } from "../dom.js";
import { t } from "../i18n.js";
import { answerNow, copyBest, openAction } from "./inbox-detail.js";
import { move, setCurrent, state, toggleSelected } from "./inbox.js";

export const KEYS = [
  ["j", "inbox.keys.next"],
  ["k", "inbox.keys.previous"],
  ["Enter", "inbox.keys.open"],
  ["Esc", "inbox.keys.back"],
  ["x", "inbox.keys.select"],
  ["e", "inbox.keys.answer"],
  ["a", "inbox.keys.assign"],
  ["i", "inbox.keys.ignore"],
  ["c", "inbox.keys.copy"],
  ["n", "inbox.keys.note"],
  ["?", "inbox.keys.help"],
];
let installed = false;

function typing(target) {
  const el = /** @type {HTMLElement} */ (target);
  return !!el && (el.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName));
}

export function installKeys() {
  if (installed) return;
  installed = true;
  document.addEventListener("keydown", onKey);
}

function onKey(event) {
  const root = state.root;
  if (!root || !root.isConnected || event.ctrlKey || event.altKey || event.metaKey) return;
  if (document.querySelector("dialog[open]")) return;
  if (event.key === "Escape") {
    if (!root.querySelector("#inbox-detail")?.contains(document.activeElement)) return;
    event.preventDefault();
    /** @type {HTMLElement | null} */ (root.querySelector("#inbox-list > li.current button.open"))?.focus();
    return;
  }
  if (typing(event.target)) return;
  const pane = /** @type {HTMLElement} */ (root.querySelector("#inbox-detail"));
  const handlers = {
    j: () => move(1),
    k: () => move(-1),
    o: () => setCurrent(state.current, true),
    Enter: () => setCurrent(state.current, true),
    x: () => toggleSelected(state.current),
    e: () => answerNow(root, root.querySelector("#inbox-count")),
    a: () => focusAssign(root, pane),
    i: () => ignore(root, pane),
    c: () => copyBest(pane),
    n: () => /** @type {HTMLElement | null} */ (pane.querySelector("textarea[name=note]"))?.focus(),
    "?": () => showHelp(),
  };
  // Enter on a control (a button, a link) keeps its own meaning.
  if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.closest("#inbox-detail, form, a, summary")) return;
  if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.matches("button:not(.open)")) return;
  const handler = handlers[event.key];
  if (!handler) return;
  event.preventDefault();
  handler();
}

function focusAssign(root, pane) {
  const target = state.selected.size ? root.querySelector("#inbox-bulk select") : pane.querySelector(".assign select");
  if (target) /** @type {HTMLElement} */ (target).focus();
  else announce(t("inbox.keys.nothing"));
}

function ignore(root, pane) {
  if (state.selected.size) /** @type {HTMLElement | null} */ (root.querySelector("#inbox-bulk input[name=bulk-reason]"))?.focus();
  else openAction(pane, "ignore");
}

/** The list of shortcuts, in a modal dialog that Escape closes. */
export function showHelp() {
  // Made afresh each time, so it speaks the language chosen since.
  document.getElementById("inbox-keys")?.remove();
  const close = h("button", { type: "button", onclick: () => dialog.close() }, t("common.close"));
  const dialog = /** @type {HTMLDialogElement} */ (
      h(
        "dialog",
        { id: "inbox-keys", "aria-labelledby": "inbox-keys-title" },
        h("h2", { id: "inbox-keys-title" }, t("inbox.keys.title")),
        h("dl", { class: "keys" }, KEYS.map(([key, text]) => [h("dt", null, h("kbd", null, key)), h("dd", null, t(text))])),
        close,
      )
    );
  document.body.append(dialog);
  dialog.showModal();
}
