"""The "Reach out" page in a real Chromium: after a month of listening, the social media manager
sees who to follow, which blogs to add, what to share, where to help and which discussion to
start, copies a suggested text with one click and adds a blog as a source. Roos suggests; the
user acts.

The tests share one agent; the two that change what the page shows (adding sources, our own
follow ratio) check the starting state themselves and come last.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.fixtures.outreach_month import GROUP, TOPICS, month

from .conftest import Watched, open_dashboard
from .test_pages import HOSTILE_IMG, HOSTILE_SCRIPT, assert_inert

pytestmark = pytest.mark.browser

HOSTILE_TEXT = (
    "Zonnepanelen op je bedrijfspand: een rustig stappenplan voor ondernemers, van zonnedak tot "
    f"salderen. {HOSTILE_IMG} {HOSTILE_SCRIPT} https://kwaad.example/{HOSTILE_SCRIPT}"
)


def hostile_posts() -> list[dict]:
    """Two relevant, friendly-sounding posts whose author, text and links are all hostile."""
    now = datetime.now(UTC)
    return [
        {
            "id": f"urn:li:activity:748888888888888888{days}",
            "source": "linkedin",
            "kind": "post",
            "url": "javascript:alert(1)",
            "text": f"Deel {days}. {HOSTILE_TEXT}",
            "author": {"name": HOSTILE_IMG, "profile_url": "javascript:alert(2)"},
            "published_at": (now - timedelta(days=days)).isoformat(),
            "seen_at": (now - timedelta(days=days)).isoformat(),
            "group": GROUP,
        }
        for days in (10, 13)
    ]


@pytest.fixture(scope="module", autouse=True)
def listened(agent):
    """A month of listening to sustainable-banking groups, with a competitor to keep out."""
    changes = {"topics": TOPICS, "competitors": ["Spaarbank Noord"]}
    assert agent.call("PUT", "/api/profile", changes)[0] == 200
    status, answer = agent.call("POST", "/api/analyze", {"items": month() + hostile_posts()})
    assert status == 200, answer


def reach_out(context: BrowserContext, agent) -> Watched:
    watched = open_dashboard(context, agent, "reach-out")
    watched.page.wait_for_selector("#reach-rhythm")
    return watched


def entries(page: Page, section: str):
    return page.locator(f"#reach-{section} > ul.list > li")


def test_the_page_shows_who_to_follow_what_to_share_and_where_to_help(context, agent):
    watched = reach_out(context, agent)
    page = watched.page
    expect(page.locator("#page-title")).to_have_text("Reach out")
    expect(page.locator('#nav a[data-page="reach-out"]')).to_have_attribute("aria-current", "page")

    follow = page.locator("#reach-follow")
    ilse = follow.get_by_role("link", name="Ilse Groen", exact=True)
    expect(ilse).to_have_attribute("href", "https://www.linkedin.com/in/ilse-groen/")
    expect(follow.get_by_role("link", name="Milan Bos", exact=True)).to_be_visible()
    expect(follow).not_to_contain_text("Ruud Zuur")
    expect(page.locator("#ratio-unknown")).to_contain_text("ratio check first")
    expect(follow.get_by_role("button")).to_have_count(0)  # following is the user's own act
    expect(entries(page, "follow").first).to_contain_text("groene lening")

    blogs = entries(page, "blogs")
    expect(blogs.first.locator("h3")).to_have_text("groenegeldzaken.example")
    expect(blogs.first).to_contain_text("Relevant posts linking here: 2")
    expect(
        blogs.first.get_by_role("link", name="https://groenegeldzaken.example/overzicht")
    ).to_be_visible()

    share = entries(page, "share")
    expect(share.first).to_contain_text("Eva Dijkstra")
    expect(share.first).to_contain_text("Topics: zonnepanelen")
    expect(share.first).to_contain_text("Waardevol stuk van Eva over zonnepanelen.")
    expect(page.locator("#reach-share")).not_to_contain_text("Spaarbank Noord")

    question = entries(page, "comment").first
    expect(question).to_contain_text("Does anyone know if I can use VlotPay abroad?")
    expect(question).to_contain_text("Answered in the knowledge base by: Can I use VlotPay abroad?")
    expect(question).to_contain_text("Good question, Tom!")

    discussion = entries(page, "discussions").first
    expect(discussion.locator("h3")).to_have_text("4 similar posts in Duurzaam Ondernemen NL")
    expect(discussion).to_contain_text("Hoe pakken jullie dit aan?")
    expect(discussion.locator("li")).to_have_count(1 + 4)  # the opener and the four questions

    expect(page.locator("#rhythm-today")).to_have_text("Posts today: 0 of 2")
    page.wait_for_load_state("networkidle")
    assert "reachOut." not in page.locator("main").inner_text()
    assert watched.problems == []


def test_hostile_text_from_a_post_stays_plain_text(context, agent):
    watched = reach_out(context, agent)
    page = watched.page
    expect(page.locator("#reach-follow").get_by_text(HOSTILE_IMG, exact=True)).to_be_visible()
    expect(page.locator("#reach-share").get_by_text(HOSTILE_SCRIPT).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert_inert(watched)
    assert watched.problems == []


def test_a_suggested_comment_is_copied_with_one_click(context, agent):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    watched = reach_out(context, agent)
    page = watched.page
    status, answer = agent.call("GET", "/api/reach-out/comment?lang=en")
    assert status == 200, answer
    expected = answer["comment"][0]["comment"]
    copy = entries(page, "comment").first.locator(".suggestions button")
    expect(copy).to_have_text("Copy")
    copy.click()
    expect(copy).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert watched.problems == []


def test_the_page_speaks_dutch(browser, agent):
    dutch = browser.new_context(locale="nl-NL")
    watched = reach_out(dutch, agent)
    page = watched.page
    expect(page.locator("#page-title")).to_have_text("Contact leggen")
    expect(page.get_by_role("link", name="Contact leggen")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.locator("#reach-follow h2")).to_have_text("Mensen en bedrijven om te volgen")
    expect(page.locator("#ratio-unknown")).to_contain_text("volgverhouding")
    expect(entries(page, "blogs").first.get_by_role("button")).to_have_text("Toevoegen als bron")
    expect(entries(page, "discussions").first.locator("h3")).to_have_text(
        "4 vergelijkbare berichten in Duurzaam Ondernemen NL"
    )
    expect(page.locator("#rhythm-today")).to_have_text("Berichten vandaag: 0 van 2")
    assert "reachOut." not in page.locator("main").inner_text()
    assert watched.problems == []
    dutch.close()


def test_the_keyboard_reaches_the_page_and_its_buttons_and_it_reflows_at_200_percent(
    browser, agent
):
    small = browser.new_context(locale="en-GB", viewport={"width": 640, "height": 800})
    small.grant_permissions(["clipboard-read", "clipboard-write"])
    watched = open_dashboard(small, agent)
    page = watched.page
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.page") == "reach-out":
            break
    page.keyboard.press("Enter")
    expect(page.locator("#page-title")).to_be_focused()
    expect(page.locator("#reach-rhythm")).to_be_visible()
    page.wait_for_load_state("networkidle")
    wide = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wide <= 0, wide
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('main button')]
            .filter(el => !el.getAttribute('aria-label') && !el.textContent.trim()).length"""
    )
    assert unnamed == 0
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Copy":
            break
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    expect(page.locator("main button", has_text="Copied")).to_have_count(1)
    assert watched.problems == []
    small.close()


def zone_where_it_is(hour: int) -> str:
    """A fixed-offset time zone in which it is now about `hour` o'clock."""
    offset = (hour - datetime.now(UTC).hour + 12) % 24 - 12
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"  # Etc/GMT-5 is UTC+5


def test_the_rhythm_reminder_shows_in_the_afternoon_with_two_posts_to_share(context, agent):
    hours = agent.call("GET", "/api/profile")[1]["profile"]["business_hours"]
    try:
        assert (
            agent.call(
                "PUT",
                "/api/profile",
                {"business_hours": {**hours, "timezone": zone_where_it_is(18)}},
            )[0]
            == 200
        )
        page = reach_out(context, agent).page
        expect(page.locator("#rhythm-due")).to_have_text(
            "You have posted 0 of today's 2 posts. Two things worth sharing:"
        )
        expect(entries(page, "rhythm")).to_have_count(2)
        expect(entries(page, "rhythm").first).to_contain_text("Eva Dijkstra")

        assert (
            agent.call(
                "PUT",
                "/api/profile",
                {"business_hours": {**hours, "timezone": zone_where_it_is(7)}},
            )[0]
            == 200
        )
        page.reload()
        expect(page.locator("#rhythm-today")).to_have_text("Posts today: 0 of 2")
        expect(page.locator("#reach-rhythm")).to_contain_text("Nothing to remind you of right now.")
        expect(page.locator("#rhythm-due")).to_have_count(0)
    finally:
        agent.call("PUT", "/api/profile", {"business_hours": hours})


def test_add_as_source_follows_the_blog_and_says_so(context, agent):
    watched = reach_out(context, agent)
    page = watched.page
    first = entries(page, "blogs").first
    expect(first.locator("h3")).to_have_text("groenegeldzaken.example")
    first.get_by_role("button", name="Add as source").click()
    added = first.get_by_role("button", name="Added")
    expect(added).to_be_disabled()
    expect(first).to_contain_text("Roos now listens to groenegeldzaken.example")
    expect(page.locator("#status")).to_contain_text("Roos now listens to groenegeldzaken.example")
    sources = agent.call("GET", "/api/sources")[1]["sources"]
    assert {(s["url"], s["kind"]) for s in sources} >= {
        ("https://groenegeldzaken.example/", "blog")
    }
    assert watched.problems == []

    page.reload()
    page.wait_for_selector("#reach-rhythm")
    expect(page.locator("#reach-blogs")).not_to_contain_text("groenegeldzaken.example")


def test_a_source_that_cannot_be_added_says_why_and_can_be_tried_again(context, agent):
    watched = reach_out(context, agent)
    page = watched.page
    blog = entries(page, "blogs").filter(has_text="zonnedak.example")
    # Meanwhile someone else added it.
    assert (
        agent.call("POST", "/api/sources", {"url": "https://zonnedak.example/", "kind": "blog"})[0]
        == 200
    )
    blog.get_by_role("button", name="Add as source").click()
    expect(blog.locator("p.error")).to_contain_text(
        "zonnedak.example could not be added: Roos already follows"
    )
    expect(blog.get_by_role("button", name="Add as source")).to_be_enabled()
    assert watched.problems and all("400" in p for p in watched.problems), watched.problems


def test_follow_suggestions_keep_to_our_own_follow_ratio(context, agent):
    own = {"account": "https://www.linkedin.com/in/ik/", "own": True}
    assert (
        agent.call("POST", "/api/follow-ratio", {**own, "followers": "501", "following": "500"})[0]
        == 200
    )
    watched = reach_out(context, agent)
    page = watched.page
    expect(page.locator("#reach-follow")).to_contain_text(
        "Accounts you can still follow within the rule: 1"
    )
    expect(entries(page, "follow")).to_have_count(1)
    expect(entries(page, "follow").first).to_contain_text("Ilse Groen")
    expect(entries(page, "follow").first).to_contain_text(
        "Follow ratio after following this one (and the ones above): 1 (followers ÷ following"
    )

    assert (
        agent.call("POST", "/api/follow-ratio", {**own, "followers": "500", "following": "510"})[0]
        == 200
    )
    page.reload()
    expect(page.locator("#ratio-full")).to_contain_text("Follow no one new")
    expect(entries(page, "follow")).to_have_count(0)
    expect(page.locator("#reach-follow .empty")).to_have_count(0)
    assert watched.problems == []
