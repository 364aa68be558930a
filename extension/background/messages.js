// @ts-check
/**
 * The worker's message router: one map from message type to handler, like
 * uBlock Origin's messaging.js. A handler states who may call it (content
 * scripts on the sites Roos runs on, the extension's own pages, or both) and
 * how to check the message; unknown types and strangers are refused. Answers
 * are the handler's value, or {error: {code, message}}.
 *
 * There is deliberately no "fetch this URL" message: the token only ever goes
 * to the agent, and only for the calls listed here.
 */
import { AgentError } from "./agent-client.js";
import { analyzeItems, callAgent, isRetryable, refreshConnection } from "./connection.js";
import { answered, awaitAnswer } from "./events.js";
import { enqueue, queueLength } from "./queue.js";
import { cachedResults, keepResults } from "./result-cache.js";
import { getAgentState, getSettings } from "./settings.js";
import * as shapes from "./shapes.js";

const CONTENT_ORIGINS = ["https://www.linkedin.com", "https://x.com"];
const MAX_MESSAGE_CHARS = 2_000_000;

/** @typedef {"content"|"page"} SenderKind */
/**
 * @typedef {object} Handler
 * @property {SenderKind[]} from who may send it
 * @property {(message: any) => string | null} [check] what is wrong with it, if anything
 * @property {(message: any, sender: chrome.runtime.MessageSender) => Promise<any>} run
 */

/** @type {Record<string, Handler>} */
const HANDLERS = {
  analyze: { from: ["content"], check: shapes.itemsProblem, run: analyze },
  openDashboard: { from: ["page"], run: openDashboard },
  draftCheck: {
    from: ["content"],
    check: shapes.draftProblem,
    run: (message) =>
      callAgent("POST", "/api/drafts/check", { text: message.text, context: message.context }),
  },
  followRatio: {
    from: ["page"],
    check: shapes.followRatioProblem,
    run: (message) =>
      callAgent("POST", "/api/follow-ratio", {
        account: message.account,
        followers: message.followers,
        following: message.following,
        own: Boolean(message.own),
        ...(message.name ? { name: message.name } : {}),
        // The agent's advice is text for the user: in the language of their browser.
        lang: chrome.i18n.getUILanguage().toLowerCase().startsWith("nl") ? "nl" : "en",
      }),
  },
  replied: {
    from: ["content"],
    check: shapes.repliedProblem,
    run: (message, sender) =>
      deliverOrQueue("reply", "/api/replies", {
        item_id: message.itemId,
        text: message.text,
        url: message.url ?? sender.url,
        answered_at: new Date().toISOString(),
      }),
  },
  ownPost: {
    from: ["content"],
    check: shapes.ownPostProblem,
    run: (message) =>
      deliverOrQueue("ownPost", "/api/own-posts", {
        text: message.text,
        url: message.url,
        posted_at: new Date().toISOString(),
      }),
  },
  extractorMiss: {
    from: ["content"],
    check: shapes.extractorMissProblem,
    run: reportExtractorMiss,
  },
  pageReport: { from: ["content"], check: shapes.pageReportProblem, run: keepPageReport },
  diagnostics: { from: ["page"], run: diagnostics },
  stats: { from: ["page", "content"], run: () => callAgent("GET", "/api/stats/today") },
  state: { from: ["page", "content"], run: state },
};

/**
 * A page asks what Roos makes of its items. When every one of them is in the worker's cache
 * (a page the user returns to), the cached results answer at once and the agent is asked
 * behind them; whatever it answers differently reaches the tab as a "results" message.
 * @param {{items: any[]}} message
 * @param {chrome.runtime.MessageSender} sender
 */
async function analyze(message, sender) {
  const tabId = sender.tab?.id;
  const ids = message.items.map((item) => String(item.id));
  const cached = cachedResults(ids);
  if (cached && tabId !== undefined) {
    void refresh(message.items, ids, tabId, cached);
    return { results: cached, cached: true };
  }
  if (tabId !== undefined) awaitAnswer(tabId, ids);
  /** @type {any[]} */
  let results = [];
  try {
    results = await analyzeItems(message.items);
    keepResults(results);
    return { results };
  } catch (error) {
    if (!isRetryable(error)) throw error;
    const entries = message.items.map((item) => ({ key: `item:${item.id}`, kind: "item", payload: item }));
    return { results: [], queued: await enqueue(/** @type {any} */ (entries)) };
  } finally {
    // After this answer is on its way, so the tab has it before any event about the same items.
    if (tabId !== undefined) setTimeout(() => void answered(tabId, ids, results), 0);
  }
}

/**
 * The agent's answer behind a cached one: stored, and sent to the tab where it changed.
 * @param {any[]} items
 * @param {string[]} ids
 * @param {number} tabId
 * @param {any[]} cached what the tab was told
 */
async function refresh(items, ids, tabId, cached) {
  const told = new Map(cached.map((result) => [String(result.id), JSON.stringify(result)]));
  awaitAnswer(tabId, ids);
  /** @type {any[]} */
  let results = [];
  try {
    results = await analyzeItems(items);
    keepResults(results);
    const changed = results.filter((result) => told.get(String(result?.id)) !== JSON.stringify(result));
    if (changed.length) await chrome.tabs.sendMessage(tabId, { type: "results", results: changed }).catch(() => null);
  } catch {
    // The tab shows the cached results, and the agent has these items already (that is how
    // their analysis got here): nothing is lost, the next visit asks again.
  } finally {
    await answered(tabId, ids, results);
  }
}

/**
 * Replies and own posts feed the response-time and 20/80 figures, so a
 * missing agent must not lose them: they wait in the queue with their time.
 * @param {"reply"|"ownPost"} kind
 * @param {string} path
 * @param {any} payload
 */
async function deliverOrQueue(kind, path, payload) {
  try {
    return await callAgent("POST", path, payload);
  } catch (error) {
    if (!isRetryable(error)) throw error;
    const what = payload.item_id ?? payload.text.slice(0, 80);
    const key = `${kind}:${what}:${payload.answered_at ?? payload.posted_at}`;
    return { ok: true, queued: await enqueue([{ key, kind, payload }]) };
  }
}

/**
 * Once per address per browser session, however many tabs show it.
 * @param {{url: string, hints: any}} message
 */
async function reportExtractorMiss(message) {
  const { missReported = [] } = await chrome.storage.session.get("missReported");
  if (missReported.includes(message.url)) return { ok: true, duplicate: true };
  await chrome.storage.session.set({ missReported: [...missReported.slice(-199), message.url] });
  return callAgent("POST", "/api/extractor-miss", { url: message.url, hints: message.hints });
}

const KEPT_REPORTS = 20;

/**
 * A page's tally of cards: kept for the options page's diagnostics (this browser session), and
 * when some cards could not be read, reported to the agent as an extractor.miss event. The
 * same visit keeps one report (report_id), updated as the user scrolls.
 * @param {{url: string, report_id: string, page?: string, counts: any, card_kinds: any}} message
 */
async function keepPageReport(message) {
  const report = {
    url: message.url,
    report_id: message.report_id,
    page: message.page || "other",
    counts: message.counts,
    card_kinds: message.card_kinds,
    version: chrome.runtime.getManifest().version,
    at: new Date().toISOString(),
  };
  const { pageReports = [] } = await chrome.storage.session.get("pageReports");
  const others = pageReports.filter((/** @type {any} */ r) => r.report_id !== report.report_id);
  await chrome.storage.session.set({ pageReports: [report, ...others].slice(0, KEPT_REPORTS) });
  const missed = (report.counts.unknown || 0) + (report.counts.unreadable || 0);
  // a page where nothing at all was read is reported once, with markup hints (extractorMiss)
  if (!missed || !report.counts.read) return { ok: true, reported: false };
  const { at, ...body } = report;
  await callAgent("POST", "/api/extractor-miss", { ...body, hints: {} });
  return { ok: true, reported: true };
}

/** What the options page shows under Diagnostics: recent page reports and uncaught errors. */
async function diagnostics() {
  const { pageReports = [], errors = [] } = await chrome.storage.session.get(["pageReports", "errors"]);
  return { reports: pageReports, errors: errors.length, version: chrome.runtime.getManifest().version };
}

/**
 * Opens the agent's dashboard logged in: the agent hands out a one-time code for a
 * login page on its own address; the token itself never appears in a URL.
 */
async function openDashboard() {
  const { agentUrl } = await getSettings();
  const answer = await callAgent("POST", "/api/session/code", {});
  const url = new URL(String(answer.url));
  if (url.origin !== new URL(agentUrl).origin) throw refusal("The agent answered with a foreign address.");
  await chrome.tabs.create({ url: url.href });
  return { ok: true };
}

/** @param {{refresh?: boolean}} message */
async function state(message) {
  const current = message.refresh ? await refreshConnection() : await getAgentState();
  const { token } = await getSettings();
  return {
    state: current.state,
    version: current.version ?? null,
    queued: await queueLength(),
    paired: Boolean(token),
  };
}

/**
 * @param {chrome.runtime.MessageSender} sender
 * @returns {SenderKind | null}
 */
export function senderKind(sender) {
  if (sender.id !== chrome.runtime.id || !sender.url) return null;
  let origin;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return null;
  }
  if (origin === new URL(chrome.runtime.getURL("")).origin) return "page";
  if (sender.tab && CONTENT_ORIGINS.includes(origin)) return "content";
  return null;
}

/**
 * @param {any} message
 * @param {chrome.runtime.MessageSender} sender
 */
export async function handleMessage(message, sender) {
  const handler =
    shapes.isPlainObject(message) && Object.hasOwn(HANDLERS, message.type) ? HANDLERS[message.type] : null;
  if (!handler) throw refusal("Unknown message type.");
  const kind = senderKind(sender);
  if (!kind || !handler.from.includes(kind)) throw refusal("This sender may not send this message.");
  if (JSON.stringify(message).length > MAX_MESSAGE_CHARS) throw refusal("Message too large.");
  const problem = handler.check ? handler.check(message) : null;
  if (problem) throw refusal(problem);
  return handler.run(message, sender);
}

/** @param {string} message */
function refusal(message) {
  const error = new Error(message);
  error.name = "refused";
  return error;
}

/**
 * chrome.runtime.onMessage listener: answers every message, asynchronously.
 * @param {any} message
 * @param {chrome.runtime.MessageSender} sender
 * @param {(response: any) => void} sendResponse
 */
export function routeMessage(message, sender, sendResponse) {
  handleMessage(message, sender).then(sendResponse, (error) => {
    const code =
      error instanceof AgentError ? error.code : error?.name === "refused" ? "refused" : "internal";
    sendResponse({ error: { code, message: String(error?.message || error) } });
  });
  return true;
}
