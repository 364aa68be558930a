"""The agent stops (a crash, a laptop lid) while she keeps scrolling LinkedIn.

Nothing on the page breaks, what she sees is kept in a queue (the badge counts it),
and when the agent is back the queue drains by itself: every item arrives once, and
the overlays appear after all.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, Worker

from .harness import EXTENSION_URL, FIXTURES, worker_errors

pytestmark = pytest.mark.browser

FEED = "https://www.linkedin.com/feed/"
ITEMS = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))["feed-classic.html"][
    "items"
]


def badge(worker: Worker) -> dict:
    return worker.evaluate(
        "async () => ({text: await chrome.action.getBadgeText({}),"
        " title: await chrome.action.getTitle({})})"
    )


def wait_until(check, timeout: float = 30, pause: Page | None = None):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


@pytest.fixture(scope="module")
def offline(agent, worker: Worker) -> Iterator[None]:
    agent.kill()
    assert wait_until(lambda: badge(worker)["text"] == "off", timeout=10)
    yield


@pytest.fixture(scope="module")
def feed(context: BrowserContext, offline) -> Iterator[Page]:
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.errors.append(str(error)))  # type: ignore[attr-defined]
    page.goto(FEED)
    yield page
    page.close()


def queued(worker: Worker) -> int:
    return worker.evaluate("roos.queueLength()")


def test_while_the_agent_is_away_what_she_sees_waits_in_the_queue(feed: Page, worker: Worker):
    assert wait_until(lambda: queued(worker) == len(ITEMS), timeout=15)
    look = badge(worker)
    assert look["text"] == str(len(ITEMS))
    assert look["title"] == (f"Roos: the agent is not running ({len(ITEMS)} items wait to be sent)")
    assert feed.locator('[data-roos="badge"]').count() == 0
    assert feed.errors == []  # type: ignore[attr-defined]


def test_each_post_she_sees_says_roos_waits_for_the_agent(feed: Page):
    feed.wait_for_function(
        'n => document.querySelectorAll(\'[data-roos="badge-reading"][data-state="queued"]\')'
        ".length === n",
        arg=len(ITEMS),
    )
    marked = feed.eval_on_selector_all(
        '[data-roos="badge-reading"]', "hosts => hosts.map(h => h.dataset.itemId)"
    )
    assert sorted(marked) == sorted(item["id"] for item in ITEMS)
    text = feed.eval_on_selector(
        '[data-roos="badge-reading"]', "host => host.shadowRoot.textContent"
    )
    assert "waiting for the agent" in text


def test_the_popup_says_the_agent_is_not_running_and_how_much_waits(context: BrowserContext):
    popup = context.new_page()
    popup.goto(f"{EXTENSION_URL}/popup/popup.html")
    popup.wait_for_selector("body[data-ready='true']")
    assert popup.get_attribute("#agent-state", "data-state") == "offline"
    assert popup.text_content("#agent-state") == "Agent not running. Start it with `roos serve`."
    assert popup.text_content("#queued-count") == (
        f"{len(ITEMS)} items wait to be sent to the agent."
    )
    assert popup.text_content("#waiting-count") == "–"
    popup.close()


def test_seeing_the_same_posts_again_does_not_queue_them_twice(feed: Page, worker: Worker):
    feed.reload()
    feed.wait_for_load_state()
    feed.wait_for_timeout(1500)
    assert queued(worker) == len(ITEMS)


def test_when_the_agent_is_back_the_queue_drains_once_and_the_overlays_appear(
    feed: Page, worker: Worker, agent
):
    agent.start()
    assert wait_until(lambda: queued(worker) == 0, timeout=40), "the queue did not drain"
    feed.wait_for_function(
        f"document.querySelectorAll('[data-roos=\"badge\"]').length === {len(ITEMS)}"
    )
    status, body = agent.call("GET", "/api/items?limit=500")
    assert status == 200
    assert body["total"] == len(ITEMS)
    assert sorted(item["id"] for item in body["items"]) == sorted(i["id"] for i in ITEMS)
    assert wait_until(lambda: badge(worker)["text"] == "", timeout=10)
    assert feed.errors == []  # type: ignore[attr-defined]


def test_back_on_the_feed_while_the_agent_is_away_again_the_badges_come_from_memory(
    context: BrowserContext, worker: Worker, agent
):
    assert worker.evaluate("roos.cacheSize()") >= len(ITEMS)
    agent.kill()
    assert wait_until(lambda: badge(worker)["text"] == "off", timeout=10)
    page = context.new_page()
    page.goto(FEED)
    page.wait_for_function(
        f"document.querySelectorAll('[data-roos=\"badge\"]').length === {len(ITEMS)}"
    )
    assert page.locator('[data-roos="badge-reading"]').count() == 0
    page.close()
    agent.start()


def test_the_queue_keeps_the_newest_five_hundred_and_drops_the_oldest(worker: Worker, agent):
    agent.kill()
    assert wait_until(lambda: badge(worker)["text"] == "off", timeout=10)
    kept = worker.evaluate(
        """async () => {
            const entries = Array.from({length: 510}, (_, n) => ({
                key: `item:urn:li:activity:${n}`, kind: "item",
                payload: {id: `urn:li:activity:${n}`, text: "x"},
            }));
            const length = await roos.enqueue(entries);
            const {queue} = await chrome.storage.local.get("queue");
            return {length, first: queue[0].key, last: queue.at(-1).key};
        }"""
    )
    assert kept == {
        "length": 500,
        "first": "item:urn:li:activity:10",
        "last": "item:urn:li:activity:509",
    }
    assert badge(worker)["text"] == "500"


def test_none_of_this_left_an_uncaught_error_in_the_worker(context: BrowserContext):
    assert worker_errors(context) == []
