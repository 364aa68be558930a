"""The extension on a 105-post LinkedIn feed (both markups, 342 posts and comments in all):

- how long after the page's load event every item carries a Roos badge: first any badge (the
  first look, drawn before the agent answers), then the agent's analysis, on a first visit (the
  worker's cache emptied) and on a return visit (cached); p95 over the loads, beside the page's
  own load time in the same runs;
- the main-thread CPU time Roos adds per post (Chromium's ThreadTime, the renderer main
  thread's CPU time, with Roos minus without it, on the same page; CPU time rather than task
  wall time, so a busy machine does not inflate it), beside the page's own per post;
- Roos's own work as its content script measures it (performance.measure "roos:*").

A real agent and a real Chromium, as in tests/extension; the page and the agent are local.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, sync_playwright

from tests.extension.harness import (
    ALL_FEED,
    FIXTURES,
    launch,
    pair,
    put_profile,
    serve_fixtures,
    service_worker,
)
from tests.support.agent import AgentProcess

from .common import percentile, row

RUNS = 5
SETTLE_MS = 1000
EXPECTED = (FIXTURES / "expected.json").read_text(encoding="utf-8")

# Main world: note the moment every item carries a Roos badge, first in any state (the first
# look, data-roos="badge-reading", drawn before the agent answers) and then with the agent's
# analysis (data-roos="badge"); a host turns from one into the other by an attribute change.
# Counting hosts as they come is cheaper than querying the whole page on every mutation.
WATCH_BADGES = """
(() => {
  const target = %d;
  const drawn = new Set();
  const ready = new Set();
  const note = (node) => {
    const kind = node.getAttribute('data-roos');
    if (kind !== 'badge' && kind !== 'badge-reading') return;
    drawn.add(node);
    if (kind === 'badge') ready.add(node);
    const now = performance.now();
    if (drawn.size >= target && !window.__roosAllDrawn) window.__roosAllDrawn = now;
    if (ready.size >= target && !window.__roosAllBadges) window.__roosAllBadges = now;
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') note(record.target);
      else for (const node of record.addedNodes) if (node.nodeType === 1) note(node);
    }
  }).observe(document, {childList: true, subtree: true, attributes: true,
                        attributeFilter: ['data-roos']});
})();
"""


def feed_counts() -> tuple[int, int]:
    import json

    expected = json.loads(EXPECTED)
    items = expected["feed-classic.html"]["items"] + expected["feed-new.html"]["items"]
    return len(items), sum(1 for item in items if item["kind"] == "post")


def time_to_badges(context: BrowserContext, items: int) -> dict[str, float]:
    """ms from navigation: the page's load event, every item marked, every item analysed."""
    page = context.new_page()
    page.add_init_script(WATCH_BADGES % items)
    page.goto(ALL_FEED)
    # Poll by timer, not per animation frame: the waiting must not cost the page much.
    page.wait_for_function("window.__roosAllBadges", timeout=60_000, polling=100)
    times = page.evaluate(
        "({drawn: window.__roosAllDrawn, analysed: window.__roosAllBadges,"
        " load: performance.getEntriesByType('navigation')[0].loadEventEnd})"
    )
    page.close()
    return times


def visits(context: BrowserContext, items: int) -> tuple[list[dict], list[dict]]:
    """RUNS first visits (the worker's cache of analyses emptied before each) and RUNS return
    visits (the same page again right after, its analyses cached)."""
    worker = service_worker(context)
    first, back = [], []
    for _ in range(RUNS):
        worker.evaluate("globalThis.roos.forgetResults?.()")
        first.append(time_to_badges(context, items))
        back.append(time_to_badges(context, items))
    return first, back


def after_load(times: list[dict], key: str) -> list[float]:
    return [t[key] - t["load"] for t in times]


def main_thread_ms(
    context: BrowserContext, wait_ms: float, items: int | None
) -> tuple[float, float]:
    """(main-thread CPU ms of the page's renderer, Roos's own measured ms) after one load."""
    page: Page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Performance.enable")
    page.goto(ALL_FEED)
    if items is not None:
        page.wait_for_function(
            f"document.querySelectorAll('[data-roos=\"badge\"]').length >= {items}",
            timeout=60_000,
            polling=250,
        )
    page.wait_for_timeout(wait_ms)
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    own = page.evaluate(
        "performance.getEntriesByType('measure').filter(m => m.name.startsWith('roos:'))"
        ".reduce((sum, m) => sum + m.duration, 0)"
    )
    session.detach()
    page.close()
    return metrics["ThreadTime"] * 1000, own


def run() -> list[dict]:
    items, posts = feed_counts()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        agent = AgentProcess(Path(tmp) / "home").start()
        try:
            put_profile(agent)
            roos = launch(playwright, Path(tmp) / "with-roos")
            serve_fixtures(roos)
            pair(roos, agent.base, agent.token)
            first, back = visits(roos, items)
            load_ms = statistics.median(t["load"] for t in first + back)
            settle = statistics.median(t["analysed"] for t in first) + SETTLE_MS
            with_roos = [main_thread_ms(roos, SETTLE_MS, items) for _ in range(3)]
            roos.close()
            plain = launch(playwright, Path(tmp) / "without", extension=False)
            serve_fixtures(plain)
            without = [main_thread_ms(plain, settle, None)[0] for _ in range(3)]
            plain.close()
        finally:
            agent.stop()
    task_with = statistics.median(task for task, _ in with_roos)
    task_without = statistics.median(without)
    own_ms = statistics.median(own for _, own in with_roos)
    drawn = after_load(first + back, "drawn")
    analysed = after_load(first, "analysed")
    returned = after_load(back, "analysed")
    baseline = "the page's own load event, ms from navigation"
    return [
        row(
            f"extension: load event → a Roos badge on all {posts} posts, p95 (ms after load)",
            percentile(drawn, 95),
            load_ms,
            "ms",
            baseline_name=baseline,
            note=f"first look ('reading…'), {items} posts and comments, {2 * RUNS} loads;"
            f" median {statistics.median(drawn):.0f}; below 0 = before the load event",
        ),
        row(
            f"extension: load event → the agent's analysis on all {posts} posts, p95"
            " (ms after load)",
            percentile(analysed, 95),
            load_ms,
            "ms",
            baseline_name=baseline,
            note=f"first visit, worker cache emptied, {RUNS} loads;"
            f" median {statistics.median(analysed):.0f}",
        ),
        row(
            f"extension: load event → the agent's analysis on all {posts} posts, return visit,"
            " p95 (ms after load)",
            percentile(returned, 95),
            load_ms,
            "ms",
            baseline_name=baseline,
            note=f"analyses cached in the worker, {RUNS} loads; median"
            f" {statistics.median(returned):.0f}",
        ),
        row(
            "extension: main-thread CPU time added per post",
            (task_with - task_without) / posts,
            task_without / posts,
            "ms/post",
            baseline_name="the page's own main-thread time per post",
            note="Chromium ThreadTime with Roos minus without, same page",
        ),
        row(
            "extension: Roos's own content-script work per item",
            own_ms / items,
            None,
            "ms/item",
            note="sum of performance.measure('roos:*') on the page",
        ),
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
