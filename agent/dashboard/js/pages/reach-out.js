// @ts-check
/**
 * Reach out: what Roos heard, turned into things the user can do — people and companies to
 * follow (never beyond the follow ratio), blogs to follow, posts worth sharing, questions to
 * answer helpfully, discussions to start, and today's posting rhythm.
 *
 * Roos suggests, the user acts. Nothing here follows, likes, shares or posts: names and posts
 * are links that open LinkedIn or the blog, comments are copied for the user to paste, and the
 * one button that changes anything ("Add as source") only changes what Roos itself listens to.
 */

import { api, query } from "../api.js";
import { announce, copyText, dateTime, h, number, outLink, title } from "../dom.js";
import { currentLanguage, t, tn } from "../i18n.js";

export async function render(root) {
  const data = await api(`/api/reach-out${query({ lang: currentLanguage() })}`);
  root.append(
    title("reachOut.title"),
    h("p", null, t("reachOut.intro")),
    follow(data.follow),
    blogs(data.blogs),
    share(data.share),
    comment(data.comment),
    discussions(data.discussions),
    rhythm(data.rhythm),
  );
}

/** One practice: a heading, why it matters, then its suggestions (or why there are none). */
function section(id, heading, why, ...content) {
  return h("section", { class: "panel", id: `reach-${id}`, "aria-labelledby": `reach-${id}-title` }, h("h2", { id: `reach-${id}-title` }, heading), h("p", { class: "muted" }, why), ...content);
}

function list(entries, show) {
  return h("ul", { class: "list" }, entries.map((entry) => h("li", null, show(entry))));
}

function empty(text) {
  return h("p", { class: "empty" }, text);
}

/** The post a suggestion comes from: excerpt, author, when, and a link to read it there. */
function excerpt(item, linkText = t("reachOut.open")) {
  return [h("p", { class: "text" }, item.text), h("p", { class: "muted text" }, item.author || t("common.none"), " · ", dateTime(item.published_at), " · ", outLink(item.url, linkText))];
}

/** A suggested text with a copy button: the user pastes (and edits) it themselves. */
function suggested(label, text, level = "h3") {
  return h("div", { class: "suggestions" }, h(level, null, label), h("ul", null, h("li", null, h("p", null, text), h("button", { type: "button", onclick: (e) => copyText(text, e.currentTarget) }, t("common.copy")))));
}


function follow(data) {
  const notes = [];
  if (!data.ratio_known) notes.push(h("p", { class: "notice", id: "ratio-unknown" }, t("reachOut.follow.unknown")));
  else if (!data.room) notes.push(h("p", { class: "notice verdict-warn", id: "ratio-full" }, t("reachOut.follow.noRoom")));
  else notes.push(h("p", null, t("reachOut.follow.room", { n: number(data.room) })));
  const body = data.suggestions.length ? list(data.suggestions, person) : data.ratio_known && !data.room ? null : empty(t("reachOut.follow.empty"));
  return section("follow", t("reachOut.follow.title"), t("reachOut.follow.why"), notes, body);
}

function person(p) {
  return [
    h("h3", null, outLink(p.profile_url, p.name)),
    p.headline ? h("p", { class: "muted text" }, p.headline) : null,
    h("p", null, tn("reachOut.follow.itemsCount", p.items), p.interacts_with_us ? [" · ", h("strong", null, t("reachOut.follow.interacts"))] : null),
    p.ratio_after === undefined ? null : h("p", null, t("reachOut.follow.ratioAfter", { ratio: number(p.ratio_after) })),
    h("h4", null, t("reachOut.follow.topItems")),
    list(p.top_items, (item) => excerpt(item)),
  ];
}

function blogs(found) {
  const body = found.length ? list(found, blog) : empty(t("reachOut.blogs.empty"));
  return section("blogs", t("reachOut.blogs.title"), t("reachOut.blogs.why"), body);
}

function blog(b) {
  const result = h("p");
  const button = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "primary" }, t("reachOut.blogs.add")));
  button.addEventListener("click", () => addSource(b, button, result));
  return [
    h("h3", null, outLink(b.url, b.host)),
    h("p", null, t("reachOut.blogs.linked", { n: b.linked_from })),
    h("p", { class: "muted" }, t("reachOut.blogs.examples")),
    h("ul", null, b.examples.map((url) => h("li", { class: "text" }, outLink(url, url)))),
    h("div", { class: "row" }, button),
    result,
  ];
}

/**
 * The user's own "follow this blog". Roos already knows the site is a blog (people link its
 * posts), so it says so instead of visiting now; its feed is looked up on the first read.
 */
async function addSource(b, button, result) {
  button.disabled = true;
  button.textContent = t("reachOut.blogs.adding");
  result.className = "";
  const body = b.feed_url ? { url: b.feed_url, kind: "feed" } : { url: b.url, kind: "blog" };
  try {
    await api("/api/sources", { method: "POST", body });
  } catch (error) {
    button.disabled = false;
    button.textContent = t("reachOut.blogs.add");
    result.className = "error";
    result.textContent = t("reachOut.blogs.failed", { host: b.host, message: error instanceof Error ? error.message : String(error) });
    announce(result.textContent);
    return;
  }
  button.textContent = t("reachOut.blogs.addedButton");
  result.textContent = t("reachOut.blogs.added", { host: b.host });
  announce(result.textContent);
}

function share(items) {
  const body = items.length ? list(items, (item) => [...excerpt(item, t("reachOut.share.open")), h("p", { class: "muted" }, t("reachOut.share.topics", { topics: item.topics.join(", ") })), suggested(t("reachOut.suggestedComment"), item.comment)]) : empty(t("reachOut.share.empty"));
  return section("share", t("reachOut.share.title"), t("reachOut.share.why"), body);
}

function comment(items) {
  const body = items.length ? list(items, (item) => [...excerpt(item, t("reachOut.comment.open")), h("p", null, t("reachOut.comment.matches", { question: item.knowledge_question })), suggested(t("reachOut.suggestedComment"), item.comment)]) : empty(t("reachOut.comment.empty"));
  return section("comment", t("reachOut.comment.title"), t("reachOut.comment.why"), body);
}

function discussions(found) {
  const body = found.length ? list(found, discussion) : empty(t("reachOut.discussions.empty"));
  return section("discussions", t("reachOut.discussions.title"), t("reachOut.discussions.why"), body);
}

function discussion(d) {
  return [
    h("h3", { class: "text" }, t("reachOut.discussions.size", { n: d.size, where: d.where || t("common.none") })),
    suggested(t("reachOut.discussions.opener"), d.opener, "h4"),
    h("h4", null, t("reachOut.discussions.examples")),
    list(d.items, (item) => excerpt(item)),
  ];
}

function rhythm(r) {
  const state = r.due ? h("p", { class: "notice verdict-warn", id: "rhythm-due" }, r.message) : h("p", { class: "verdict-ok" }, t(r.posts_today >= r.target ? "reachOut.rhythm.met" : "reachOut.rhythm.fine"));
  const picks = r.suggestions.length ? list(r.suggestions, (item) => excerpt(item, t("reachOut.share.open"))) : null;
  return section("rhythm", t("reachOut.rhythm.title"), t("reachOut.rhythm.why"), h("p", { id: "rhythm-today" }, t("reachOut.rhythm.today", { done: number(r.posts_today), target: number(r.target) })), state, picks);
}
