// @ts-check
/**
 * A structure snapshot of a LinkedIn page for a bug report: the page's DOM as it is, with
 * nothing of anyone in it, so a misread page can become a test fixture.
 *
 * - Every text node is replaced by placeholder text of the same length (letters become x/X,
 *   digits 0); LinkedIn's own UI words ("Promoted", "commented on this", "1,159 followers",
 *   "3h", "500+") are kept, because the extractor reads them.
 * - Attribute values that hold text (aria-label, alt, title, placeholder …) are replaced the
 *   same way.
 * - URLs keep their kind (/in/, /company/, /feed/update/ …) and lose the rest to a hash;
 *   urns keep their kind and get hashed ids (the same id always gets the same hash within one
 *   snapshot, so a comment still points at its post); other query parameters are dropped.
 * - Images, media, scripts, styles, frames and Roos's own overlays are removed.
 *
 * Classic script (injected into the tab by the options page after selectors.js): attaches
 * Roos.structureSnapshot, and exports the same object for node.
 */
(function (/** @type {any} */ root) {
  "use strict";

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  const inNode = typeof module === "object" && module.exports;
  const S = Roos.selectors || (inNode ? require("../content/linkedin/selectors.js") : null);

  const REMOVE = new Set(
    "script noscript style link meta base img picture source video audio track iframe frame object embed canvas template".split(" "),
  );
  const TEXT_ATTRIBUTES = new Set([
    "aria-label",
    "aria-description",
    "aria-placeholder",
    "aria-roledescription",
    "aria-valuetext",
    "alt",
    "title",
    "placeholder",
    "data-placeholder",
    "label",
    "value",
    "content",
    "download",
  ]);
  const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "poster", "cite", "data-src", "xlink:href", "background"]);
  // path segments that say what kind of page a link goes to; everything else is hashed
  const KINDS = new Set(
    "in company school showcase groups feed update hashtag mynetwork network-manager people-follow followers following recent-activity all posts comments shares reactions detail overlay contact-info search results people content jobs view learning events newsletters pulse messaging notifications me".split(" "),
  );
  const KEPT_PARAMS = new Set(["highlightedUpdateUrns", "highlightedUpdateUrn", "commentUrn", "replyUrn", "keywords"]);
  const UI_WORDS = [
    "followers", "follower", "volgers", "volger", "following", "volgend", "connections", "connection",
    "connecties", "connectie", "reactions", "reacties", "reactie", "comments", "comment", "reposts",
    "repost", "members", "leden", "people", "mensen", "activity", "activiteit", "edited", "bewerkt",
  ];
  const NUMBER = "[\\d][\\d.,\\s\\u00a0]*(?:k|m|mln\\.?)?\\+?";
  // "1,159 followers", "500+", "(3.384)", "221 comments": a count and at most one UI word
  const COUNT = new RegExp(`^[•·(]?\\s*${NUMBER}\\s*(?:${UI_WORDS.join("|")})?\\s*[)•·]?$`, "iu");
  // the sentences over the user's own network lists
  const NETWORK = [
    new RegExp(`^${NUMBER}\\s+(?:people|mensen|personen)\\s+(?:are following you|follow you|volgen je|volgen u)$`, "iu"),
    new RegExp(`^(?:you are following|you follow|je volgt|u volgt)\\s+${NUMBER}\\s+(?:people|mensen|personen)(?:\\s+(?:out of your network|uit je netwerk))?$`, "iu"),
  ];
  const TIME = /^(\d{1,3}\s*[a-z]{1,8}|nu|now|just now|zojuist)\s*[•·]?\s*$/iu;

  /** LinkedIn's own UI strings, which stay readable in a snapshot. */
  function uiStrings() {
    const strings = S ? S.strings : {};
    const words = [
      ...(strings.promoted || []),
      ...(strings.seeMore || []),
      ...(strings.commentAction || []),
      ...(strings.likeAction || []),
      ...(S ? S.loadMoreLabels : []),
      ...Object.values(strings.context || {}).flat(),
      "Reply", "Antwoorden", "Repost", "Reposten", "Send", "Verzenden", "Follow", "Volgen",
      "Follow back", "Terugvolgen", "Connect", "Connectie maken", "Message", "Bericht", "More", "Meer",
      "Activity", "Activiteit", "Feed post", "Feedbericht", "and", "en", "•", "·",
    ];
    return new Set(words.map((w) => String(w).toLowerCase()));
  }

  /** FNV-1a, salted per snapshot: stable within one snapshot, unrelated across snapshots. @param {string} text @param {string} salt */
  function fnv(text, salt) {
    let hash = 2166136261;
    for (const char of salt + text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    return hash;
  }

  /** @param {string} salt */
  function hasher(salt) {
    /** Same-length digits for a numeric id. @param {string} digits */
    const digits = (digits) => {
      let out = "";
      for (let round = 0; out.length < digits.length; round += 1) out += String(fnv(`${round}|${digits}`, salt));
      return String((Number(out[0]) % 9) + 1) + out.slice(1, digits.length);
    };
    /** @param {string} id */
    const word = (id) => `h${fnv(id, salt).toString(36)}`;
    /** urns keep their kind, ids are hashed; long digit runs elsewhere too. @param {string} value */
    const urns = (value) =>
      value
        .replace(/(urn(?::|%3A)li(?::|%3A)[A-Za-z_]+(?::|%3A))([A-Za-z0-9_-]+)/gi, (_, kind, id) =>
          kind + (/^\d+$/.test(id) ? digits(id) : word(id)),
        )
        .replace(/\d{5,}/g, (run) => digits(run));
    return { digits, word, urns };
  }

  /**
   * Placeholder text of the same length: letters x/X, digits 0, the rest as it was.
   * @param {string} text
   */
  function placeholder(text) {
    let out = "";
    for (const char of text) {
      if (/\p{Lu}/u.test(char)) out += "X";
      else if (/\p{L}|\p{M}|\p{So}|\p{Sk}/u.test(char)) out += "x";
      else if (/\p{N}/u.test(char)) out += "0";
      else out += char;
    }
    return out;
  }

  /**
   * @param {string} text
   * @param {Set<string>} keep
   */
  function maskText(text, keep) {
    const trimmed = text.replace(/\s+/g, " ").trim();
    if (!trimmed) return text;
    if (keep.has(trimmed.toLowerCase()) || COUNT.test(trimmed) || TIME.test(trimmed)) return text;
    if (NETWORK.some((pattern) => pattern.test(trimmed))) return text;
    if (S && S.strings.nameBadge.test(` ${trimmed}`) && trimmed.length <= 8) return text;
    return placeholder(text);
  }

  /**
   * @param {string} value
   * @param {ReturnType<typeof hasher>} hash
   */
  function maskUrl(value, hash) {
    const raw = value.trim();
    if (!raw || raw.startsWith("#")) return raw;
    let url;
    try {
      url = new URL(raw, "https://www.linkedin.com/");
    } catch {
      return "#";
    }
    if (!["http:", "https:"].includes(url.protocol)) return "#";
    const host = /(^|\.)(linkedin\.com|licdn\.com)$/.test(url.hostname) ? url.hostname : "example.invalid";
    const path = url.pathname
      .split("/")
      .map((segment) => {
        if (!segment || KINDS.has(segment.toLowerCase())) return segment;
        const decoded = safeDecode(segment);
        if (/urn:li:/i.test(decoded)) return hash.urns(decoded);
        return /^\d+$/.test(segment) ? hash.digits(segment) : hash.word(decoded);
      })
      .join("/");
    const params = [...url.searchParams].filter(([name]) => KEPT_PARAMS.has(name));
    const query = params.length
      ? `?${params.map(([name, v]) => `${name}=${encodeURIComponent(name === "keywords" ? hash.word(v) : hash.urns(v))}`).join("&")}`
      : "";
    return `${url.protocol}//${host}${path}${query}`;
  }

  /** @param {string} text */
  function safeDecode(text) {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  }

  /**
   * @param {Element} el
   * @param {ReturnType<typeof hasher>} hash
   * @param {Set<string>} keep
   */
  function maskAttributes(el, hash, keep) {
    for (const { name, value } of [...el.attributes]) {
      const lower = name.toLowerCase();
      if (lower.startsWith("on")) el.removeAttribute(name);
      else if (TEXT_ATTRIBUTES.has(lower)) el.setAttribute(name, maskText(value, keep));
      else if (URL_ATTRIBUTES.has(lower)) el.setAttribute(name, maskUrl(value, hash));
      else if (lower === "style") el.setAttribute(name, value.replace(/url\([^)]*\)/gi, "url()"));
      else if (/https?:\/\//i.test(value)) el.setAttribute(name, hash.urns(value.replace(/https?:\/\/[^\s"',)]+/gi, (u) => maskUrl(u, hash))));
      else el.setAttribute(name, hash.urns(value));
    }
  }

  /**
   * @param {Node} node
   * @param {ReturnType<typeof hasher>} hash
   * @param {Set<string>} keep
   */
  function clean(node, hash, keep) {
    for (let child = node.firstChild; child; ) {
      const next = child.nextSibling;
      if (child.nodeType === 3) child.nodeValue = maskText(child.nodeValue || "", keep);
      else if (child.nodeType === 8) child.nodeValue = "";
      else if (child.nodeType === 1) {
        const el = /** @type {Element} */ (child);
        const tag = el.localName;
        if (REMOVE.has(tag) || el.hasAttribute("data-roos")) el.remove();
        else {
          maskAttributes(el, hash, keep);
          if (tag === "svg") el.replaceChildren();
          else clean(el, hash, keep);
        }
      } else node.removeChild(child);
      child = next;
    }
  }

  const VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));
  /** @param {string} text */
  const escapeText = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

  /**
   * HTML of a cleaned tree, written out by hand (Roos never reads or writes markup through the
   * DOM's HTML properties).
   * @param {Node} node
   * @param {string[]} out
   */
  function serialize(node, out) {
    if (node.nodeType === 3) out.push(escapeText(node.nodeValue || ""));
    else if (node.nodeType === 8) out.push("<!---->");
    else if (node.nodeType === 1) {
      const el = /** @type {Element} */ (node);
      out.push(`<${el.localName}`);
      for (const { name, value } of el.attributes) out.push(` ${name}="${escapeText(value).replace(/"/g, "&quot;")}"`);
      out.push(">");
      if (VOID.has(el.localName)) return;
      for (let child = el.firstChild; child; child = child.nextSibling) serialize(child, out);
      out.push(`</${el.localName}>`);
    }
  }

  /**
   * The snapshot of a page as a standalone HTML document.
   * @param {Document} doc
   * @param {string} pageUrl
   * @param {{salt?: string, taken?: string, version?: string}} [options]
   */
  function snapshot(doc, pageUrl, options = {}) {
    const salt = options.salt ?? Math.random().toString(36).slice(2);
    const hash = hasher(salt);
    const keep = uiStrings();
    const copy = /** @type {Element} */ (doc.documentElement.cloneNode(true));
    clean(copy, hash, keep);
    maskAttributes(copy, hash, keep);
    const lang = (doc.documentElement.getAttribute("lang") || "").replace(/[^A-Za-z-]/g, "");
    const address = maskUrl(pageUrl, hash);
    const head = copy.querySelector("head");
    const meta = `<meta charset="utf-8"><meta name="roos-snapshot-url" content="${address.replace(/"/g, "&quot;")}">`;
    /** @type {string[]} */
    const out = [];
    serialize(copy, out);
    let html = out.join("");
    html = head ? html.replace(/<head[^>]*>/i, (open) => open + meta) : html.replace(/<html[^>]*>/i, (open) => `${open}<head>${meta}</head>`);
    const note = `Roos structure snapshot${lang ? ` (${lang})` : ""} of ${address}, taken ${options.taken || new Date().toISOString()}${options.version ? ` by Roos ${options.version}` : ""}: text replaced by placeholders, links and ids by hashes`;
    return `<!DOCTYPE html>\n<!-- ${note.replace(/--/g, "-")} -->\n${html}\n`;
  }

  const structureSnapshot = Object.freeze({ snapshot, placeholder, maskUrl: (/** @type {string} */ v, salt = "") => maskUrl(v, hasher(salt)) });
  Roos.structureSnapshot = structureSnapshot;
  if (inNode) module.exports = structureSnapshot;
})(typeof globalThis !== "undefined" ? globalThis : this);
