// @ts-check
/**
 * Dutch and English: the browser's language unless the user picked one (kept in localStorage).
 * Strings live in /dashboard/i18n/{nl,en}.json with the same keys (a test checks that);
 * `{name}` placeholders are filled by t(). Everything is set with textContent.
 */

export const LANGUAGES = ["nl", "en"];
const STORED = "roos.lang";

/** @type {Record<string, string>} */
let strings = {};
let lang = "en";

/** @returns {string} */
export function chooseLanguage() {
  const stored = localStorage.getItem(STORED);
  if (stored && LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.language || "en").slice(0, 2).toLowerCase();
  return LANGUAGES.includes(browser) ? browser : "en";
}

/** @param {string} code */
export async function useLanguage(code) {
  const resp = await fetch(`/dashboard/i18n/${code}.json`, { credentials: "same-origin" });
  strings = await resp.json();
  lang = code;
  document.documentElement.lang = code;
}

/** @param {string} code */
export function rememberLanguage(code) {
  localStorage.setItem(STORED, code);
}

export function currentLanguage() {
  return lang;
}

/**
 * @param {string} key
 * @param {Record<string, unknown>} [vars]
 */
export function t(key, vars = {}) {
  const text = strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/**
 * A text with a count in it: `key.one` or `key.other` by the language's plural rule (falls
 * back to `key`), with {n} formatted as a number. "1 bericht", "2 berichten".
 * @param {string} key
 * @param {number} n
 * @param {Record<string, unknown>} [vars]
 */
export function tn(key, n, vars = {}) {
  const form = new Intl.PluralRules(lang).select(n);
  const chosen = [`${key}.${form}`, `${key}.other`, key].find((k) => k in strings) || key;
  return t(chosen, { ...vars, n: new Intl.NumberFormat(lang).format(n) });
}

/** Fill every [data-i18n] element's text and every [data-i18n-label] element's aria-label. */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n || "");
  }
  for (const el of root.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", t(/** @type {HTMLElement} */ (el).dataset.i18nLabel || ""));
  }
}
