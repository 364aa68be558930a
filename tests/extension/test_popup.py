"""The toolbar popup: is Roos connected, what waits today, and how healthy is a follow ratio.

On a LinkedIn profile, a company page or an X profile one click reads the counts from
the page and the agent judges them; on the user's own profile it also names people
worth unfollowing. Elsewhere the popup says where to go.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import BrowserContext, Page

from agent.store import SyncStore
from tests.support.agent import AgentProcess

from .harness import EXTENSION_URL, FIXTURES, put_profile

pytestmark = pytest.mark.browser

EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
QUIET_FOLLOW = {
    "id": "linkedin.com/in/stille-stan",
    "name": "Stan Stil",
    "profile_url": "https://www.linkedin.com/in/stille-stan/",
    "followed": True,
    "followed_at": (datetime.now(UTC) - timedelta(days=200)).isoformat(),
    "interactions": [],
    "flag": None,
}


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentProcess]:
    """The agent remembers someone the user followed long ago who never said a word since."""
    home = tmp_path_factory.mktemp("agent") / "home"
    store = SyncStore(home / "store").open()
    store.upsert("people", [QUIET_FOLLOW])
    process = AgentProcess(home).start()
    put_profile(process)
    yield process
    process.stop()


def open_tab(context: BrowserContext, url: str) -> Page:
    tab = context.new_page()
    tab.goto(url)
    tab.wait_for_load_state()
    return tab


def open_popup_for(context: BrowserContext, url: str, tab: Page | None = None) -> Page:
    """The popup as a page working on the tab showing `url` (popup.html?tab=<id>)."""
    tab = tab or open_tab(context, url)
    popup = context.new_page()
    popup.goto(f"{EXTENSION_URL}/popup/popup.html?tab=0")
    tab_id = popup.evaluate(
        "url => chrome.tabs.query({url: url + '*'}).then(tabs => tabs[0].id)", url
    )
    popup.goto(f"{EXTENSION_URL}/popup/popup.html?tab={tab_id}")
    popup.wait_for_selector("body[data-ready='true']")
    return popup


def check_ratio(popup: Page) -> dict:
    popup.click("#check-ratio")
    popup.wait_for_selector("#ratio-result:not([hidden]), #ratio-error:not([hidden])")
    assert popup.locator("#ratio-error").is_hidden(), popup.text_content("#ratio-error")
    return {
        "ratio": popup.text_content("#ratio-value"),
        "verdict": popup.get_attribute("#verdict", "data-verdict"),
        "verdict_text": popup.text_content("#verdict"),
        "counts": popup.text_content("#ratio-counts"),
        "advice": popup.text_content("#advice"),
        "partial": popup.text_content("#ratio-partial")
        if popup.locator("#ratio-partial").is_visible()
        else None,
        "relevance": popup.text_content("#relevance")
        if popup.locator("#relevance").is_visible()
        else None,
        "unfollow": popup.locator("#unfollow-list li").all_text_contents()
        if popup.locator("#unfollow").is_visible()
        else [],
    }


def test_the_popup_shows_the_agent_state_and_todays_figures(context: BrowserContext, agent):
    feed = open_tab(context, "https://www.linkedin.com/feed/")
    expected = len(EXPECTED["feed-classic.html"]["items"])
    feed.wait_for_function(
        f"document.querySelectorAll('[data-roos=\"badge\"]').length === {expected}"
    )
    popup = open_popup_for(context, "https://www.linkedin.com/feed/", feed)
    assert popup.get_attribute("#agent-state", "data-state") == "connected"
    assert popup.text_content("#agent-state") == "Connected to the agent"
    stats = agent.call("GET", "/api/stats/today")[1]
    assert popup.text_content("#waiting-count") == str(stats["waiting"])
    assert (
        popup.text_content("#posts-today") == f"{stats['posts_today']} of {stats['posts_target']}"
    )
    popup.close()


def test_away_from_profiles_the_popup_says_where_to_go(context: BrowserContext):
    popup = open_popup_for(context, "https://www.linkedin.com/feed/")
    assert popup.locator("#check-ratio").is_hidden()
    assert popup.text_content("#ratio-where").startswith(
        "Open a LinkedIn profile, a company page or your own Followers or Following page"
    )
    popup.close()


def test_someone_elses_profile_gets_a_ratio_verdict_advice_and_relevance(
    context: BrowserContext, agent
):
    popup = open_popup_for(context, "https://www.linkedin.com/in/pieter-bakker-3f1a9c/")
    shown = check_ratio(popup)
    # 2.481 followers; LinkedIn shows "500+ connecties", which he follows both ways: at least 500.
    assert shown["counts"] == "2,481 followers, 500+ connections"
    assert shown["partial"] == (
        "LinkedIn shows 500+ connections: at least 500, so the real ratio is at most 4.96."
    )
    assert shown["ratio"] == "4.96"
    assert shown["verdict"] in {"ok", "warn"}
    assert shown["verdict_text"] in {"healthy", "needs attention"}
    assert shown["advice"]
    assert shown["unfollow"] == []
    history = agent.call(
        "GET", "/api/follow-ratio?account=https://www.linkedin.com/in/pieter-bakker-3f1a9c/"
    )[1]["history"]
    assert [(h["followers"], h["following"], h["own"]) for h in history] == [(2481, 500, False)]
    popup.close()


def test_the_users_own_profile_also_lists_whom_to_unfollow(context: BrowserContext, agent):
    popup = open_popup_for(context, "https://www.linkedin.com/in/sanne-de-wit-4b7a21/")
    shown = check_ratio(popup)
    assert shown["counts"] == "1,234 followers, 87 following"
    assert shown["unfollow"] == ["Stan Stil"]
    link = popup.locator("#unfollow-list a")
    assert link.get_attribute("href") == "https://www.linkedin.com/in/stille-stan/"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert shown["relevance"] is None
    popup.close()


@pytest.mark.parametrize(
    ("url", "lang"),
    [
        ("https://www.linkedin.com/in/marcus-ellery-2d7c41/", "en"),
        ("https://www.linkedin.com/in/wendy-brouwer-5a9e03/", "nl"),
    ],
)
def test_a_profile_whose_followers_are_only_in_its_activity_section_is_read(
    context: BrowserContext, url, lang
):
    popup = open_popup_for(context, url)
    shown = check_ratio(popup)
    # the top card says only "500+ connections"; "1,159 followers" heads the Activity section
    assert shown["counts"] == "1,159 followers, 500+ connections", lang
    assert shown["ratio"] == "2.32"
    assert "Activity section" in shown["partial"]
    assert "at most 2.32" in shown["partial"]
    popup.close()


def test_the_users_own_network_pages_give_the_ratio_one_count_each(context: BrowserContext, agent):
    base = "https://www.linkedin.com/mynetwork/network-manager/people-follow"
    popup = open_popup_for(context, f"{base}/followers/")
    shown = check_ratio(popup)
    assert shown["counts"] == "3,384 followers"
    assert shown["partial"].startswith("This page shows your followers (3,384), not how many")
    popup.close()
    popup = open_popup_for(context, f"{base}/following/")
    shown = check_ratio(popup)
    # the following page says 58; the followers read a moment ago complete the ratio
    assert shown["counts"] == "3,384 followers, 58 following"
    assert shown["ratio"] == "58.34"
    assert shown["verdict"] == "ok"
    assert shown["partial"].startswith("Your followers (3,384) were read on your Followers page")
    # the snapshot is the user's own: under their profile's address once Roos has seen it
    account = popup.evaluate(
        "chrome.storage.local.get('ownNetworkCounts')"
        ".then(s => s.ownNetworkCounts.profile_url || 'https://www.linkedin.com/in/me/')"
    )
    history = agent.call("GET", f"/api/follow-ratio?account={account}")[1]
    assert [(h["followers"], h["following"], h["own"]) for h in history["history"]][-1] == (
        3384,
        58,
        True,
    )
    popup.close()


def test_the_following_page_alone_says_what_is_missing(context: BrowserContext):
    popup = context.new_page()
    popup.goto(f"{EXTENSION_URL}/popup/popup.html?tab=0")
    popup.evaluate("chrome.storage.local.remove('ownNetworkCounts')")
    popup.close()
    popup = open_popup_for(
        context, "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/"
    )
    shown = check_ratio(popup)
    assert shown["counts"] == "58 following"
    assert shown["ratio"] == "–"
    assert shown["partial"].startswith("This page shows how many people you follow (58)")
    popup.close()


def test_an_x_profile_is_read_as_well(context: BrowserContext):
    popup = open_popup_for(context, "https://x.com/harbourfinch")
    shown = check_ratio(popup)
    assert shown["counts"] == "12,500 followers, 312 following"
    assert shown["advice"]
    popup.close()


def test_a_company_page_shows_its_followers_and_that_there_is_no_ratio(context: BrowserContext):
    popup = open_popup_for(context, "https://www.linkedin.com/company/vlotbank/")
    shown = check_ratio(popup)
    assert shown["counts"] == "12,345 followers"
    assert shown["verdict_text"] == "this page shows no following count"
    assert "followers only" in shown["advice"]  # the agent recorded the snapshot and said why
    popup.close()


def test_one_click_opens_the_dashboard_logged_in_without_the_token_in_any_url(
    context: BrowserContext, agent
):
    popup = context.new_page()
    popup.goto(f"{EXTENSION_URL}/popup/popup.html")
    popup.wait_for_selector("body[data-ready='true']")
    with context.expect_page() as opened:
        popup.click("#open-dashboard")
    dashboard = opened.value
    dashboard.wait_for_url(f"{agent.base}/**")
    dashboard.wait_for_selector("#nav")
    # Logged in: the page's own API calls work with the session cookie it just got.
    status = dashboard.evaluate("fetch('/api/stats/today').then(r => r.status)")
    assert status == 200
    assert agent.token not in dashboard.url and "code=" not in dashboard.url
    dashboard.close()
    popup.close()


def test_the_waiting_count_opens_the_inbox(context: BrowserContext, agent):
    popup = context.new_page()
    popup.goto(f"{EXTENSION_URL}/popup/popup.html")
    popup.wait_for_selector("body[data-ready='true']")
    waiting = popup.locator("#waiting-count")
    assert waiting.is_enabled() and waiting.get_attribute("title") == "Open the inbox"
    with context.expect_page() as opened:
        waiting.click()
    dashboard = opened.value
    dashboard.wait_for_url(f"{agent.base}/#/inbox**")
    dashboard.wait_for_selector("#inbox-list")
    dashboard.close()
    popup.close()
