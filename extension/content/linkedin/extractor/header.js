// @ts-check
/**
 * The header of a wrapped card: why LinkedIn shows this post ("Anna and Bob commented on this",
 * "Anna likes this", "Anna reposted this", "Anna celebrates this", "Anna follows Vlotbank").
 *
 * The classic markup puts it in .update-components-header; the newer markup has no stable class,
 * so the header is found by its shape: one line, before the post's text, holding a profile link
 * and ending in one of LinkedIn's phrases (selectors.js strings.context, Dutch and English).
 * A group's "Posted in …" header is not a wrapper.
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
  const T = parts.text || (inNode ? require("./text.js") : null);
  const F = parts.fields || (inNode ? require("./fields.js") : null);
  if (!T || !F) throw new Error("Roos extractor: load text and fields before header.js");
  const { clean, readText, anyOf } = T;

  const FOLLOW = new RegExp(`^(.+?)\\s+(${anyOf(S.strings.context.follow)})\\s+(\\S.{0,80})$`, "i");
  const PHRASES = Object.entries(S.strings.context)
    .filter(([kind]) => kind !== "follow")
    .map(([kind, words]) => ({ kind, pattern: new RegExp(`^(.+?)\\s+(${anyOf(words)})$`, "i") }));
  const LINK = 'a[href*="/in/"], a[href*="/company/"], a[href*="/school/"], a[href*="/showcase/"]';
  const MAX_LINE = 200;

  /**
   * @typedef {{kind: string, actors: {name: string, profile_url?: string}[], element: Element}} Context
   */

  /** @param {string} line */
  function classify(line) {
    for (const { kind, pattern } of PHRASES) if (pattern.test(line)) return kind;
    return FOLLOW.test(line) ? "follow" : null;
  }

  /** @param {Element} el @param {string} kind */
  function actorsOf(el, kind) {
    const seen = new Set();
    const actors = [];
    for (const link of el.querySelectorAll(LINK)) {
      const name = F.linkName(link);
      const profile = F.profileUrl(link.getAttribute("href"));
      // "Anna follows Vlotbank": the company followed is not an actor
      if (kind === "follow" && actors.length) break;
      if (!name || seen.has(profile || name)) continue;
      seen.add(profile || name);
      actors.push(profile ? { name, profile_url: profile } : { name });
    }
    return actors;
  }

  /**
   * The wrapping context of a post card, or null for a plain post.
   * @param {Element} card the post card (feed-shared-update-v2 or the newer listitem)
   * @returns {Context | null}
   */
  function contextOf(card) {
    // The classic markup always boxes its header; only the newer one is searched by shape.
    const classic = card.matches(S.classic.post) ? F.own(card, S.header) : null;
    if (!classic && card.matches(S.classic.post)) return null;
    const candidates = classic
      ? [classic, ...classic.querySelectorAll("span, p, div")]
      : F.beforeContent(card, "span, p, div, h2, h3");
    for (const el of candidates) {
      // cheap tests first: a header is one short line holding a profile link
      if ((el.textContent || "").length > MAX_LINE * 2 || !el.querySelector(LINK)) continue;
      const text = readText(el);
      if (!text || text.includes("\n") || text.length > MAX_LINE) continue;
      const kind = classify(clean(text));
      if (kind) return { kind, actors: actorsOf(el, kind), element: el };
    }
    return null;
  }

  const header = Object.freeze({ contextOf, classify });
  parts.header = header;
  if (inNode) module.exports = header;
})(typeof globalThis !== "undefined" ? globalThis : this);
