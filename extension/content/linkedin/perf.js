// @ts-check
/**
 * Roos's main-thread work on LinkedIn, made visible: every scan and render is
 * a performance.measure("roos:…") entry (seen in DevTools' Performance panel
 * and read by bench/extension.py), and Roos.perf keeps the running total.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});
  const totals = { totalMs: 0, count: 0 };

  /**
   * @template T
   * @param {string} name e.g. "roos:scan"
   * @param {() => T} work
   * @returns {T}
   */
  function timed(name, work) {
    const start = performance.now();
    try {
      return work();
    } finally {
      const duration = performance.now() - start;
      totals.totalMs += duration;
      totals.count += 1;
      performance.measure(name, { start, duration });
    }
  }

  Roos.perf = { timed, totals };
})();
