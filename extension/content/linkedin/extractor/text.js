// @ts-check
/**
 * Text as a reader sees it: line breaks kept, buttons ("…meer") and LinkedIn's visually-hidden
 * duplicates of every name left out, so a sentence or a name comes out once. Counts are read with
 * Roos.counts (lib/counts.js).
 *
 * Part of the LinkedIn extractor (see ../extractor.js); classic script, also a node module.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const parts = (Roos.extract = Roos.extract || {});
  const inNode = typeof module === "object" && module.exports;
  const S = Roos.selectors || (inNode ? require("../selectors.js") : null);
  const counts = Roos.counts || (inNode ? require("../../../lib/counts.js") : null);
  if (!S || !counts) throw new Error("Roos extractor: load lib/counts.js and selectors.js first");

  const SKIP_TAGS = new Set(
    "button script style template noscript svg img input textarea select".split(" "),
  );
  const BLOCK_TAGS = new Set(
    "p div li ul ol section article blockquote pre h1 h2 h3 h4 h5 h6".split(" "),
  );
  // counts often sit inside buttons ("12 reacties"), which text reading skips
  const COUNT_SKIP_TAGS = new Set([...SKIP_TAGS].filter((tag) => tag !== "button"));
  const BLOCK = "\u0000";

  /** @param {string | null | undefined} s */
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();

  /**
   * @param {Node} node
   * @param {string[]} out
   * @param {Set<string>} skip
   */
  function walk(node, out, skip) {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push((child.nodeValue || "").replace(/[ \t\n\r\f]+/g, " "));
      if (child.nodeType !== 1) continue;
      const el = /** @type {Element} */ (child);
      const tag = el.localName;
      if (tag === "br") out.push("\n");
      if (skip.has(tag) || tag === "br" || el.hasAttribute("hidden")) continue;
      if (el.classList.contains("visually-hidden") || el.hasAttribute("data-roos")) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) out.push(BLOCK);
      walk(el, out, skip);
      if (block) out.push(BLOCK);
    }
  }

  /**
   * Visible text of an element, lines kept.
   * @param {Element | null | undefined} el
   * @param {Set<string>} [skip] tags whose content is not read
   */
  function readText(el, skip = SKIP_TAGS) {
    if (!el) return "";
    /** @type {string[]} */
    const out = [];
    walk(el, out, skip);
    return out
      .join("")
      .replace(/\u00a0/g, " ")
      .replace(/\u0000+/g, "\n")
      .split("\n")
      .map((line) => line.replace(/ {2,}/g, " ").trim())
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }

  /** The number shown in a count element ("42", "12 reacties"), or null. @param {Element | null | undefined} el */
  const countOf = (el) => (el ? counts.parseCount(clean(readText(el, COUNT_SKIP_TAGS))) : null);

  /** A name without LinkedIn's degree and role badges ("• 2e", "Auteur"). @param {string} name */
  const stripBadge = (name) =>
    name.replace(S.strings.nameBadge, "").replace(S.strings.nameBadge, "").trim();

  /** @param {string} s */
  const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  /** @param {readonly string[]} words */
  const anyOf = (words) => words.map(escapeRegExp).join("|");

  const text = Object.freeze({ clean, readText, countOf, stripBadge, anyOf, COUNT_SKIP_TAGS });
  parts.text = text;
  if (inNode) module.exports = text;
})(typeof globalThis !== "undefined" ? globalThis : this);
