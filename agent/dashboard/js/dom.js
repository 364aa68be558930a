// @ts-check
/**
 * Building the DOM without HTML strings. Third-party text (posts, names, URLs) only ever
 * becomes a Text node or a textContent, never markup; links are made only for https URLs
 * parsed with `new URL`. There is no `style` attribute here: the CSP forbids inline styles.
 */

import { currentLanguage, t, tn } from "./i18n.js";

/**
 * h("button", {class: "primary", onclick: fn}, "text", childNode)
 * @param {string} tag
 * @param {Record<string, any> | null} [props]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** @param {unknown} raw @returns {string | null} the URL when it is a well-formed https URL */
export function httpsUrl(raw) {
  if (typeof raw !== "string" || !raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens outside the dashboard, or plain text when the URL is not https. */
export function outLink(raw, label) {
  const href = httpsUrl(raw);
  if (!href) return h("span", { class: "muted" }, label);
  return h("a", { href, target: "_blank", rel: "noopener noreferrer" }, label);
}

/** @param {number | null | undefined} seconds */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return t("common.none");
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return t("duration.justNow");
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [];
  if (days) parts.push(t("duration.d", { n: days }));
  if (hours) parts.push(t("duration.h", { n: hours }));
  if (!days && rest) parts.push(t("duration.min", { n: rest }));
  return parts.join(" ");
}

/** @param {string | null | undefined} iso */
export function dateTime(iso) {
  if (!iso) return t("common.none");
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return t("common.none");
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "medium", timeStyle: "short" }).format(when);
}

/** @param {string | null | undefined} isoDate "2026-12-31" → "31 Dec 2026" */
export function date(isoDate) {
  if (!isoDate) return t("common.none");
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  const when = new Date(y, m - 1, d);
  if (Number.isNaN(when.getTime())) return isoDate;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "medium" }).format(when);
}

/** @param {string} isoDate "2026-11-05" → "5 nov" (nl) / "5 Nov" (en): never "11-05". */
export function shortDate(isoDate) {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  return new Intl.DateTimeFormat(currentLanguage(), { day: "numeric", month: "short" }).format(new Date(y, m - 1, d));
}

/** @param {string} isoDate e.g. "2026-11-21" → "Saturday 21 November" */
export function day(isoDate) {
  const [y, m, d] = isoDate.split("-").map(Number);
  const when = new Date(y, m - 1, d);
  return new Intl.DateTimeFormat(currentLanguage(), { weekday: "long", day: "numeric", month: "long" }).format(when);
}

/** @param {number} value @param {number} [digits] */
export function percent(value, digits = 0) {
  return new Intl.NumberFormat(currentLanguage(), { style: "percent", maximumFractionDigits: digits }).format(value);
}

/** @param {number} value */
export function number(value) {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

/** A <label> around a control, so every control has a visible, spoken name. */
export function field(labelKey, control) {
  return h("label", { class: "field" }, h("span", null, t(labelKey)), control);
}

/** <select> with [value, text] options. */
export function select(options, value, props = {}) {
  const el = /** @type {HTMLSelectElement} */ (h("select", props));
  for (const [optionValue, text] of options) {
    el.append(h("option", { value: optionValue, selected: optionValue === value }, text));
  }
  return el;
}

/** A page heading that the app can focus and name the page by. */
export function title(key, vars) {
  return h("h1", { id: "page-title", tabindex: "-1" }, t(key, vars));
}

/**
 * Copy a suggested text for the user to paste (and edit) themselves; says so on the button
 * and in the status line. Falls back to a hidden textarea where the Clipboard API is refused.
 * @param {string} text
 * @param {HTMLElement} button
 */
export async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = /** @type {HTMLTextAreaElement} */ (h("textarea", { "aria-hidden": "true", class: "skip" }));
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) {
      announce(t("common.copyFailed"));
      return;
    }
  }
  button.textContent = t("common.copied");
  announce(t("common.copied"));
}

/** The line under the header that screen readers announce. */
export function announce(text) {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

/** The words for a failed action (the agent's own message when it sent one). */
export function errorText(error) {
  const status = error && typeof error === "object" && "status" in error ? error.status : -1;
  if (status === 401) return t("auth.body");
  if (status === 0) return t("error.offline");
  return t("error.generic", { message: error instanceof Error ? error.message : String(error) });
}

/**
 * Tell the user an action failed, where they acted: the message appears right after `near`
 * (the form or button they used) and is announced; without `near` only the status line says it.
 * @param {unknown} error
 * @param {Element | null} [near]
 */
export function failed(error, near = null) {
  const text = errorText(error);
  announce(text);
  if (!near || !near.isConnected) return;
  showNear(near, text);
}

/** An inline message after `near` (replacing an earlier one there), scrolled into view. */
export function showNear(near, text, kind = "error") {
  const next = near.nextElementSibling;
  const box = next && next.classList.contains("inline-message") ? next : h("p", { class: "inline-message", role: kind === "error" ? "alert" : "status" });
  box.className = `inline-message ${kind}`;
  box.textContent = text;
  if (box !== next) near.after(box);
  box.scrollIntoView({ block: "nearest" });
  return box;
}

/** Remove the inline message after `near`, once the action worked. */
export function clearNear(near) {
  const next = near?.nextElementSibling;
  if (next && next.classList.contains("inline-message")) next.remove();
}

/** Business hours in words: "52 kantooruren", "less than a business hour". */
export function businessHours(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return t("common.none");
  const hours = Math.round(seconds / 3600);
  return hours < 1 ? t("duration.businessUnderHour") : tn("duration.businessHours", hours);
}
