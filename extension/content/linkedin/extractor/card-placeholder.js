// @ts-check
/**
 * Card kind "placeholder": an empty box LinkedIn keeps in a virtualised feed until the card
 * scrolls into view (classic: .occludable-update-hint; newer: an empty data-lazy-mount-id box).
 * Counted as pending, not as a miss; the extension reads it when it fills (mutations.js), the
 * group scraper after its next scroll.
 *
 * Part of the LinkedIn extractor (see ../extractor.js); classic script, also a node module.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const parts = (Roos.extract = Roos.extract || {});
  const inNode = typeof module === "object" && module.exports;

  /** @param {Element} el */
  const empty = (el) =>
    !el.querySelector("a[href], img, video, button, [contenteditable], p, h2, h3") &&
    !(el.textContent || "").trim();

  const kind = Object.freeze({
    name: "placeholder",
    /** @param {{container: Element, card: Element | null}} info */
    classify(info) {
      return empty(info.card || info.container) ? { status: "pending", kind: "placeholder" } : null;
    },
  });
  parts.cardPlaceholder = kind;
  if (inNode) module.exports = kind;
})(typeof globalThis !== "undefined" ? globalThis : this);
