"""A social media manager lets Roos read a LinkedIn group the way a careful person would.

Real headless Chromium reads invented group pages (tests/fixtures/linkedin) served
in place of www.linkedin.com; nothing leaves this machine.
"""

import asyncio
import contextlib
import json
from datetime import timedelta

import pytest

from agent.sources import linkedin_groups
from agent.sources.linkedin_groups import LinkedInBlocked, NotNow
from tests.sources.listening import (
    EXPECTED,
    GROUP,
    GROUP_NEW,
    NOW,
    OFFICE_HOURS,
    LinkedInSite,
    Pauses,
    fixture,
    group_scraper,
    scrolling,
    with_load_more,
)

pytestmark = pytest.mark.timeout(120)


def posts(result) -> list[str]:
    return [item["id"] for item in result.items if item["kind"] == "post"]


@pytest.fixture
def site() -> LinkedInSite:
    site = LinkedInSite()
    site.serve(GROUP, fixture("group.html"))
    site.serve(GROUP_NEW, fixture("group-new.html"))
    return site


async def test_a_classic_group_is_read_by_the_same_extractor_as_the_extension(home, site):
    result = await group_scraper(home, site).scrape({"url": GROUP}, set(), NOW, OFFICE_HOURS)

    assert result.items == EXPECTED["group.html"]["items"]
    assert result.errors == [] and result.stats["pages"] == 1
    assert site.documents == [GROUP]


async def test_the_newer_markup_brings_posts_comments_and_replies(home, site):
    result = await group_scraper(home, site).scrape({"url": GROUP_NEW}, set(), NOW, OFFICE_HOURS)

    assert result.items == EXPECTED["group-new.html"]["items"]
    assert {item["kind"] for item in result.items} == {"post", "comment", "reply"}


def filling_on_scroll(html: str, fills: list[dict]) -> str:
    """LinkedIn's virtualised feed: each scroll fills the next empty placeholder box."""
    script = f"""<script>
(() => {{
  const fills = {json.dumps(fills)};
  const scrollTo = window.scrollTo.bind(window);
  window.scrollTo = (...args) => {{
    const next = fills.shift();
    if (next) document.querySelector(next.selector).outerHTML = next.html;
    scrollTo(...args);
  }};
}})();
</script>"""
    return html.replace("</body>", script + "</body>")


@pytest.mark.parametrize("name", ["feed-wrapped.html", "feed-wrapped-new.html"])
async def test_wrapped_cards_and_filled_placeholders_are_read_like_the_extension_reads_them(
    home, site, name
):
    page = EXPECTED[name]
    site.serve(GROUP, filling_on_scroll(fixture(name), page["fills"]))

    result = await group_scraper(home, site, scrolls=3).scrape(
        {"url": GROUP}, set(), NOW, OFFICE_HOURS
    )

    # the same items as the extension's answer key, placeholders included once they filled
    # (a group page adds the group to every item)
    wanted = page["items"] + page["fill_items"]
    assert sorted(i["id"] for i in result.items) == sorted(i["id"] for i in wanted)
    by_id = {i["id"]: i for i in result.items}
    for item in wanted:
        got = {k: v for k, v in by_id[item["id"]].items() if k != "group"}
        assert got == item
        assert by_id[item["id"]]["group"]["id"] == "9876543"
    wrapped = [i for i in result.items if i.get("context")]
    assert {i["context"]["kind"] for i in wrapped} == {"comment", "reaction", "repost", "follow"}


async def test_images_video_and_fonts_are_never_loaded(home, site):
    media = (
        '<img src="https://www.linkedin.com/media/team.jpg">'
        '<video src="https://media.licdn.com/clip.mp4" autoplay></video>'
        "<style>@font-face { font-family: X; src: url(https://www.linkedin.com/f.woff2); }"
        "body { font-family: X; }</style>"
    )
    site.serve(GROUP, fixture("group.html").replace("</body>", media + "</body>"))

    await group_scraper(home, site).scrape({"url": GROUP}, set(), NOW, OFFICE_HOURS)

    assert site.documents == [GROUP]
    assert [url for url, kind in site.seen if kind in ("image", "media", "font")] == []


async def test_scrolling_stops_at_the_first_post_roos_already_knows(home, site):
    site.serve(GROUP, scrolling(fixture("group.html"), first=3, batch=2))
    every_post = [i["id"] for i in EXPECTED["group.html"]["items"] if i["kind"] == "post"]
    known = {every_post[4]}

    result = await group_scraper(home, site, scrolls=5).scrape(
        {"url": GROUP}, known, NOW, OFFICE_HOURS
    )

    assert posts(result) == every_post[:4]
    assert result.stats["scrolls"] == 1


async def test_scrolling_is_bounded_even_when_the_group_goes_on(home, site):
    site.serve(GROUP, scrolling(fixture("group.html"), first=3, batch=2))

    result = await group_scraper(home, site, scrolls=2).scrape(
        {"url": GROUP}, set(), NOW, OFFICE_HOURS
    )

    assert result.stats["scrolls"] == 2
    assert len(posts(result)) == 3 + 2 * 2


@pytest.mark.parametrize(("loads", "limit", "clicked"), [(2, 10, 2), (None, 3, 3)])
async def test_load_more_comments_is_clicked_a_bounded_number_of_times(
    home, site, loads, limit, clicked
):
    site.serve(GROUP, with_load_more(fixture("group.html"), loads))

    result = await group_scraper(home, site, expands=limit).scrape(
        {"url": GROUP}, set(), NOW, OFFICE_HOURS
    )

    assert result.stats["expanded"] == clicked
    earlier = [i["text"] for i in result.items if i["text"].startswith("Eerdere reactie")]
    assert earlier == [f"Eerdere reactie {n} over VlotPay" for n in range(1, clicked + 1)]


async def test_pauses_between_steps_are_random_and_unhurried(home, site):
    pauses = Pauses()
    site.serve(GROUP, with_load_more(scrolling(fixture("group.html"), 3, 2), loads=2))

    await group_scraper(home, site, pauses, scrolls=2).scrape(
        {"url": GROUP}, set(), NOW, OFFICE_HOURS
    )

    assert len(pauses.taken) >= 5
    assert all(2.0 <= p <= 7.0 for p in pauses.taken)
    assert len(set(pauses.taken)) == len(pauses.taken)


@pytest.mark.parametrize("status", [999, 429])
async def test_linkedin_pushing_back_stops_group_reading_for_a_day(home, site, status):
    site.serve(GROUP, "<html><body>Request denied</body></html>", status=status)
    scraper = group_scraper(home, site)

    with pytest.raises(LinkedInBlocked) as blocked:
        await scraper.scrape({"url": GROUP}, set(), NOW, OFFICE_HOURS)
    assert blocked.value.reason == f"http_{status}"
    assert blocked.value.until == "2026-03-11T09:00:00Z"

    # Another group, an hour later, even after a restart: not a single page is opened.
    with pytest.raises(NotNow) as later:
        await group_scraper(home, site).scrape(
            {"url": GROUP_NEW}, set(), NOW + timedelta(hours=1), OFFICE_HOURS
        )
    assert later.value.code == "blocked"
    assert site.documents == [GROUP]


async def test_a_login_wall_is_recognised_and_never_retried(home, site):
    site.serve(GROUP, fixture("login-wall.html"))

    with pytest.raises(LinkedInBlocked) as blocked:
        await group_scraper(home, site).scrape({"url": GROUP}, set(), NOW, OFFICE_HOURS)

    assert blocked.value.reason == "login_wall"
    assert "roos login linkedin" in blocked.value.text["en"]
    assert "roos login linkedin" in blocked.value.text["nl"]
    assert site.documents == [GROUP]


@pytest.mark.parametrize(
    ("status", "url", "signs", "reason"),
    [
        (200, "https://www.linkedin.com/authwall?trk=groups", {}, "login_wall"),
        (200, "https://www.linkedin.com/login?session_redirect=x", {}, "login_wall"),
        (200, "https://www.linkedin.com/checkpoint/challenge/AgF", {}, "checkpoint"),
        (200, GROUP, {"captcha": True}, "checkpoint"),
        (200, GROUP, {"password": True}, "login_wall"),
        (999, GROUP, {}, "http_999"),
        (200, GROUP, {"password": False, "captcha": False}, None),
        (200, "https://www.linkedin.com/groups/1/?login=later", {}, None),
    ],
)
def test_what_counts_as_linkedin_pushing_back(status, url, signs, reason):
    assert linkedin_groups.block_reason(status, url, signs) == reason


async def test_the_daily_page_budget_is_shared_by_all_groups_and_survives_a_restart(home, site):
    await group_scraper(home, site, daily_pages=2).scrape({"url": GROUP}, set(), NOW, OFFICE_HOURS)
    await group_scraper(home, site, daily_pages=2).scrape(
        {"url": GROUP_NEW}, set(), NOW, OFFICE_HOURS
    )

    with pytest.raises(NotNow) as spent:
        await group_scraper(home, site, daily_pages=2).scrape(
            {"url": GROUP}, set(), NOW + timedelta(hours=2), OFFICE_HOURS
        )
    assert spent.value.code == "budget"
    assert site.documents == [GROUP, GROUP_NEW]

    tomorrow = await group_scraper(home, site, daily_pages=2).scrape(
        {"url": GROUP}, set(), NOW + timedelta(days=1), OFFICE_HOURS
    )
    assert tomorrow.stats["pages"] == 1


async def test_outside_business_hours_linkedin_is_left_alone(home, site):
    saturday = NOW + timedelta(days=4)

    with pytest.raises(NotNow) as closed:
        await group_scraper(home, site).scrape({"url": GROUP}, set(), saturday, OFFICE_HOURS)

    assert closed.value.code == "outside_hours"
    assert site.seen == []


async def test_two_scrapes_never_run_at_the_same_time(home, site, monkeypatch):
    open_now, most = [0], [0]
    real_open = linkedin_groups.open_context

    @contextlib.asynccontextmanager
    async def counting_open(*args, **kwargs):
        open_now[0] += 1
        most[0] = max(most[0], open_now[0])
        try:
            async with real_open(*args, **kwargs) as context:
                yield context
        finally:
            open_now[0] -= 1

    monkeypatch.setattr(linkedin_groups, "open_context", counting_open)
    scraper = group_scraper(home, site)

    first, second = await asyncio.gather(
        scraper.scrape({"url": GROUP}, set(), NOW, OFFICE_HOURS),
        scraper.scrape({"url": GROUP_NEW}, set(), NOW, OFFICE_HOURS),
    )

    assert most[0] == 1
    assert len(first.items) == 22 and len(second.items) == 12
