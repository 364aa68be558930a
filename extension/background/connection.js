// @ts-check
/**
 * The worker's view of the agent: every call goes through `callAgent`, which
 * keeps the stored connection state (and so the badge) honest as a side
 * effect, and drains the offline queue the moment the agent is back.
 */
import { AgentError, checkConnection, request } from "./agent-client.js";
import { renderBadge } from "./badge.js";
import { rememberSent } from "./events.js";
import { flushQueue, queueLength } from "./queue.js";
import { keepResults } from "./result-cache.js";
import { getAgentState, getSettings, setAgentState } from "./settings.js";
import { broadcastToTabs } from "./tabs.js";

/** Errors that mean "could not deliver now, try later" rather than "the agent said no". */
const RETRYABLE = new Set(["offline", "timeout", "unpaired", "unauthorized"]);

/** @param {unknown} error */
export function isRetryable(error) {
  return error instanceof AgentError && RETRYABLE.has(error.code);
}

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {{timeoutMs?: number}} [options]
 */
export async function callAgent(method, path, body, options = {}) {
  const settings = await getSettings();
  try {
    const answer = await request(settings, method, path, body, options);
    await noteState("connected");
    return answer;
  } catch (error) {
    if (error instanceof AgentError) {
      const state = {
        offline: "offline",
        timeout: "offline",
        unauthorized: "unauthorized",
        unpaired: "unpaired",
      }[error.code];
      if (state) await noteState(/** @type {any} */ (state));
    }
    throw error;
  }
}

/**
 * Record a state change; coming back to "connected" drains the queue.
 * @param {import("./settings.js").AgentState} state
 */
async function noteState(state) {
  const previous = await getAgentState();
  if (previous.state === state) return;
  await setAgentState({ ...(state === "connected" ? previous : {}), state });
  if (state === "connected") void flushNow();
}

/** Ask the agent afresh (options page "save", alarms, a reopened socket). */
export async function refreshConnection() {
  const result = await checkConnection(await getSettings());
  const previous = await getAgentState();
  await setAgentState(result);
  if (result.state === "connected" && (previous.state !== "connected" || (await queueLength()) > 0)) {
    void flushNow();
  }
  return result;
}

/**
 * @param {any[]} items
 * @returns {Promise<any[]>}
 */
export async function analyzeItems(items) {
  // Before the call: the agent announces new items on the socket before it answers.
  rememberSent(items.map((item) => String(item.id)));
  const answer = await callAgent("POST", "/api/analyze", { items, store: true }, { timeoutMs: 20_000 });
  return Array.isArray(answer.results) ? answer.results : [];
}

/** Deliver the queue; results of queued items go to the open LinkedIn tabs. */
export function flushNow() {
  return flushQueue({
    analyze: async (items) => {
      const results = await analyzeItems(items);
      keepResults(results);
      await broadcastToTabs({ type: "results", results });
      return results;
    },
    post: (path, body) => callAgent("POST", path, body),
    // Only a 4xx means "this entry is invalid"; a 5xx may pass, so keep it.
    isRefused: (error) => error instanceof AgentError && error.code === "http" && Number(error.status) < 500,
  });
}

export async function updateBadge() {
  const [{ state }, queued] = await Promise.all([getAgentState(), queueLength()]);
  await renderBadge(state, queued);
}
