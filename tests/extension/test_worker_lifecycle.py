"""Roos stays live: changes made in the agent reach the open LinkedIn tab, and Chrome may
stop Roos's worker whenever it likes without Roos losing its pairing or its way.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import BrowserContext, Page

from .harness import classic_feed, classic_post, fresh_urn, service_worker, worker_errors

pytestmark = pytest.mark.browser

URL = "https://www.linkedin.com/feed/live/"
POSTS = [
    (
        fresh_urn(1),
        "Ruud Kramer",
        "VlotPay weigert al de hele ochtend mijn betalingen, echt waardeloos!",
    ),
    (fresh_urn(2), "Ilse Mulder", "Hoe zet ik Zonnewind sparen om naar een gewone rekening?"),
    (fresh_urn(3), "Bart Smit", "Blij met de snelle hulp van Vlotbank vandaag, top!"),
]


@pytest.fixture(scope="module")
def feed(context: BrowserContext) -> Iterator[Page]:
    html = classic_feed(
        [
            classic_post(
                urn, name, f"https://www.linkedin.com/in/{name.lower().replace(' ', '-')}/", text
            )
            for urn, name, text in POSTS
        ]
    )
    context.route(URL, lambda route: route.fulfill(body=html, content_type="text/html"))
    page = context.new_page()
    page.goto(URL)
    page.wait_for_function("document.querySelectorAll('[data-roos=\"badge\"]').length === 3")
    yield page
    page.close()


def sentiment(page: Page, item_id: str) -> str | None:
    return page.get_attribute(f'[data-roos="badge"][data-item-id="{item_id}"]', "data-sentiment")


def test_the_worker_keeps_an_alarm_that_revives_it(context: BrowserContext):
    alarm = service_worker(context).evaluate("chrome.alarms.get('roos-revive')")
    assert alarm["periodInMinutes"] == 0.5


def test_a_correction_made_in_the_agent_shows_in_the_open_tab(feed: Page, agent):
    praise = POSTS[2][0]
    assert sentiment(feed, praise) == "positive"
    status, _ = agent.call("PATCH", f"/api/items/{praise}", {"sentiment": "negative"})
    assert status == 200
    feed.wait_for_function(
        'id => document.querySelector(`[data-roos="badge"][data-item-id="${id}"]`)'
        ".dataset.sentiment === 'negative'",
        arg=praise,
    )


def test_an_item_marked_answered_in_the_agent_loses_its_reply_prompt(feed: Page, agent):
    complaint = POSTS[0][0]
    prompt = f'[data-roos="reply-prompt"][data-item-id="{complaint}"]'
    feed.wait_for_selector(prompt)
    status, _ = agent.call("PATCH", f"/api/items/{complaint}", {"status": "answered"})
    assert status == 200
    feed.wait_for_selector(prompt, state="detached")


def test_chrome_may_stop_the_worker_and_roos_carries_on(context: BrowserContext, feed: Page, agent):
    worker = service_worker(context)
    worker.evaluate("self.beforeTheStop = true")
    internals = context.new_page()
    internals.goto("chrome://serviceworker-internals/")
    session = context.new_cdp_session(internals)
    session.send("ServiceWorker.enable")
    session.send("ServiceWorker.stopAllWorkers")
    session.detach()
    internals.close()
    # A new page needs the worker: Chrome starts a fresh one, which finds its pairing in storage.
    page = context.new_page()
    page.goto(URL)
    page.wait_for_function("document.querySelectorAll('[data-roos=\"badge\"]').length === 3")
    fresh = service_worker(context)
    assert fresh.evaluate("typeof self.beforeTheStop") == "undefined"
    # ...and the fresh worker opens a new socket (the agent welcomes it): live corrections arrive.
    deadline = time.monotonic() + 15
    while not fresh.evaluate("roos.isWelcomed()"):
        assert time.monotonic() < deadline, "the fresh worker never reconnected"
        fresh.evaluate("new Promise(resolve => setTimeout(resolve, 100))")
    question = POSTS[1][0]
    agent.call("PATCH", f"/api/items/{question}", {"sentiment": "negative"})
    page.wait_for_function(
        'id => document.querySelector(`[data-roos="badge"][data-item-id="${id}"]`)'
        ".dataset.sentiment === 'negative'",
        arg=question,
    )
    assert fresh.evaluate("chrome.action.getBadgeText({})") == ""
    page.close()


def test_an_urgent_complaint_found_elsewhere_pops_up_but_what_she_sees_does_not(
    context: BrowserContext, agent
):
    worker = service_worker(context)
    # Everything in her open tab was sent by Roos itself: no notification for those.
    assert worker.evaluate("chrome.notifications.getAll()") == {}
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    found = {
        "id": fresh_urn(9),
        "source": "linkedin",
        "kind": "post",
        "url": "https://www.linkedin.com/feed/update/urn:li:activity:1/",
        "text": "Vlotbank heeft mijn rekening geblokkeerd zonder uitleg, ik ben woedend. Bel me NU terug!",
        "author": {"name": "Kees Groot"},
        "published_at": now,
        "seen_at": now,
    }
    # As the agent's own group scraper would hand it in.
    status, body = agent.call("POST", "/api/analyze", {"items": [found], "store": True})
    assert status == 200 and body["results"][0]["urgency"] >= 0.7
    deadline = time.monotonic() + 10
    while not (shown := worker.evaluate("chrome.notifications.getAll()")):
        assert time.monotonic() < deadline, "no notification"
        worker.evaluate("new Promise(resolve => setTimeout(resolve, 100))")
    [notification_id] = shown
    assert notification_id.endswith("|https://www.linkedin.com/feed/update/urn:li:activity:1/")


def test_none_of_this_left_an_uncaught_error_in_the_worker(context: BrowserContext):
    assert worker_errors(context) == []
