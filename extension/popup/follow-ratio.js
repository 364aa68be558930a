// @ts-check
/**
 * The popup's follow-ratio check. On a LinkedIn profile or company page or an
 * X profile, one click reads the follower counts from the page (with the same
 * readers the content scripts use, injected on demand) and asks the agent
 * what they mean. Elsewhere it says where to go.
 */
import { ask, formatNumber, t } from "../lib/i18n-page.js";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * Pure: is this an address whose follow ratio can be checked?
 * @param {string | undefined} url
 * @returns {"linkedin-profile" | "linkedin-company" | "x-profile" | null}
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
 * @param {any} answer
 */
function showResult(answer) {
  if (answer.following === null || answer.following === undefined) {
    showFollowersOnly(answer.followers);
    byId("advice").textContent = String(answer.advice || "");
    return;
  }
  byId("ratio-value").textContent = formatNumber(answer.ratio);
  const verdict = byId("verdict");
  verdict.dataset.verdict = answer.verdict;
  verdict.textContent = t(answer.verdict === "ok" ? "verdictOk" : "verdictWarn");
  byId("ratio-counts").textContent =
    answer.following === null || answer.following === undefined
      ? t("ratioFollowersOnly", [formatNumber(answer.followers)])
      : t("ratioCounts", [formatNumber(answer.followers), formatNumber(answer.following)]);
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
    if (!page || page.followers === null || page.followers === undefined) {
      showError(t("ratioReadFailed"));
      return;
    }
    // A LinkedIn profile shows connections, not "following": connections are followed both
    // ways, so they are the best count of whom this profile follows.
    const following = page.following ?? page.connections ?? null;
    const answer = await ask({
      type: "followRatio",
      account: page.url || tab.url,
      name: String(page.name || "").slice(0, 300),
      followers: page.followers,
      following,
      own: page.kind === "own-profile",
    });
    showResult(answer);
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
