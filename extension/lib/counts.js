// @ts-check
/**
 * Reads the counts LinkedIn and X print for people ("1.234 volgers", "12,5K", "500+ connecties",
 * "1,2 mln.") as numbers, by the same rules as the agent's agent/analysis/counts.py; both are
 * checked against tests/fixtures/linkedin/counts-cases.json so they cannot drift apart.
 *
 * Rules:
 * - The text is a number, optionally a multiplier (K, M, mln, mio, miljoen, million, mil, B, bn,
 *   mld, miljard, billion), optionally "+", optionally words ("volgers"). Anything before the
 *   number, or digits after it, and it is not a count.
 * - A single separator followed by exactly three digits and no multiplier groups thousands
 *   ("1.234", "1,234", "1 234"); with a multiplier it is a decimal mark ("1.234K" = 1234).
 * - A decimal part needs a multiplier: "12,5K" is 12500, "1,5 volgers" is nonsense.
 * - Negative counts and counts above ten billion are nonsense. Halves round to even.
 * - Nonsense is null. "500+" is 500, marked not exact (as are multiplied, rounded counts).
 *
 * Classic script: attaches Roos.counts, and exports the same object for node.
 */
(function (/** @type {any} */ root) {
  "use strict";

  const MAX_COUNT = 1e10;
  /** @type {Record<string, number>} */
  const MULTIPLIER = {
    k: 1e3,
    m: 1e6,
    mln: 1e6,
    mio: 1e6,
    miljoen: 1e6,
    million: 1e6,
    mil: 1e6,
    b: 1e9,
    bn: 1e9,
    mld: 1e9,
    miljard: 1e9,
    billion: 1e9,
  };
  const SHAPE = new RegExp(
    "^(?<sign>[-\u2212])?(?<number>\\d[\\d.,'\u00a0\u202f\u2009 ]*?)\\s*" +
      "(?<unit>k|m|mln\\.?|mio\\.?|miljoen|million|mil|b|bn|mld\\.?|miljard|billion)?" +
      "(?<plus>\\+)?(?:\\s+\\p{L}[^\\d]*)?$",
    "iu",
  );
  const SPACES = /[\s\u00a0\u202f\u2009]+/g;
  const THOUSANDS = /^\d{1,3}([.,' ])\d{3}(?:\1\d{3})*$/;
  const DECIMAL = /^(?<whole>\d+|\d{1,3}(?:[.,' ]\d{3})+)(?<mark>[.,])(?<fraction>\d+)$/;

  /**
   * @param {string} raw
   * @param {boolean} hasUnit
   * @returns {number | null}
   */
  function readNumber(raw, hasUnit) {
    const digits = raw.replace(SPACES, " ").trim();
    if (/^\d+$/.test(digits)) return Number(digits);
    const grouped = THOUSANDS.exec(digits);
    // "1.234" is a thousand and more; "1.234K" is one point two thousand.
    if (grouped && !(hasUnit && digits.split(grouped[1]).length === 2))
      return Number(digits.replace(/\D/g, ""));
    const decimal = DECIMAL.exec(digits);
    if (!decimal || !decimal.groups || !hasUnit) return null;
    const { whole, mark, fraction } = decimal.groups;
    if (whole.includes(mark)) return null;
    const base = readNumber(whole, false);
    return base === null ? null : base + Number(`0.${fraction}`);
  }

  /** Python's round(): halves go to the even neighbour, so both sides agree on "2,5K"-like edges. */
  const roundHalfEven = (/** @type {number} */ x) => {
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  };

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
      return Number.isInteger(text) && text >= 0 && text <= MAX_COUNT ? { value: text, exact: true } : null;
    }
    if (typeof text !== "string") return null;
    const shape = SHAPE.exec(text.trim());
    if (!shape || !shape.groups) return null;
    const { sign, number, unit, plus } = shape.groups;
    const key = (unit || "").toLowerCase().replace(/\.$/, "");
    const read = readNumber(number, Boolean(key));
    if (read === null || sign) return null;
    const value = read * (MULTIPLIER[key] || 1);
    if (!Number.isFinite(value) || value > MAX_COUNT) return null;
    return { value: roundHalfEven(value), exact: !key && !plus };
  }

  /**
   * The count in a text, or null when it is not a count.
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
