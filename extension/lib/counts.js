// @ts-check
/**
 * Reads the counts LinkedIn and X print for people ("1.234 volgers", "12,5K", "500+ connecties",
 * "1,2 mln.") as numbers. The agent's Python parser follows the same rules; both are tested
 * against tests/fixtures/linkedin/counts-cases.json, so the two cannot drift apart.
 *
 * Rules:
 * - The first number in the text counts; words around it ("volgers", "reacties") are ignored.
 * - Thousands are grouped by "." or "," (or a no-break space) in groups of exactly three digits,
 *   one separator kind per number: "1.234" and "1,234" are both 1234.
 * - A decimal part needs a multiplier: "12,5K" = 12500, "1.2M" = 1200000, "1,2 mln." = 1200000.
 *   Without one ("1,5 volgers") the text is nonsense: nobody has half a follower.
 * - "500+" is 500; the plus (and any multiplier) marks the value as not exact.
 * - Anything else (no digits, "1.2.3", a minus sign, an empty string) is null.
 *
 * Classic script: attaches Roos.counts, and exports the same object for node.
 */
(function (/** @type {any} */ root) {
  "use strict";

  const MULTIPLIERS = {
    k: 1e3,
    duizend: 1e3,
    thousand: 1e3,
    m: 1e6,
    mln: 1e6,
    mio: 1e6,
    miljoen: 1e6,
    million: 1e6,
    b: 1e9,
    bn: 1e9,
    mld: 1e9,
    mrd: 1e9,
    miljard: 1e9,
    billion: 1e9,
  };

  const SUFFIX = "miljoen|miljard|million|billion|thousand|duizend|mln|mio|mld|mrd|bn|k|m|b";
  // integer part: grouped (one separator kind throughout, via \3) or plain digits;
  // then an optional decimal part, multiplier and "+".
  const NUMBER = new RegExp(
    "([-\u2212]?)(\\d{1,3}(?:([.,\u00a0\u202f])\\d{3})(?:\\3\\d{3})*|\\d+)" +
      "(?:([.,])(\\d+))?" +
      `(?:\\s*(${SUFFIX})\\.?(?![\\p{L}\\d]))?` +
      "\\s*(\\+)?",
    "iu",
  );

  /**
   * @typedef {{value: number, exact: boolean}} CountDetail
   */

  /**
   * The count in a text, and whether it is exact ("500+" and "12K" are not).
   * @param {unknown} text
   * @returns {CountDetail | null}
   */
  function parseCountDetail(text) {
    if (typeof text === "number") {
      return Number.isInteger(text) && text >= 0 ? { value: text, exact: true } : null;
    }
    if (typeof text !== "string") return null;
    const match = NUMBER.exec(text);
    if (!match) return null;
    const [whole, minus, integer, groupSep, decimalSep, decimals, suffix, plus] = match;
    if (minus) return null;
    const rest = text.slice(match.index + whole.length);
    // "1.2.3", "1,23,4" or "1..2": more separators and digits after the number mean malformed.
    if (/^[.,][.,\d]/.test(rest)) return null;
    if (groupSep && decimalSep === groupSep) return null;
    if (decimals !== undefined && !suffix) return null;
    const base = Number(integer.replace(/[.,\u00a0\u202f]/g, ""));
    const fraction = decimals === undefined ? 0 : Number(`0.${decimals}`);
    const multiplier = suffix ? MULTIPLIERS[/** @type {keyof MULTIPLIERS} */ (suffix.toLowerCase())] : 1;
    const value = Math.round((base + fraction) * multiplier);
    if (!Number.isFinite(value)) return null;
    return { value, exact: !suffix && !plus };
  }

  /**
   * The count in a text, or null when there is none or it is nonsense.
   * @param {unknown} text
   * @returns {number | null}
   */
  function parseCount(text) {
    const detail = parseCountDetail(text);
    return detail ? detail.value : null;
  }

  const counts = Object.freeze({ parseCount, parseCountDetail });
  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  Roos.counts = counts;
  if (typeof module === "object" && module.exports) module.exports = counts;
})(typeof globalThis !== "undefined" ? globalThis : this);
