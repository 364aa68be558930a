// @ts-check
/**
 * Highlights the watch terms an item mentions, in the item's own text.
 *
 * Uses the CSS Custom Highlight API: ranges over LinkedIn's existing text
 * nodes, painted by `::highlight(roos-mention)` (content/linkedin/roos.css).
 * Nothing is inserted into or wrapped around LinkedIn's markup, so its
 * framework, text selection and copy/paste are untouched.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const NAME = "roos-mention";
  /** @type {Map<string, AbstractRange[]>} ranges per item id */
  const rangesById = new Map();
  /** @type {Highlight | null} */
  let highlight = null;

  function registry() {
    if (typeof CSS === "undefined" || !CSS.highlights || typeof Highlight === "undefined") return null;
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(NAME, highlight);
    }
    return highlight;
  }

  /**
   * The item's own text nodes: not those of nested items (a comment inside a
   * post is highlighted for its own mentions) and not Roos's overlays.
   * @param {Element} element
   * @returns {Text[]}
   */
  function ownTextNodes(element) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode(node) {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const child = /** @type {Element} */ (node);
        if (child.hasAttribute("data-roos") || child.matches("script, style, button, [contenteditable]")) {
          return NodeFilter.FILTER_REJECT;
        }
        return Roos.pageWatch.isItem(child) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      },
    });
    /** @type {Text[]} */
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(/** @type {Text} */ (node));
    return nodes;
  }

  /**
   * Pure: [start, end) of every case-insensitive occurrence of each needle.
   * @param {string} haystack
   * @param {string[]} needles
   * @returns {Array<[number, number]>}
   */
  function occurrences(haystack, needles) {
    const lower = haystack.toLocaleLowerCase();
    /** @type {Array<[number, number]>} */
    const spans = [];
    for (const needle of new Set(needles.map((n) => n.toLocaleLowerCase()).filter(Boolean))) {
      for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
        spans.push([at, at + needle.length]);
      }
    }
    return spans;
  }

  /**
   * @param {Text[]} nodes
   * @param {Array<[number, number]>} spans offsets into the nodes' joined text
   */
  function toRanges(nodes, spans) {
    const starts = [];
    let offset = 0;
    for (const node of nodes) {
      starts.push(offset);
      offset += node.data.length;
    }
    /** @param {number} position */
    const locate = (position) => {
      let index = starts.length - 1;
      while (index > 0 && starts[index] > position) index -= 1;
      return /** @type {[Text, number]} */ ([nodes[index], position - starts[index]]);
    };
    // Static, not live, ranges: the browser updates every live Range on every insertion or
    // removal anywhere in the document, so hundreds of them made each later overlay costly.
    // LinkedIn replaces text nodes rather than editing them, and onScan drops stale ones.
    return spans.map(([start, end]) => {
      const [startContainer, startOffset] = locate(start);
      const [endContainer, last] = locate(end - 1);
      return new StaticRange({ startContainer, startOffset, endContainer, endOffset: last + 1 });
    });
  }

  /** @param {{element: Element, id: string, result: any}} entry */
  function render({ element, id, result }) {
    const target = registry();
    if (!target) return;
    for (const range of rangesById.get(id) || []) target.delete(range);
    const needles = (result?.mentions || []).map((/** @type {any} */ m) => String(m?.text ?? m?.term ?? ""));
    if (!needles.length) return; // most items mention nothing: skip the text walk
    const nodes = ownTextNodes(element);
    if (!nodes.length) return;
    const ranges = toRanges(nodes, occurrences(nodes.map((node) => node.data).join(""), needles));
    for (const range of ranges) target.add(range);
    rangesById.set(id, ranges);
  }

  /** Forget ranges whose text LinkedIn removed from the page. */
  function onScan() {
    if (!highlight) return;
    for (const [id, ranges] of rangesById) {
      if (ranges.every((range) => range.startContainer.isConnected)) continue;
      for (const range of ranges) highlight.delete(range);
      rangesById.delete(id);
    }
  }

  Roos.mentionHighlights = { name: "mention-highlights", render, onScan, occurrences };
})();
