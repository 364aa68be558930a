// @ts-check
/**
 * Live events from the agent, as the user should feel them.
 *
 * - item.updated and item.answered go to the open LinkedIn tabs, so overlays
 *   follow (an item answered elsewhere loses its reply prompt).
 * - item.new that is urgent, and an `alert` for a complaint (the agent's scrapers
 *   send those), become a desktop notification, unless the user is already
 *   looking at it (items this browser just sent for analysis are remembered for
 *   a while), and at most one every few minutes: a pile-on must not become a
 *   storm of pop-ups. A safety item notifies at once, whatever the throttle.
 *   The list in the dashboard has them all.
 * - source.blocked becomes a notification: a source Roos listens to refused it.
 */
import { updateResult } from "./result-cache.js";
import { broadcastToTabs, sendToTabs } from "./tabs.js";

const URGENT = 0.7;
const REMEMBER = 2000;
const THROTTLE_MS = 3 * 60 * 1000;
/** @type {Set<string>} */
const notified = new Set();
/** @type {Set<string>} */
const recentlySent = new Set();
/**
 * Items a tab sent for analysis and is waiting for: their item.updated events wait here
 * until the tab has its answer (the agent announces an item just before it answers).
 * @type {Map<string, {tabId: number, parked: any[]}>}
 */
const awaited = new Map();

/**
 * A tab asked the agent about these items.
 * @param {number} tabId
 * @param {string[]} ids
 */
export function awaitAnswer(tabId, ids) {
  for (const id of ids) awaited.set(id, { tabId, parked: [] });
}

/**
 * The tab has its answer (or none, if the call failed). The events that came meanwhile
 * go out now, except to that tab when they only repeat what its answer said: on a busy
 * feed that is hundreds of messages the page would otherwise read and discard.
 * @param {number} tabId
 * @param {string[]} ids
 * @param {any[]} results
 */
export async function answered(tabId, ids, results) {
  const said = new Map(results.map((result) => [String(result?.id), JSON.stringify(result)]));
  /** @type {{message: any, except?: number}[]} */
  const out = [];
  for (const id of ids) {
    const entry = awaited.get(id);
    if (!entry || entry.tabId !== tabId) continue;
    awaited.delete(id);
    for (const data of entry.parked) {
      const known = data.answered !== true && said.get(id) === JSON.stringify(data.analysis);
      out.push({ message: itemUpdated(data), except: known ? tabId : undefined });
    }
  }
  await sendToTabs(out);
}

/** @param {any} data */
function itemUpdated(data) {
  return {
    type: "itemUpdated",
    data: { id: data.id, answered: data.answered === true, analysis: data.analysis },
  };
}

/** @param {string[]} ids */
export function rememberSent(ids) {
  for (const id of ids) remember(recentlySent, id);
}

/**
 * Adds to a set that forgets its oldest entries beyond REMEMBER.
 * @param {Set<string>} set
 * @param {string} id
 */
function remember(set, id) {
  set.delete(id);
  set.add(id);
  for (const old of set) {
    if (set.size <= REMEMBER) break;
    set.delete(old);
  }
}

/** @param {{type: string, data?: any}} event */
export async function onLiveEvent(event) {
  const data = event.data && typeof event.data === "object" ? event.data : {};
  if (event.type === "item.updated") {
    updateResult(data);
    const waiting = awaited.get(String(data.id));
    if (waiting) waiting.parked.push(data);
    else await broadcastToTabs(itemUpdated(data));
  } else if (event.type === "item.answered") {
    await broadcastToTabs({ type: "itemUpdated", data: { id: data.item_id, answered: true } });
  } else if (event.type === "item.new" && isUrgent(data.analysis)) {
    await notifyOnce(data);
  } else if (event.type === "alert" && data.reason === "complaint" && data.item) {
    await notifyOnce({ ...data.item, analysis: data.analysis });
  } else if (event.type === "source.blocked") {
    const name = String(data.name || data.url || data.source || "");
    await notify(
      null,
      chrome.i18n.getMessage("notifyBlockedTitle"),
      chrome.i18n.getMessage("notifyBlockedText", [name]),
    );
  }
}

/** @param {any} analysis */
function isUrgent(analysis) {
  if (!analysis || typeof analysis !== "object") return false;
  return analysis.needs_reply === true && Number(analysis.urgency) >= URGENT;
}

/**
 * One notification per item, and at most one every THROTTLE_MS (kept in session
 * storage: the worker may be restarted between two events). A safety item (smoke, fire,
 * an injury) is never held back by the throttle: it notifies at once.
 * @param {any} item
 */
async function notifyOnce(item) {
  const id = String(item.id);
  if (recentlySent.has(id) || notified.has(id)) return;
  remember(notified, id);
  const safety = item.analysis?.urgency_category === "safety";
  const { lastNotifiedAt = 0 } = await chrome.storage.session.get("lastNotifiedAt");
  if (!safety && Date.now() - lastNotifiedAt < THROTTLE_MS) return;
  await chrome.storage.session.set({ lastNotifiedAt: Date.now() });
  const title = safety ? "notifySafetyTitle" : "notifyUrgentTitle";
  await notify(item.url, chrome.i18n.getMessage(title), excerpt(item));
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
  if (parts[0] !== "roos" && parts[0] !== "roos-rhythm") return;
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
