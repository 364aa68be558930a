// @ts-check
/**
 * When a post or comment was published: a <time datetime>, else the creation time inside
 * LinkedIn's snowflake id, else the relative label ("3 u •", "2d", "1 w", "3 mo").
 *
 * Part of the LinkedIn extractor (see ../extractor.js); classic script, also a node module.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const parts = (Roos.extract = Roos.extract || {});
  const inNode = typeof module === "object" && module.exports;

  const MINUTE = 6e4;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  /** @type {Map<string, number>} */
  const UNITS = new Map();
  for (const [ms, words] of /** @type {[number, string][]} */ ([
    [1e3, "s sec seconde seconden second seconds"],
    [MINUTE, "m min mins minuut minuten minute minutes"],
    [HOUR, "u uur h hr hrs hour hours"],
    [DAY, "d dag dagen day days"],
    [7 * DAY, "w wk week weken weeks"],
    [30 * DAY, "mnd mo mos maand maanden month months"],
    [365 * DAY, "j jr jaar jaren y yr yrs year years"],
  ])) {
    for (const word of words.split(" ")) UNITS.set(word, ms);
  }

  /**
   * @param {string} text
   * @param {number} nowMs
   * @returns {number | null} epoch milliseconds
   */
  function parseRelativeTime(text, nowMs) {
    const label = (text || "").replace(/\s+/g, " ").trim().toLowerCase();
    if (/^(nu|zojuist|now|just now)\b/.test(label)) return nowMs;
    const match = /^(\d{1,3})\s*([a-z]+)/.exec(label);
    const unit = match ? UNITS.get(match[2]) : undefined;
    return match && unit ? nowMs - Number(match[1]) * unit : null;
  }

  /**
   * LinkedIn ids are snowflakes: the top 41 bits are the creation time in epoch milliseconds.
   * @param {string} urn
   * @param {number} nowMs
   */
  function idTime(urn, nowMs) {
    const match = /(\d{15,20})\)?$/.exec(urn);
    if (!match) return null;
    const ms = Number(BigInt(match[1]) >> BigInt(22));
    return ms >= Date.UTC(2003, 0, 1) && ms <= nowMs + DAY ? ms : null;
  }

  /**
   * @param {Element | null} stamp a <time datetime> of the item, if any
   * @param {string} id
   * @param {string} relative
   * @param {number} nowMs
   */
  function publishedAt(stamp, id, relative, nowMs) {
    const stamped = stamp ? Date.parse(stamp.getAttribute("datetime") || "") : NaN;
    const ms = Number.isNaN(stamped) ? (idTime(id, nowMs) ?? parseRelativeTime(relative, nowMs)) : stamped;
    return ms === null ? undefined : new Date(ms).toISOString();
  }

  const time = Object.freeze({ parseRelativeTime, idTime, publishedAt });
  parts.time = time;
  if (inNode) module.exports = time;
})(typeof globalThis !== "undefined" ? globalThis : this);
