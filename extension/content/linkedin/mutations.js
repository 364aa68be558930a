// @ts-check
/**
 * "The page changed, look again": one debounced MutationObserver for all of
 * Roos. Changes made by Roos itself (its overlays) are not changes; a page that
 * keeps changing (infinite scroll while loading) is still looked at, at least
 * every MAX_WAIT_MS.
 *
 * Only the part of the page that holds the posts is observed (see watchedRoot): LinkedIn's
 * header, messaging overlay and side rails change all the time and never hold an item, and
 * each of their mutations would otherwise cost a check and a timer. Before any item is found
 * (or when the items' container was replaced, as on LinkedIn's in-app navigation) that is the
 * whole body again.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const DEBOUNCE_MS = 150;
  const MAX_WAIT_MS = 600;

  /** @param {MutationRecord[]} records */
  function onlyOurs(records) {
    return records.every(
      (record) =>
        Roos.overlay.isOurs(record.target) ||
        [...record.addedNodes, ...record.removedNodes].every((node) => Roos.overlay.isOurs(node)),
    );
  }

  const RECHECK_MS = 1000;
  const OUTLETS = '#artdeco-modal-outlet, body > [role="dialog"], [aria-modal="true"]';

  /**
   * Pure: the narrowest candidate that holds every item element (candidates narrowest first:
   * the feed's list, <main>, the body); the body when there is no item yet.
   * @param {Element[]} items
   * @param {(Element | null)[]} candidates
   * @param {Element} body
   */
  function watchedRoot(items, candidates, body) {
    if (!items.length) return body;
    for (const candidate of candidates) {
      if (candidate && items.every((item) => candidate.contains(item))) return candidate;
    }
    return body;
  }

  /** The candidates on this page, narrowest first. */
  function candidates() {
    return [document.querySelector(Roos.selectors.page.feedContainer), document.querySelector("main, [role='main']")];
  }

  /**
   * Call `onChange` after the page's DOM changed; returns a function that stops watching, with
   * `.focus(items)` to narrow the watch to what holds these item elements.
   * @param {() => void} onChange
   * @returns {(() => void) & {focus: (items: Element[]) => void}}
   */
  function watchPage(onChange) {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    let firstPending = 0;
    const observer = new MutationObserver((records) => {
      if (onlyOurs(records)) return;
      const now = Date.now();
      firstPending ||= now;
      clearTimeout(timer);
      const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now));
      timer = setTimeout(() => {
        firstPending = 0;
        onChange();
      }, wait);
    });
    /** @type {Element} */
    let root = document.body;
    /** @param {Element} next */
    const watch = (next) => {
      if (next === root && watching) return;
      observer.disconnect();
      root = next;
      watching = true;
      observer.observe(root, { childList: true, subtree: true });
      if (root === document.body) return;
      // Posts opened over the page (LinkedIn's modal outlet, dialogs) live outside <main>: those
      // stay watched, and so do the body's own children, where a new outlet would appear.
      observer.observe(document.body, { childList: true });
      for (const outlet of document.querySelectorAll(OUTLETS)) {
        if (!root.contains(outlet)) observer.observe(outlet, { childList: true, subtree: true });
      }
    };
    let watching = false;
    watch(document.body);
    // A watched container LinkedIn took out of the page sees nothing more: back to the body,
    // and one look at what is there now.
    const recheck = setInterval(() => {
      if (root.isConnected) return;
      watch(document.body);
      onChange();
    }, RECHECK_MS);
    const stop = () => {
      clearTimeout(timer);
      clearInterval(recheck);
      observer.disconnect();
    };
    /** @param {Element[]} items */
    stop.focus = (items) => watch(watchedRoot(items, candidates(), document.body));
    return stop;
  }

  Roos.mutations = { watchPage, watchedRoot };
})();
