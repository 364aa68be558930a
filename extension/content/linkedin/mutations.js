// @ts-check
/**
 * "The page changed, look again": one debounced MutationObserver for all of
 * Roos. Changes made by Roos itself (its overlays) are not changes; a page that
 * keeps changing (infinite scroll while loading) is still looked at, at least
 * every MAX_WAIT_MS.
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

  /**
   * Call `onChange` after the page's DOM changed; returns a function that stops watching.
   * @param {() => void} onChange
   * @returns {() => void}
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
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }

  Roos.mutations = { watchPage };
})();
