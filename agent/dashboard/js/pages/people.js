// @ts-check
/**
 * People: fans, ambassadors and critics with their interactions, when they were last seen and
 * whether they are warming up or cooling down. Two records that look like one person can be
 * merged (the user decides); a person can be exported as JSON or forgotten for good.
 */

import { api, idPath, query } from "../api.js";
import { announce, dateTime, failed, field, h, outLink, select, title } from "../dom.js";
import { t } from "../i18n.js";

const state = { flag: "" };

export async function render(root) {
  const [data, merges] = await Promise.all([api(`/api/insights/people${query({ flag: state.flag })}`), api("/api/people-merge-candidates")]);
  const flag = select([["", t("people.filter.all")], ...["fan", "ambassador", "critic"].map((f) => [f, t(`people.filter.${f}`)])], state.flag, {
    onchange: (e) => {
      state.flag = e.target.value;
      redraw(root);
    },
  });
  root.append(title("people.title"), h("form", { class: "filters", onsubmit: (e) => e.preventDefault() }, field("people.filter", flag)), table(data.people, root), mergeSection(merges.candidates, root));
}

export function onEvent(event, root) {
  if (event.type === "person.forgotten" && !root.contains(document.activeElement)) redraw(root);
}

function redraw(root) {
  root.replaceChildren();
  render(root).catch(failed);
}

function table(people, root) {
  if (!people.length) return h("p", { class: "empty" }, t("people.empty"));
  const heads = ["name", "flag", "interactions", "lastSeen", "trend", "actions"].map((c) => h("th", { scope: "col" }, t(`people.col.${c}`)));
  const body = h("tbody");
  for (const person of people) body.append(...rows(person, root));
  return h("div", { class: "table-wrap" }, h("table", null, h("thead", null, h("tr", null, heads)), body));
}

function rows(person, root) {
  const name = person.name || person.id;
  const details = h("tr", { hidden: true }, h("td", { colspan: "6" }));
  const toggle = h("button", { type: "button", "aria-expanded": "false", onclick: () => showDetails(person, details, toggle) }, t("people.details"));
  const actions = h("div", { class: "row" }, toggle, h("button", { type: "button", onclick: (e) => { const near = e.currentTarget.parentElement; exportPerson(person).catch((error) => failed(error, near)); } }, t("people.export")), h("button", { type: "button", class: "danger", onclick: () => confirmForget(person, details, root) }, t("people.forget")));
  const row = h(
    "tr",
    { dataset: { person: person.id } },
    h("th", { scope: "row" }, outLink(person.profile_url, name)),
    h("td", null, person.flag ? h("span", { class: `badge ${person.flag}` }, t(`flag.${person.flag}`)) : t("common.none")),
    h("td", null, String(person.interactions), h("br"), h("span", { class: "muted" }, t("people.counts", person))),
    h("td", null, dateTime(person.last_seen)),
    h("td", null, t(`people.trend.${person.trend}`)),
    h("td", null, actions),
  );
  return [row, details];
}

async function showDetails(person, details, toggle) {
  const open = toggle.getAttribute("aria-expanded") === "true";
  toggle.setAttribute("aria-expanded", String(!open));
  toggle.textContent = t(open ? "people.details" : "people.details.hide");
  if (open) {
    details.setAttribute("hidden", "");
    return;
  }
  try {
    const data = await api(`/api/people/${idPath(person.id)}`);
    const items = data.items.map((item) => h("li", null, h("p", { class: "muted" }, dateTime(item.published_at || item.seen_at), " · ", outLink(item.url, t(`source.${item.source || "web"}`))), h("p", { class: "text" }, item.text || "")));
    details.firstChild?.replaceChildren(items.length ? h("ul", { class: "list" }, items) : h("p", { class: "empty" }, t("people.noItems")));
    details.removeAttribute("hidden");
  } catch (error) {
    failed(error, toggle.parentElement);
  }
}

async function exportPerson(person) {
  const data = await api(`/api/export/person${query({ person: person.id })}`);
  const blob = new Blob([JSON.stringify(data.export, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const safe = (person.name || "person").replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 60);
  const link = h("a", { href: url, download: `roos-${safe}.json`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  announce(t("people.exported", { name: person.name || person.id }));
}

function confirmForget(person, details, root) {
  const name = person.name || person.id;
  const yes = h("button", {
    type: "button",
    class: "danger",
    onclick: async () => {
      try {
        await api("/api/forget", { method: "POST", body: { person: person.id } });
        announce(t("people.forgotten", { name }));
        redraw(root);
      } catch (error) {
        failed(error, yes.parentElement);
      }
    },
  }, t("people.forget.yes"));
  const no = h("button", { type: "button", onclick: () => details.setAttribute("hidden", "") }, t("common.cancel"));
  details.firstChild?.replaceChildren(h("div", { class: "notice", role: "alertdialog", "aria-label": t("people.forget") }, h("p", null, t("people.forget.confirm", { name })), h("div", { class: "row" }, yes, no)));
  details.removeAttribute("hidden");
  yes.focus();
}

function mergeSection(candidates, root) {
  const section = h("section", { id: "merge" }, h("h2", null, t("people.merge.title")));
  if (!candidates.length) {
    section.append(h("p", { class: "empty" }, t("people.merge.none")));
    return section;
  }
  const merge = (keep, other) => async (event) => {
    const near = event.currentTarget.parentElement;
    try {
      await api("/api/people-merge", { method: "POST", body: { keep: keep.id, merge: other.id } });
      announce(t("people.merged", { name: keep.name }));
      redraw(root);
    } catch (error) {
      failed(error, near);
    }
  };
  const items = candidates.map((pair) => {
    // Older agents sent bare ids in a and b: fall back to those.
    const a = pair.a_person || { id: pair.a, name: pair.a };
    const b = pair.b_person || { id: pair.b, name: pair.b };
    const why = pair.reason === "website" ? t("people.merge.website", { a: a.name, b: b.name, site: a.website || "" }) : t("people.merge.pair", { a: a.name, b: b.name, score: Math.round(pair.score) });
    return h(
      "li",
      { dataset: { a: a.id, b: b.id } },
      h("p", null, why),
      h("p", { class: "muted" }, `${a.name}: ${a.id}`, h("br"), `${b.name}: ${b.id}`),
      h("div", { class: "row" }, h("button", { type: "button", onclick: merge(a, b) }, t("people.merge.keep", { name: a.name })), h("button", { type: "button", onclick: merge(b, a) }, t("people.merge.keep", { name: b.name }))),
    );
  });
  section.append(h("ul", { class: "list" }, items));
  return section;
}
