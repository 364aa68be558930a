// @ts-check
/**
 * Localise an extension page: every element with data-i18n gets its text
 * from _locales (as textContent), data-i18n-title and data-i18n-placeholder
 * fill those attributes. The page language follows the browser's UI.
 */
export function localisePage(root = document) {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const node of root.querySelectorAll("[data-i18n]")) {
    node.textContent = chrome.i18n.getMessage(node.getAttribute("data-i18n") || "");
  }
  for (const node of root.querySelectorAll("[data-i18n-title]")) {
    node.setAttribute("title", chrome.i18n.getMessage(node.getAttribute("data-i18n-title") || ""));
  }
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) {
    node.setAttribute(
      "placeholder",
      chrome.i18n.getMessage(node.getAttribute("data-i18n-placeholder") || ""),
    );
  }
}

/**
 * @param {string} key
 * @param {string[]} [substitutions]
 */
export function t(key, substitutions) {
  return chrome.i18n.getMessage(key, substitutions) || key;
}

/**
 * Send a message to the worker; an {error} answer becomes a rejection whose
 * `code` tells what went wrong.
 * @param {Record<string, unknown>} message
 */
export async function ask(message) {
  const answer = await chrome.runtime.sendMessage(message);
  if (answer?.error) {
    const error = new Error(answer.error.message);
    Object.assign(error, { code: answer.error.code });
    throw error;
  }
  return answer;
}

/**
 * A number as the user writes it ("1.234,5" in Dutch, "1,234.5" in English).
 * @param {unknown} value
 */
export function formatNumber(value) {
  const number = Number(value);
  if (value === null || value === undefined || !Number.isFinite(number)) return "–";
  return new Intl.NumberFormat(chrome.i18n.getUILanguage(), { maximumFractionDigits: 2 }).format(number);
}
