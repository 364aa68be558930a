// @ts-check
/**
 * Roos service worker: the only code that talks to the agent.
 *
 * MV3 stops this worker whenever it likes, so every listener is registered
 * here at top level (Chrome only delivers events to listeners that exist when
 * the script first runs), all state lives in chrome.storage, and a
 * chrome.alarms tick revives the connection after the worker was stopped.
 */
import { callAgent, flushNow, refreshConnection, updateBadge } from "./connection.js";
import { keepUncaughtErrors } from "./diagnostics.js";
import { onLiveEvent, onNotificationClicked } from "./events.js";
import { isWelcomed, startLive, stopLive } from "./live.js";
import { routeMessage } from "./messages.js";
import { cacheSize, forgetResults } from "./result-cache.js";
import { enqueue, queueLength } from "./queue.js";
import { checkRhythm } from "./reminders.js";
import { getSettings, restrictStorage, setAgentState } from "./settings.js";

const REVIVE_ALARM = "roos-revive";

/** @type {import("./live.js").LiveHooks} */
const liveHooks = {
  settings: getSettings,
  onEvent: (event) => void onLiveEvent(event),
  onOpen: () => void refreshConnection(),
  onClose: (reason) => void setAgentState({ state: reason }),
};

async function wake() {
  await restrictStorage();
  if (!(await chrome.alarms.get(REVIVE_ALARM))) {
    await chrome.alarms.create(REVIVE_ALARM, { periodInMinutes: 0.5 });
  }
  await refreshConnection();
  await startLive(liveHooks);
  await updateBadge();
}

async function onAlarm(/** @type {chrome.alarms.Alarm} */ alarm) {
  if (alarm.name !== REVIVE_ALARM) return;
  await startLive(liveHooks);
  // A socket can look open while the agent restarted with a new token: ask.
  const { state } = await refreshConnection();
  if (state === "connected" && (await queueLength()) > 0) await flushNow();
  if (state === "connected") await checkRhythm().catch(() => undefined);
}

/**
 * @param {Record<string, chrome.storage.StorageChange>} changes
 * @param {string} area
 */
function onStorageChanged(changes, area) {
  if (area === "local" && ("agentUrl" in changes || "token" in changes)) {
    stopLive();
    forgetResults(); // another agent's analyses are not this one's
    void refreshConnection().then(() => startLive(liveHooks));
  }
  if ("agentState" in changes || "queue" in changes) void updateBadge();
}

keepUncaughtErrors();
chrome.runtime.onMessage.addListener(routeMessage);
chrome.runtime.onInstalled.addListener((details) => {
  if (details.reason === "install") void chrome.runtime.openOptionsPage();
});
chrome.runtime.onStartup.addListener(() => void wake());
chrome.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm));
chrome.storage.onChanged.addListener(onStorageChanged);
chrome.notifications.onClicked.addListener((id) => void onNotificationClicked(id));

void wake();

// A handle for the worker's own DevTools console (and the browser tests);
// pages and content scripts cannot reach the worker's global scope.
Object.assign(globalThis, { roos: { cacheSize, callAgent, checkRhythm, enqueue, flushNow, forgetResults, isWelcomed, queueLength, refreshConnection } });
