"""Every page of the dashboard in a real Chromium: it loads cleanly, speaks Dutch or English,
keeps hostile text inert, works by keyboard and reflows at 200% zoom."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import Watched, hours_ago, login_url, open_dashboard, seed

pytestmark = pytest.mark.browser

PAGES = ["inbox", "listening", "people", "valuable", "reach-out", "follow", "team", "sources"]
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "<script>alert('roos')</script>"


@pytest.fixture(scope="module", autouse=True)
def hostile_data(agent):
    """Third-party text at its worst, in every place a page shows it."""
    docs = [
        {
            "id": "urn:li:activity:7311111111111111111",
            "source": "linkedin",
            "kind": "post",
            "url": "javascript:alert(1)",
            "text": f"VlotPay is kapot {HOSTILE_IMG} {HOSTILE_SCRIPT}",
            "author": {"name": HOSTILE_IMG, "profile_url": "javascript:alert(2)"},
            "published_at": hours_ago(5),
            "seen_at": hours_ago(5),
        },
        {
            "id": "urn:li:activity:7311111111111111112",
            "source": "blog",
            "kind": "comment",
            "url": "https://blog.example/vlotpay#c2",
            "text": f"Hoe werkt Zonnewind? {HOSTILE_SCRIPT}",
            "author": {"name": HOSTILE_SCRIPT},
            "parent_id": "own:hostile",
            "published_at": hours_ago(2),
            "seen_at": hours_ago(2),
        },
    ]
    seed(agent, docs, {docs[0]["id"]: ("complaint", "negative")})
    assert (
        agent.call(
            "POST", "/api/own-posts", {"id": "own:hostile", "text": f"Ons nieuws {HOSTILE_IMG}"}
        )[0]
        == 200
    )
    ratio = {
        "account": "https://www.linkedin.com/in/kwaadwillend/",
        "name": HOSTILE_IMG,
        "followers": 10,
        "following": 20,
    }
    assert agent.call("POST", "/api/follow-ratio", ratio)[0] == 200
    miss = {"url": f"https://www.linkedin.com/feed/?{HOSTILE_IMG}", "hints": {"x": HOSTILE_SCRIPT}}
    assert agent.call("POST", "/api/extractor-miss", miss)[0] == 200


def assert_inert(watched: Watched) -> None:
    page = watched.page
    assert watched.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    scripts = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
    assert scripts == ["/dashboard/vendor/chart.umd.js", "/dashboard/js/app.js"]
    links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert all(h.startswith(("https://", watched.page.url.split("#")[0])) for h in links), links


def test_every_page_loads_without_errors_and_keeps_hostile_text_inert(context, agent):
    watched = open_dashboard(context, agent)
    page = watched.page
    for name in PAGES:
        page.goto(f"{agent.base}/#/{name}")
        expect(page.locator("#page-title")).to_have_text(
            page.locator(f'#nav a[data-page="{name}"]').inner_text()
        )
        expect(page.locator(f'#nav a[data-page="{name}"]')).to_have_attribute(
            "aria-current", "page"
        )
        page.wait_for_load_state("networkidle")
        assert_inert(watched)
        assert watched.problems == [], (name, watched.problems)
    expect(page.locator("#live")).to_have_attribute("data-state", "on")


@pytest.mark.parametrize("name", ["inbox", "listening", "people"])
def test_hostile_text_shows_as_plain_text(context, agent, name):
    watched = open_dashboard(context, agent, name)
    page = watched.page
    if name == "listening":
        page.get_by_label("Search texts and authors").fill("kapot")
        page.get_by_role("button", name="Search").click()
    expect(page.get_by_text(HOSTILE_IMG, exact=True).first).to_be_visible()
    assert_inert(watched)
    assert watched.problems == []


def test_each_page_of_the_dashboard_is_its_own_address(context, agent):
    watched = open_dashboard(context, agent, "team")
    page = watched.page
    page.reload()
    expect(page.locator("#page-title")).to_have_text("Team")
    page.get_by_role("link", name="People").click()
    expect(page).to_have_url(f"{agent.base}/#/people")
    page.go_back()
    expect(page.locator("#page-title")).to_have_text("Team")


def test_login_takes_the_code_out_of_the_address_and_history(context, agent):
    watched = Watched(context.new_page())
    page = watched.page
    url = login_url(agent)
    code = url.split("#code=")[1]
    page.goto(url)
    page.wait_for_url(f"{agent.base}/#/inbox")
    assert code not in page.url
    cookies = context.cookies(agent.base)
    assert [(c["httpOnly"], c["sameSite"]) for c in cookies] == [(True, "Strict")]
    assert page.evaluate("document.cookie") == ""  # HttpOnly: no script can read it
    assert page.evaluate("history.length") == 2  # the blank tab, then the dashboard
    page.go_back()
    assert code not in page.url


def test_a_used_code_does_not_log_anyone_else_in(browser, agent):
    url = login_url(agent)
    first = browser.new_context(locale="en-GB")
    first.new_page().goto(url)
    first.pages[0].wait_for_url(f"{agent.base}/#/inbox")
    second = browser.new_context(locale="en-GB")
    page = second.new_page()
    page.goto(url)
    expect(page.locator("#message")).to_contain_text("used or expired")
    page.goto(f"{agent.base}/#/inbox")
    expect(page.locator("#page-title")).to_have_text("Not logged in")
    assert second.cookies(agent.base) == []
    first.close()
    second.close()


def test_logging_out_closes_the_dashboard(context, agent):
    page = open_dashboard(context, agent).page
    page.get_by_role("button", name="Log out").click()
    expect(page.locator("#page-title")).to_have_text("Not logged in")
    page.reload()
    expect(page.locator("#page-title")).to_have_text("Not logged in")


def test_dutch_follows_the_browser_and_the_switch_is_remembered(browser, agent):
    dutch = browser.new_context(locale="nl-NL")
    page = open_dashboard(dutch, agent).page
    expect(page.locator("#page-title")).to_have_text("Inbox")
    expect(page.get_by_role("link", name="Luisteren")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_label("Taal").select_option("en")
    expect(page.get_by_role("link", name="Listening")).to_be_visible()
    expect(page.locator("#inbox-count")).to_contain_text("waiting for an answer")
    page.reload()
    expect(page.get_by_role("link", name="Listening")).to_be_visible()
    assert page.evaluate("localStorage.getItem('roos.lang')") == "en"
    dutch.close()


def test_every_control_has_a_name_and_the_keyboard_reaches_the_pages(context, agent):
    watched = open_dashboard(context, agent)
    page = watched.page
    for name in PAGES:
        page.goto(f"{agent.base}/#/{name}")
        page.wait_for_load_state("networkidle")
        unnamed = page.evaluate(
            """() => [...document.querySelectorAll('input, select, textarea, button')]
                .filter(el => !el.closest('[hidden]'))
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                              && !el.textContent.trim())
                .map(el => el.outerHTML.slice(0, 80))"""
        )
        assert unnamed == [], (name, unnamed)
    page.goto(f"{agent.base}/#/inbox")
    page.reload()
    page.wait_for_selector("#inbox-list")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.page") == "team":
            break
    # Where the keyboard is must be visible.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{agent.base}/#/team")
    expect(page.locator("#page-title")).to_be_focused()


def test_pages_reflow_at_200_percent_zoom(browser, agent):
    """A 1280-pixel window at 200% zoom is a 640-pixel wide page: nothing may need sideways scrolling."""
    small = browser.new_context(locale="en-GB", viewport={"width": 640, "height": 800})
    page = open_dashboard(small, agent).page
    for name in PAGES:
        page.goto(f"{agent.base}/#/{name}")
        page.wait_for_load_state("networkidle")
        wide = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert wide <= 0, (name, wide)
    small.close()


def test_a_person_is_exported_and_forgotten_from_the_people_page(context, agent):
    tessa = {"name": "Tessa Terpstra", "profile_url": "https://www.linkedin.com/in/tessa-terpstra/"}
    comment = {
        "id": "urn:li:activity:7322222222222222222",
        "source": "linkedin",
        "kind": "comment",
        "url": "https://www.linkedin.com/feed/update/urn:li:activity:7322222222222222222/",
        "text": "Zonnewind sparen bevalt me prima",
        "author": tessa,
        "published_at": hours_ago(3),
        "seen_at": hours_ago(3),
    }
    seed(agent, [comment], {})
    page = open_dashboard(context, agent, "people").page
    row = page.locator('tr[data-person="linkedin.com/in/tessa-terpstra"]')
    row.get_by_role("button", name="Details").click()
    expect(page.get_by_text("Zonnewind sparen bevalt me prima")).to_be_visible()
    with page.expect_download() as download:
        row.get_by_role("button", name="Export data").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["person"]["name"] == "Tessa Terpstra"
    assert exported["source_urls"] == sorted([tessa["profile_url"], comment["url"]])

    row.get_by_role("button", name="Forget").click()
    confirm = page.get_by_role("alertdialog")
    expect(confirm).to_contain_text("Forget Tessa Terpstra?")
    confirm.get_by_role("button", name="Forget for good").click()
    expect(page.locator("#status")).to_have_text("Tessa Terpstra was forgotten.")
    expect(row).to_have_count(0)
    assert agent.call("GET", "/api/people/linkedin.com/in/tessa-terpstra")[0] == 404
