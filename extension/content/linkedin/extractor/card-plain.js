// @ts-check
/**
 * Card kind "plain": a post in the feed for itself. Its id is its own urn (data-urn, data-id,
 * componentkey or a tracking attribute); a newer-markup card without one is identified by its
 * post's evidence (post-id.js: social counts, comment urns, links).
 *
 * Part of the LinkedIn extractor (see ../extractor.js); classic script, also a node module.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const parts = (Roos.extract = Roos.extract || {});
  const inNode = typeof module === "object" && module.exports;
  const P = parts.postId || (inNode ? require("./post-id.js") : null);
  if (!P) throw new Error("Roos extractor: load post-id before card-plain.js");

  const kind = Object.freeze({
    name: "plain",
    /** @param {{card: Element | null, ownUrn: any}} info */
    classify(info) {
      if (!info.card) return null;
      const postId = P.resolve(info.card, info.ownUrn, false);
      return postId ? { status: "read", kind: "plain", postId } : null;
    },
  });
  parts.cardPlain = kind;
  if (inNode) module.exports = kind;
})(typeof globalThis !== "undefined" ? globalThis : this);
