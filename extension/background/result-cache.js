// @ts-check
/**
 * The agent's analyses by item id, kept in the worker so that returning to a page (back from a
 * profile, a second tab on the feed) draws every badge at once instead of after the agent's
 * round trip. The agent is still asked every time (it stores the item and may have learned
 * more); what it answers replaces the entry and reaches the tab only when it differs.
 *
 * In memory, bounded (oldest out first) and aged: the worker may die at any time, and then the
 * next visit simply waits for the agent as the first one did. item.updated events from the
 * agent keep entries true; an entry older than MAX_AGE_MS is not shown.
 */

const MAX_ENTRIES = 5000;
const MAX_AGE_MS = 30 * 60 * 1000;

/** @type {Map<string, {at: number, result: any}>} insertion order = age */
const entries = new Map();

/**
 * The cached result for every id, or null if any one is missing or too old.
 * @param {string[]} ids
 * @param {number} [now]
 */
export function cachedResults(ids, now = Date.now()) {
  const results = [];
  for (const id of ids) {
    const entry = entries.get(id);
    if (!entry || now - entry.at > MAX_AGE_MS) return null;
    results.push(entry.result);
  }
  return results;
}

/**
 * @param {any[]} results the agent's answer ({id, ...analysis})
 * @param {number} [now]
 */
export function keepResults(results, now = Date.now()) {
  for (const result of results) {
    if (!result || typeof result.id !== "string") continue;
    entries.delete(result.id);
    entries.set(result.id, { at: now, result });
  }
  for (const id of entries.keys()) {
    if (entries.size <= MAX_ENTRIES) break;
    entries.delete(id);
  }
}

/**
 * An item.updated event: the agent's newer analysis replaces a cached one (only those already
 * cached: events about items this browser never showed are not worth the memory).
 * @param {{id?: unknown, analysis?: any}} data
 */
export function updateResult(data) {
  const id = String(data.id ?? "");
  if (!entries.has(id) || !data.analysis || typeof data.analysis !== "object") return;
  keepResults([{ ...data.analysis, id }]);
}

/** Forget everything (a new pairing, the agent forgot people, or a benchmark's cold start). */
export function forgetResults() {
  entries.clear();
}

export const cacheSize = () => entries.size;
