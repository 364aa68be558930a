"""While she writes, Roos reminds her to say she works at Vlotbank, and minds the 20/80 rule.

The reminder appears under the share box while the draft speaks for Vlotbank without
saying so, one click adds the profile's phrase, and it goes away once the phrase is
there (added by Roos or typed by hand). Publishing the post is noticed by the agent.
When LinkedIn changes its markup so that Roos finds nothing, the agent hears of it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Locator, Page

from .harness import content_eval, worker_errors

pytestmark = pytest.mark.browser

DRAFT = "Wij van Vlotbank lanceren VlotPay"
PHRASE = "(ik werk bij Vlotbank)"
REMINDER = '[data-roos="disclosure-reminder"]'


@pytest.fixture(scope="module")
def feed(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    page.goto("https://www.linkedin.com/feed/new/")
    page.wait_for_selector('[data-roos="badge"]')
    yield page
    page.close()


def share_box(page: Page) -> Locator:
    index = content_eval(
        page, "Roos.extractor.composers(document).findIndex(c => c.kind === 'post')"
    )
    assert index >= 0
    editors = page.locator('[contenteditable="true"]')
    return editors.nth(index)


def empty(page: Page, editor: Locator) -> None:
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.wait_for_selector(REMINDER, state="detached")


def test_the_reminder_appears_while_she_writes_for_vlotbank_without_saying_so(feed: Page):
    editor = share_box(feed)
    editor.click()
    feed.keyboard.type(DRAFT)
    reminder = feed.locator(REMINDER)
    reminder.wait_for()
    assert reminder.locator("span").first.text_content() == (
        "You speak for your organisation here: say so."
    )
    assert reminder.locator("button.add").text_content() == f"Add “{PHRASE}”"


def test_one_click_adds_the_phrase_as_typed_text_and_the_reminder_goes(feed: Page):
    editor = share_box(feed)
    feed.locator(REMINDER).locator("button.add").click()
    feed.wait_for_selector(REMINDER, state="detached")
    assert editor.inner_text().strip() == f"{DRAFT} {PHRASE}"
    # LinkedIn heard typing: its Post button woke up.
    assert feed.locator(".share-submit").is_enabled()
    assert feed.evaluate("window.__posted") == []


def test_typing_the_phrase_by_hand_also_satisfies_the_reminder(feed: Page):
    editor = share_box(feed)
    empty(feed, editor)
    feed.keyboard.type(DRAFT)
    feed.wait_for_selector(REMINDER)
    feed.keyboard.type(f" {PHRASE}")
    feed.wait_for_selector(REMINDER, state="detached")


def test_a_draft_rewritten_so_it_no_longer_speaks_for_vlotbank_loses_the_reminder(feed: Page):
    editor = share_box(feed)
    empty(feed, editor)
    feed.keyboard.type(DRAFT)
    feed.wait_for_selector(REMINDER)
    feed.keyboard.press("Control+A")
    feed.keyboard.type("Mooie zonsopkomst vanochtend boven de IJssel.")
    feed.wait_for_selector(REMINDER, state="detached")
    assert editor.inner_text().strip() == "Mooie zonsopkomst vanochtend boven de IJssel."


def test_too_much_promotion_lately_brings_a_gentle_twenty_eighty_warning(feed: Page, agent):
    for n in range(3):
        status, _ = agent.call(
            "POST",
            "/api/own-posts",
            {"text": f"Nieuw: VlotPay Plus met korting, nu aanmelden! ({n})"},
        )
        assert status == 200
    editor = share_box(feed)
    empty(feed, editor)
    feed.keyboard.type("Nieuw: VlotPay Plus met korting, nu aanmelden!")
    warning = feed.locator('[data-roos="promo-warning"]')
    warning.wait_for()
    assert (
        warning.locator(".promo")
        .text_content()
        .startswith("Promotion is 100% of your recent posts")
    )
    assert "at most 20%" in warning.locator(".promo").text_content()


def test_publishing_the_post_is_recorded_as_her_own_post(feed: Page, agent):
    editor = share_box(feed)
    empty(feed, editor)
    text = "Vandaag geven we een gratis webinar over zonnepanelen voor ondernemers. (ik werk bij Vlotbank)"
    feed.keyboard.type(text)
    feed.locator(".share-submit").click()
    assert feed.evaluate("window.__posted") == [{"kind": "share", "text": text}]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        posts = agent.call("GET", "/api/own-posts")[1]["posts"]
        if any(p["text"] == text for p in posts):
            break
        feed.wait_for_timeout(100)
    assert [p["text"] for p in posts].count(text) == 1


def test_when_linkedin_changes_its_markup_the_agent_hears_of_it_once(
    context: BrowserContext, agent
):
    page = context.new_page()
    for _ in range(2):
        page.goto("https://www.linkedin.com/feed/changed/")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            events = agent.call("GET", "/api/events")[1]["events"]
            misses = [e for e in events if e["type"] == "extractor.miss"]
            if misses:
                break
            page.wait_for_timeout(200)
    page.wait_for_timeout(4000)  # longer than the 3 s the content script lets a page settle
    events = agent.call("GET", "/api/events")[1]["events"]
    misses = [e for e in events if e["type"] == "extractor.miss"]
    assert [m["url"] for m in misses] == ["https://www.linkedin.com/feed/changed/"]
    assert misses[0]["hints"]["url_path"] == "/feed/changed/"
    assert page.locator('[data-roos="badge"]').count() == 0
    page.close()


def test_none_of_this_left_an_uncaught_error_in_the_worker(context: BrowserContext):
    assert worker_errors(context) == []
