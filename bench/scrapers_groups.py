"""LinkedIn groups: how fast Roos reads the fixture group pages in headless Chromium.

Two figures, in items per second. The whole visit is what the scheduler pays per group
apart from its deliberate pauses (set to zero here): Chromium started with the
persistent profile, the page loaded from tests/fixtures/linkedin through a route,
the extension's extractor injected and run, Chromium closed. The extraction alone
is the extractor run again and again on the already loaded page. The baseline of
the first is the same visit without the extractor (start, load, close), so the ratio
shows what reading the page adds to merely opening it. Nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from playwright.async_api import Route

from agent.sources.browser import one_tab, open_context
from agent.sources.linkedin_groups import EXTRACT, EXTRACTOR_FILES, GroupScraper, Pace

from .common import row

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "linkedin"
PAGES = {
    "https://www.linkedin.com/groups/9876543/": "group.html",
    "https://www.linkedin.com/groups/4455667/": "group-new.html",
}
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
HOURS = {"timezone": "UTC", "days": {"tue": ["00:00", "23:59"]}}
RUNS = 3
EXTRACTIONS = 20


async def serve(route: Route) -> None:
    name = PAGES.get(route.request.url)
    if name is None:
        await route.abort()
        return
    body = (FIXTURES / name).read_text(encoding="utf-8")
    await route.fulfill(status=200, body=body, content_type="text/html")


async def no_pause(_seconds: float) -> None:
    return None


async def whole_visits(home: Path) -> tuple[float, int]:
    scraper = GroupScraper(
        home, pace=Pace(daily_pages=10_000), sleep=no_pause, routes={"**/*": serve}
    )
    start, items = time.perf_counter(), 0
    for url in PAGES:
        items += len((await scraper.scrape({"url": url}, set(), NOW, HOURS)).items)
    return time.perf_counter() - start, items


async def bare_visits(home: Path) -> float:
    start = time.perf_counter()
    for url in PAGES:
        async with open_context(home, routes={"**/*": serve}) as context:
            await (await one_tab(context)).goto(url, wait_until="domcontentloaded")
    return time.perf_counter() - start


async def extraction_only(home: Path) -> tuple[float, int]:
    elapsed, items = 0.0, 0
    now_ms = int(NOW.timestamp() * 1000)
    async with open_context(home, routes={"**/*": serve}) as context:
        page = await one_tab(context)
        for url in PAGES:
            await page.goto(url, wait_until="domcontentloaded")
            for script in EXTRACTOR_FILES:
                await page.add_script_tag(path=str(script))
            start = time.perf_counter()
            for _ in range(EXTRACTIONS):
                items += len(await page.evaluate(EXTRACT, now_ms))
            elapsed += time.perf_counter() - start
    return elapsed, items


async def measure() -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        visits, bare = [], []
        for _ in range(RUNS):
            seconds, items = await whole_visits(home)
            visits.append(items / seconds)
            bare.append(items / await bare_visits(home))
        seconds, items = await extraction_only(home)
    return statistics.median(visits), statistics.median(bare), items / seconds


def run() -> list[dict]:
    visit, bare, extraction = asyncio.run(measure())
    return [
        row(
            "read LinkedIn group pages (classic + new markup), whole visit",
            visit,
            bare,
            "items/s",
            baseline_name="same visits without reading (start, load, close)",
            better="higher",
            note="pauses 0; Chromium started per visit, as the scheduler does",
        ),
        row(
            "extract items from a loaded LinkedIn group page",
            extraction,
            None,
            "items/s",
            better="higher",
            note="the extension's extractor.js in headless Chromium",
        ),
    ]
