// @ts-check
/**
 * The real id of the post a card shows.
 *
 * A plain card's own urn is its post. A wrapped card's own urn is often someone else's event
 * (the commenter's activity, an aggregate of several), so there the post is found in what belongs
 * to the post itself, in this order:
 * 1. urns on the card's social-counts block (it counts the post's reactions),
 * 2. the post half of its comments' urns, urn:li:comment:(activity:POST,COMMENT),
 * 3. links to the post: hashtag links carry highlightedUpdateUrns=POST, and the card links to
 *    /feed/update/POST/ (links inside the post's text or a quoted post are not evidence).
 * An activity urn is preferred over a ugcPost one: LinkedIn shows the same post under both, and
 * plain cards carry the activity.
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
  const U = parts.urns || (inNode ? require("./urns.js") : null);
  const F = parts.fields || (inNode ? require("./fields.js") : null);
  if (!U || !F) throw new Error("Roos extractor: load urns and fields before post-id.js");

  const TEXT = `${S.classic.text}, ${S.modern.text}, ${S.classic.commentText}`;

  /** @param {Element} el @param {Element} card */
  const outsideQuotes = (el, card) => {
    const quote = el.closest(S.reshared);
    return !quote || !card.contains(quote);
  };

  /** @param {Element} el */
  function attributeUrns(el) {
    return ["data-urn", "data-id", "data-activity-urn", "data-entity-urn"].flatMap((name) =>
      U.urnsIn(el.getAttribute(name)).filter((/** @type {any} */ u) => U.isPostKind(u.kind)),
    );
  }

  /** @param {Element} card */
  function fromSocialCounts(card) {
    const found = [];
    for (const block of card.querySelectorAll(S.socialCounts)) {
      if (!F.owned(block, card) || !outsideQuotes(block, card)) continue;
      const carriers = block.querySelectorAll("[data-urn], [data-id], [data-activity-urn], [data-entity-urn]");
      for (const el of [block, ...carriers]) {
        if (outsideQuotes(el, card) && !el.closest(S.anyComment)) found.push(...attributeUrns(el));
      }
    }
    return found.map((u) => u.urn);
  }

  /** @param {Element} card */
  function fromComments(card) {
    const found = [];
    for (const el of card.querySelectorAll(S.anyComment)) {
      if (!outsideQuotes(el, card)) continue;
      const id = U.commentUrnOf(el);
      const post = id ? U.postOfComment(id) : null;
      if (post) found.push(post);
    }
    return found;
  }

  /** @param {Element} card */
  function fromLinks(card) {
    const found = [];
    for (const link of card.querySelectorAll('a[href*="urn"]')) {
      if (!F.owned(link, card) || !outsideQuotes(link, card)) continue;
      const href = link.getAttribute("href") || "";
      const highlighted = /[?&]highlightedUpdateUrns?=([^&#]+)/.exec(href);
      if (highlighted) {
        found.push(...U.urnsIn(highlighted[1]).filter((/** @type {any} */ u) => U.isPostKind(u.kind)).map((/** @type {any} */ u) => u.urn));
        continue;
      }
      if (link.closest(TEXT)) continue; // someone's text may link to any other post
      const update = /\/feed\/update\/([^/?#]+)/.exec(href);
      if (update) found.push(...U.urnsIn(update[1]).filter((/** @type {any} */ u) => U.isPostKind(u.kind)).map((/** @type {any} */ u) => u.urn));
    }
    return found;
  }

  /**
   * The post urns a card's own parts point to, best first (see above).
   * @param {Element} card
   * @returns {string[]}
   */
  function evidence(card) {
    const all = [...fromSocialCounts(card), ...fromLinks(card), ...fromComments(card)];
    const activity = all.filter((urn) => urn.startsWith("urn:li:activity:"));
    return [...new Set([...activity, ...all])];
  }

  /**
   * @param {Element} card
   * @param {{urn: string, kind: string} | null} ownUrn the card's own urn, if any
   * @param {boolean} wrapped whether the card wraps the post in someone else's event
   * @returns {string | null}
   */
  function resolve(card, ownUrn, wrapped) {
    const own = ownUrn && U.isPostKind(ownUrn.kind) ? ownUrn.urn : null;
    if (own && !wrapped) return own;
    return evidence(card)[0] || own;
  }

  const postId = Object.freeze({ evidence, resolve });
  parts.postId = postId;
  if (inNode) module.exports = postId;
})(typeof globalThis !== "undefined" ? globalThis : this);
