// @ts-check
/**
 * Pairing: the user pastes the agent's address and token, we store them in
 * chrome.storage.local and ask the worker to test the connection right away,
 * then say plainly what is wrong (or that all is well).
 */
import { ask, localisePage, t } from "../lib/i18n-page.js";
import { setUpDiagnostics, showDiagnostics } from "./diagnostics.js";

const DEFAULT_AGENT_URL = "http://127.0.0.1:8765";
const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

const urlInput = /** @type {HTMLInputElement} */ (document.getElementById("agent-url"));
const tokenInput = /** @type {HTMLInputElement} */ (document.getElementById("token"));
const saveButton = /** @type {HTMLButtonElement} */ (document.getElementById("save"));
const status = /** @type {HTMLElement} */ (document.getElementById("status"));

/**
 * @param {string} state
 * @param {string} text
 */
function show(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

/** @param {string} raw */
function loopbackOrigin(raw) {
  try {
    const url = new URL(raw.trim() || DEFAULT_AGENT_URL);
    return ["http:", "https:"].includes(url.protocol) && LOOPBACK.includes(url.hostname) ? url.origin : null;
  } catch {
    return null;
  }
}

/** @param {{state: string, version?: string|null}} answer */
function describe(answer) {
  switch (answer.state) {
    case "connected":
      return t("statusConnected", [answer.version || "?"]);
    case "unauthorized":
      return t("statusUnauthorized");
    case "version":
      return t("statusVersion");
    case "unpaired":
      return t("statusUnpaired");
    default:
      return t("statusOffline");
  }
}

async function save(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const agentUrl = loopbackOrigin(urlInput.value);
  if (!agentUrl) {
    show("error", t("statusBadUrl"));
    return;
  }
  urlInput.value = agentUrl;
  saveButton.disabled = true;
  show("testing", t("statusTesting"));
  try {
    await chrome.storage.local.set({ agentUrl, token: tokenInput.value.trim() });
    const answer = await ask({ type: "state", refresh: true });
    show(answer.state, describe(answer));
  } catch (error) {
    show("error", String(/** @type {Error} */ (error).message));
  } finally {
    saveButton.disabled = false;
  }
}

async function load() {
  localisePage();
  const { agentUrl, token } = await chrome.storage.local.get(["agentUrl", "token"]);
  urlInput.value = agentUrl || DEFAULT_AGENT_URL;
  tokenInput.value = token || "";
  document.getElementById("settings")?.addEventListener("submit", save);
  setUpDiagnostics();
  if (token) show(...(await currentState()));
  // after the pairing state: that is what the user opened the page for
  void showDiagnostics();
}

/** @returns {Promise<[string, string]>} */
async function currentState() {
  try {
    const answer = await ask({ type: "state" });
    return [answer.state, describe(answer)];
  } catch (error) {
    return ["error", String(/** @type {Error} */ (error).message)];
  }
}

void load();
