"""Only Roos's own code may ask the worker for things, and only for the things it needs.

The content script runs next to LinkedIn, so whatever it sends is checked; web pages
cannot reach the worker at all; the token never leaves the worker's side.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from .harness import EXTENSION_URL, content_eval

pytestmark = pytest.mark.browser

QUIET_PAGE = "<!doctype html><title>Berichten | LinkedIn</title><main><h1>Berichten</h1></main>"


@pytest.fixture(scope="module")
def linkedin(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    page.goto("https://www.linkedin.com/messaging/")
    page.wait_for_function("document.readyState === 'complete'")
    yield page
    page.close()


@pytest.fixture(scope="module")
def extension_page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    page.goto(f"{EXTENSION_URL}/popup/popup.html")
    yield page
    page.close()


@pytest.fixture(scope="module", autouse=True)
def quiet_page(context: BrowserContext):
    context.route(
        "https://www.linkedin.com/messaging/",
        lambda route: route.fulfill(body=QUIET_PAGE, content_type="text/html"),
    )


def from_content(page: Page, message: dict) -> dict:
    return content_eval(page, f"chrome.runtime.sendMessage({json.dumps(message)})")


def from_extension(page: Page, message: dict) -> dict:
    return page.evaluate("m => chrome.runtime.sendMessage(m)", message)


def test_a_web_page_cannot_talk_to_roos_at_all(linkedin: Page):
    assert linkedin.evaluate("typeof globalThis.chrome?.runtime?.sendMessage") == "undefined"
    assert linkedin.evaluate("typeof globalThis.Roos") == "undefined"


def test_the_content_script_can_ask_for_the_state_but_never_sees_the_token(linkedin: Page, agent):
    answer = from_content(linkedin, {"type": "state"})
    assert answer["state"] == "connected"
    assert answer["paired"] is True
    assert agent.token not in json.dumps(answer)
    refused = content_eval(
        linkedin,
        "chrome.storage.local.get(null).then(v => JSON.stringify(v), e => 'refused: ' + e.message)",
    )
    assert refused.startswith("refused"), refused


@pytest.mark.parametrize(
    "message",
    [
        {"type": "fetch", "url": "https://evil.example/steal"},
        {"type": "constructor"},
        {"type": "__proto__"},
        {"type": "toString"},
        {"kind": "analyze"},
    ],
)
def test_unknown_messages_are_refused(linkedin: Page, message: dict):
    assert from_content(linkedin, message)["error"]["code"] == "refused"


def test_the_content_script_may_not_use_the_popups_messages(linkedin: Page):
    answer = from_content(
        linkedin,
        {"type": "followRatio", "account": "https://x.com/vlotbank", "followers": 10, "own": False},
    )
    assert answer["error"] == {
        "code": "refused",
        "message": "This sender may not send this message.",
    }


def test_extension_pages_may_not_pose_as_the_content_script(extension_page: Page):
    answer = from_extension(
        extension_page, {"type": "replied", "itemId": "urn:li:activity:1", "text": "Hoi"}
    )
    assert answer["error"]["code"] == "refused"


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ({"type": "analyze", "items": []}, "items must be a non-empty list"),
        (
            {"type": "analyze", "items": [{"id": f"urn:li:activity:{n}"} for n in range(201)]},
            "at most 200 items per message",
        ),
        ({"type": "analyze", "items": [{"text": "geen id"}]}, "item.id must be a short text"),
        (
            {"type": "analyze", "items": [{"id": "a", "url": "javascript:alert(1)"}]},
            "item.url is not https",
        ),
        (
            {"type": "draftCheck", "text": "Hoi", "context": {"kind": "dm"}},
            "context.kind must be post, comment or reply",
        ),
        ({"type": "replied", "itemId": ""}, "itemId must be a short text"),
        ({"type": "ownPost", "text": "   "}, "text must be a non-empty text"),
        (
            {"type": "extractorMiss", "url": "http://www.linkedin.com/feed/", "hints": {}},
            "url is not https",
        ),
    ],
)
def test_malformed_messages_are_refused_with_the_reason(
    linkedin: Page, message: dict, problem: str
):
    assert from_content(linkedin, message)["error"] == {"code": "refused", "message": problem}


def test_the_popup_cannot_send_an_account_that_is_not_a_web_address(extension_page: Page):
    answer = from_extension(
        extension_page,
        {"type": "followRatio", "account": "javascript:alert(1)", "followers": 5},
    )
    assert answer["error"] == {
        "code": "refused",
        "message": "account must be an https profile address",
    }


def test_a_message_too_large_to_be_honest_is_refused(linkedin: Page):
    huge = {"type": "draftCheck", "text": "x" * 2_100_000, "context": {"kind": "post"}}
    assert from_content(linkedin, huge)["error"] == {
        "code": "refused",
        "message": "Message too large.",
    }
