// @ts-check
/**
 * Notices above every page about the agent's own state: a profile.toml that Roos could not
 * read (which field, what is wrong, what to write instead; Roos keeps the last good profile
 * meanwhile). Checked whenever a page is shown, so a fix disappears from the screen as soon
 * as the file is saved.
 */

import { api } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";

/** The words for a problem_detail from GET /api/profile. */
export function problemLines(detail) {
  const leaf = (detail.field || "").split(".").pop() || detail.field || "";
  const where = detail.field ? t("alerts.profile.field", { field: detail.field, message: detail.message }) : detail.message;
  let fix;
  if (detail.kind === "type") fix = t("alerts.profile.fix.type", { expected: t(`alerts.profile.type.${detail.expected}`), example: `${leaf} = ${detail.example}` });
  else if (detail.kind === "choice") fix = t("alerts.profile.fix.choice", { choices: detail.expected });
  else if (detail.kind === "required") fix = t("alerts.profile.fix.required", { name: detail.expected, field: detail.field || "" });
  else if (detail.kind === "toml") fix = detail.line ? t("alerts.profile.fix.tomlLine", { line: detail.line }) : t("alerts.profile.fix.toml");
  else fix = t("alerts.profile.fix.other");
  return { where, fix };
}

export async function checkProfile() {
  const box = document.getElementById("alerts");
  if (!box) return;
  let data;
  try {
    data = await api("/api/profile");
  } catch {
    return; // the page itself says when the agent does not answer
  }
  const detail = data.problem_detail || (data.problem ? { field: null, message: data.problem, kind: "other" } : null);
  if (!detail) {
    box.replaceChildren();
    return;
  }
  const { where, fix } = problemLines(detail);
  box.replaceChildren(
    h(
      "section",
      { id: "profile-problem", class: "notice error-notice", role: "alert", "aria-labelledby": "profile-problem-title" },
      h("h2", { id: "profile-problem-title" }, t("alerts.profile.title")),
      h("p", { class: "problem-field" }, where),
      h("p", null, fix),
      h("p", { class: "muted" }, t("alerts.profile.kept")),
    ),
  );
}
