// @ts-check
/**
 * Settings and connection state, kept in chrome.storage because the worker
 * can be stopped at any moment and must wake up knowing where it was.
 *
 * - chrome.storage.local: agentUrl + token (set on the options page), the queue.
 * - chrome.storage.session: the last known connection state (cheap, in memory).
 * Both are restricted to trusted contexts, so content scripts never read the token.
 */
import { DEFAULT_AGENT_URL } from "./agent-client.js";

/** @typedef {"connected"|"offline"|"unauthorized"|"version"|"unpaired"} AgentState */

export async function restrictStorage() {
  for (const area of [chrome.storage.local, chrome.storage.session]) {
    try {
      await area.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" });
    } catch {
      // Older browsers only restrict session storage; local stays worker-and-pages only in practice.
    }
  }
}

/** @returns {Promise<{agentUrl: string, token: string}>} */
export async function getSettings() {
  const { agentUrl, token } = await chrome.storage.local.get(["agentUrl", "token"]);
  return { agentUrl: agentUrl || DEFAULT_AGENT_URL, token: token || "" };
}

/** @returns {Promise<{state: AgentState, version?: string, message?: string, checkedAt?: number}>} */
export async function getAgentState() {
  const { agentState } = await chrome.storage.session.get("agentState");
  return agentState || { state: "offline" };
}

/** @param {{state: AgentState, version?: string, message?: string}} value */
export async function setAgentState(value) {
  await chrome.storage.session.set({ agentState: { ...value, checkedAt: Date.now() } });
}
