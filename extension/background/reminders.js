// @ts-check
/**
 * Rhythm reminders: several posts a day, weekends too. When today's target is not met by
 * early afternoon (the agent decides, in the profile's time zone), remind the user once a
 * day, with two items worth sharing. Checked from the revive alarm, at most every 10 minutes.
 */
import { callAgent } from "./connection.js";

const CHECK_EVERY_MS = 10 * 60 * 1000;
export const RHYTHM_PREFIX = "roos-rhythm|";

/** @param {boolean} [force] check now, whatever the last check was */
export async function checkRhythm(force = false) {
  const now = Date.now();
  const { rhythmCheckedAt = 0 } = await chrome.storage.session.get("rhythmCheckedAt");
  if (!force && now - rhythmCheckedAt < CHECK_EVERY_MS) return null;
  await chrome.storage.session.set({ rhythmCheckedAt: now });
  const lang = chrome.i18n.getUILanguage().toLowerCase().startsWith("nl") ? "nl" : "en";
  const answer = await callAgent("GET", `/api/reach-out/rhythm?lang=${lang}`);
  const rhythm = answer?.rhythm;
  if (!rhythm?.due) return rhythm ?? null;
  const { rhythmRemindedOn } = await chrome.storage.local.get("rhythmRemindedOn");
  if (rhythmRemindedOn === rhythm.date) return rhythm; // once a day is a reminder; more is nagging
  await chrome.storage.local.set({ rhythmRemindedOn: rhythm.date });
  const picks = Array.isArray(rhythm.suggestions) ? rhythm.suggestions.slice(0, 2) : [];
  await chrome.notifications.create(`${RHYTHM_PREFIX}${rhythm.date}|${httpsOrEmpty(picks[0]?.url)}`, {
    type: "list",
    iconUrl: chrome.runtime.getURL("icons/roos-128.png"),
    title: chrome.i18n.getMessage("rhythmTitle"),
    message: String(rhythm.message || ""),
    items: picks.map((pick) => ({
      title: String(pick.author || "").slice(0, 60),
      message: String(pick.text || "").slice(0, 120),
    })),
  });
  return rhythm;
}

/** @param {unknown} value */
function httpsOrEmpty(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === "https:" ? url.href : "";
  } catch {
    return "";
  }
}
