// @ts-check
/**
 * The dashboard shell: hash routes (#/inbox, #/listening, ...), one module per page, the
 * language switch, logout and the live connection. A page module exports
 * `render(root, ctx)` and may export `onEvent(event, root, ctx)` for live events.
 */

import { ApiError, api, connectLive } from "./api.js";
import { destroyCharts } from "./charts.js";
import { announce, h } from "./dom.js";
import { LANGUAGES, chooseLanguage, rememberLanguage, t, translatePage, useLanguage } from "./i18n.js";
import { checkProfile } from "./alerts.js";
import * as follow from "./pages/follow.js";
import * as inbox from "./pages/inbox.js";
import * as listening from "./pages/listening.js";
import * as people from "./pages/people.js";
import * as profile from "./pages/profile.js";
import * as reachOut from "./pages/reach-out.js";
import * as reports from "./pages/reports.js";
import * as sources from "./pages/sources.js";
import * as start from "./pages/start.js";
import * as team from "./pages/team.js";
import * as valuable from "./pages/valuable.js";
import { showStoreNotice } from "./store-notice.js";

const PAGES = { inbox, listening, people, valuable, "reach-out": reachOut, follow, team, sources, reports, profile, start };
/** @type {{name: string, module: any, root: HTMLElement} | null} */
let current = null;
let live = false;
const ctx = { api, refresh: () => show() };

function pageName() {
  const name = (location.hash.match(/^#\/([\w-]+)/) || [])[1] || "inbox";
  return name in PAGES ? name : "inbox";
}

/** @param {unknown} error @param {HTMLElement} root */
export function showError(error, root) {
  if (error instanceof ApiError && error.status === 401) {
    loggedOut(t("auth.body"));
    return;
  }
  const message = error instanceof ApiError && error.status === 0 ? t("error.offline") : t("error.generic", { message: error instanceof Error ? error.message : String(error) });
  root.append(h("p", { class: "notice error", role: "alert" }, message));
}

/** @param {string} message */
function loggedOut(message) {
  current = null;
  destroyCharts();
  const main = /** @type {HTMLElement} */ (document.getElementById("main"));
  main.replaceChildren(h("section", { class: "notice" }, h("h1", { id: "page-title" }, t("auth.title")), h("p", null, message)));
  for (const id of ["nav", "logout", "live"]) document.getElementById(id)?.setAttribute("hidden", "");
}

async function show(focus = false) {
  const name = pageName();
  for (const link of document.querySelectorAll("#nav a")) {
    if (/** @type {HTMLElement} */ (link).dataset.page === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  destroyCharts();
  const main = /** @type {HTMLElement} */ (document.getElementById("main"));
  const root = h("section", { class: "page", "aria-labelledby": "page-title" });
  main.replaceChildren(root);
  const mine = { name, module: PAGES[name], root };
  current = mine;
  document.title = `${t(`nav.${name}`)} · Roos`;
  try {
    await mine.module.render(root, ctx);
    if (!live && current === mine) startLive();
    checkProfile();
  } catch (error) {
    if (current === mine) showError(error, root);
  }
  if (focus && current === mine) document.getElementById("page-title")?.focus();
}

function startLive() {
  live = true;
  const indicator = /** @type {HTMLElement} */ (document.getElementById("live"));
  connectLive(
    (event) => {
      if (current?.module.onEvent) current.module.onEvent(event, current.root, ctx);
    },
    (state) => {
      indicator.dataset.state = state === "on" ? "on" : "off";
      indicator.textContent = t(state === "on" ? "live.on" : "live.off");
      if (state === "refused") loggedOut(t("auth.body"));
    },
  );
}

async function switchLanguage(code) {
  rememberLanguage(code);
  await useLanguage(code);
  translatePage();
  const indicator = document.getElementById("live");
  if (indicator) indicator.textContent = t(indicator.dataset.state === "on" ? "live.on" : "live.off");
  await show();
  await showStoreNotice();
}

async function logout() {
  try {
    await api("/api/session", { method: "DELETE" });
  } finally {
    loggedOut(t("auth.loggedOut"));
  }
}

async function main() {
  const lang = chooseLanguage();
  await useLanguage(lang);
  translatePage();
  const picker = /** @type {HTMLSelectElement} */ (document.getElementById("lang"));
  picker.value = LANGUAGES.includes(lang) ? lang : "en";
  picker.addEventListener("change", () => switchLanguage(picker.value));
  document.getElementById("logout")?.addEventListener("click", () => logout().catch(() => {}));
  document.getElementById("skip")?.addEventListener("click", () => document.getElementById("main")?.focus());
  window.addEventListener("hashchange", () => show(true));
  document.getElementById("live")?.replaceChildren(t("live.off"));
  announce("");
  await show();
  await showStoreNotice();
}

main();
