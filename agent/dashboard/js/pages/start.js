// @ts-check
/**
 * First steps: the first-run checklist. Five steps, each linking to where it is done and
 * ticked off as soon as Roos sees it done (GET /api/start). Pairing is explained right here,
 * because it happens outside the dashboard (the extension's options page and `roos token`).
 */

import { api } from "../api.js";
import { h, title } from "../dom.js";
import { t } from "../i18n.js";

export async function render(root) {
  const data = await api("/api/start");
  root.append(
    title("start.title"),
    h("p", { id: "start-progress", class: "muted" }, t("start.progress", { done: data.done, total: data.total })),
    h("progress", { max: String(data.total), value: String(data.done), "aria-labelledby": "start-progress" }),
    h("ol", { class: "checklist" }, data.steps.map(step)),
    data.done === data.total ? h("p", { class: "verdict-ok" }, t("start.allDone")) : null,
  );
}

export function onEvent(event, root, ctx) {
  const telling = ["item.new", "item.answered", "source.run", "profile.changed", "own_post.new"];
  if (telling.some((type) => event.type.startsWith(type)) && !root.contains(document.activeElement)) ctx.refresh();
}

function step(s) {
  const state = s.done ? t("start.done") : t("start.todo");
  return h(
    "li",
    { class: s.done ? "done" : "todo", dataset: { step: s.key } },
    h("span", { class: "tick", "aria-hidden": "true" }, s.done ? "✓" : ""),
    h(
      "div",
      null,
      h("h2", null, t(`start.${s.key}`), h("span", { class: "state" }, ` (${state})`)),
      h("p", null, t(`start.${s.key}.how`)),
      s.key === "pair" && !s.done ? h("ol", { class: "howto" }, ["1", "2", "3"].map((n) => h("li", null, t(`start.pair.step${n}`)))) : null,
      s.link !== "#/start" ? h("p", null, h("a", { href: s.link }, t(`start.${s.key}.go`))) : null,
    ),
  );
}

/** A one-line reminder for the inbox until every first step is done. */
export async function reminder() {
  const data = await api("/api/start");
  if (data.done === data.total) return null;
  return h("p", { class: "start-reminder" }, t("start.reminder", { done: data.done, total: data.total }), " ", h("a", { href: "#/start" }, t("start.continue")));
}
