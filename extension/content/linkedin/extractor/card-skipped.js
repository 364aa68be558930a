// @ts-check
/**
 * Card kind "skipped": cards with nothing to answer, each skipped with a reason: adverts
 * ("promoted": a Promoted/Gepromoot label or a sponsored urn), job recommendations ("job"),
 * courses ("course"), events ("event"). Comments inside them are not read either.
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
  const U = parts.urns || (inNode ? require("./urns.js") : null);
  const F = parts.fields || (inNode ? require("./fields.js") : null);
  if (!T || !U || !F) throw new Error("Roos extractor: load text, urns, fields before card-skipped.js");

  const PROMOTED = new RegExp(`^(${T.anyOf(S.strings.promoted)})(\\s+(door|by)\\s.+)?$`, "i");

  /** @param {Element} card @param {boolean} modern */
  function isPromoted(card, modern) {
    const labels = modern
      ? F.beforeContent(card, "p, span")
      : [...card.querySelectorAll(S.classic.actorDescriptions)].flatMap((d) => [d, ...d.querySelectorAll("span")]);
    return labels.some((el) => PROMOTED.test(T.clean(el.textContent)));
  }

  const kind = Object.freeze({
    name: "skipped",
    /** @param {{card: Element | null, modern: boolean, ownUrn: any}} info */
    classify(info) {
      const reason = info.ownUrn ? U.skippedKind(info.ownUrn) : null;
      if (reason) return { status: "skipped", kind: reason, reason };
      if (info.card && isPromoted(info.card, info.modern))
        return { status: "skipped", kind: "promoted", reason: "promoted" };
      return null;
    },
  });
  parts.cardSkipped = kind;
  if (inNode) module.exports = kind;
})(typeof globalThis !== "undefined" ? globalThis : this);
