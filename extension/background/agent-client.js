// @ts-check
/**
 * The one door to the local Roos agent.
 *
 * Every call goes through `request`, so timeouts, the bearer token, the API
 * version check and the error vocabulary live in one place (the same shape as
 * Zotero's connector.js). Callers only ever see an `AgentError` with one of the
 * codes below, never a raw `TypeError: Failed to fetch`.
 */

/** The agent API this extension speaks; GET /api/health must report the same. */
export const API_VERSION = 1;
export const DEFAULT_AGENT_URL = "http://127.0.0.1:8765";
const DEFAULT_TIMEOUT_MS = 8000;

/** @typedef {"offline"|"unauthorized"|"version"|"http"|"timeout"|"unpaired"} AgentErrorCode */

export class AgentError extends Error {
  /**
   * @param {AgentErrorCode} code
   * @param {string} message
   * @param {number} [status]
   */
  constructor(code, message, status) {
    super(message);
    this.name = "AgentError";
    this.code = code;
    this.status = status;
  }
}

/**
 * Normalise what the user typed into a base URL, refusing anything that is not
 * plain http(s) on loopback: the token must never leave the machine.
 * @param {string} raw
 * @returns {string}
 */
export function normaliseAgentUrl(raw) {
  const url = new URL((raw || DEFAULT_AGENT_URL).trim());
  const loopback = ["127.0.0.1", "localhost", "[::1]"];
  if (!["http:", "https:"].includes(url.protocol) || !loopback.includes(url.hostname)) {
    throw new AgentError("http", "The agent must run on this computer (127.0.0.1 or localhost).");
  }
  return url.origin;
}

/**
 * @param {{agentUrl: string, token?: string}} settings
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {{timeoutMs?: number, auth?: boolean}} [options]
 * @returns {Promise<any>}
 */
export async function request(settings, method, path, body, options = {}) {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, auth = true } = options;
  if (auth && !settings.token) throw new AgentError("unpaired", "No token saved yet.");
  const headers = /** @type {Record<string, string>} */ ({ Accept: "application/json" });
  if (auth) headers.Authorization = `Bearer ${settings.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetch(normaliseAgentUrl(settings.agentUrl) + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      credentials: "omit",
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof AgentError) throw error;
    if (controller.signal.aborted) throw new AgentError("timeout", "The agent did not answer in time.");
    throw new AgentError("offline", "The agent is not running.");
  } finally {
    clearTimeout(timer);
  }
  return readAnswer(response);
}

/**
 * @param {Response} response
 * @returns {Promise<any>}
 */
async function readAnswer(response) {
  let data = null;
  try {
    data = await response.json();
  } catch {
    // Something answered, but not the agent (another program on the port).
    throw new AgentError("offline", "Something else answers on this address, not the Roos agent.");
  }
  if (response.status === 401 || response.status === 403) {
    throw new AgentError("unauthorized", data?.error || "The token is wrong.", response.status);
  }
  if (!response.ok || data?.ok === false) {
    throw new AgentError("http", data?.error || `HTTP ${response.status}`, response.status);
  }
  return data;
}

/**
 * Check the agent the way the user thinks about it: is it there, is it the
 * right version, does it accept our token?
 * @param {{agentUrl: string, token?: string}} settings
 * @returns {Promise<{state: import("./settings.js").AgentState, version?: string, message?: string}>}
 */
export async function checkConnection(settings) {
  let health;
  try {
    health = await request(settings, "GET", "/api/health", undefined, { auth: false, timeoutMs: 4000 });
  } catch (error) {
    return { state: "offline", message: String(/** @type {Error} */ (error).message) };
  }
  if (health?.name !== "roos") return { state: "offline", message: "Not a Roos agent." };
  if (health.api !== API_VERSION) return { state: "version", version: health.version };
  if (!settings.token) return { state: "unpaired", version: health.version };
  try {
    await request(settings, "GET", "/api/stats/today", undefined, { timeoutMs: 4000 });
  } catch (error) {
    const code = /** @type {AgentError} */ (error).code;
    if (code === "unauthorized") return { state: "unauthorized", version: health.version };
    // Any other answer means the agent is there and took the token.
    if (code !== "http") return { state: "offline", message: String(/** @type {Error} */ (error).message) };
  }
  return { state: "connected", version: health.version };
}
