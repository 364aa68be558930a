// @ts-check
/**
 * Live events from the agent, as the user should feel them.
 *
 * - item.updated and item.answered go to the open LinkedIn tabs, so overlays
 *   follow (an item answered elsewhere loses its reply prompt).
 * - item.new that is urgent and needs a reply becomes a desktop notification,
 *   unless the user is already looking at it: items this browser just sent
 *   for analysis are remembered for a while and not notified.
 * - source.blocked becomes a notification: a source Roos listens to refused it.
 */
import { broadcastToTabs } from "./tabs.js";

const URGENT = 0.7;
const REMEMBER = 2000;
/** @type {Set<string>} */
const recentlySent = new Set();

/** @param {string[]} ids */
export function rememberSent(ids) {
  for (const id of ids) {
    recentlySent.delete(id);
    recentlySent.add(id);
  }
  for (const id of recentlySent) {
    if (recentlySent.size <= REMEMBER) break;
    recentlySent.delete(id);
  }
}

/** @param {{type: string, data?: any}} event */
export async function onLiveEvent(event) {
  const data = event.data && typeof event.data === "object" ? event.data : {};
  if (event.type === "item.updated") {
    await broadcastToTabs({
      type: "itemUpdated",
      data: { id: data.id, answered: data.answered === true, analysis: data.analysis },
    });
  } else if (event.type === "item.answered") {
    await broadcastToTabs({ type: "itemUpdated", data: { id: data.item_id, answered: true } });
  } else if (event.type === "item.new" && isUrgent(data) && !recentlySent.has(String(data.id))) {
    await notify(data.url, chrome.i18n.getMessage("notifyUrgentTitle"), excerpt(data));
  } else if (event.type === "source.blocked") {
    const name = String(data.name || data.url || data.source || "");
    await notify(
      null,
      chrome.i18n.getMessage("notifyBlockedTitle"),
      chrome.i18n.getMessage("notifyBlockedText", [name]),
    );
  }
}

/** @param {any} data an item with its analysis, as the agent announces it */
function isUrgent(data) {
  const analysis = data.analysis && typeof data.analysis === "object" ? data.analysis : {};
  return analysis.needs_reply === true && Number(analysis.urgency) >= URGENT;
}

/** @param {any} data */
function excerpt(data) {
  const author = typeof data.author === "object" ? data.author?.name : data.author;
  const text = String(data.text || "")
    .replace(/\s+/g, " ")
    .slice(0, 160);
  return author ? `${author}: ${text}` : text;
}

/**
 * Notification ids carry the address to open on click; only https survives.
 * @param {unknown} url
 * @param {string} title
 * @param {string} message
 */
async function notify(url, title, message) {
  const id = `roos|${Date.now()}|${safeHttps(url) || ""}`;
  await chrome.notifications.create(id, {
    type: "basic",
    iconUrl: chrome.runtime.getURL("icons/roos-128.png"),
    title,
    message: message || title,
  });
}

/** @param {string} notificationId */
export async function onNotificationClicked(notificationId) {
  const parts = notificationId.split("|");
  if (parts[0] !== "roos") return;
  const target = safeHttps(parts.slice(2).join("|"));
  if (target) await chrome.tabs.create({ url: target });
  await chrome.notifications.clear(notificationId);
}

/** @param {unknown} value */
function safeHttps(value) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
