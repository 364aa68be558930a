// @ts-check
/**
 * Shape checks for runtime messages. A content script runs next to a page we
 * do not control, so everything it sends is checked before it reaches the
 * agent. Each check returns an error text, or null when the message is fine.
 */

export const MAX_ITEMS = 200;
const MAX_TEXT = 200_000;
const MAX_ID = 512;

/**
 * @param {unknown} value
 * @param {number} max
 */
export function isText(value, max = MAX_TEXT) {
  return typeof value === "string" && value.length <= max;
}

/** @param {unknown} value */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Only real web addresses (https); script and data URLs are never passed on.
 * @param {unknown} value
 */
export function isWebUrl(value) {
  if (!isText(value, 4096)) return false;
  try {
    return new URL(/** @type {string} */ (value)).protocol === "https:";
  } catch {
    return false;
  }
}

/** @param {unknown} value */
export function isCount(value) {
  return (typeof value === "number" && Number.isFinite(value) && value >= 0) || isText(value, 100);
}

/** @param {any} item */
export function itemProblem(item) {
  if (!isPlainObject(item)) return "item is not an object";
  if (!isText(item.id, MAX_ID) || !item.id) return "item.id must be a short text";
  if (item.text !== undefined && !isText(item.text)) return "item.text is too long";
  if (item.url !== undefined && item.url !== null && !isWebUrl(item.url)) return "item.url is not https";
  return null;
}

/** @param {any} message */
export function itemsProblem(message) {
  const { items } = message;
  if (!Array.isArray(items) || items.length === 0) return "items must be a non-empty list";
  if (items.length > MAX_ITEMS) return `at most ${MAX_ITEMS} items per message`;
  for (const item of items) {
    const problem = itemProblem(item);
    if (problem) return problem;
  }
  return null;
}

const DRAFT_KINDS = ["post", "comment", "reply"];

/** @param {any} message */
export function draftProblem(message) {
  if (!isText(message.text)) return "text must be a text";
  if (!isPlainObject(message.context) || !DRAFT_KINDS.includes(message.context.kind)) {
    return "context.kind must be post, comment or reply";
  }
  if (message.context.url !== undefined && !isWebUrl(message.context.url)) return "context.url is not https";
  return null;
}

/** @param {any} message */
export function followRatioProblem(message) {
  if (!isWebUrl(message.account)) return "account must be an https profile address";
  if (!isCount(message.followers)) return "followers must be a number or a short text";
  // Company pages show followers only (companies follow no one): following may be absent.
  if (message.following !== null && message.following !== undefined && !isCount(message.following)) {
    return "following must be a number or a short text";
  }
  if (message.name !== undefined && !isText(message.name, 300)) return "name is too long";
  if (message.own !== undefined && typeof message.own !== "boolean") return "own must be true or false";
  return null;
}

/** @param {any} message */
export function repliedProblem(message) {
  if (!isText(message.itemId, MAX_ID) || !message.itemId) return "itemId must be a short text";
  if (message.text !== undefined && !isText(message.text)) return "text is too long";
  if (message.url !== undefined && !isWebUrl(message.url)) return "url is not https";
  return null;
}

/** @param {any} message */
export function ownPostProblem(message) {
  if (!isText(message.text) || !message.text.trim()) return "text must be a non-empty text";
  if (message.url !== undefined && !isWebUrl(message.url)) return "url is not https";
  return null;
}

/** @param {unknown} value */
const isTally = (value) =>
  isPlainObject(value) &&
  Object.keys(/** @type {object} */ (value)).length <= 50 &&
  Object.values(/** @type {object} */ (value)).every((n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000);

/** A page's tally of cards: counts and card kinds only. @param {any} message */
export function pageReportProblem(message) {
  if (!isWebUrl(message.url)) return "url is not https";
  if (!isText(message.report_id, 64) || !/^[A-Za-z0-9_-]+$/.test(message.report_id))
    return "report_id must be a short token";
  if (message.page !== undefined && !isText(message.page, 32)) return "page is too long";
  if (!isPlainObject(message.counts)) return "counts must be an object";
  const { skipped, ...rest } = message.counts;
  if (!isTally(rest) || (skipped !== undefined && !isTally(skipped))) return "counts must be whole numbers";
  if (!isTally(message.card_kinds)) return "card_kinds must be whole numbers";
  return null;
}

/** @param {any} message */
export function extractorMissProblem(message) {
  if (!isWebUrl(message.url)) return "url is not https";
  if (!isPlainObject(message.hints)) return "hints must be an object";
  return null;
}
