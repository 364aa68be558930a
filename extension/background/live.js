// @ts-check
/**
 * One WebSocket to the agent for live events.
 *
 * The socket also keeps the MV3 worker alive (Chrome counts WebSocket traffic
 * as activity), so a ping goes out every 20 s, well under the 30 s idle limit.
 * When the agent goes away we retry with exponential backoff plus jitter, so a
 * restarted agent is not hammered by every browser at the same instant; a
 * chrome.alarms tick (see service-worker.js) revives all of this if the worker
 * itself was stopped.
 */
import { normaliseAgentUrl } from "./agent-client.js";

const PING_MS = 20_000;
const MAX_DELAY_MS = 60_000;
const UNAUTHORIZED = 4401;

/**
 * Pure: how long to wait before reconnect attempt number `attempt` (0-based).
 * "Equal jitter": half fixed, half random, capped.
 * @param {number} attempt
 * @param {() => number} [random]
 */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * @typedef {object} LiveHooks
 * @property {() => Promise<{agentUrl: string, token: string}>} settings
 * @property {(event: {type: string, data?: any}) => void} onEvent
 * @property {() => void} onOpen
 * @property {(reason: "offline"|"unauthorized") => void} onClose
 */

/** @type {WebSocket | null} */
let socket = null;
let attempt = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let retryTimer;
let lastHeard = 0;
/** @type {WebSocket | null} the socket the agent said welcome on */
let welcomed = null;
/** Sockets we closed on purpose: their close event must not schedule a retry. */
const retired = new WeakSet();

export function isLive() {
  return socket !== null && socket.readyState <= WebSocket.OPEN;
}

/** Open, and the agent accepted our hello (it answered "welcome"): events now arrive. */
export function isWelcomed() {
  return welcomed !== null && welcomed === socket && socket.readyState === WebSocket.OPEN;
}

/**
 * Open the socket unless one is already open or opening.
 * @param {LiveHooks} hooks
 */
export async function startLive(hooks) {
  if (isLive()) return;
  clearTimeout(retryTimer);
  const { agentUrl, token } = await hooks.settings();
  if (!token || isLive()) return;
  let url;
  try {
    url = normaliseAgentUrl(agentUrl).replace(/^http/, "ws") + "/ws";
  } catch {
    return;
  }
  const ws = new WebSocket(url);
  socket = ws;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let pingTimer;
  ws.addEventListener("open", () => {
    ws.send(JSON.stringify({ type: "hello", token }));
    lastHeard = Date.now();
    attempt = 0;
    pingTimer = setInterval(() => keepAlive(ws), PING_MS);
    hooks.onOpen();
  });
  ws.addEventListener("message", (message) => {
    lastHeard = Date.now();
    const event = parse(message.data);
    if (event?.type === "welcome") welcomed = ws;
    if (event && event.type !== "pong") hooks.onEvent(event);
  });
  ws.addEventListener("close", (close) => {
    clearInterval(pingTimer);
    if (retired.has(ws)) return;
    if (socket === ws) socket = null;
    const unauthorized = close.code === UNAUTHORIZED;
    hooks.onClose(unauthorized ? "unauthorized" : "offline");
    // A wrong token will stay wrong until the user saves a new one.
    if (!unauthorized) retryTimer = setTimeout(() => startLive(hooks), backoffDelay(attempt++));
  });
}

/** Close on purpose (new settings); the caller starts a fresh one. */
export function stopLive() {
  clearTimeout(retryTimer);
  attempt = 0;
  const old = socket;
  socket = null;
  if (old) {
    retired.add(old);
    old.close(1000, "settings changed");
  }
}

/** @param {WebSocket} ws */
function keepAlive(ws) {
  // Two missed pongs: the agent hangs or the network path is gone.
  if (Date.now() - lastHeard > 2 * PING_MS + 5000) {
    ws.close(4000, "no pong");
    return;
  }
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: "ping" }));
}

/** @param {unknown} data */
function parse(data) {
  if (typeof data !== "string") return null;
  try {
    const event = JSON.parse(data);
    return event && typeof event.type === "string" ? event : null;
  } catch {
    return null;
  }
}
