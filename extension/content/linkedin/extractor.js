// @ts-check
/**
 * The one LinkedIn extractor: turns a LinkedIn page (or part of one) into Roos items. The
 * extension's content scripts and the agent's Playwright group scraper load the same files, in
 * the order manifest.json lists them (lib/counts.js, selectors.js, extractor/*.js, this file),
 * so a post looks the same to Roos whichever way it was seen.
 *
 * Design (docs/linkedin.md has the card kinds and where every id and count comes from):
 * - All markup knowledge comes from Roos.selectors (selectors.js).
 * - extractor/cards.js finds every card box and asks the card kinds (one module each) what it
 *   is; posts are read with extractor/fields.js under the id extractor/post-id.js resolves.
 * - Only reads the DOM; it never changes the page, unless the scraper asks for expandSeeMore.
 * - Text is read as text (never HTML) and visually-hidden copies are skipped.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const parts = (Roos.extract = Roos.extract || {});
  const inNode = typeof module === "object" && module.exports;

  /** @param {string} name @param {string} file */
  function need(name, file) {
    if (parts[name]) return parts[name];
    if (inNode) return require(file);
    throw new Error(`Roos extractor: load ${file} before extractor.js`);
  }

  const S = Roos.selectors || (inNode ? require("./selectors.js") : null);
  const T = need("text", "./extractor/text.js");
  const TIME = need("time", "./extractor/time.js");
  const F = need("fields", "./extractor/fields.js");
  const H = need("header", "./extractor/header.js");
  const C = need("cards", "./extractor/cards.js");
  const { clean, readText } = T;

  const LINKEDIN = "https://www.linkedin.com";
  const SEE_MORE = new RegExp(`^(${T.anyOf(S.strings.seeMore)})$`, "i");

  /** @param {import("./extractor/cards.js").Entry} entry */
  function itemUrl(entry) {
    const post = `${LINKEDIN}/feed/update/${entry.postId}/`;
    if (entry.kind === "post") return post;
    if (entry.kind === "comment") return `${post}?commentUrn=${encodeURIComponent(entry.id)}`;
    return `${post}?commentUrn=${encodeURIComponent(entry.parent_id || "")}&replyUrn=${encodeURIComponent(entry.id)}`;
  }

  /** @param {Document | Element} root @param {string} pageUrl */
  function pageGroup(root, pageUrl) {
    let path = "";
    try {
      path = new URL(pageUrl, LINKEDIN).pathname;
    } catch {
      return undefined;
    }
    const doc = "ownerDocument" in root && root.ownerDocument ? root.ownerDocument : root;
    return F.groupFrom(path, clean(readText(doc.querySelector(S.page.groupName))));
  }

  /** @param {import("./extractor/cards.js").Entry} entry */
  function fieldsOf(entry) {
    if (entry.kind === "post")
      return entry.modern ? F.modernPost(entry.element, entry.header) : F.classicPost(entry.element);
    return entry.modern ? F.modernComment(entry.element) : F.classicComment(entry.element);
  }

  /**
   * @param {Document | Element} root
   * @param {string} pageUrl
   * @param {{now?: number | string | Date, expandSeeMore?: boolean, scanned?: any, only?: Set<string>}} [options]
   *   scanned: a scanPage() of the same root, not taken again; only: read just these ids (the
   *   fields are the costly part of a pass, and most of a feed was read on earlier passes)
   */
  function extractItems(root, pageUrl, options = {}) {
    const nowMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    if (options.expandSeeMore) expandSeeMore(root);
    const pageLevelGroup = pageGroup(root, pageUrl);
    /** @type {Map<Element, Record<string, any>>} */
    const posts = new Map();
    const { only } = options;
    const scanned = (!options.expandSeeMore && options.scanned) || C.scan(root);
    /** @type {import("./extractor/cards.js").Entry[]} */
    const entries = scanned.entries;
    // a comment's group comes from its post's fields, so a wanted comment needs its post read
    const cardsWanted = new Set(only && !pageLevelGroup ? entries.filter((e) => only.has(e.id)).map((e) => e.card) : []);
    /** @type {Record<string, any>[]} */
    const out = [];
    for (const entry of entries) {
      const wanted = !only || only.has(entry.id);
      if (!wanted && !(entry.kind === "post" && cardsWanted.has(entry.card))) continue;
      const isPost = entry.kind === "post";
      const fields = fieldsOf(entry);
      if (isPost) posts.set(entry.card, fields);
      /** @type {Record<string, string>} */
      const author = { name: fields.author.name };
      if (fields.author.profile_url) author.profile_url = fields.author.profile_url;
      if (fields.author.headline) author.headline = fields.author.headline;
      /** @type {Record<string, any>} */
      const item = {
        id: entry.id,
        source: "linkedin",
        kind: entry.kind,
        url: itemUrl(entry),
        text: fields.text,
        author,
        seen_at: new Date(nowMs).toISOString(),
      };
      if (!isPost) item.parent_id = entry.parent_id;
      const published = TIME.publishedAt(fields.stamp, entry.id, fields.relative, nowMs);
      if (published) item.published_at = published;
      const group = pageLevelGroup || (posts.get(entry.card) || {}).group;
      if (group) item.group = group;
      if (fields.reactions !== null) item.reactions = fields.reactions;
      if (isPost && fields.comments_count !== null) item.comments_count = fields.comments_count;
      if (isPost && entry.context) item.context = entry.context;
      if (wanted) out.push(item);
    }
    return out;
  }

  /**
   * One pass over the page, to hand to findItemElements and extractItems (each would take its
   * own otherwise). Valid until the page changes.
   * @param {Document | Element} root
   */
  function scanPage(root) {
    return C.scan(root);
  }

  /** @param {Document | Element} root @param {any} [scanned] a scanPage() of root */
  function findItemElements(root, scanned) {
    return (scanned || C.scan(root)).entries.map((/** @type {any} */ e) => ({ element: e.element, id: e.id, kind: e.kind, parent_id: e.parent_id }));
  }

  /**
   * What one pass over the page saw: card boxes, posts read, placeholders pending, cards skipped
   * by reason, unknown and unreadable cards, and counts per card kind. Counts only, no text.
   * @param {Document | Element} root
   */
  function pageReport(root) {
    return C.scan(root).report;
  }

  /**
   * Every card box of one pass with what became of it, for tallies kept across passes (a
   * virtualised feed recycles its boxes): {container, status, kind, reason, id}.
   * @param {Document | Element} root
   */
  function pageCards(root) {
    return C.scan(root).boxes;
  }

  /** The element holding the author's name of a post or comment element, for overlays. @param {Element} element */
  function authorNameElement(element) {
    if (element.matches(S.classic.post))
      return F.classicNameElement(element) || F.modernAuthor(element, F.own(element, S.header)).nameElement;
    if (element.matches(S.classic.comment))
      return F.own(element, S.classic.commentAuthor) || F.modernAuthor(element).nameElement;
    const header = element.matches(S.anyComment) ? null : H.contextOf(element);
    return F.modernAuthor(element, header ? header.element : null).nameElement;
  }

  /** The open editor for answering this post or comment, if any. @param {Element} element */
  function commentBox(element) {
    if (!element.matches(S.anyComment))
      return F.own(element, S.classic.commentBox) || F.own(element, S.modern.editor);
    const box = F.own(element, S.composer);
    if (box) return box;
    // LinkedIn opens the editor for answering a reply under the comment the reply belongs to.
    const above = element.parentElement && element.parentElement.closest(S.anyComment);
    return above ? F.own(above, S.composer) : null;
  }

  /**
   * Every open editor: new posts ("post"), comments on a post ("comment"), replies ("reply"),
   * with the urn of what it answers.
   * @param {Document | Element} root
   */
  function composers(root) {
    const { cards, entries } = C.scan(root);
    const byElement = new Map(entries.map((/** @type {any} */ e) => [e.element, e]));
    return [...root.querySelectorAll(S.composer)].map((element) => {
      for (let p = element.parentElement; p; p = p.parentElement) {
        const entry = byElement.get(p);
        if (entry && entry.kind !== "post") {
          return { element, kind: "reply", parent_id: entry.kind === "reply" ? entry.parent_id : entry.id };
        }
        const card = cards.get(p);
        if (card) return { element, kind: "comment", parent_id: card.id };
      }
      return { element, kind: "post", parent_id: null };
    });
  }

  /** Click the "…meer"/"…see more" toggles that are still closed; the scraper's choice only. @param {Document | Element} root */
  function expandSeeMore(root) {
    let clicked = 0;
    for (const button of root.querySelectorAll(`${S.classic.seeMore}, ${S.modern.seeMore}`)) {
      if (button.getAttribute("aria-expanded") === "true" || !SEE_MORE.test(clean(button.textContent)))
        continue;
      /** @type {HTMLElement} */ (button).click();
      clicked += 1;
    }
    return clicked;
  }

  /** The page's address without whose profile or which post it is: /in/*, urns dropped. @param {string} url */
  function privatePath(url) {
    try {
      return new URL(url, LINKEDIN).pathname.replace(/^\/in\/[^/]+/, "/in/*").replace(/urn:li:[^/]+/g, "urn");
    } catch {
      return "";
    }
  }

  /**
   * When a page plainly shows posts but none were found, the markup hints an extractor.miss
   * report needs (counts and attribute names only, never anyone's text); otherwise null.
   * @param {Document | Element} root
   * @param {string} url
   */
  function looksLikeFeedWithoutItems(root, url) {
    if (C.scan(root).entries.length) return null;
    const path = privatePath(url);
    const labels = [...root.querySelectorAll('button, [role="button"]')].map((b) =>
      clean(b.getAttribute("aria-label") || readText(b)),
    );
    const count = (/** @type {readonly string[]} */ words) =>
      labels.filter((l) => words.some((w) => l === w || l.startsWith(`${w} `))).length;
    const hints = {
      url_path: path,
      comment_buttons: count(S.strings.commentAction),
      like_buttons: count(S.strings.likeAction),
      listitems: root.querySelectorAll('[role="listitem"]').length,
      articles: root.querySelectorAll("article").length,
      feed_container: Boolean(root.querySelector(S.page.feedContainer)),
      editors: root.querySelectorAll(S.composer).length,
    };
    const postish = hints.listitems + hints.articles;
    const feedUrl = S.page.feedPath.test(path);
    const plain =
      hints.comment_buttons >= 2 || (feedUrl && (postish >= 5 || (hints.feed_container && postish >= 2)));
    return plain ? { hints: { ...hints, ...markupHints(root) } } : null;
  }

  /** @param {Document | Element} root */
  function markupHints(root) {
    const U = need("urns", "./extractor/urns.js");
    /** @type {Record<string, number>} */
    const urnKinds = {};
    const urnAttributes = new Set();
    const itemAttributes = new Set();
    for (const el of root.querySelectorAll('[role="listitem"], article')) {
      for (const a of el.attributes)
        if (!["class", "style", "id"].includes(a.name)) itemAttributes.add(a.name);
    }
    let seen = 0;
    for (const el of root.querySelectorAll("*")) {
      if ((seen += 1) > 5000) break;
      for (const a of el.attributes) {
        const urn = a.value.includes("urn:li:") ? U.firstUrn(a.value) : null;
        if (!urn) continue;
        urnAttributes.add(a.name);
        urnKinds[urn.kind] = (urnKinds[urn.kind] || 0) + 1;
      }
    }
    return {
      item_attributes: [...itemAttributes].sort(),
      urn_attributes: [...urnAttributes].sort(),
      urn_kinds: urnKinds,
    };
  }

  const extractor = Object.freeze({
    extractItems,
    scanPage,
    findItemElements,
    pageReport,
    pageCards,
    authorNameElement,
    commentBox,
    composers,
    looksLikeFeedWithoutItems,
    expandSeeMore,
    privatePath,
    parseRelativeTime: TIME.parseRelativeTime,
    readText,
  });
  Roos.extractor = extractor;
  if (inNode) module.exports = extractor;
})(typeof globalThis !== "undefined" ? globalThis : this);
