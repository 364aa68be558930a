// @ts-check
/**
 * The one LinkedIn extractor: turns a LinkedIn page (or part of one) into Roos items. The
 * extension's content scripts and the agent's Playwright group scraper both load this same file,
 * so a post looks the same to Roos whichever way it was seen.
 *
 * Design:
 * - All markup knowledge comes from Roos.selectors (selectors.js); counts are read with
 *   Roos.counts (lib/counts.js). Load order: lib/counts.js, selectors.js, extractor.js.
 * - One pass over the page finds post cards of both markups in document order; cards whose urn is
 *   not a post (aggregates, job and course recommendations) and promoted cards are skipped whole,
 *   comments included, because there is nothing there to answer.
 * - Fields are looked up "owned": a post's author is the first author that is not inside one of
 *   its comments, a comment's text is the first text not inside one of its replies.
 * - Only reads the DOM; it never changes the page, unless the scraper asks for expandSeeMore.
 * - Text is read as text (never HTML) and visually-hidden copies are skipped, so names and
 *   sentences come out once.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const inNode = typeof module === "object" && module.exports;

  /**
   * @param {string} name
   * @param {string} file
   * @returns {any}
   */
  function dependency(name, file) {
    if (Roos[name]) return Roos[name];
    if (inNode) return require(file);
    throw new Error(`Roos extractor: load ${file} before extractor.js`);
  }

  const S = dependency("selectors", "./selectors.js");
  const { parseCount } = dependency("counts", "../../lib/counts.js");

  const LINKEDIN = "https://www.linkedin.com";
  const URN = /urn:li:([A-Za-z_]+):(\([^)]*\)|[A-Za-z0-9-]+)/;
  const COMMENT_URN = /urn:li:comment:\([^)]*\)/;
  const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const anyOf = (/** @type {readonly string[]} */ words) => words.map(escape).join("|");
  const PROMOTED = new RegExp(`^(${anyOf(S.strings.promoted)})(\\s+(door|by)\\s.+)?$`, "i");
  const SEE_MORE = new RegExp(`^(${anyOf(S.strings.seeMore)})$`, "i");
  const COMMENTS_COUNT = new RegExp(
    `^\\d[\\d.,]*\\s*(k|m|mln\\.?)?\\+?\\s+(${anyOf(S.strings.commentsCount)})$`,
    "i",
  );
  const SKIP_TAGS = new Set([
    "button",
    "script",
    "style",
    "template",
    "noscript",
    "svg",
    "img",
    "input",
    "textarea",
    "select",
  ]);
  const BLOCK_TAGS = new Set([
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
  ]);
  // counts often sit inside buttons ("12 reacties"), which text reading skips
  const COUNT_SKIP_TAGS = new Set([...SKIP_TAGS].filter((tag) => tag !== "button"));
  const BLOCK = "\u0000";

  // ---- text -------------------------------------------------------------------------------

  /** @param {string | null | undefined} s */
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();

  /**
   * Visible text of an element as the reader sees it: line breaks kept, buttons ("…meer") and
   * visually-hidden duplicates left out.
   * @param {Element | null} el
   * @param {Set<string>} [skip] tags whose content is not read
   */
  function readText(el, skip = SKIP_TAGS) {
    if (!el) return "";
    /** @type {string[]} */
    const parts = [];
    walk(el, parts, skip);
    return parts
      .join("")
      .replace(/\u00a0/g, " ")
      .replace(/\u0000+/g, "\n")
      .split("\n")
      .map((line) => line.replace(/ {2,}/g, " ").trim())
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }

  /**
   * @param {Node} node
   * @param {string[]} parts
   * @param {Set<string>} skip
   */
  function walk(node, parts, skip) {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push((child.nodeValue || "").replace(/[ \t\n\r\f]+/g, " "));
      if (child.nodeType !== 1) continue;
      const el = /** @type {Element} */ (child);
      const tag = el.localName;
      if (tag === "br") parts.push("\n");
      if (skip.has(tag) || tag === "br" || el.hasAttribute("hidden")) continue;
      if (el.classList.contains("visually-hidden")) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) parts.push(BLOCK);
      walk(el, parts, skip);
      if (block) parts.push(BLOCK);
    }
  }

  /** The number shown in a count element ("42", "12 reacties"), or null. @param {Element | null | undefined} el */
  const countOf = (el) => (el ? parseCount(clean(readText(el, COUNT_SKIP_TAGS))) : null);

  /** @param {string} name */
  const stripBadge = (name) => name.replace(S.strings.nameBadge, "").replace(S.strings.nameBadge, "").trim();

  // ---- urns and ownership -----------------------------------------------------------------

  /**
   * The first urn in an attribute value, unwrapped from fsd_update-style wrappers.
   * @param {string | null} value
   * @returns {{urn: string, kind: string} | null}
   */
  function firstUrn(value) {
    let match = value ? URN.exec(value) : null;
    while (match && S.wrapperUrnKinds.includes(match[1]) && match[2].startsWith("(")) {
      match = URN.exec(match[2]);
    }
    return match ? { urn: match[0], kind: match[1] } : null;
  }

  /** @param {Element} el */
  function attributeUrn(el) {
    for (const name of S.urnAttributes) {
      const value = el.getAttribute(name);
      const urn = value && value.includes("urn:li:") ? firstUrn(value) : null;
      if (urn) return urn;
    }
    return null;
  }

  /** @param {Element} card */
  function modernUrn(card) {
    const own = attributeUrn(card);
    if (own) return own;
    for (const el of card.querySelectorAll(S.modern.urnCarrier)) {
      if (el.closest(S.anyComment)) continue;
      const urn = attributeUrn(el);
      if (urn && urn.kind !== "comment") return urn;
    }
    return null;
  }

  /** @param {Element} el */
  function commentUrn(el) {
    const match = COMMENT_URN.exec(el.getAttribute("data-id") || el.getAttribute("componentkey") || "");
    return match ? match[0] : null;
  }

  /**
   * True when no comment lies between el and scope: el belongs to scope, not to a reply in it.
   * @param {Element} el
   * @param {Element} scope
   */
  function owned(el, scope) {
    for (let p = el.parentElement; p && p !== scope; p = p.parentElement) {
      if (p.matches(S.anyComment)) return false;
    }
    return true;
  }

  /**
   * @param {Element} scope
   * @param {string} selector
   */
  function own(scope, selector) {
    for (const el of scope.querySelectorAll(selector)) if (owned(el, scope)) return el;
    return null;
  }

  /**
   * Elements matching selector in the header of a card or comment: before its text and replies.
   * @param {Element} scope
   * @param {string} selector
   */
  function beforeContent(scope, selector) {
    const found = [];
    for (const el of scope.querySelectorAll(`${selector}, ${S.modern.text}, ${S.anyComment}`)) {
      if (el.matches(S.modern.text) || el.matches(S.anyComment)) break;
      found.push(el);
    }
    return found;
  }

  // ---- finding posts and comments ---------------------------------------------------------

  /**
   * @typedef {{element: Element, id: string, kind: "post"|"comment"|"reply", parent_id?: string,
   *   card: Element, postId: string, modern: boolean}} Entry
   */

  /** @param {Element} card @param {boolean} modern */
  function isPromoted(card, modern) {
    const labels = modern
      ? beforeContent(card, "p, span")
      : [...card.querySelectorAll(S.classic.actorDescriptions)].flatMap((d) => [
          d,
          ...d.querySelectorAll("span"),
        ]);
    return labels.some((el) => PROMOTED.test(clean(el.textContent)));
  }

  /**
   * One pass over the page: the answerable posts with their comments and replies, in page order,
   * plus every card seen (skipped ones too, so composers inside them are placed correctly).
   * @param {Document | Element} root
   */
  function scan(root) {
    /** @type {Map<Element, {id: string, skipped: boolean}>} */
    const cards = new Map();
    /** @type {Entry[]} */
    const entries = [];
    const ids = new Set();
    const selector = `${S.classic.post}, ${S.modern.card}`;
    const candidates = [...root.querySelectorAll(selector)];
    if ("matches" in root && root.matches(selector)) candidates.unshift(root);
    for (const el of candidates) {
      if (insideCard(el, cards)) continue;
      const classic = el.matches(S.classic.post);
      if (!classic && el.querySelector(S.classic.post)) continue;
      const urn = classic ? firstUrn(el.getAttribute("data-urn")) : modernUrn(el);
      if (!urn) continue;
      const skipped = !S.postUrnKinds.includes(urn.kind) || isPromoted(el, !classic);
      cards.set(el, { id: urn.urn, skipped });
      if (skipped || ids.has(urn.urn)) continue;
      ids.add(urn.urn);
      entries.push({ element: el, id: urn.urn, kind: "post", card: el, postId: urn.urn, modern: !classic });
      /** @type {string | null} */
      let lastComment = null;
      for (const comment of el.querySelectorAll(S.anyComment)) {
        const id = commentUrn(comment);
        if (!id || ids.has(id)) continue;
        ids.add(id);
        const above = comment.parentElement && comment.parentElement.closest(S.anyComment);
        let parentId = above && el.contains(above) ? commentUrn(above) : null;
        if (!parentId && comment.classList.contains(S.classic.replyClass)) parentId = lastComment;
        if (!parentId) lastComment = id;
        const kind = parentId ? "reply" : "comment";
        entries.push({
          element: comment,
          id,
          kind,
          parent_id: parentId || urn.urn,
          card: el,
          postId: urn.urn,
          modern: !classic,
        });
      }
    }
    return { cards, entries };
  }

  /** @param {Element} el @param {Map<Element, unknown>} cards */
  function insideCard(el, cards) {
    for (let p = el.parentElement; p; p = p.parentElement) if (cards.has(p)) return true;
    return false;
  }

  // ---- fields -----------------------------------------------------------------------------

  /** @param {string | null} href */
  function profileUrl(href) {
    if (!href) return undefined;
    try {
      const url = new URL(href, LINKEDIN);
      const match = /^\/(in|company|school|showcase)\/([^/?#]+)/.exec(url.pathname);
      return match ? `${url.origin}/${match[1]}/${match[2]}/` : `${url.origin}${url.pathname}`;
    } catch {
      return undefined;
    }
  }

  /** @param {Element} link */
  const linkName = (link) => stripBadge(readText(link).split("\n")[0] || "");

  /** @param {Element} link */
  function headlineAfter(link) {
    for (let el = link.nextElementSibling; el; el = el.nextElementSibling) {
      const text = clean(readText(el));
      if (text && !/^[•·]/.test(text) && parseRelativeTime(text, 0) === null) return text;
    }
    return undefined;
  }

  /** @param {Element} scope */
  function modernAuthor(scope) {
    const links = beforeContent(scope, S.modern.profileLink);
    const named = links.find((a) => linkName(a));
    return {
      nameElement: named || null,
      name: named ? linkName(named) : "",
      profile_url: profileUrl(links.length ? links[0].getAttribute("href") : null),
      headline: named ? headlineAfter(named) : undefined,
    };
  }

  /** @param {Element} scope */
  function modernReactions(scope) {
    const icon = own(scope, S.modern.reactionIcon);
    return icon ? countOf(icon.closest("button") || icon.parentElement) : null;
  }

  /** @param {Element} scope */
  function modernRelativeTime(scope) {
    const el = beforeContent(scope, "p, span").find(
      (e) => parseRelativeTime(clean(e.textContent), 0) !== null,
    );
    return el ? clean(el.textContent) : "";
  }

  /** @param {Element} card */
  function classicPost(card) {
    const c = S.classic;
    const nameEl = own(card, c.actorName) || own(card, c.actorTitle);
    const link = own(card, c.actorLink);
    const time = own(card, c.actorTime);
    const group = own(card, c.groupLink);
    return {
      author: {
        name: stripBadge(clean(readText(nameEl))),
        profile_url: profileUrl(link && link.getAttribute("href")),
        headline: clean(readText(own(card, c.actorHeadline))) || undefined,
      },
      text: readText(own(card, c.text)),
      relative: time ? clean(readText(time)) : "",
      reactions: countOf(own(card, c.reactions)),
      comments_count: countOf(own(card, c.commentsCount)),
      group: group ? groupFrom(group.getAttribute("href"), clean(readText(group))) : undefined,
    };
  }

  /** @param {Element} card */
  function modernPost(card) {
    const { name, profile_url, headline } = modernAuthor(card);
    const counter = [...card.querySelectorAll("button")].find(
      (b) => owned(b, card) && COMMENTS_COUNT.test(clean(readText(b))),
    );
    return {
      author: { name, profile_url, headline },
      text: readText(own(card, S.modern.text)),
      relative: modernRelativeTime(card),
      reactions: modernReactions(card),
      comments_count: countOf(counter),
      group: undefined,
    };
  }

  /** @param {Element} comment */
  function classicComment(comment) {
    const c = S.classic;
    const link = own(comment, c.commentAuthorLink);
    const time = own(comment, "time");
    return {
      author: {
        name: stripBadge(clean(readText(own(comment, c.commentAuthor)))),
        profile_url: profileUrl(link && link.getAttribute("href")),
        headline: clean(readText(own(comment, c.commentHeadline))) || undefined,
      },
      text: readText(own(comment, c.commentText)),
      relative: time ? clean(readText(time)) : "",
      reactions: countOf(own(comment, c.commentReactions)),
    };
  }

  /** @param {Element} comment */
  function modernComment(comment) {
    const { name, profile_url, headline } = modernAuthor(comment);
    return {
      author: { name, profile_url, headline },
      text: readText(own(comment, S.modern.text)),
      relative: modernRelativeTime(comment),
      reactions: modernReactions(comment),
    };
  }

  /** @param {string | null} href @param {string} name */
  function groupFrom(href, name) {
    const match = /\/groups\/(\d+)/.exec(href || "");
    if (!match) return undefined;
    return name ? { id: match[1], name } : { id: match[1] };
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
    return groupFrom(path, clean(readText(doc.querySelector(S.page.groupName))));
  }

  // ---- time -------------------------------------------------------------------------------

  const MINUTE = 6e4;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  /** @type {Map<string, number>} */
  const UNITS = new Map();
  for (const [ms, words] of /** @type {[number, string][]} */ ([
    [1e3, "s sec seconde seconden second seconds"],
    [MINUTE, "m min mins minuut minuten minute minutes"],
    [HOUR, "u uur h hr hrs hour hours"],
    [DAY, "d dag dagen day days"],
    [7 * DAY, "w wk week weken weeks"],
    [30 * DAY, "mnd mo mos maand maanden month months"],
    [365 * DAY, "j jr jaar jaren y yr yrs year years"],
  ])) {
    for (const word of words.split(" ")) UNITS.set(word, ms);
  }

  /**
   * When a post was published, from LinkedIn's relative label ("3 u •", "2d", "1 w", "3 mo").
   * @param {string} text
   * @param {number} nowMs
   * @returns {number | null} epoch milliseconds
   */
  function parseRelativeTime(text, nowMs) {
    const label = clean(text).toLowerCase();
    if (/^(nu|zojuist|now|just now)\b/.test(label)) return nowMs;
    const match = /^(\d{1,3})\s*([a-z]+)/.exec(label);
    const unit = match ? UNITS.get(match[2]) : undefined;
    return match && unit ? nowMs - Number(match[1]) * unit : null;
  }

  /**
   * LinkedIn ids are snowflakes: the top 41 bits are the creation time in epoch milliseconds.
   * @param {string} urn
   * @param {number} nowMs
   */
  function idTime(urn, nowMs) {
    const match = /(\d{15,20})\)?$/.exec(urn);
    if (!match) return null;
    const ms = Number(BigInt(match[1]) >> BigInt(22));
    return ms >= Date.UTC(2003, 0, 1) && ms <= nowMs + DAY ? ms : null;
  }

  /** @param {Element} element @param {string} id @param {string} relative @param {number} nowMs */
  function publishedAt(element, id, relative, nowMs) {
    const time = own(element, "time[datetime]");
    const stamped = time ? Date.parse(time.getAttribute("datetime") || "") : NaN;
    const ms = Number.isNaN(stamped) ? (idTime(id, nowMs) ?? parseRelativeTime(relative, nowMs)) : stamped;
    return ms === null ? undefined : new Date(ms).toISOString();
  }

  // ---- public API -------------------------------------------------------------------------

  /** @param {Entry} entry */
  function itemUrl(entry) {
    const post = `${LINKEDIN}/feed/update/${entry.postId}/`;
    if (entry.kind === "post") return post;
    if (entry.kind === "comment") return `${post}?commentUrn=${encodeURIComponent(entry.id)}`;
    return `${post}?commentUrn=${encodeURIComponent(entry.parent_id || "")}&replyUrn=${encodeURIComponent(entry.id)}`;
  }

  /**
   * @param {Document | Element} root
   * @param {string} pageUrl
   * @param {{now?: number | string | Date, expandSeeMore?: boolean}} [options]
   */
  function extractItems(root, pageUrl, options = {}) {
    const nowMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    if (options.expandSeeMore) expandSeeMore(root);
    const pageLevelGroup = pageGroup(root, pageUrl);
    /** @type {Map<Element, Record<string, any>>} */
    const posts = new Map();
    return scan(root).entries.map((entry) => {
      const isPost = entry.kind === "post";
      /** @type {Record<string, any>} */
      const fields = isPost
        ? (entry.modern ? modernPost : classicPost)(entry.element)
        : (entry.modern ? modernComment : classicComment)(entry.element);
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
      const published = publishedAt(entry.element, entry.id, fields.relative, nowMs);
      if (published) item.published_at = published;
      const group = pageLevelGroup || (posts.get(entry.card) || {}).group;
      if (group) item.group = group;
      if (fields.reactions !== null) item.reactions = fields.reactions;
      if (isPost && fields.comments_count !== null) item.comments_count = fields.comments_count;
      return item;
    });
  }

  /** @param {Document | Element} root */
  function findItemElements(root) {
    return scan(root).entries.map(({ element, id, kind, parent_id }) => ({ element, id, kind, parent_id }));
  }

  /** The element holding the author's name of a post or comment element, for overlays. @param {Element} element */
  function authorNameElement(element) {
    if (element.matches(S.classic.post))
      return own(element, S.classic.actorName) || own(element, S.classic.actorTitle);
    if (element.matches(S.classic.comment)) return own(element, S.classic.commentAuthor);
    return modernAuthor(element).nameElement;
  }

  /** The open editor for answering this post or comment, if any. @param {Element} element */
  function commentBox(element) {
    if (!element.matches(S.anyComment))
      return own(element, S.classic.commentBox) || own(element, S.modern.editor);
    const box = own(element, S.composer);
    if (box) return box;
    // LinkedIn opens the editor for answering a reply under the comment the reply belongs to.
    const above = element.parentElement && element.parentElement.closest(S.anyComment);
    return above ? own(above, S.composer) : null;
  }

  /**
   * Every open editor: new posts ("post"), comments on a post ("comment"), replies ("reply"),
   * with the urn of what it answers.
   * @param {Document | Element} root
   */
  function composers(root) {
    const { cards, entries } = scan(root);
    const byElement = new Map(entries.map((e) => [e.element, e]));
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

  /**
   * When a page plainly shows posts but none were found, the markup hints an extractor.miss
   * report needs (counts and attribute names only, never anyone's text); otherwise null.
   * @param {Document | Element} root
   * @param {string} url
   */
  function looksLikeFeedWithoutItems(root, url) {
    if (scan(root).entries.length) return null;
    let path = "";
    try {
      // whose profile or which post the user looked at is none of the report's business
      path = new URL(url, LINKEDIN).pathname.replace(/^\/in\/[^/]+/, "/in/*").replace(/urn:li:[^/]+/g, "urn");
    } catch {
      path = "";
    }
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
        const urn = a.value.includes("urn:li:") ? firstUrn(a.value) : null;
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
    findItemElements,
    authorNameElement,
    commentBox,
    composers,
    looksLikeFeedWithoutItems,
    expandSeeMore,
    parseRelativeTime,
    readText,
  });
  Roos.extractor = extractor;
  if (inNode) module.exports = extractor;
})(typeof globalThis !== "undefined" ? globalThis : this);
