// @ts-check
/**
 * The toolbar badge is the user's glance at Roos: green and empty when all is
 * well, a red count of waiting items when the agent is away, an orange "?"
 * when Roos is not (or wrongly) paired. The title says it in words.
 */

/** @type {Record<string, {color: string, title: string}>} */
const LOOK = {
  connected: { color: "#2e7d32", title: "badgeConnected" },
  offline: { color: "#b3261e", title: "badgeOffline" },
  unpaired: { color: "#e65100", title: "badgeUnpaired" },
  unauthorized: { color: "#e65100", title: "badgeUnauthorized" },
  version: { color: "#e65100", title: "badgeVersion" },
};

/**
 * Pure: what the badge should show for a state and a queue length.
 * @param {string} state
 * @param {number} queued
 * @returns {{text: string, color: string, title: string}}
 */
export function badgeLook(state, queued) {
  const look = LOOK[state] || LOOK.offline;
  const count = queued > 999 ? "999+" : String(queued);
  let text = "";
  if (state === "offline") text = queued > 0 ? count : chrome.i18n.getMessage("badgeTextOffline");
  else if (state === "unpaired" || state === "unauthorized") text = "?";
  else if (state === "version") text = "!";
  else if (queued > 0) text = count;
  let title = chrome.i18n.getMessage(look.title);
  if (queued > 0) title += " " + chrome.i18n.getMessage("badgeQueued", [String(queued)]);
  return { text, color: look.color, title };
}

/**
 * @param {string} state
 * @param {number} queued
 */
export async function renderBadge(state, queued) {
  const look = badgeLook(state, queued);
  await Promise.all([
    chrome.action.setBadgeText({ text: look.text }),
    chrome.action.setBadgeBackgroundColor({ color: look.color }),
    chrome.action.setTitle({ title: look.title }),
  ]);
  if (chrome.action.setBadgeTextColor) await chrome.action.setBadgeTextColor({ color: "#ffffff" });
}
