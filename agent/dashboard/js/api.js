// @ts-check
/**
 * The dashboard's one way to the agent: fetch with the session cookie, one error type, and the
 * live WebSocket. Requests say `referrerPolicy: "same-origin"`: the pages send no Referer
 * anywhere else, but with "no-referrer" a browser sends `Origin: null` on writes, and the
 * agent (rightly) refuses those.
 */

export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * @param {string} path
 * @param {{method?: string, body?: unknown}} [options]
 */
export async function api(path, { method = "GET", body } = {}) {
  /** @type {RequestInit} */
  const init = {
    method,
    credentials: "same-origin",
    referrerPolicy: "same-origin",
    headers: { Accept: "application/json" },
  };
  if (method !== "GET") {
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(body ?? {});
  }
  let resp;
  try {
    resp = await fetch(path, init);
  } catch {
    throw new ApiError(0, "offline");
  }
  const data = await resp.json().catch(() => null);
  if (!resp.ok || !data || data.ok !== true) {
    throw new ApiError(resp.status, (data && data.error) || `HTTP ${resp.status}`);
  }
  return data;
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** A path segment per part, so ids with slashes (profile URLs) survive the router. */
export function idPath(id) {
  return id.split("/").map(encodeURIComponent).join("/");
}

const CLOSE_UNAUTHORIZED = 4401;

/**
 * Live events from the agent: {"type": "hello"} first (the session cookie proves who we are),
 * then {type, data} messages. Reconnects with backoff; pings under 30 s keep it open.
 * @param {(event: {type: string, data: any}) => void} onEvent
 * @param {(state: "on" | "off" | "refused") => void} onState
 */
export function connectLive(onEvent, onState) {
  let delay = 1000;
  let pinger = 0;
  const open = () => {
    const ws = new WebSocket(`ws://${location.host}/ws`);
    ws.addEventListener("open", () => ws.send(JSON.stringify({ type: "hello" })));
    ws.addEventListener("message", (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (event.type === "welcome") {
        delay = 1000;
        onState("on");
        pinger = window.setInterval(() => ws.send('{"type":"ping"}'), 20000);
      } else if (event.type !== "pong") {
        onEvent(event);
      }
    });
    ws.addEventListener("close", (closed) => {
      window.clearInterval(pinger);
      if (closed.code === CLOSE_UNAUTHORIZED) {
        onState("refused");
        return;
      }
      onState("off");
      window.setTimeout(open, delay);
      delay = Math.min(delay * 2, 30000);
    });
  };
  open();
}
