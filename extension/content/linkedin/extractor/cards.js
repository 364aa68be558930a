// @ts-check
/**
 * One pass over a page: every card box (containers of both markups, filled or not), what kind of
 * card each is, and the answerable posts with their comments and replies in page order.
 *
 * The card kinds are tried in this order (one module each, listed here as the registry):
 * placeholder → skipped (adverts, jobs, courses, events) → wrapped → plain. A box none of them
 * claims is "unknown" when it has a post's Like/Comment buttons (a post Roos cannot read: a
 * miss), otherwise "not-a-post" (people you may know, news modules). The tally of a pass is the
 * page's report: containers seen, read, pending, skipped by reason, unknown, unreadable.
 *
 * Part of the LinkedIn extractor (see ../extractor.js); classic script, also a node module.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const parts = (Roos.extract = Roos.extract || {});
  const inNode = typeof module === "object" && module.exports;
  /** @param {string} name @param {string} file */
  const need = (name, file) => {
    if (parts[name]) return parts[name];
    if (inNode) return require(file);
    throw new Error(`Roos extractor: load ${file} before cards.js`);
  };
  const S = Roos.selectors || (inNode ? require("../selectors.js") : null);
  const T = need("text", "./text.js");
  const U = need("urns", "./urns.js");
  const KINDS = [
    need("cardPlaceholder", "./card-placeholder.js"),
    need("cardSkipped", "./card-skipped.js"),
    need("cardWrapped", "./card-wrapped.js"),
    need("cardPlain", "./card-plain.js"),
  ];

  /**
   * @typedef {{element: Element, id: string, kind: "post"|"comment"|"reply", parent_id?: string,
   *   card: Element, postId: string, modern: boolean, context?: any, header?: Element | null}} Entry
   * @typedef {{containers: number, cards: number, read: number, pending: number, unknown: number,
   *   unreadable: number, skipped: Record<string, number>, kinds: Record<string, number>}} Report
   */

  /** The outermost card boxes under root, in page order. @param {Document | Element} root */
  function containersIn(root) {
    const list = [...root.querySelectorAll(S.cardContainer)];
    if ("matches" in root && root.matches(S.cardContainer)) list.unshift(root);
    const taken = new Set();
    const out = [];
    for (const el of list) {
      let inside = false;
      for (let p = el.parentElement; p && !inside; p = p.parentElement) inside = taken.has(p);
      if (inside) continue;
      taken.add(el);
      out.push(el);
    }
    return out;
  }

  /** The post card inside a box: LinkedIn's classic update or the newer listitem. @param {Element} box */
  function cardOf(box) {
    if (box.matches(S.classic.post) || box.matches('[role="article"][data-urn]')) return { el: box, modern: false };
    const classic = box.querySelector(`${S.classic.post}, [role="article"][data-urn]`);
    if (classic) return { el: classic, modern: false };
    const item = box.matches(S.modern.card) ? box : box.querySelector(S.modern.card);
    return item ? { el: item, modern: true } : null;
  }

  /** @param {Element} box @param {{el: Element, modern: boolean} | null} card */
  function ownUrnOf(box, card) {
    const own = (card && U.cardUrnOf(card.el)) || U.cardUrnOf(box);
    if (own || !card || !card.modern) return own;
    for (const el of card.el.querySelectorAll(S.modern.urnCarrier)) {
      if (el.closest(S.anyComment) || el.closest(S.reshared)) continue;
      const urn = U.cardUrnOf(el);
      if (urn) return urn;
    }
    return null;
  }

  /** A post's own Like or Comment button: the box is a post, read or not. @param {Element} box */
  function hasPostActions(box) {
    const words = [...S.strings.commentAction, ...S.strings.likeAction].map((w) => w.toLowerCase());
    for (const b of box.querySelectorAll('button, [role="button"]')) {
      const label = T.clean(b.getAttribute("aria-label") || T.readText(b) || b.textContent).toLowerCase();
      if (words.some((w) => label === w || label.startsWith(`${w} `))) return true;
    }
    return false;
  }

  /** @param {Element} box */
  function classify(box) {
    const card = cardOf(box);
    const info = { container: box, card: card ? card.el : null, modern: Boolean(card && card.modern), ownUrn: ownUrnOf(box, card) };
    for (const kind of KINDS) {
      const result = kind.classify(info);
      if (result) return { ...result, card: info.card, modern: info.modern, ownUrn: info.ownUrn };
    }
    if (hasPostActions(box)) return { status: "unknown", kind: "unknown", card: info.card, modern: info.modern, ownUrn: info.ownUrn };
    return { status: "skipped", kind: "not-a-post", reason: "not-a-post", card: info.card, modern: info.modern, ownUrn: info.ownUrn };
  }

  /** @returns {Report} */
  const emptyReport = () => ({ containers: 0, cards: 0, read: 0, pending: 0, unknown: 0, unreadable: 0, skipped: {}, kinds: {} });

  /** @param {Record<string, number>} map @param {string} key */
  const bump = (map, key) => {
    map[key] = (map[key] || 0) + 1;
  };

  /**
   * @param {Document | Element} root
   */
  function scan(root) {
    /** @type {Map<Element, {id: string, skipped: boolean}>} */
    const cards = new Map();
    /** @type {Entry[]} */
    const entries = [];
    /** @type {{container: Element, status: string, kind: string, reason?: string, id?: string}[]} */
    const boxes = [];
    const report = emptyReport();
    const ids = new Set();
    for (const box of containersIn(root)) {
      const found = classify(box);
      let { status, kind, reason } = found;
      if (found.status === "read" && ids.has(found.postId)) {
        // LinkedIn renders a post twice while scrolling, or wrapped and plain on one page: one item
        status = "skipped";
        reason = "duplicate";
      }
      report.containers += 1;
      if (reason !== "not-a-post" && status !== "pending") report.cards += 1;
      if (status === "skipped") bump(report.skipped, reason || kind);
      else report[/** @type {"read"|"pending"|"unknown"|"unreadable"} */ (status)] += 1;
      const kindName = kind === "wrapped" && found.context ? `wrapped:${found.context.kind}` : kind;
      bump(report.kinds, kindName);
      boxes.push({ container: box, status, kind: kindName, reason, id: found.postId || found.ownUrn?.urn });
      if (found.card) cards.set(found.card, { id: found.postId || found.ownUrn?.urn || "", skipped: status !== "read" });
      if (status !== "read") continue;
      ids.add(found.postId);
      const base = { card: found.card, postId: found.postId, modern: found.modern };
      entries.push({ ...base, element: found.card, id: found.postId, kind: "post", context: found.context, header: found.header || null });
      collectComments(found.card, found.postId, ids, entries, base);
    }
    return { cards, entries, report, boxes };
  }

  /**
   * @param {Element} card
   * @param {string} postId
   * @param {Set<string>} ids
   * @param {Entry[]} entries
   * @param {{card: Element, postId: string, modern: boolean}} base
   */
  function collectComments(card, postId, ids, entries, base) {
    /** @type {string | null} */
    let lastComment = null;
    for (const comment of card.querySelectorAll(S.anyComment)) {
      if (comment.closest(S.reshared) && card.contains(comment.closest(S.reshared))) continue;
      const id = U.commentUrnOf(comment);
      if (!id || ids.has(id)) continue;
      ids.add(id);
      let above = comment.parentElement && comment.parentElement.closest(S.anyComment);
      while (above && U.commentUrnOf(above) === id) above = above.parentElement && above.parentElement.closest(S.anyComment);
      let parentId = above && card.contains(above) ? U.commentUrnOf(above) : null;
      if (!parentId && comment.classList.contains(S.classic.replyClass)) parentId = lastComment;
      if (!parentId) lastComment = id;
      entries.push({ ...base, element: comment, id, kind: parentId ? "reply" : "comment", parent_id: parentId || postId });
    }
  }

  const cardsPart = Object.freeze({ scan, containersIn, hasPostActions, emptyReport });
  parts.cards = cardsPart;
  if (inNode) module.exports = cardsPart;
})(typeof globalThis !== "undefined" ? globalThis : this);
