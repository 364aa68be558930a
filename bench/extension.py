"""The extension on a 105-post LinkedIn feed (both markups, 342 posts and comments in all):

- how long after the page starts loading every item carries its Roos badge (median and
  p95 over RUNS loads), beside the page's own load time in the same runs;
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

from tests.extension.harness import ALL_FEED, FIXTURES, launch, pair, put_profile, serve_fixtures
from tests.support.agent import AgentProcess

from .common import percentile, row

RUNS = 5
SETTLE_MS = 1000
EXPECTED = (FIXTURES / "expected.json").read_text(encoding="utf-8")

# Main world: note the moment the last badge arrives, counting hosts as they are added
# (cheaper than querying the whole page on every mutation).
WATCH_BADGES = """
(() => {
  let seen = 0;
  const target = %d;
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeType === 1 && node.getAttribute('data-roos') === 'badge') seen += 1;
    }
    if (seen >= target && !window.__roosAllBadges) window.__roosAllBadges = performance.now();
  }).observe(document, {childList: true, subtree: true});
})();
"""


def feed_counts() -> tuple[int, int]:
    import json

    expected = json.loads(EXPECTED)
    items = expected["feed-classic.html"]["items"] + expected["feed-new.html"]["items"]
    return len(items), sum(1 for item in items if item["kind"] == "post")


def time_to_badges(context: BrowserContext, items: int) -> tuple[float, float]:
    """(ms until every item has its badge, ms until the page's load event), from navigation."""
    page = context.new_page()
    page.add_init_script(WATCH_BADGES % items)
    page.goto(ALL_FEED)
    # Poll by timer, not per animation frame: the waiting must not cost the page much.
    page.wait_for_function("window.__roosAllBadges", timeout=60_000, polling=100)
    badges = page.evaluate("window.__roosAllBadges")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.close()
    return badges, loaded


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
            timings = [time_to_badges(roos, items) for _ in range(RUNS)]
            badge_ms = [badges for badges, _ in timings]
            load_ms = statistics.median(loaded for _, loaded in timings)
            settle = statistics.median(badge_ms) + SETTLE_MS
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
    return [
        row(
            f"extension: load → badges on all {posts} posts (median)",
            statistics.median(badge_ms),
            load_ms,
            "ms",
            baseline_name="the page's own load event",
            note=f"{items} posts and comments, {RUNS} loads",
        ),
        row(
            f"extension: load → badges on all {posts} posts (p95)",
            percentile(badge_ms, 95),
            load_ms,
            "ms",
            baseline_name="the page's own load event",
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
