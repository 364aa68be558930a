// @ts-check
/**
 * The options page's diagnostics: what Roos read on the LinkedIn pages of this browser session
 * (the worker keeps the last page reports: counts and card kinds, no text) and a button that
 * saves a structure snapshot of a LinkedIn tab for a bug report (lib/structure-snapshot.js,
 * run inside that tab). `options.html?tab=<id>` snapshots that tab; otherwise the LinkedIn tab
 * used last.
 */
import { ask, formatNumber, t } from "../lib/i18n-page.js";

const SKIP_LABELS = /** @type {Record<string, string>} */ ({
  promoted: "skipPromoted",
  job: "skipJob",
  course: "skipCourse",
  event: "skipEvent",
  duplicate: "skipDuplicate",
  "not-a-post": "skipNotAPost",
});

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * Pure: the lines one page report shows.
 * @param {{page: string, url: string, counts: any}} report
 * @returns {string[]}
 */
export function describeReport(report) {
  const c = report.counts || {};
  const lines = [t("diagnosticsRead", [report.page, formatNumber(c.read || 0), formatNumber(c.cards || 0)])];
  const missed = (c.unknown || 0) + (c.unreadable || 0);
  if (missed) {
    lines.push(
      t("diagnosticsMissed", [formatNumber(missed), formatNumber(c.cards || 0), formatNumber(c.unknown || 0), formatNumber(c.unreadable || 0)]),
    );
  }
  if (c.pending) lines.push(t("diagnosticsPending", [formatNumber(c.pending)]));
  const skipped = Object.entries(c.skipped || {}).map(([reason, n]) => `${t(SKIP_LABELS[reason] || "skipNotAPost")} ${formatNumber(Number(n))}`);
  if (skipped.length) lines.push(t("diagnosticsSkipped", [skipped.join(", ")]));
  return lines;
}

export async function showDiagnostics() {
  const list = byId("page-reports");
  let answer;
  try {
    answer = await ask({ type: "diagnostics" });
  } catch {
    answer = { reports: [], errors: 0 };
  }
  list.replaceChildren();
  for (const report of answer.reports) {
    const item = document.createElement("li");
    item.dataset.page = report.page;
    item.dataset.missed = String((report.counts.unknown || 0) + (report.counts.unreadable || 0));
    const [first, ...rest] = describeReport(report);
    const head = document.createElement("strong");
    head.textContent = first;
    const where = document.createElement("span");
    where.className = "muted";
    where.textContent = ` · ${report.url}`;
    item.append(head, where);
    for (const line of rest) {
      const detail = document.createElement("div");
      detail.textContent = line;
      item.append(detail);
    }
    list.append(item);
  }
  if (!answer.reports.length) {
    const empty = document.createElement("li");
    empty.className = "muted";
    empty.textContent = t("diagnosticsNone");
    list.append(empty);
  }
  const errors = byId("worker-errors");
  errors.hidden = !answer.errors;
  errors.textContent = answer.errors ? t("diagnosticsErrors", [formatNumber(answer.errors)]) : "";
}

/** @returns {Promise<chrome.tabs.Tab | undefined>} */
async function linkedinTab() {
  const wanted = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(wanted) && wanted > 0) return chrome.tabs.get(wanted);
  const tabs = await chrome.tabs.query({ url: "https://www.linkedin.com/*" });
  return tabs.sort((a, b) => (b.lastAccessed || 0) - (a.lastAccessed || 0))[0];
}

/** Runs inside the LinkedIn tab, after the snapshot script; serialised by chrome.scripting. */
function snapshotInPage(/** @type {string} */ version) {
  const taker = /** @type {any} */ (globalThis).Roos?.structureSnapshot;
  return taker ? taker.snapshot(document, location.href, { version }) : null;
}

async function saveSnapshot() {
  const status = byId("snapshot-status");
  const button = /** @type {HTMLButtonElement} */ (byId("save-snapshot"));
  button.disabled = true;
  try {
    const tab = await linkedinTab().catch(() => undefined);
    if (!tab?.id || !tab.url?.startsWith("https://www.linkedin.com/")) {
      status.dataset.state = "error";
      status.textContent = t("snapshotNoTab");
      return;
    }
    const target = { tabId: tab.id };
    await chrome.scripting.executeScript({ target, files: ["content/linkedin/selectors.js", "lib/structure-snapshot.js"] });
    const [result] = await chrome.scripting.executeScript({ target, func: snapshotInPage, args: [chrome.runtime.getManifest().version] });
    const html = result?.result;
    if (typeof html !== "string") throw new Error("no snapshot");
    const kind = new URL(tab.url).pathname.split("/").filter(Boolean)[0] || "page";
    const name = `roos-structure-${kind.replace(/[^a-z0-9-]/gi, "")}-${new Date().toISOString().slice(0, 10)}.html`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    status.dataset.state = "saved";
    status.textContent = t("snapshotSaved", [name, formatNumber(Math.ceil(html.length / 1024))]);
  } catch (error) {
    status.dataset.state = "error";
    status.textContent = t("snapshotFailed", [String(/** @type {Error} */ (error).message || error)]);
  } finally {
    button.disabled = false;
  }
}

export function setUpDiagnostics() {
  byId("save-snapshot").addEventListener("click", () => void saveSnapshot());
}
