// @ts-check
/**
 * What a post or comment says and who wrote it, in both markups: author (name, profile, headline),
 * text, relative time, reactions and comment counts, and the group it was posted in.
 *
 * Fields are looked up "owned": a post's author is the first author not inside one of its
 * comments, a comment's text the first text not inside one of its replies. In the newer markup
 * one comment may be wrapped three times in elements carrying its urn; only a different urn is a
 * boundary. A wrapped card's header ("Anna commented on this") is left out when looking for the
 * post's author.
 *
 * Part of the LinkedIn extractor (see ../extractor.js); classic script, also a node module.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const parts = (Roos.extract = Roos.extract || {});
  const inNode = typeof module === "object" && module.exports;
  const S = Roos.selectors || (inNode ? require("../selectors.js") : null);
  const T = parts.text || (inNode ? require("./text.js") : null);
  const U = parts.urns || (inNode ? require("./urns.js") : null);
  const { parseRelativeTime } = parts.time || (inNode ? require("./time.js") : {});
  if (!T || !U || !parseRelativeTime) throw new Error("Roos extractor: load text, urns, time first");
  const { clean, readText, countOf, stripBadge, anyOf } = T;

  const LINKEDIN = "https://www.linkedin.com";
  const COMMENTS_COUNT = new RegExp(
    `^\\d[\\d.,]*\\s*(k|m|mln\\.?)?\\+?\\s+(${anyOf(S.strings.commentsCount)})$`,
    "i",
  );

  /**
   * True when no other comment lies between el and scope.
   * @param {Element} el
   * @param {Element} scope
   * @param {Element | null} [exclude] a part of scope that does not count (a card's header)
   */
  function owned(el, scope, exclude = null, scopeId = idOf(scope)) {
    for (let p = /** @type {Element | null} */ (el); p && p !== scope; p = p.parentElement) {
      if (p === exclude) return false;
      if (p !== el && p.matches(S.anyComment) && U.commentUrnOf(p) !== scopeId) return false;
    }
    return true;
  }

  /** The comment urn of a comment scope, null for a post. @param {Element} scope */
  const idOf = (scope) => (scope.matches(S.anyComment) ? U.commentUrnOf(scope) : null);

  /** @param {Element} scope @param {string} selector @param {Element | null} [exclude] */
  function own(scope, selector, exclude = null) {
    // the first match is nearly always the scope's own: only look further when it is not
    const first = scope.querySelector(selector);
    if (!first) return null;
    const scopeId = idOf(scope);
    if (owned(first, scope, exclude, scopeId)) return first;
    for (const el of scope.querySelectorAll(selector)) if (owned(el, scope, exclude, scopeId)) return el;
    return null;
  }

  /**
   * Elements matching selector in the head of a card or comment: before its text and comments.
   * @param {Element} scope
   * @param {string} selector
   * @param {Element | null} [exclude]
   */
  function beforeContent(scope, selector, exclude = null) {
    const ownId = idOf(scope);
    /** @type {Element[]} */
    const found = [];
    // walked by hand, in page order, stopping at the text: a card's comments are never visited
    let done = false;
    /** @param {Element} el */
    const visit = (el) => {
      for (let child = el.firstElementChild; child && !done; child = child.nextElementSibling) {
        if (child.matches(S.modern.text) || (child.matches(S.anyComment) && U.commentUrnOf(child) !== ownId)) {
          done = true;
          return;
        }
        if (child.matches(selector) && !(exclude && exclude.contains(child))) found.push(child);
        visit(child);
      }
    };
    visit(scope);
    return found;
  }

  /** A profile address without tracking: https://www.linkedin.com/in/slug/. @param {string | null} href */
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

  /**
   * The name a profile link shows. LinkedIn often prints it twice (a visible aria-hidden copy
   * and one for screen readers): the visible copy wins.
   * @param {Element} link
   */
  function linkName(link) {
    const visible = [...link.querySelectorAll('[aria-hidden="true"]')].find(
      (el) => !["svg", "img"].includes(el.localName) && clean(readText(el)),
    );
    return stripBadge(readText(visible || link).split("\n")[0] || "");
  }

  /** @param {Element} link */
  function headlineAfter(link) {
    const texts = `${S.modern.text}, ${S.classic.text}, ${S.classic.commentText}`;
    for (let el = link.nextElementSibling; el; el = el.nextElementSibling) {
      if (el.matches(texts) || el.querySelector(texts)) break; // the text itself is no headline
      const line = clean(readText(el));
      if (line && !/^[•·]/.test(line) && parseRelativeTime(line, 0) === null) return line;
    }
    return undefined;
  }

  /** The author of a card or comment in the newer markup. @param {Element} scope @param {Element | null} [exclude] */
  function modernAuthor(scope, exclude = null) {
    const links = beforeContent(scope, S.modern.profileLink, exclude);
    let name = "";
    const named = links.find((a) => (name = linkName(a)));
    return {
      nameElement: named || null,
      name,
      profile_url: profileUrl((named || links[0] || null)?.getAttribute("href") || null),
      headline: named ? headlineAfter(named) : undefined,
    };
  }

  /** @param {Element} scope */
  function modernReactions(scope) {
    const icon = own(scope, S.modern.reactionIcon);
    return icon ? countOf(icon.closest("button") || icon.parentElement) : null;
  }

  /** @param {Element} scope @param {Element | null} [exclude] */
  function modernRelativeTime(scope, exclude = null) {
    const el = beforeContent(scope, "p, span", exclude).find(
      (e) => parseRelativeTime(clean(e.textContent), 0) !== null,
    );
    return el ? clean(el.textContent) : "";
  }

  /** @param {string | null} href @param {string} name */
  function groupFrom(href, name) {
    const match = /\/groups\/(\d+)/.exec(href || "");
    if (!match) return undefined;
    return name ? { id: match[1], name } : { id: match[1] };
  }

  /** The classic author's name element of a post. @param {Element} card */
  const classicNameElement = (card) => own(card, S.classic.actorName) || own(card, S.classic.actorTitle);

  /**
   * The classic author, or (when LinkedIn renamed its classes) the first named profile link
   * before the text, outside the card's header.
   * @param {{name: string, profile_url?: string, headline?: string}} author
   * @param {Element} scope
   * @param {Element | null} [header]
   */
  function orByStructure(author, scope, header = null) {
    if (author.name) return author;
    const found = modernAuthor(scope, header);
    return { name: found.name, profile_url: author.profile_url || found.profile_url, headline: author.headline || found.headline };
  }

  /** @param {Element} card @param {Element | null} [header] */
  function classicPost(card, header = null) {
    const c = S.classic;
    const link = own(card, c.actorLink);
    const time = own(card, c.actorTime);
    const group = own(card, c.groupLink);
    return {
      author: orByStructure(
        {
          name: stripBadge(clean(readText(classicNameElement(card)))),
          profile_url: profileUrl(link && link.getAttribute("href")),
          headline: clean(readText(own(card, c.actorHeadline))) || undefined,
        },
        card,
        header || own(card, S.header),
      ),
      text: readText(own(card, c.text) || own(card, S.modern.text)),
      relative: time ? clean(readText(time)) : "",
      reactions: countOf(own(card, c.reactions)),
      comments_count: countOf(own(card, c.commentsCount)),
      group: group ? groupFrom(group.getAttribute("href"), clean(readText(group))) : undefined,
      stamp: own(card, "time[datetime]"),
    };
  }

  /** @param {Element} card @param {Element | null} [header] */
  function modernPost(card, header = null) {
    const { name, profile_url, headline } = modernAuthor(card, header);
    const counter = [...card.querySelectorAll("button")].find(
      (b) => owned(b, card) && COMMENTS_COUNT.test(clean(readText(b))),
    );
    return {
      author: { name, profile_url, headline },
      text: readText(own(card, S.modern.text)),
      relative: modernRelativeTime(card, header),
      reactions: modernReactions(card),
      comments_count: countOf(counter),
      group: undefined,
      stamp: own(card, "time[datetime]"),
    };
  }

  /** @param {Element} comment */
  function classicComment(comment) {
    const c = S.classic;
    const link = own(comment, c.commentAuthorLink);
    const time = own(comment, "time");
    return {
      author: orByStructure(
        {
          name: stripBadge(clean(readText(own(comment, c.commentAuthor)))),
          profile_url: profileUrl(link && link.getAttribute("href")),
          headline: clean(readText(own(comment, c.commentHeadline))) || undefined,
        },
        comment,
      ),
      text: readText(own(comment, c.commentText) || own(comment, S.modern.text)),
      relative: time ? clean(readText(time)) : "",
      reactions: countOf(own(comment, c.commentReactions)),
      stamp: own(comment, "time[datetime]"),
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
      stamp: own(comment, "time[datetime]"),
    };
  }

  const fields = Object.freeze({
    owned,
    own,
    beforeContent,
    profileUrl,
    linkName,
    modernAuthor,
    groupFrom,
    classicNameElement,
    classicPost,
    modernPost,
    classicComment,
    modernComment,
  });
  parts.fields = fields;
  if (inNode) module.exports = fields;
})(typeof globalThis !== "undefined" ? globalThis : this);
