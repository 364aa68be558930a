// @ts-check
/**
 * The popup's follow-ratio check. On a LinkedIn profile or company page, the user's own
 * Followers or Following page, or an X profile, one click reads the counts from the page (with
 * the same readers the content scripts use, injected on demand) and asks the agent what they
 * mean. When the page shows only some counts, the popup says which ones and what the check can
 * still tell ("500+ connections" is a lower bound; one network page needs the other).
 * Elsewhere it says where to go.
 */
import { ask, formatNumber, t } from "../lib/i18n-page.js";
import { completeOwnCounts, loadOwnCounts, rememberOwnCounts } from "./own-counts.js";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * Pure: is this an address whose follow ratio can be checked?
 * @param {string | undefined} url
 * @returns {"linkedin-profile" | "linkedin-company" | "linkedin-network" | "x-profile" | null}
 */
export function followPageKind(url) {
  if (!url) return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:") return null;
  const path = parsed.pathname;
  if (parsed.hostname === "www.linkedin.com") {
    if (/^\/in\/[^/]+\/?$/.test(path)) return "linkedin-profile";
    if (/^\/company\/[^/]+\/?$/.test(path)) return "linkedin-company";
    if (/^\/mynetwork\/network-manager\/people-follow\/(followers|following)\/?$/.test(path))
      return "linkedin-network";
    return null;
  }
  const reserved =
    /^\/(home|explore|notifications|messages|i|settings|search|compose|login|signup|tos|privacy)(\/|$)/;
  if (parsed.hostname === "x.com" && /^\/[A-Za-z0-9_]{1,15}\/?$/.test(path) && !reserved.test(path)) {
    return "x-profile";
  }
  return null;
}

/**
 * Runs inside the tab (isolated world), after counts.js + follow-page.js.
 * Must be self-contained: it is serialised by chrome.scripting.
 */
function readCountsInPage() {
  const reader = /** @type {any} */ (globalThis).Roos?.followPage;
  return reader ? reader.readFollowPage(document, location.href) : null;
}

/** @param {number} tabId */
async function readCounts(tabId) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ["lib/counts.js", "lib/follow-page.js"] });
  const [injection] = await chrome.scripting.executeScript({ target: { tabId }, func: readCountsInPage });
  return injection?.result ?? null;
}

/**
 * How the counts read: "2,481 followers, 500+ connections" when the second count is LinkedIn's
 * connections (a lower bound when it says "500+").
 * @param {any} answer
 * @param {any} page
 */
function countsText(answer, page) {
  if (page?.following == null && page?.connections != null && answer.following === page.connections) {
    const shown = connectionsShown(page);
    return t("ratioCountsConnections", [formatNumber(answer.followers), shown]);
  }
  return t("ratioCounts", [formatNumber(answer.followers), formatNumber(answer.following)]);
}

/**
 * LinkedIn's connections count as shown: "500+" when the page only gives a lower bound.
 * @param {any} page
 */
function connectionsShown(page) {
  return formatNumber(page.connections) + (page.approximate?.includes("connections") ? "+" : "");
}

/** @param {string[]} notes */
function showNotes(notes) {
  const node = byId("ratio-partial");
  node.textContent = notes.join(" ");
  node.hidden = notes.length === 0;
}

/**
 * @param {any} answer
 * @param {any} [page] what the page showed
 * @param {string[]} [notes] what the user should know about partial counts
 */
function showResult(answer, page = null, notes = []) {
  showNotes(notes);
  if (answer.following === null || answer.following === undefined) {
    showFollowersOnly(answer.followers);
    // the agent's advice is about company pages; the note says what the user's own page lacks
    byId("advice").textContent = page?.kind?.startsWith("network-") ? "" : String(answer.advice || "");
    return;
  }
  byId("ratio-value").textContent = formatNumber(answer.ratio);
  const verdict = byId("verdict");
  verdict.dataset.verdict = answer.verdict;
  verdict.textContent = t(answer.verdict === "ok" ? "verdictOk" : "verdictWarn");
  byId("ratio-counts").textContent = countsText(answer, page);
  byId("advice").textContent = String(answer.advice || "");
  const relevance = byId("relevance");
  relevance.hidden = !answer.relevance;
  if (answer.relevance) {
    relevance.textContent = t(answer.relevance.relevant ? "relevanceYes" : "relevanceNo", [
      String(answer.relevance.why || ""),
    ]);
  }
  showCandidates(Array.isArray(answer.unfollow_candidates) ? answer.unfollow_candidates : []);
  byId("ratio-result").hidden = false;
}

/**
 * A company page shows followers only: there is no ratio to judge, say so.
 * @param {number} followers
 */
function showFollowersOnly(followers) {
  byId("ratio-value").textContent = "–";
  const verdict = byId("verdict");
  verdict.dataset.verdict = "none";
  verdict.textContent = t("ratioNoFollowing");
  byId("ratio-counts").textContent = t("ratioFollowersOnly", [formatNumber(followers)]);
  byId("advice").textContent = "";
  byId("relevance").hidden = true;
  showCandidates([]);
  byId("ratio-result").hidden = false;
}

/**
 * Only some counts, too few to judge: show what the page says and what is missing.
 * @param {string} counts
 * @param {string} note
 */
function showPartialOnly(counts, note) {
  byId("ratio-value").textContent = "–";
  const verdict = byId("verdict");
  verdict.dataset.verdict = "partial";
  verdict.textContent = t("ratioNoFollowing");
  byId("ratio-counts").textContent = counts;
  byId("advice").textContent = "";
  byId("relevance").hidden = true;
  showCandidates([]);
  showNotes([note]);
  byId("ratio-result").hidden = false;
}

/** @param {string} iso */
const day = (iso) => new Date(iso).toLocaleDateString(chrome.i18n.getUILanguage(), { day: "numeric", month: "long" });

/**
 * What the agent is asked, and what the user is told besides, for the counts a page showed;
 * null when there is too little to ask (the popup then says what is missing).
 * @param {any} page
 * @param {chrome.tabs.Tab} tab
 */
async function question(page, tab) {
  /** @type {string[]} */
  const notes = [];
  if (page.kind === "network-followers" || page.kind === "network-following") {
    await rememberOwnCounts(page);
    const known = await loadOwnCounts();
    const counts = completeOwnCounts(page, known, Date.now());
    if (counts.followers === null) {
      showPartialOnly(t("ratioFollowingOnly", [formatNumber(counts.following)]), t("ratioNeedFollowers", [formatNumber(counts.following)]));
      return null;
    }
    if (counts.following === null) notes.push(t("ratioNeedFollowing", [formatNumber(counts.followers)]));
    if (counts.earlier.following) notes.push(t("ratioFollowingEarlier", [formatNumber(counts.following), day(counts.earlier.following)]));
    if (counts.earlier.followers) notes.push(t("ratioFollowersEarlier", [formatNumber(counts.followers), day(counts.earlier.followers)]));
    const account = known.profile_url || page.url;
    return { notes, body: { account, name: "", followers: counts.followers, following: counts.following, own: true } };
  }
  if (page.kind === "own-profile") await rememberOwnCounts({ profile_url: page.url });
  if (page.followers === null || page.followers === undefined) {
    if (page.connections === null || page.connections === undefined) return undefined;
    const shown = connectionsShown(page);
    showPartialOnly(t("ratioConnectionsOnly", [shown]), t("ratioNoFollowers", [shown]));
    return null;
  }
  // A LinkedIn profile shows connections, not "following": connections are followed both
  // ways, so they are the best count of whom this profile follows.
  const following = page.following ?? page.connections ?? null;
  if (page.found_in?.followers === "activity") notes.push(t("ratioFoundInActivity"));
  if (page.following == null && page.approximate?.includes("connections") && following) {
    const ratio = Math.round((page.followers / following) * 100) / 100;
    notes.push(t("ratioLowerBound", [`${formatNumber(following)}+`, formatNumber(following), formatNumber(ratio)]));
  }
  const body = { account: page.url || tab.url, name: String(page.name || "").slice(0, 300), followers: page.followers, following, own: page.kind === "own-profile" };
  return { notes, body };
}

/** @param {any[]} candidates */
function showCandidates(candidates) {
  const list = byId("unfollow-list");
  list.replaceChildren();
  for (const candidate of candidates.slice(0, 5)) {
    const item = document.createElement("li");
    const name = String(candidate?.name || candidate?.profile_url || candidate?.id || "");
    const href = safeHttps(candidate?.profile_url || candidate?.url);
    const label = href ? document.createElement("a") : document.createElement("span");
    label.textContent = name;
    if (href && label instanceof HTMLAnchorElement) {
      label.href = href;
      label.target = "_blank";
      label.rel = "noopener noreferrer";
    }
    item.append(label);
    list.append(item);
  }
  byId("unfollow").hidden = candidates.length === 0;
}

/** @param {unknown} value */
function safeHttps(value) {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** @param {string} text */
function showError(text) {
  const node = byId("ratio-error");
  node.textContent = text;
  node.hidden = false;
}

/** @param {chrome.tabs.Tab} tab */
async function check(tab) {
  const button = /** @type {HTMLButtonElement} */ (byId("check-ratio"));
  button.disabled = true;
  byId("ratio-error").hidden = true;
  try {
    const page = await readCounts(/** @type {number} */ (tab.id)).catch(() => null);
    const asked = page ? await question(page, tab) : undefined;
    if (asked === undefined) {
      showError(t("ratioReadFailed"));
      return;
    }
    if (asked === null) return; // partial counts, shown with what is missing
    const answer = await ask({ type: "followRatio", ...asked.body });
    showResult(answer, page, asked.notes);
  } catch (error) {
    showError(t("ratioFailed", [String(/** @type {Error} */ (error).message)]));
  } finally {
    button.disabled = false;
  }
}

/** @param {chrome.tabs.Tab | undefined} tab */
export async function setUpFollowRatio(tab) {
  const supported = tab?.id !== undefined && followPageKind(tab.url);
  byId("ratio-where").hidden = Boolean(supported);
  const button = byId("check-ratio");
  button.hidden = !supported;
  if (supported && tab) button.addEventListener("click", () => void check(tab));
}
