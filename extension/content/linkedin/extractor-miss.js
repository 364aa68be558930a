// @ts-check
/**
 * Misses are never silent. Per page visit Roos keeps a tally of every card box it saw (kept
 * across scans, because a virtualised feed recycles its boxes): read, pending placeholders,
 * skipped by reason, unknown (a post in markup Roos does not know) and unreadable (a wrapped
 * card without its post's id). The tally goes to the worker as a `pageReport` (counts and card
 * kinds only: no text, no names, the address without whose profile it is); the worker keeps the
 * last ones for the options page's diagnostics and reports misses to the agent as
 * `extractor.miss` events.
 *
 * A page that plainly shows posts while nothing at all was found (LinkedIn changed its markup)
 * still sends the `extractorMiss` message with markup hints, once per address per session.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const SETTLE_MS = 2000;
  /** @type {Set<string>} */
  const reported = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {{url: string, id: string, settled: Map<any, {status: string, kind: string, reason?: string}>, sent: string}} */
  let visit = newVisit();
  /** @type {WeakMap<Element, number>} */
  const anonymous = new WeakMap();
  let counter = 0;

  /**
   * One report per address and day: visiting the feed five times updates one line on the
   * dashboard instead of adding five.
   */
  function newVisit() {
    const day = new Date().toISOString().slice(0, 10);
    const address = `${location.origin}${Roos.extractor.privatePath(location.href)}`;
    let hash = 2166136261;
    for (const char of address) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    return { url: location.href, id: `${day}-${hash.toString(36)}`, settled: new Map(), sent: "" };
  }

  /** The page kind for the report: feed, group, post, activity, company, profile, other. */
  function pageKind() {
    const path = location.pathname;
    if (/^\/feed\/update\//.test(path)) return "post";
    if (/^\/feed\b/.test(path)) return "feed";
    if (/^\/groups\//.test(path)) return "group";
    if (/^\/in\/[^/]+\/recent-activity/.test(path)) return "activity";
    if (/^\/company\//.test(path)) return "company";
    if (/^\/in\//.test(path)) return "profile";
    return "other";
  }

  /**
   * A card is remembered by its post id once read, so a card LinkedIn recycles or re-renders is
   * counted once; anything else by its box.
   * @param {{container: Element, status: string, reason?: string, id?: string}} box
   */
  function keyOf(box) {
    if (box.status === "read" && box.id) return box.id;
    if (!anonymous.has(box.container)) anonymous.set(box.container, (counter += 1));
    return `${box.reason || box.status}|${box.id || anonymous.get(box.container)}`;
  }

  /**
   * Pure: the tally of a visit: the cards settled so far and the placeholders pending now.
   * @param {Iterable<{status: string, kind: string, reason?: string}>} settled
   * @param {number} pending
   */
  function tally(settled, pending) {
    const counts = { containers: pending, cards: 0, read: 0, pending, unknown: 0, unreadable: 0, skipped: /** @type {Record<string, number>} */ ({}) };
    /** @type {Record<string, number>} */
    const kinds = pending ? { placeholder: pending } : {};
    for (const { status, kind, reason } of settled) {
      counts.containers += 1;
      if (reason !== "not-a-post") counts.cards += 1;
      if (status === "skipped") counts.skipped[reason || kind] = (counts.skipped[reason || kind] || 0) + 1;
      else counts[/** @type {"read"|"unknown"|"unreadable"} */ (status)] += 1;
      kinds[kind] = (kinds[kind] || 0) + 1;
    }
    return { counts, kinds };
  }

  function checkNow() {
    if (visit.url !== location.href) visit = newVisit();
    let pending = 0;
    for (const box of Roos.extractor.pageCards(document)) {
      if (box.status === "pending") pending += 1;
      else visit.settled.set(keyOf(box), { status: box.status, kind: box.kind, reason: box.reason });
    }
    const { counts, kinds } = tally(visit.settled.values(), pending);
    const signature = JSON.stringify(counts);
    if (counts.containers && signature !== visit.sent) {
      visit.sent = signature;
      const url = `${location.origin}${Roos.extractor.privatePath(location.href)}`;
      const report = { url, report_id: visit.id, page: pageKind(), counts, card_kinds: kinds };
      void Roos.bridge.send("pageReport", report).catch(() => undefined);
    }
    reportNothingFound();
  }

  function reportNothingFound() {
    const url = location.href;
    if (reported.has(url) || Roos.extractor.findItemElements(document).length > 0) return;
    const found = Roos.extractor.looksLikeFeedWithoutItems(document, url);
    if (!found) return;
    reported.add(url);
    const address = `${location.origin}${Roos.extractor.privatePath(url)}`;
    void Roos.bridge.send("extractorMiss", { url: address, hints: found.hints }).catch(() => undefined);
  }

  function onScan() {
    clearTimeout(timer);
    timer = setTimeout(checkNow, SETTLE_MS);
  }

  Roos.extractorMiss = { name: "extractor-miss", onScan, tally };
})();
