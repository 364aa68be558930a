// @ts-check
/**
 * When LinkedIn changes its markup, Roos goes quiet, and silence looks like
 * "nothing happened". So when a page looks like a feed but the extractor finds
 * no items after the page had time to render, the worker is told (once per
 * address per browser session) and the agent records and broadcasts it.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const SETTLE_MS = 3000;
  /** @type {Set<string>} */
  const reported = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  function checkNow() {
    const url = location.href;
    if (reported.has(url) || Roos.extractor.findItemElements(document).length > 0) return;
    const hints = Roos.extractor.looksLikeFeedWithoutItems(document, url);
    if (!hints) return;
    reported.add(url);
    const payload = hints && typeof hints === "object" && "hints" in hints ? hints.hints : hints;
    void Roos.bridge.send("extractorMiss", { url, hints: payload }).catch(() => undefined);
  }

  /** @param {unknown[]} found */
  function onScan(found) {
    clearTimeout(timer);
    if (found.length === 0 && !reported.has(location.href)) timer = setTimeout(checkNow, SETTLE_MS);
  }

  Roos.extractorMiss = { name: "extractor-miss", onScan };
})();
