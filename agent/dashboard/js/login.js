// @ts-check
/**
 * The login page: /login#code=... . The code leaves the address bar and history before
 * anything else happens, then goes to the agent in a JSON POST from this origin; the answer
 * sets an HttpOnly session cookie and we move on to the dashboard (replacing this entry).
 */

import { ApiError, api } from "./api.js";
import { chooseLanguage, t, translatePage, useLanguage } from "./i18n.js";

function takeCode() {
  const params = new URLSearchParams(location.hash.slice(1));
  history.replaceState(null, "", "/login");
  return params.get("code");
}

async function main() {
  const code = takeCode();
  await useLanguage(chooseLanguage());
  translatePage();
  const message = /** @type {HTMLElement} */ (document.getElementById("message"));
  if (!code) {
    message.textContent = t("login.noCode");
    return;
  }
  try {
    await api("/api/session", { method: "POST", body: { code } });
    location.replace("/#/inbox");
  } catch (error) {
    const text = error instanceof ApiError ? error.message : String(error);
    message.textContent = t("login.failed", { message: text });
  }
}

main();
