"""LinkedIn shows many posts wrapped in someone else's action: "Lotte heeft hierop gereageerd",
"Amelia commented on this", likes, reposts, celebrations, follows, aggregates of several people.
Roos reads every post and comment in them under the post's own id, flags the fan whose only
comment sits in such a card, offers an answer to the complaint inside one, reads placeholders
when LinkedIn fills them, and tells the agent about the cards it could not read.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.support.agent import AgentProcess

from .harness import EXTENSION_URL, FIXTURES, PROFILE, content_eval, put_profile, worker_errors

pytestmark = pytest.mark.browser

EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
FEEDS = {
    "feed-wrapped.html": "https://www.linkedin.com/feed/wrapped/",
    "feed-wrapped-new.html": "https://www.linkedin.com/feed/wrapped-new/",
}
FANS = {  # the fan of each page: her only comment on the page is inside a wrapped card
    "feed-wrapped.html": (
        "https://www.linkedin.com/in/lotte-smit-2f9e/",
        "Lotte Smit",
        [
            "Vlotbank heeft mij weer fantastisch geholpen, echt top!",
            "Dank Vlotbank, super snelle en vriendelijke hulp!",
        ],
    ),
    "feed-wrapped-new.html": (
        "https://www.linkedin.com/in/ameliabrooks/",
        "Amelia Brooks",
        [
            "Vlotbank support was brilliant again, so kind and quick!",
            "Love the new Vlotbank app, fantastic work!",
        ],
    ),
}


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentProcess]:
    """The agent knows two earlier kind words of each fan (the fixture pages are dated March 2026,
    so the fan window is widened to reach them)."""
    process = AgentProcess(tmp_path_factory.mktemp("agent") / "home").start()
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    profile["targets"]["fan_window_days"] = 3650
    put_profile(process, profile)
    earlier = []
    for n, (url, name, texts) in enumerate(FANS.values()):
        for m, text in enumerate(texts):
            earlier.append(
                {
                    "id": f"urn:li:activity:74370{n}{m}000000000000",
                    "source": "linkedin",
                    "kind": "post",
                    "url": f"https://www.linkedin.com/feed/update/urn:li:activity:74370{n}{m}000000000000/",
                    "text": text,
                    "author": {"name": name, "profile_url": url},
                    "published_at": f"2026-03-0{m + 7}T10:00:00Z",
                    "seen_at": "2026-03-09T10:00:00Z",
                }
            )
    status, answer = process.call("POST", "/api/items", {"items": earlier})
    assert status == 200, answer
    yield process
    process.stop()


def badge_ids(page: Page) -> set[str]:
    return set(
        page.eval_on_selector_all('[data-roos="badge"]', "ns => ns.map(n => n.dataset.itemId)")
    )


def wait_for_badges(page: Page, ids: set[str]) -> None:
    page.wait_for_function(
        "ids => ids.every(id => [...document.querySelectorAll('[data-roos=\"badge\"]')]"
        ".some(n => n.dataset.itemId === id))",
        arg=sorted(ids),
        timeout=30_000,
    )


@pytest.fixture(scope="module")
def feeds(context: BrowserContext) -> Iterator[dict[str, Page]]:
    pages = {}
    for name, url in FEEDS.items():
        page = context.new_page()
        page.goto(url)
        wait_for_badges(page, {item["id"] for item in EXPECTED[name]["items"]})
        pages[name] = page
    yield pages
    for page in pages.values():
        page.close()


@pytest.mark.parametrize("name", FEEDS)
def test_every_post_and_comment_in_a_mixed_feed_gets_one_badge_wrapped_cards_included(feeds, name):
    page = feeds[name]
    expected = {item["id"] for item in EXPECTED[name]["items"]}
    assert badge_ids(page) == expected
    assert page.locator('[data-roos="badge"]').count() == len(expected)
    wrapped = [i for i in EXPECTED[name]["items"] if i.get("context")]
    assert len(wrapped) >= 5 and {i["id"] for i in wrapped} <= badge_ids(page)


@pytest.mark.parametrize("name", FEEDS)
def test_the_stored_item_has_the_posts_own_id_and_the_wrapper_as_context(feeds, agent, name):
    item = next(i for i in EXPECTED[name]["items"] if i.get("context", {}).get("kind") == "comment")
    status, body = agent.call("GET", f"/api/items/{item['id']}")
    assert status == 200, body
    stored = body["item"]
    assert stored["url"] == f"https://www.linkedin.com/feed/update/{item['id']}/"
    assert stored["context"]["kind"] == "comment"
    assert stored["context"]["actors"] == item["context"]["actors"]
    event = item["context"].get("event_id")
    if event:  # the commenter's event is context, never an item of its own
        assert agent.call("GET", f"/api/items/{event}")[0] == 404


@pytest.mark.parametrize("name", FEEDS)
def test_a_fan_whose_only_comment_is_inside_a_wrapped_card_is_flagged(feeds, name):
    page = feeds[name]
    url, person, _ = FANS[name]
    comment = next(
        i
        for i in EXPECTED[name]["items"]
        if i["kind"] == "comment" and i["author"].get("profile_url") == url
    )
    flag = page.wait_for_function(
        "id => { const b = [...document.querySelectorAll('[data-roos=\"badge\"]')]"
        ".find(n => n.dataset.itemId === id);"
        " const f = b && b.parentElement.querySelector('[data-roos=\"fan-flag\"]');"
        " return f && f.dataset.flag; }",
        arg=comment["id"],
        timeout=15_000,
    ).json_value()
    assert flag in {"fan", "ambassador"}, person


@pytest.mark.parametrize("name", FEEDS)
def test_the_complaint_inside_an_aggregate_card_gets_reply_suggestions(feeds, name):
    page = feeds[name]
    complaint = next(
        i
        for i in EXPECTED[name]["items"]
        if i["kind"] == "comment" and ("niet" in i["text"] or "stuck" in i["text"])
    )
    page.wait_for_selector(
        f'[data-roos="reply-prompt"][data-item-id="{complaint["id"]}"]', timeout=15_000
    )


@pytest.mark.parametrize("name", FEEDS)
def test_placeholders_that_fill_later_get_their_badges(feeds, name):
    page = feeds[name]
    for fill in EXPECTED[name]["fills"]:
        # LinkedIn swaps the empty box for the card as it scrolls into view
        page.evaluate(
            "([selector, html]) => { document.querySelector(selector).outerHTML = html; }",
            [fill["selector"], fill["html"]],
        )
    fill_ids = {item["id"] for item in EXPECTED[name]["fill_items"]}
    wait_for_badges(page, fill_ids)
    every = {i["id"] for i in EXPECTED[name]["items"]} | fill_ids
    assert badge_ids(page) == every


@pytest.mark.parametrize("name", FEEDS)
def test_cards_roos_could_not_read_are_reported_to_the_agent_without_text(feeds, agent, name):
    assert feeds[name].url == FEEDS[name]
    want = EXPECTED[name]["report_after_fill"]
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        events = [
            e
            for e in agent.call("GET", "/api/events")[1]["events"]
            if e["type"] == "extractor.miss"
            and e.get("url") == FEEDS[name]
            and e.get("counts", {}).get("pending") == 0
        ]
        if events:
            break
        time.sleep(0.2)
    assert events, "no partial miss reported"
    event = events[0]
    assert event["counts"] == {k: v for k, v in want.items() if k != "kinds"}
    assert event["card_kinds"] == want["kinds"]
    assert event["counts"]["unknown"] >= 1
    assert event["version"] and event["page"] == "feed"
    sent = json.dumps(event, ensure_ascii=False)
    for item in EXPECTED[name]["items"]:
        assert item["author"]["name"] not in sent
        assert item["text"][:20] not in sent


def options_for(context: BrowserContext, url: str) -> Page:
    """The options page working on the tab showing `url` (options.html?tab=<id>)."""
    page = context.new_page()
    page.goto(f"{EXTENSION_URL}/options/options.html")
    tab_id = page.evaluate("url => chrome.tabs.query({url}).then(tabs => tabs[0].id)", url)
    page.goto(f"{EXTENSION_URL}/options/options.html?tab={tab_id}")
    return page


def test_the_options_page_says_which_pages_had_cards_roos_could_not_read(context, feeds):
    page = options_for(context, FEEDS["feed-wrapped.html"])
    page.wait_for_selector("#page-reports li[data-missed]")
    lines = page.locator("#page-reports li[data-missed]").all_text_contents()
    missed = [line for line in lines if "could not read" in line]
    assert missed, lines
    assert any("1 in unknown markup, 1 without their post's id" in line for line in missed)
    assert any("skipped: adverts 1" in line for line in lines)
    page.close()


def test_a_structure_snapshot_of_the_tab_keeps_its_cards_and_nothing_of_anyone(context, feeds):
    name = "feed-wrapped.html"
    page = options_for(context, FEEDS[name])
    with page.expect_download() as download:
        page.click("#save-snapshot")
    path = download.value.path()
    html = path.read_text(encoding="utf-8")
    assert download.value.suggested_filename.startswith("roos-structure-feed-")
    assert page.text_content("#snapshot-status").startswith("Saved roos-structure-feed-")
    items = EXPECTED[name]["items"] + EXPECTED[name]["fill_items"]
    for item in items:
        assert item["author"]["name"] not in html
        assert item["text"][:24] not in html
        for actor in item.get("context", {}).get("actors", []):
            assert actor["profile_url"].split("/")[4] not in html
    assert "<img" not in html and "<script" not in html
    assert "data-roos" not in html  # Roos's own overlays are not part of LinkedIn's page
    # the snapshot is a page the extractor can run on: the same cards, under hashed ids
    context.route(
        "https://www.linkedin.com/feed/snapshot/",
        lambda route: route.fulfill(body=html, content_type="text/html"),
    )
    shown = context.new_page()
    shown.goto("https://www.linkedin.com/feed/snapshot/")
    found = content_eval(shown, "Roos.extractor.findItemElements(document).map(e => e.kind)")
    original = content_eval(
        feeds[name], "Roos.extractor.findItemElements(document).map(e => e.kind)"
    )
    assert found == original and len(found) >= len(EXPECTED[name]["items"])
    shown.close()
    page.close()


def test_none_of_this_left_an_uncaught_error_in_the_worker(context: BrowserContext):
    assert worker_errors(context) == []
