// @ts-check
/**
 * The user's own counts come from two pages: "3,384 people are following you" on the Followers
 * page and "You are following 58 people" on the Following page. Each check remembers the count
 * it read (chrome.storage.local, this browser only), so the second page completes the ratio.
 */

const STORE_KEY = "ownNetworkCounts";
const FRESH_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * @typedef {{value: number, at: string}} Known
 * @typedef {{followers?: Known, following?: Known, profile_url?: string}} OwnCounts
 */

/**
 * Pure: the counts to judge for a network page: what it shows, completed with what another page
 * showed in the last 30 days. `earlier` names the counts taken from another page.
 * @param {{followers: number | null, following: number | null}} page
 * @param {OwnCounts} known
 * @param {number} nowMs
 */
export function completeOwnCounts(page, known, nowMs) {
  /** @param {Known | undefined} entry */
  const fresh = (entry) => (entry && nowMs - Date.parse(entry.at) <= FRESH_MS ? entry : undefined);
  /** @type {Record<string, string>} */
  const earlier = {};
  const pick = (/** @type {"followers"|"following"} */ field) => {
    if (page[field] !== null && page[field] !== undefined) return page[field];
    const entry = fresh(known[field]);
    if (!entry) return null;
    earlier[field] = entry.at;
    return entry.value;
  };
  return { followers: pick("followers"), following: pick("following"), earlier };
}

/** @returns {Promise<OwnCounts>} */
export async function loadOwnCounts() {
  const stored = await chrome.storage.local.get(STORE_KEY);
  return stored[STORE_KEY] || {};
}

/**
 * Remember what this page showed of the user's own counts (and their profile's address).
 * @param {{followers?: number | null, following?: number | null, profile_url?: string}} seen
 */
export async function rememberOwnCounts(seen) {
  const known = await loadOwnCounts();
  const at = new Date().toISOString();
  if (typeof seen.followers === "number") known.followers = { value: seen.followers, at };
  if (typeof seen.following === "number") known.following = { value: seen.following, at };
  if (seen.profile_url) known.profile_url = seen.profile_url;
  await chrome.storage.local.set({ [STORE_KEY]: known });
}
