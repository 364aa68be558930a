// @ts-check
/**
 * Profile: the organisation as Roos knows it, edited in the dashboard. One form per section
 * (organisation, what to listen for, disclosure, business hours, targets, saved replies,
 * knowledge base, team with out-of-office dates); each saves its own keys with
 * PUT /api/profile, so it is checked exactly as the API checks it, and a refusal ("team[1].
 * away[0].to: ...") is shown next to the field it names. The agent writes the change into
 * profile.toml keeping its comments and order, so the file stays the source of truth.
 */

import { api } from "../api.js";
import { announce, clearNear, errorText, field, h, showNear, title } from "../dom.js";
import { t } from "../i18n.js";
import { listEditor } from "./profile-lists.js";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export async function render(root) {
  const { profile } = await api("/api/profile");
  root.append(
    title("profile.title"),
    h("p", { class: "muted" }, t("profile.intro")),
    section("organisation", organisation(profile)),
    section("listen", listen(profile)),
    section("disclosure", disclosure(profile)),
    section("hours", hours(profile)),
    section("targets", targets(profile)),
    section("replies", listEditor("saved_replies", profile.saved_replies, REPLY)),
    section("knowledge", listEditor("knowledge", profile.knowledge, KNOWLEDGE)),
    section("team", listEditor("team", profile.team, MEMBER)),
  );
}

/** A text box bound to a profile path ("organisation.name", "team[0].email"). */
export function input(path, value, props = {}) {
  const tag = props.rows ? "textarea" : "input";
  const el = /** @type {HTMLInputElement} */ (h(tag, { name: path, dataset: { path }, ...props }));
  if (props.type === "checkbox") el.checked = !!value;
  else el.value = value === null || value === undefined ? "" : String(value);
  return el;
}

const list = (text) => text.split(",").map((s) => s.trim()).filter(Boolean);

/** One section: a form whose `collect()` gives the keys to PUT. */
function section(name, { fields, collect }) {
  const status = h("p", { class: "form-status", role: "status" });
  const form = h(
    "form",
    {
      class: "panel profile-section",
      dataset: { section: name },
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        for (const old of form.querySelectorAll(".inline-message")) old.remove();
        form.querySelector("[aria-invalid]")?.removeAttribute("aria-invalid");
        try {
          await api("/api/profile", { method: "PUT", body: collect(form) });
          clearNear(status);
          status.textContent = t("profile.saved");
          announce(t("profile.saved"));
        } catch (error) {
          status.textContent = "";
          showProblem(form, error);
        }
      },
    },
    h("h2", null, t(`profile.section.${name}`)),
    fields,
    h("div", { class: "row" }, h("button", { type: "submit", class: "primary" }, t("profile.save")), status),
  );
  return form;
}

/** Put the agent's refusal next to the field it names (the longest path that matches). */
function showProblem(form, error) {
  const message = error instanceof Error ? error.message : String(error);
  const path = message.split(":")[0].trim();
  let target = null;
  for (let probe = path; probe && !target; probe = probe.replace(/(\[\d+\]|\.[^.[\]]+)$/, "")) {
    target = form.querySelector(`[data-path="${CSS.escape(probe)}"]`);
    if (probe === probe.replace(/(\[\d+\]|\.[^.[\]]+)$/, "")) break;
  }
  const near = target ? target.closest(".field") || target : form.querySelector(".row:last-child");
  if (target) {
    target.setAttribute("aria-invalid", "true");
    /** @type {HTMLElement} */ (target).focus();
  }
  showNear(/** @type {Element} */ (near), errorText(error));
}

function organisation(p) {
  const o = p.organisation || {};
  return {
    fields: h(
      "div",
      { class: "grid" },
      field("profile.org.name", input("organisation.name", o.name, { required: true })),
      field("profile.org.aliases", input("organisation.aliases", (o.aliases || []).join(", "))),
      field("profile.org.website", input("organisation.website", o.website, { type: "url", inputmode: "url" })),
      field("profile.org.story", input("organisation.story", o.story, { rows: "4" })),
    ),
    collect: (form) => {
      const v = (path) => /** @type {HTMLInputElement} */ (form.querySelector(`[data-path="${path}"]`)).value.trim();
      const body = { name: v("organisation.name"), aliases: list(v("organisation.aliases")), story: v("organisation.story") };
      return { organisation: v("organisation.website") ? { ...body, website: v("organisation.website") } : body };
    },
  };
}

function listen(p) {
  const keys = ["watch_terms", "topics", "competitors"];
  return {
    fields: h("div", { class: "grid" }, keys.map((k) => field(`profile.${k}`, input(k, (p[k] || []).join(", "))))),
    collect: (form) => Object.fromEntries(keys.map((k) => [k, list(/** @type {HTMLInputElement} */ (form.querySelector(`[data-path="${k}"]`)).value)])),
  };
}

function disclosure(p) {
  const d = p.disclosure || {};
  return {
    fields: h("div", { class: "grid" }, h("p", { class: "muted wide" }, t("profile.disclosure.help")), field("profile.disclosure.nl", input("disclosure.nl", d.nl)), field("profile.disclosure.en", input("disclosure.en", d.en))),
    collect: (form) => ({ disclosure: { nl: form.querySelector('[data-path="disclosure.nl"]').value.trim(), en: form.querySelector('[data-path="disclosure.en"]').value.trim() } }),
  };
}

function hours(p) {
  const b = p.business_hours || {};
  const days = b.days || {};
  const rows = DAYS.map((d) => {
    const [open, close] = days[d] || ["", ""];
    return h(
      "tr",
      null,
      h("th", { scope: "row" }, t(`profile.day.${d}`)),
      h("td", null, input(`business_hours.days.${d}[0]`, open, { type: "time", "aria-label": t("profile.hours.opens", { day: t(`profile.day.${d}`) }) })),
      h("td", null, input(`business_hours.days.${d}[1]`, close, { type: "time", "aria-label": t("profile.hours.closes", { day: t(`profile.day.${d}`) }) })),
    );
  });
  return {
    fields: h(
      "div",
      null,
      field("profile.hours.timezone", input("business_hours.timezone", b.timezone)),
      h("table", { class: "hours" }, h("thead", null, h("tr", null, h("th", { scope: "col" }, t("profile.hours.day")), h("th", { scope: "col" }, t("profile.hours.open")), h("th", { scope: "col" }, t("profile.hours.close")))), h("tbody", null, rows)),
      h("p", { class: "muted" }, t("profile.hours.help")),
    ),
    collect: (form) => {
      const value = (path) => form.querySelector(`[data-path="${CSS.escape(path)}"]`).value;
      const chosen = {};
      for (const d of DAYS) {
        const open = value(`business_hours.days.${d}[0]`);
        const close = value(`business_hours.days.${d}[1]`);
        if (open || close) chosen[d] = [open, close];
      }
      return { business_hours: { timezone: value("business_hours.timezone").trim(), days: chosen } };
    },
  };
}

function targets(p) {
  const g = p.targets || {};
  return {
    fields: h(
      "div",
      { class: "grid" },
      field("profile.targets.posts_per_day", input("targets.posts_per_day", g.posts_per_day, { inputmode: "decimal" })),
      field("profile.targets.max_promo_share", input("targets.max_promo_share", g.max_promo_share, { inputmode: "decimal" })),
      field("profile.targets.fan_min_interactions", input("targets.fan_min_interactions", g.fan_min_interactions, { inputmode: "numeric" })),
      h("label", { class: "check" }, input("targets.weekends", g.weekends, { type: "checkbox" }), " ", t("profile.targets.weekends")),
    ),
    collect: (form) => {
      // Text is sent as typed when it is no number, so the agent's check names the field.
      const num = (path) => {
        const raw = form.querySelector(`[data-path="${path}"]`).value.trim().replace(",", ".");
        return raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
      };
      return { targets: { posts_per_day: num("targets.posts_per_day"), max_promo_share: num("targets.max_promo_share"), fan_min_interactions: num("targets.fan_min_interactions"), weekends: form.querySelector('[data-path="targets.weekends"]').checked } };
    },
  };
}

const LANG = [["", "—"], ["nl", "Nederlands"], ["en", "English"]];
const REPLY = { fields: [["title", "text"], ["text", "area"], ["lang", LANG], ["intent", [["", "—"], ...["complaint", "question", "praise", "other"].map((i) => [i, `intent.${i}`])]]], blank: { title: "", text: "" } };
const KNOWLEDGE = { fields: [["question", "text"], ["answer", "area"], ["lang", LANG]], blank: { question: "", answer: "" } };
const MEMBER = { fields: [["id", "text"], ["name", "text"], ["role", [["", "—"], ...["sales", "service", "product", "management", "communication"].map((r) => [r, `role.${r}`])]], ["email", "text"], ["topics", "list"], ["away", "away"]], blank: { name: "" } };
