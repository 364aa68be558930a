// @ts-check
/**
 * LinkedIn's urns: which ones an attribute or link holds, what kind they are, and the post a
 * comment urn belongs to.
 *
 * - Posts: urn:li:activity:N, urn:li:ugcPost:N, urn:li:share:N.
 * - Wrappers: urn:li:fsd_update:(urn:li:activity:N,MAIN_FEED,…) stands for the urn inside.
 * - Aggregates: urn:li:aggregate:(urn:li:activity:A,urn:li:activity:B), several events about one
 *   post; neither A nor B is that post.
 * - Comments: urn:li:comment:(activity:POST,COMMENT) in the classic markup and
 *   urn:li:comment:(urn:li:activity:POST,COMMENT) in the newer one; both are read as the classic
 *   form, so one comment has one id whichever markup showed it.
 * - Tracking attributes hold JSON (sometimes URL-encoded) with urns inside.
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

  const URN = /urn:li:([A-Za-z_]+):(\((?:[^()]|\([^()]*\))*\)|[A-Za-z0-9-]+)/g;
  const COMMENT = /urn:li:comment:\((?:urn:li:)?([A-Za-z]+):(\d+),(\d+)\)/;

  /** @param {string} value */
  function decoded(value) {
    if (!/%3A/i.test(value)) return value;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }

  /**
   * Every urn in a text, wrappers unwrapped, in order of appearance.
   * @param {string | null | undefined} value
   * @returns {{urn: string, kind: string, inner: string}[]}
   */
  function urnsIn(value) {
    if (!value || !/urn(:|%3A)li/i.test(value)) return [];
    const found = [];
    for (const match of decoded(value).matchAll(URN)) {
      let [urn, kind, inner] = match;
      // fsd_update:(urn:li:activity:1,MAIN_FEED,…) is the activity it wraps
      while (S.wrapperUrnKinds.includes(kind) && inner.startsWith("(")) {
        const innerMatch = new RegExp(URN.source).exec(inner);
        if (!innerMatch) break;
        [urn, kind, inner] = innerMatch;
      }
      found.push({ urn: kind === "comment" ? normalComment(urn) : urn, kind, inner });
    }
    return found;
  }

  /** The first urn in a text, or null. @param {string | null | undefined} value */
  const firstUrn = (value) => urnsIn(value)[0] || null;

  /** @param {string} urn */
  function normalComment(urn) {
    const match = COMMENT.exec(urn);
    return match ? `urn:li:comment:(${match[1]}:${match[2]},${match[3]})` : urn;
  }

  /**
   * The post a comment belongs to: urn:li:comment:(ugcPost:1,2) → urn:li:ugcPost:1.
   * @param {string} commentUrn
   */
  function postOfComment(commentUrn) {
    const match = COMMENT.exec(commentUrn);
    return match ? `urn:li:${match[1]}:${match[2]}` : null;
  }

  /** @param {string} kind */
  const isPostKind = (kind) => S.postUrnKinds.includes(kind);

  /**
   * Why a card with this urn is not a post to answer ("job", "course", "promoted", "event"), or null.
   * An aggregate of job postings is a job card.
   * @param {{kind: string, inner: string}} urn
   */
  function skippedKind(urn) {
    const kinds = [urn.kind];
    if (S.aggregateUrnKinds.includes(urn.kind)) kinds.push(...urnsIn(urn.inner).map((u) => u.kind));
    for (const [reason, list] of Object.entries(S.skippedUrnKinds)) {
      if (kinds.some((kind) => list.includes(kind))) return reason;
    }
    return null;
  }

  /** Kinds a card's own urn may have: posts, aggregates and the cards Roos skips. @param {string} kind */
  function isCardKind(kind) {
    return (
      isPostKind(kind) ||
      S.aggregateUrnKinds.includes(kind) ||
      Object.values(S.skippedUrnKinds).some((list) => list.includes(kind))
    );
  }

  /**
   * The card urn an element carries in one of its urn attributes, or null.
   * @param {Element} el
   */
  function cardUrnOf(el) {
    for (const name of S.urnAttributesAll) {
      for (const urn of urnsIn(el.getAttribute(name))) if (isCardKind(urn.kind)) return urn;
    }
    return null;
  }

  /** The normalised comment urn of a comment element. @param {Element} el */
  function commentUrnOf(el) {
    for (const name of ["data-id", "componentkey", "id"]) {
      const value = el.getAttribute(name) || "";
      const match = COMMENT.exec(value);
      if (match) return `urn:li:comment:(${match[1]}:${match[2]},${match[3]})`;
    }
    return null;
  }

  const urns = Object.freeze({
    urnsIn,
    firstUrn,
    postOfComment,
    isPostKind,
    isCardKind,
    skippedKind,
    cardUrnOf,
    commentUrnOf,
  });
  parts.urns = urns;
  if (inNode) module.exports = urns;
})(typeof globalThis !== "undefined" ? globalThis : this);
