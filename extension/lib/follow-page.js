// @ts-check
/**
 * Reads what kind of page this is (login wall, someone's profile, the user's own profile, a
 * company page, a feed …) and the follower, following and connection counts a LinkedIn profile,
 * LinkedIn company page or X profile shows, in Dutch and English UI. Roos snapshots these counts
 * to show the user how their audience grows.
 *
 * Counts are found by their words ("1.234 volgers", "500+ connections", "Volgend 87") where the
 * page states them, never in the free text around them, so a post further down that says "we
 * passed 10.000 followers" is not mistaken for the count:
 * - a profile: the top card first; followers the top card does not show are read from the
 *   header of the Activity section ("1,159 followers" under "Activity"/"Activiteit");
 * - a company page: its top card;
 * - the user's own network manager pages (/mynetwork/network-manager/people-follow/followers/
 *   and /following/): the sentence over the list ("3,384 people are following you", "You are
 *   following 58 people out of your network", "3.384 mensen volgen je", "Je volgt 58 mensen").
 * "500+ connections" is a lower bound: its value is 500 and it is listed in `approximate`.
 * Numbers are read by Roos.counts (lib/counts.js, load it first).
 *
 * Classic script: attaches Roos.followPage, and exports the same object for node.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const inNode = typeof module === "object" && module.exports;
  const counts = Roos.counts || (inNode ? require("./counts.js") : null);
  if (!counts) throw new Error("Roos follow-page: load lib/counts.js before follow-page.js");

  const LABELS = {
    followers: "volgers|volger|followers|follower",
    following: "volgend|following",
    connections: "connecties|connectie|connections|connection",
  };
  // a whole count as printed: "1.234", "12,5K", "1,2 mln.", "500+" (never the tail of a longer number)
  const NUMBER =
    "(?<![\\d.,])((?:\\d{1,3}(?:[.,'\\u00a0\\u202f\\u2009]\\d{3})+|\\d+)(?:[.,]\\d+)?" +
    "(?:\\s*(?:k|mln|mio|miljoen|million|mil|mld|miljard|billion|bn|m|b)\\.?)?\\s*\\+?)";
  /** @type {Record<string, RegExp[]>} number first ("1.234 volgers"), then label first ("Volgend 87") */
  const PATTERNS = Object.fromEntries(
    Object.entries(LABELS).map(([field, words]) => [
      field,
      [
        new RegExp(`${NUMBER}\\s*(?:${words})(?![\\p{L}])`, "iu"),
        new RegExp(`(?:^|[^\\p{L}])(?:${words})\\s*:?\\s*${NUMBER}`, "iu"),
      ],
    ]),
  );
  // The sentences over the user's own lists of followers and of people followed
  const NETWORK = {
    followers: [
      new RegExp(`${NUMBER}\\s+(?:people|persons|members|mensen|personen|leden)\\s+(?:are following you|follow you|volgen je|volgen jou|volgen u)`, "iu"),
      new RegExp(`(?:^|[^\\p{L}])(?:followers|volgers)\\s*\\(\\s*${NUMBER}\\s*\\)`, "iu"),
    ],
    following: [
      new RegExp(`(?:you are following|you're following|you follow|je volgt|jij volgt|u volgt)\\s+${NUMBER}\\s+(?:people|persons|members|mensen|personen|leden)`, "iu"),
      new RegExp(`(?:^|[^\\p{L}])(?:following|volgend)\\s*\\(\\s*${NUMBER}\\s*\\)`, "iu"),
    ],
  };
  const NETWORK_PATH = /^\/mynetwork\/network-manager\/people-follow(?:\/(followers|following))?\/?$/;
  const ACTIVITY = /^(activity|activiteit)$/i;
  // LinkedIn: the top card. X: the profile's own following/followers links, because its timeline
  // (in the same column) is full of posts saying "we passed 5.000 followers".
  const SCOPES = {
    linkedin: [
      ".pv-top-card",
      ".org-top-card",
      '[data-view-name="profile-top-card"]',
      "main section",
      "main",
    ],
    x: ['[data-testid="primaryColumn"]', "main"],
  };
  /** @type {Record<string, string>} */
  const X_LINKS = {
    followers: 'a[href$="/followers"], a[href$="/verified_followers"]',
    following: 'a[href$="/following"]',
  };
  // X's page has a logo h1 in its side bar, so its name is looked up by test id
  const NAME = { linkedin: "h1", x: '[data-testid="UserName"]' };
  const OWN = {
    linkedin:
      /^(profiel bewerken|edit profile|intro bewerken|edit intro|profielsectie toevoegen|add profile section)\b/i,
    x: /^(profiel bewerken|edit profile)$/i,
  };
  const LOGIN_FORM =
    'input[name="session_key"], form.join-form, .authwall-join-form, [data-testid="authwall"]';
  const LOGIN_PATH = /^\/(authwall|login|uas\/login|checkpoint|signup)(\/|$)/;
  const X_RESERVED = new Set(
    "home explore notifications messages i search settings compose login logout signup tos privacy jobs hashtag".split(
      " ",
    ),
  );
  const BLOCK_TAGS = new Set([
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "dd",
    "dt",
    "br",
  ]);

  /**
   * @param {string} url
   * @returns {{site: "linkedin" | "x" | null, path: string[]}}
   */
  function locate(url) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return { site: null, path: [] };
    }
    const host = parsed.hostname.replace(/^(www|mobile)\./, "");
    const site =
      host === "linkedin.com" ? "linkedin" : host === "x.com" || host === "twitter.com" ? "x" : null;
    return { site, path: parsed.pathname.split("/").filter(Boolean) };
  }

  /** @param {Document} doc @param {RegExp} own */
  function hasOwnButton(doc, own) {
    if (doc.querySelector('[data-testid="editProfileButton"], a[href*="/edit/intro/"]')) return true;
    for (const el of doc.querySelectorAll('button, a, [role="button"]')) {
      const label = (el.getAttribute("aria-label") || el.textContent || "").replace(/\s+/g, " ").trim();
      if (own.test(label)) return true;
    }
    return false;
  }

  /**
   * @param {Document} doc
   * @param {string} url
   * @returns {{site: "linkedin" | "x" | null, kind: string}}
   */
  function pageKind(doc, url) {
    const { site, path } = locate(url);
    if (site === "linkedin") {
      if (LOGIN_PATH.test(`/${path.join("/")}`) || doc.querySelector(LOGIN_FORM))
        return { site, kind: "login-wall" };
      if (path[0] === "in" && path[1])
        return { site, kind: hasOwnButton(doc, OWN.linkedin) ? "own-profile" : "profile" };
      const network = NETWORK_PATH.exec(`/${path.join("/")}`);
      if (network) return { site, kind: network[1] === "following" ? "network-following" : "network-followers" };
      if (path[0] === "company" && path[1]) return { site, kind: "company" };
      if (path[0] === "groups" && path[1]) return { site, kind: "group" };
      if (path[0] === "feed") return { site, kind: path[1] === "update" ? "post" : "feed" };
      return { site, kind: "other" };
    }
    if (
      site === "x" &&
      path.length &&
      /^[A-Za-z0-9_]{1,15}$/.test(path[0]) &&
      !X_RESERVED.has(path[0].toLowerCase())
    ) {
      return { site, kind: hasOwnButton(doc, OWN.x) ? "own-profile" : "profile" };
    }
    return { site, kind: "other" };
  }

  /**
   * The scope's text as short lines: one per block element, split at "·" and "•", with a space
   * between text pieces so "<b>12</b><b>500+ connecties</b>" never reads as 12500.
   * @param {Element} scope
   */
  function lines(scope) {
    /** @type {string[]} */
    const parts = [];
    /** @param {Node} node */
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) parts.push(` ${child.nodeValue} `);
        if (child.nodeType !== 1) continue;
        const el = /** @type {Element} */ (child);
        if (["script", "style", "template", "svg"].includes(el.localName)) continue;
        if (el.classList.contains("visually-hidden")) continue;
        const block = BLOCK_TAGS.has(el.localName);
        if (block) parts.push("\n");
        walk(el);
        if (block) parts.push("\n");
      }
    };
    walk(scope);
    return parts
      .join("")
      .split(/[\n·•]/)
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter(Boolean);
  }

  /** @param {string[]} texts @param {RegExp[]} patterns */
  function findCount(texts, patterns) {
    for (const text of texts) {
      for (const pattern of patterns) {
        const match = pattern.exec(text);
        const detail = match ? counts.parseCountDetail(match[1]) : null;
        if (detail) return detail;
      }
    }
    return null;
  }

  /**
   * The header of a profile's Activity section (its title and the line under it), where LinkedIn
   * states the followers of profiles whose top card does not. Never the posts below it.
   * @param {Document} doc
   */
  function activityHeader(doc) {
    const anchor = doc.querySelector("#content_collections");
    const section = anchor ? anchor.closest("section") : null;
    const headings = section ? [...section.querySelectorAll("h2")] : [...doc.querySelectorAll("main section h2")];
    for (const h2 of headings) {
      if (!ACTIVITY.test(lines(h2)[0] || "")) continue;
      const boxed = h2.closest(".pvs-header__container");
      if (boxed) return boxed;
      // hashed classes: climb from the title while the block is still a short header, not the posts
      let header = /** @type {Element} */ (h2);
      for (let p = h2.parentElement, up = 0; p && p !== section && up < 4; p = p.parentElement, up += 1) {
        if (p.querySelector("ul, ol, article, [data-urn]") || (p.textContent || "").length > 400) break;
        header = p;
      }
      return header;
    }
    return null;
  }

  /**
   * The counts on the user's own network manager pages.
   * @param {Document} doc
   * @param {string} kind
   */
  function readNetworkPage(doc, kind) {
    const texts = lines(doc.querySelector("main") || doc.body);
    /** @type {Record<string, any>} */
    const result = { site: "linkedin", kind, url: "https://www.linkedin.com/in/me/", name: "", approximate: [], connections: null };
    for (const field of /** @type {("followers"|"following")[]} */ (["followers", "following"])) {
      const detail = findCount(texts, NETWORK[field]);
      result[field] = detail ? detail.value : null;
      if (detail && !detail.exact) result.approximate.push(field);
    }
    return result;
  }

  /**
   * Followers, following and connections of a profile or company page, or of the user's own
   * network manager pages; null on other pages.
   * Counts the page does not show are null; "approximate" lists counts shown as "500+" or "12K".
   * @param {Document} doc
   * @param {string} url
   */
  function readFollowPage(doc, url) {
    const { site, kind } = pageKind(doc, url);
    if (site === "linkedin" && kind.startsWith("network-")) return readNetworkPage(doc, kind);
    if (!site || !["profile", "own-profile", "company"].includes(kind)) return null;
    const slug = locate(url).path[site === "x" ? 0 : 1];
    const scope = SCOPES[site].map((s) => doc.querySelector(s)).find(Boolean) || doc.body;
    const texts = site === "linkedin" ? lines(scope) : [];
    const nameEl = scope.querySelector(NAME[site]) || doc.querySelector(NAME[site]);
    /** @type {Record<string, any>} */
    const result = {
      site,
      kind,
      url:
        site === "x"
          ? `https://x.com/${slug}`
          : `https://www.linkedin.com/${kind === "company" ? "company" : "in"}/${slug}/`,
      name: nameEl ? lines(nameEl)[0] || "" : "",
      approximate: [],
    };
    if (site === "x") result.handle = slug;
    const wanted =
      kind === "company" ? ["followers"] : site === "x" ? ["followers", "following"] : Object.keys(LABELS);
    // a profile whose top card shows no followers states them over its Activity section
    const header = site === "linkedin" && kind !== "company" ? activityHeader(doc) : null;
    const later = header && !scope.contains(header) ? lines(header) : [];
    /** @type {Record<string, string>} */
    const where = {};
    for (const field of Object.keys(LABELS)) {
      const link = site === "x" && wanted.includes(field) ? scope.querySelector(X_LINKS[field]) : null;
      let detail = wanted.includes(field) ? findCount(link ? lines(link) : texts, PATTERNS[field]) : null;
      if (detail) where[field] = site === "x" ? "profile" : "top-card";
      if (!detail && wanted.includes(field) && later.length) {
        detail = findCount(later, PATTERNS[field]);
        if (detail) where[field] = "activity";
      }
      result[field] = detail ? detail.value : null;
      if (detail && !detail.exact) result.approximate.push(field);
    }
    result.found_in = where;
    return result;
  }

  const followPage = Object.freeze({ pageKind, readFollowPage });
  Roos.followPage = followPage;
  if (inNode) module.exports = followPage;
})(typeof globalThis !== "undefined" ? globalThis : this);
