// @ts-check
/**
 * The toolbar popup: is Roos connected, what waits today, and (on a profile
 * or company page) how healthy is its follow ratio. Opened as a normal tab
 * with ?tab=<id>, it works on that tab instead of the active one, which is
 * how the browser tests drive it.
 */
import { ask, formatNumber, localisePage, t } from "../lib/i18n-page.js";
import { setUpFollowRatio } from "./follow-ratio.js";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const STATE_TEXT = /** @type {Record<string, string>} */ ({
  connected: "agentStateConnected",
  offline: "agentStateOffline",
  unpaired: "agentStateUnpaired",
  unauthorized: "agentStateUnauthorized",
  version: "agentStateVersion",
});

async function showState() {
  let answer;
  try {
    answer = await ask({ type: "state" });
  } catch {
    answer = { state: "offline", queued: 0 };
  }
  const node = byId("agent-state");
  node.dataset.state = answer.state;
  node.textContent = t(STATE_TEXT[answer.state] || "agentStateOffline");
  const queued = byId("queued-count");
  queued.hidden = !answer.queued;
  queued.textContent = answer.queued ? t("queuedCount", [String(answer.queued)]) : "";
  return answer.state;
}

async function showStats() {
  const stats = await ask({ type: "stats" });
  byId("waiting-count").textContent = formatNumber(stats.waiting ?? 0);
  byId("fans-count").textContent = formatNumber(stats.fans_seen ?? 0);
  byId("posts-today").textContent = t("statPostsValue", [
    formatNumber(stats.posts_today ?? 0),
    formatNumber(stats.posts_target ?? 0),
  ]);
}

/** @returns {Promise<chrome.tabs.Tab | undefined>} */
async function targetTab() {
  const wanted = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(wanted) && wanted > 0) return chrome.tabs.get(wanted);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function main() {
  localisePage();
  byId("open-options").addEventListener("click", (event) => {
    event.preventDefault();
    void chrome.runtime.openOptionsPage(); // reuses an open settings tab
  });
  const state = await showState();
  if (state === "connected") await showStats().catch(() => undefined);
  const dashboard = byId("open-dashboard");
  dashboard.hidden = state !== "connected";
  const openDashboard = () => {
    ask({ type: "openDashboard" }).catch((error) => {
      byId("agent-state").textContent = String(error?.message || error);
    });
  };
  dashboard.addEventListener("click", openDashboard);
  // "28 waiting" opens the dashboard, which lands on the inbox.
  const waiting = /** @type {HTMLButtonElement} */ (byId("waiting-count"));
  waiting.disabled = state !== "connected";
  waiting.addEventListener("click", openDashboard);
  await setUpFollowRatio(await targetTab().catch(() => undefined));
  document.body.dataset.ready = "true";
}

void main();
