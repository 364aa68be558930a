// @ts-check
/**
 * Card kind "wrapped": a post shown because of someone else's action ("Anna commented on this",
 * "… likes this", "… reposted this", "… celebrates this", "… follows Vlotbank"), or an aggregate
 * of several such events (urn:li:aggregate:(…)). The post inside is read like any other, under
 * its own id (post-id.js); who did what becomes the item's context, with the card's own urn as
 * event_id. A comment or repost event's urn is never taken for the post: without evidence of
 * the post's own id the card is "unreadable" (reason no-post-id) and reported as a miss.
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
  const H = parts.header || (inNode ? require("./header.js") : null);
  const P = parts.postId || (inNode ? require("./post-id.js") : null);
  const U = parts.urns || (inNode ? require("./urns.js") : null);
  if (!H || !P || !U) throw new Error("Roos extractor: load header and post-id before card-wrapped.js");

  // events that are not the post: their urn is the actor's own activity
  const OWN_ACTIVITY = new Set(["comment", "repost"]);

  const kind = Object.freeze({
    name: "wrapped",
    /** @param {{card: Element | null, ownUrn: any}} info */
    classify(info) {
      if (!info.card) return null;
      const header = H.contextOf(info.card);
      // an aggregate of posts' events; aggregates of people or pages ("Recommended for you") are not posts
      const aggregate = Boolean(
        info.ownUrn &&
          S.aggregateUrnKinds.includes(info.ownUrn.kind) &&
          U.urnsIn(info.ownUrn.inner).some((/** @type {any} */ u) => U.isPostKind(u.kind)),
      );
      if (!header && !aggregate) return null;
      const contextKind = header ? header.kind : "aggregate";
      const own = info.ownUrn && U.isPostKind(info.ownUrn.kind) ? info.ownUrn.urn : null;
      const evidence = P.evidence(info.card)[0] || null;
      const postId = evidence || (OWN_ACTIVITY.has(contextKind) ? null : own);
      /** @type {Record<string, any>} */
      const context = { kind: contextKind, actors: header ? header.actors : [] };
      if (info.ownUrn && info.ownUrn.urn !== postId) context.event_id = info.ownUrn.urn;
      if (!postId) return { status: "unreadable", kind: "wrapped", reason: "no-post-id" };
      return { status: "read", kind: "wrapped", postId, context, header: header ? header.element : null };
    },
  });
  parts.cardWrapped = kind;
  if (inNode) module.exports = kind;
})(typeof globalThis !== "undefined" ? globalThis : this);
