// @ts-check
/**
 * Editors for the profile's lists (saved replies, knowledge base, team): one fieldset per
 * entry, added and removed in place, each control named by its profile path
 * ("team[1].away[0].from") so the agent's refusal can be shown next to it.
 */

import { field as labelled, h } from "../dom.js";
import { t } from "../i18n.js";
import { input } from "./profile.js";

/**
 * @param {string} key the profile key ("team")
 * @param {any[]} rows its current entries
 * @param {{fields: [string, any][], blank: any}} spec
 */
export function listEditor(key, rows, spec) {
  const holder = h("div", { class: "entries", dataset: { list: key } });
  const renumber = () => {
    [...holder.children].forEach((set, n) => {
      for (const el of set.querySelectorAll("[data-field]")) {
        const path = `${key}[${n}].${/** @type {HTMLElement} */ (el).dataset.field}`;
        el.setAttribute("data-path", path);
        el.setAttribute("name", path);
      }
      const legend = set.querySelector("legend");
      if (legend) legend.textContent = t(`profile.${key}.entry`, { n: n + 1 });
    });
  };
  const add = (row) => {
    holder.append(entry(key, row, spec, () => renumber()));
    renumber();
  };
  holder.addEventListener("renumber", renumber);
  (rows || []).forEach(add);
  const fields = h(
    "div",
    null,
    h("p", { class: "muted" }, t(`profile.${key}.help`)),
    holder,
    h("button", { type: "button", onclick: () => { add({ ...spec.blank }); /** @type {HTMLElement | null} */ (holder.lastElementChild?.querySelector("input, textarea"))?.focus(); } }, t(`profile.${key}.add`)),
  );
  return { fields, collect: () => ({ [key]: [...holder.children].map((set) => collectEntry(set, spec)) }) };
}

function control(kind, field, value) {
  const props = { dataset: { field } };
  if (kind === "area") return input(field, value, { ...props, rows: "3" });
  if (kind === "list") return input(field, (value || []).join(", "), props);
  if (Array.isArray(kind)) {
    const el = /** @type {HTMLSelectElement} */ (h("select", props));
    for (const [v, label] of kind) el.append(h("option", { value: v, selected: (value || "") === v }, label.includes(".") ? t(label) : label));
    return el;
  }
  return input(field, value, props);
}

function entry(key, row, spec, renumber) {
  const set = h("fieldset", { class: "entry" }, h("legend"));
  for (const [field, kind] of spec.fields) {
    if (kind === "away") set.append(awayEditor(row.away || []));
    else set.append(labelled(`profile.${key}.${field}`, control(kind, field, row[field])));
  }
  set.append(h("button", { type: "button", class: "danger", onclick: () => { set.remove(); renumber(); } }, t(`profile.${key}.remove`)));
  return set;
}

function awayEditor(periods) {
  const holder = h("div", { class: "away", dataset: { away: "" } });
  const renumber = () => {
    [...holder.children].forEach((row, n) => {
      for (const el of row.querySelectorAll("[data-part]")) el.setAttribute("data-field", `away[${n}].${/** @type {HTMLElement} */ (el).dataset.part}`);
    });
    holder.closest(".entries")?.dispatchEvent(new Event("renumber"));
  };
  const add = (p) => {
    const row = h(
      "div",
      { class: "row" },
      labelled("profile.team.away.from", input("from", p.from, { type: "date", dataset: { part: "from" } })),
      labelled("profile.team.away.to", input("to", p.to, { type: "date", dataset: { part: "to" } })),
      labelled("profile.team.away.delegate", input("delegate", p.delegate, { dataset: { part: "delegate" } })),
      h("button", { type: "button", onclick: () => { row.remove(); renumber(); } }, t("profile.team.away.remove")),
    );
    holder.append(row);
    renumber();
  };
  periods.forEach(add);
  return h("div", { class: "away-editor" }, h("p", null, h("strong", null, t("profile.team.away"))), holder, h("button", { type: "button", onclick: () => add({}) }, t("profile.team.away.add")));
}

function collectEntry(set, spec) {
  const out = {};
  for (const [field, kind] of spec.fields) {
    if (kind === "away") {
      const periods = [...set.querySelectorAll(".away > .row")].map((row) => {
        const part = (name) => /** @type {HTMLInputElement} */ (row.querySelector(`[data-part="${name}"]`)).value.trim();
        const period = { from: part("from"), to: part("to") };
        return part("delegate") ? { ...period, delegate: part("delegate") } : period;
      });
      if (periods.length) out.away = periods;
      continue;
    }
    const el = /** @type {HTMLInputElement} */ (set.querySelector(`[data-field="${field}"]`));
    const value = el.value.trim();
    if (kind === "list") out[field] = value.split(",").map((s) => s.trim()).filter(Boolean);
    else if (value || ["text", "area"].includes(kind) && ["name", "text", "question", "answer"].includes(field)) out[field] = value;
  }
  return out;
}
