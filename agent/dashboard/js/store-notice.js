// @ts-check
/**
 * The store notice: when a damaged store file could not give back every document, the
 * dashboard says so above every page until the user clears it (`roos doctor --clear`).
 * Built from GET /api/doctor's numbers, so it reads the same in Dutch and English.
 */

import { api } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";

/** Show (or remove) the notice before #main; a failed check shows nothing. */
export async function showStoreNotice() {
  document.getElementById("store-notice")?.remove();
  let answer;
  try {
    answer = await api("/api/doctor");
  } catch {
    return;
  }
  const store = (answer.checks || []).find((c) => c.check === "store");
  const details = store?.details || {};
  if (!store || store.ok || !(details.lost || details.unrecovered)) return;
  const key = details.unrecovered ? "storeNotice.unrecovered" : "storeNotice.lost";
  const text = t(key, { count: details.lost || 0, files: (details.files || []).join(", ") });
  const notice = h("p", { id: "store-notice", class: "notice error", role: "alert", "data-roos": "store-notice" }, text, " ", t("storeNotice.fix"));
  document.getElementById("main")?.before(notice);
}
