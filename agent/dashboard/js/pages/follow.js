// @ts-check
/**
 * Follow ratio: every account the ratio check has seen, with the verdict in words and the
 * latest counts; its history as a chart once there are two snapshots or more (one point is no
 * line). Own accounts are titled by their own name, so a personal profile and a company page
 * are told apart. Below: whom to unfollow first, as a list.
 */

import { api, query } from "../api.js";
import { chart, colour } from "../charts.js";
import { date, h, number, outLink, title } from "../dom.js";
import { currentLanguage, t, tn } from "../i18n.js";

export async function render(root) {
  const data = await api(`/api/insights/follow${query({ lang: currentLanguage() })}`);
  root.append(title("follow.title"), h("p", { class: "muted" }, t("follow.intro")));
  if (!data.accounts.length) {
    root.append(h("section", { class: "panel empty-state" }, h("p", null, t("follow.empty"))));
    return;
  }
  for (const account of data.accounts) section(root, account);
  root.append(unfollow(data.unfollow || []));
}

/** "Your account: Vlotbank" for own accounts, their name (or address) for others. */
export function accountTitle(account) {
  const name = account.name || account.account;
  return account.own ? t("follow.ownNamed", { name }) : name;
}

function section(root, account) {
  const name = accountTitle(account);
  const verdict = account.verdict;
  const box = h(
    "section",
    { class: "panel", dataset: { account: account.account } },
    h("h2", null, outLink(account.url, name)),
    h("p", { class: verdict.verdict === "ok" ? "verdict-ok" : "verdict-warn" }, t(`follow.verdict.${verdict.verdict}`)),
    h("p", { class: "figure" }, verdict.following === null
      ? t("follow.latestFollowersOnly", { followers: number(verdict.followers) })
      : t("follow.latest", { followers: number(verdict.followers), following: number(verdict.following) })),
    h("p", null, verdict.advice),
  );
  root.append(box);
  if (account.history.length < 2) {
    box.append(h("p", { class: "muted" }, t("follow.oneSnapshot")));
    return;
  }
  chart(box, t("follow.chart", { name: account.name || account.account }), {
    type: "line",
    data: {
      labels: account.history.map((s) => date(s.at)),
      datasets: [
        { label: t("follow.chart.following"), data: account.history.map((s) => s.following), borderColor: colour(1), backgroundColor: colour(1) },
        { label: t("follow.chart.limit"), data: account.history.map((s) => s.followers), borderColor: colour(0), backgroundColor: colour(0), borderDash: [6, 4] },
      ],
    },
    options: { scales: { y: { beginAtZero: false } } },
  });
}

function unfollow(people) {
  const box = h("section", { class: "panel", id: "unfollow" }, h("h2", null, t("follow.unfollow")));
  if (!people.length) {
    box.append(h("p", { class: "muted" }, t("follow.unfollow.none")));
    return box;
  }
  box.append(
    h("p", { class: "muted" }, t("follow.unfollow.why")),
    h("ol", { class: "list" }, people.map((p) => h("li", null, outLink(p.profile_url, p.name || p.id), " · ", h("span", { class: "muted" }, p.last_interaction ? t("follow.unfollow.last", { date: date(p.last_interaction) }) : tn("follow.unfollow.count", p.interactions))))),
  );
  return box;
}
