// @ts-check
/**
 * Follow ratio: follower and following counts over time for every account the ratio check has
 * seen, with the line following must stay under (the followers), and the verdict in words.
 */

import { api, query } from "../api.js";
import { chart, colour } from "../charts.js";
import { dateTime, h, number, outLink, title } from "../dom.js";
import { currentLanguage, t } from "../i18n.js";

export async function render(root) {
  const data = await api(`/api/insights/follow${query({ lang: currentLanguage() })}`);
  root.append(title("follow.title"), h("p", { class: "muted" }, t("follow.intro")));
  if (!data.accounts.length) {
    root.append(h("p", { class: "empty" }, t("follow.empty")));
    return;
  }
  for (const account of data.accounts) section(root, account);
}

function section(root, account) {
  const name = account.own ? t("follow.own") : account.name || account.account;
  const verdict = account.verdict;
  const box = h(
    "section",
    { class: "panel" },
    h("h2", null, outLink(account.url, name)),
    h("p", { class: verdict.verdict === "ok" ? "verdict-ok" : "verdict-warn" }, t(`follow.verdict.${verdict.verdict}`)),
    h("p", null, verdict.following === null
      ? t("follow.latestFollowersOnly", { followers: number(verdict.followers) })
      : t("follow.latest", { followers: number(verdict.followers), following: number(verdict.following) })),
    h("p", null, verdict.advice),
  );
  root.append(box);
  const labels = account.history.map((s) => dateTime(s.at));
  chart(box, t("follow.chart", { name }), {
    type: "line",
    data: {
      labels,
      datasets: [
        { label: t("follow.chart.following"), data: account.history.map((s) => s.following), borderColor: colour(1), backgroundColor: colour(1) },
        { label: t("follow.chart.limit"), data: account.history.map((s) => s.followers), borderColor: colour(0), backgroundColor: colour(0), borderDash: [6, 4] },
      ],
    },
    options: { scales: { y: { beginAtZero: false } } },
  });
}
