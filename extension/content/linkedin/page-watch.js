// @ts-check
/**
 * Watches the LinkedIn page and hands every post and comment to the features.
 *
 * LinkedIn renders lazily (infinite scroll, comments on demand, re-renders of
 * whole posts), so every change of the page (mutations.js) triggers a scan.
 * A scan finds the item elements,
 * sends the unseen ones to the worker in batches (a small one first, so
 * what the user looks at gets its badge soonest), and lets each feature
 * render the items that have results. Features are idempotent: re-rendering
 * an item whose overlays LinkedIn threw away simply puts them back.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  // The first batch is small so the posts on screen get their badges at once; the rest go
  // in as few requests as the worker accepts (≤ 200 items): each request costs the agent a
  // durable rewrite of the shards it touches, and the CPU is shared with the page itself.
  const FIRST_BATCH = 10;
  const BATCH = 200;
  const IN_FLIGHT = 3;
  const RETRY_MS = 30_000;

  /** @typedef {{element: Element, id: string, kind: string}} Found */
  /**
   * A feature, as listed in main.js; every hook is optional.
   * @typedef {object} Feature
   * @property {string} name
   * @property {(watch: any) => void} [start] once, with {itemFor, rerender, scan}
   * @property {(entry: Found & {result: any, item?: any}) => void} [render] per analysed item
   * @property {(entry: Found & {state: string, item?: any}) => void} [preview] per item the
   *   agent has not answered for yet: state "reading" (asked) or "queued" (the agent is away)
   * @property {(found: Found[]) => void} [onScan] after every scan of the page
   * @property {(entry: Found, data: any) => void} [onUpdate] when the agent updates an item
   */

  /** @type {Feature[]} */
  let features = [];
  /** @type {Map<string, any>} analysis results by item id */
  const results = new Map();
  /** @type {Map<string, any>} the extracted items by id (features may need the author) */
  const items = new Map();
  /** @type {Map<string, number>} ids sent or queued → when they may be retried */
  const waiting = new Map();
  /** @type {WeakMap<Element, Found>} */
  const byElement = new WeakMap();
  /** @type {Map<string, Element>} */
  const elements = new Map();
  /** @type {WeakMap<Element, any>} the result each element was last rendered with */
  const rendered = new WeakMap();
  /** @type {any[][]} */
  const outbox = [];
  let inFlight = 0;
  let stopped = false;
  /** @type {(() => void) & {focus?: (items: Element[]) => void}} */
  let unwatch = () => undefined;

  function scan() {
    if (stopped) return;
    Roos.perf.timed("roos:scan", () => {
      // One pass over the page serves finding the items and reading the new ones.
      const scanned = Roos.extractor.scanPage(document);
      /** @type {Found[]} */
      const found = Roos.extractor.findItemElements(document, scanned);
      const now = Date.now();
      /** @type {Found[]} */
      const fresh = [];
      // Forget elements LinkedIn dropped (it recycles the feed while scrolling).
      for (const [id, element] of elements) if (!element.isConnected) elements.delete(id);
      for (const entry of found) {
        byElement.set(entry.element, entry);
        elements.set(entry.id, entry.element);
        if (results.has(entry.id)) renderSoon(entry);
        else {
          previewSoon(entry, waitingFor.get(entry.id));
          if ((waiting.get(entry.id) ?? 0) <= now) fresh.push(entry);
        }
      }
      if (fresh.length) requestAnalysis(fresh, scanned);
      unwatch.focus?.(found.map((entry) => entry.element));
      for (const feature of features) feature.onScan?.(found);
    });
  }

  /**
   * @param {Found[]} fresh
   * @param {any} scanned this scan's pass over the page
   */
  function requestAnalysis(fresh, scanned) {
    const wanted = new Set(fresh.map((entry) => entry.id));
    // An element the extractor finds but cannot read is retried later, not on every scan.
    for (const id of wanted) waiting.set(id, Date.now() + RETRY_MS);
    const extracted = Roos.extractor.extractItems(document, location.href, { scanned, only: wanted });
    for (const item of extracted) {
      waiting.set(item.id, Number.POSITIVE_INFINITY);
      items.set(item.id, item);
    }
    let start = 0;
    while (start < extracted.length) {
      const size = results.size || inFlight || outbox.length ? BATCH : FIRST_BATCH;
      outbox.push(extracted.slice(start, start + size));
      start += size;
    }
    pump();
  }

  function pump() {
    while (inFlight < IN_FLIGHT && outbox.length) {
      const batch = /** @type {any[]} */ (outbox.shift());
      inFlight += 1;
      Roos.bridge
        .send("analyze", { items: batch })
        .then((answer) => {
          applyResults(answer.results || []);
          // The agent is away: the worker queued them and sends the results when it is back.
          if (answer.queued) for (const item of batch) if (!results.has(item.id)) previewSoon(entryFor(item.id), "queued");
        })
        .catch((error) => {
          if (error.code === "gone") stop();
          // Refused or failed: try these again later rather than in a hot loop.
          for (const item of batch) waiting.set(item.id, Date.now() + RETRY_MS);
        })
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  }

  /** @param {any[]} list */
  function applyResults(list) {
    Roos.perf.timed("roos:results", () => {
      for (const result of list) {
        if (!result || typeof result.id !== "string") continue;
        waiting.delete(result.id);
        waitingFor.delete(result.id);
        // A refreshed answer that says what the page already shows needs no second render.
        if (results.has(result.id) && sameResult(results.get(result.id), result)) continue;
        results.set(result.id, result);
        const entry = entryFor(result.id);
        if (entry) renderSoon(entry);
      }
    });
  }

  /** @param {string} id */
  function entryFor(id) {
    const element = elements.get(id);
    const entry = element && byElement.get(element);
    return entry && element.isConnected ? entry : null;
  }

  /**
   * DOM writes wait for the next frame and go in together: many answers and scans in one
   * frame cost one style and layout pass, and nothing reads layout in between.
   * @type {Map<Element, {entry: Found, state: string | null}>}
   */
  const due = new Map();
  let frame = 0;

  /** @param {Found} entry */
  function renderSoon(entry) {
    due.set(entry.element, { entry, state: null });
    flushSoon();
  }

  /**
   * The first, cheap look of an item the agent has not answered for yet.
   * @param {Found | null} entry
   * @param {string} [state] "reading" (asked) or "queued" (the agent is away)
   */
  function previewSoon(entry, state = "reading") {
    if (!entry || results.has(entry.id)) return;
    waitingFor.set(entry.id, state);
    if (previewed.get(entry.element) === state && Roos.overlay.find(entry.element, "badge")) return;
    due.set(entry.element, { entry, state });
    flushSoon();
  }

  /** @type {WeakMap<Element, string>} the preview state each element shows */
  const previewed = new WeakMap();
  /** @type {Map<string, string>} what each unanswered item waits for, kept across re-renders */
  const waitingFor = new Map();

  function flushSoon() {
    if (frame) return;
    // requestAnimationFrame does not run in a hidden tab; the timer still draws it there.
    const flush = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = 0;
      flushNow();
    };
    frame = requestAnimationFrame(flush);
    const timer = setTimeout(flush, 100);
  }

  function flushNow() {
    const list = [...due.values()];
    due.clear();
    Roos.perf.timed("roos:render", () => {
      for (const { entry, state } of list) {
        if (!entry.element.isConnected) continue;
        if (results.has(entry.id)) renderOne(entry);
        else if (state) preview(entry, state);
      }
    });
  }

  /**
   * @param {Found} entry
   * @param {string} state
   */
  function preview(entry, state) {
    previewed.set(entry.element, state);
    for (const feature of features) {
      try {
        feature.preview?.({ ...entry, state, item: items.get(entry.id) });
      } catch (error) {
        console.warn(`Roos: ${feature.name} could not draw its first look`, error);
      }
    }
  }

  /** @param {Found} entry */
  function renderOne(entry) {
    const result = results.get(entry.id);
    const stale = rendered.get(entry.element) !== result || !Roos.overlay.find(entry.element, "badge");
    if (!stale) return;
    rendered.set(entry.element, result);
    for (const feature of features) {
      try {
        feature.render?.({ ...entry, result, item: items.get(entry.id) });
      } catch (error) {
        console.warn(`Roos: ${feature.name} could not render`, error);
      }
    }
  }

  /**
   * Render these items again with what is known now (a feature learned
   * something that changes how earlier items look).
   * @param {string[]} ids
   */
  function rerender(ids) {
    for (const id of ids) {
      const element = elements.get(id);
      const entry = element && byElement.get(element);
      if (entry && element.isConnected && results.has(id)) {
        rendered.delete(element);
        renderOne(entry);
      }
    }
  }

  function stop() {
    stopped = true;
    unwatch();
  }

  /**
   * The item (post or comment) a node belongs to: its nearest enclosing item.
   * @param {Node | null} node
   * @returns {Found | null}
   */
  function itemFor(node) {
    for (
      let element = node instanceof Element ? node : node?.parentElement;
      element;
      element = element.parentElement
    ) {
      const entry = byElement.get(element);
      if (entry) return entry;
    }
    return null;
  }

  /**
   * The agent changed an item (analysed again, answered, corrected by the user).
   * @param {{id?: unknown, analysis?: any}} data
   */
  function onItemUpdated(data) {
    if (typeof data.id !== "string") return;
    if (data.analysis && typeof data.analysis === "object" && results.has(data.id)) {
      const result = { ...data.analysis, id: data.id };
      // Our own scan's analysis comes back this way too (the agent announces every item it
      // stores): an unchanged result needs no second render.
      if (!sameResult(results.get(data.id), result)) {
        results.set(data.id, result);
        rerender([data.id]);
      }
    }
    const element = elementFor(data.id);
    const entry = element && byElement.get(element);
    if (entry) for (const feature of features) feature.onUpdate?.(entry, data);
  }

  /**
   * @param {any} a
   * @param {any} b
   */
  const sameResult = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  /** @param {Feature[]} list */
  function start(list) {
    features = list;
    const watch = { itemFor, rerender, scan };
    for (const feature of features) feature.start?.(watch);
    Roos.bridge.on("results", (message) =>
      applyResults(Array.isArray(message.results) ? message.results : []),
    );
    Roos.bridge.on("itemUpdated", (message) => onItemUpdated(message.data || {}));
    unwatch = Roos.mutations.watchPage(scan);
    scan();
  }

  /** @param {Element} element */
  const isItem = (element) => byElement.has(element);

  /** @param {string} id */
  const elementFor = (id) => {
    const element = elements.get(id);
    return element?.isConnected ? element : null;
  };

  Roos.pageWatch = { start, itemFor, isItem, elementFor, stop };
})();
