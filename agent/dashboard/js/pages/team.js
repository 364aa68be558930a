// @ts-check
/**
 * Team: members from the profile with role, topics and availability (who covers while someone
 * is away), and per member the open items they handle, items answered and median response time.
 */

import { api } from "../api.js";
import { date, duration, h, title } from "../dom.js";
import { t } from "../i18n.js";

export async function render(root) {
  const data = await api("/api/team");
  root.append(title("team.title"));
  if (!data.members.length) {
    root.append(h("p", { class: "empty" }, t("team.empty")));
    return;
  }
  const heads = ["name", "role", "topics", "availability", "open", "answered", "median"].map((c) => h("th", { scope: "col" }, t(`team.col.${c}`)));
  const rows = data.members.map((m) =>
    h(
      "tr",
      { dataset: { member: m.id } },
      h("th", { scope: "row" }, m.name),
      h("td", null, m.role ? t(`role.${m.role}`) : t("common.none")),
      h("td", null, m.topics.join(", ") || t("common.none")),
      h("td", { class: "availability" }, availability(m)),
      h("td", null, String(m.open), m.handed_over_to_them ? h("span", { class: "muted" }, " ", t("team.handedIn", { n: m.handed_over_to_them })) : null),
      h("td", null, String(m.answered)),
      h("td", null, duration(m.median_response_seconds)),
    ),
  );
  root.append(
    h("div", { class: "table-wrap" }, h("table", null, h("thead", null, h("tr", null, heads)), h("tbody", null, rows))),
    h("p", { class: data.unassigned ? "notice" : "muted" }, t("team.unassigned", { n: data.unassigned })),
    h("p", { class: "muted" }, t("team.howto")),
  );
}

export function onEvent(event, root, ctx) {
  if (["item.new", "item.updated", "item.answered"].includes(event.type) && !root.contains(document.activeElement)) ctx.refresh();
}

function availability(member) {
  const away = member.away_now;
  if (away) {
    return member.delegate_name ? t("team.awayDelegate", { until: date(away.to), delegate: member.delegate_name }) : t("team.away", { until: date(away.to) });
  }
  const next = member.next_away;
  return next ? [t("team.available"), h("br"), h("span", { class: "muted" }, t("team.nextAway", { from: date(next.from), to: date(next.to) }))] : t("team.available");
}
