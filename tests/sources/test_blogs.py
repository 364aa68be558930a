"""A social media manager follows blogs; Roos brings in their new posts and comments."""

import json
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import jsonschema
import pytest

from agent.sources.blog_comments import render_with_browser
from agent.sources.blogs import scrape_blog
from tests.sources.blog_sites import (
    BlogSite,
    Conditional,
    FakeClock,
    polite_client,
    status_handler,
    text_handler,
    throttled,
)

NOW = datetime(2024, 3, 14, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    return FakeClock()


async def start(aiohttp_server, name: str, **routes: str) -> BlogSite:
    site = BlogSite(name, routes or None)
    await site.start(aiohttp_server)
    return site


async def test_a_dutch_blog_home_page_brings_posts_and_all_their_comments(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)

    posts = [item for item in result.items if item["kind"] == "post"]
    comments = [item for item in result.items if item["kind"] != "post"]
    assert len(posts) == 3 and len(comments) == 3 + 7
    assert result.errors == [] and result.stats == {
        "requests": 4,
        "not_modified": 0,
        "new": 13,
        "errors": 0,
        "pingbacks": 0,
    }
    # The first post's comment feed holds all 3 comments its count promises; the second
    # post's number (its feed guid ?p=15) sends Roos to the REST API without the page;
    # nothing for the post with none.
    assert site.paths == [
        "/robots.txt",
        "/",
        "/feed/",
        "/vlotpay-zonder-gedoe/feed/",
        "/wp-json/wp/v2/comments?post=15&per_page=100",
    ]
    assert all(post["lang"] == "nl" for post in posts)
    assert (
        sum("VlotPay" in item["text"] or "Vlotbank" in item["text"] for item in result.items) == 6
    )
    deepest = max(comments, key=lambda c: c["depth"])
    assert deepest["depth"] == 4 and deepest["parent_id"] == site.url(
        "/overstappen-vlotbank/#comment-203"
    )


async def test_a_second_refresh_brings_nothing_twice_and_skips_settled_comments(
    aiohttp_server, clock
):
    site = await start(aiohttp_server, "koffiehoek")
    async with polite_client(clock) as client:
        first = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
        site.log.clear()
        known = {item["id"] for item in first.items}
        second = await scrape_blog({"url": site.url("/")}, client, known, NOW)
    assert second.items == [] and second.stats["new"] == 0
    assert site.paths == ["/", "/feed/"]  # every post's comment count is already covered


async def test_an_unchanged_feed_costs_one_small_request(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    site.serve("/feed/", Conditional(site, "/feed/"))
    source = {"kind": "feed", "url": site.url("/feed/"), "feed_url": site.url("/feed/")}
    async with polite_client(clock) as client:
        first = await scrape_blog(source, client, set(), NOW)
        site.log.clear()
        second = await scrape_blog(source, client, set(), NOW)
    assert first.stats["new"] == 13
    assert second.items == []
    assert second.stats == {
        "requests": 1,
        "not_modified": 1,
        "new": 0,
        "errors": 0,
        "pingbacks": 0,
    }
    assert site.paths == ["/feed/"] and site.log[0].headers["If-None-Match"] == '"v1"'


async def test_the_same_post_listed_twice_comes_in_once(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    feed = site.body("/feed/").decode()
    first_item = feed[feed.index("<item>") : feed.index("</item>") + len("</item>")]
    site.serve(
        "/feed/", text_handler(feed.replace(first_item, first_item * 2), "application/rss+xml")
    )
    async with polite_client(clock) as client:
        result = await scrape_blog({"kind": "feed", "url": site.url("/feed/")}, client, set(), NOW)
    ids = [item["id"] for item in result.items]
    assert len(ids) == len(set(ids)) == 13


async def test_comments_come_from_the_html_when_robots_txt_keeps_roos_from_the_api(
    aiohttp_server, clock
):
    site = await start(aiohttp_server, "northwind")
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
    assert [item["kind"] for item in result.items].count("post") == 2
    assert len(result.items) == 2 + 6 and result.errors == []
    assert max(item.get("depth", 0) for item in result.items) == 4
    assert not any(path.startswith("/wp-json/") or "replytocom" in path for path in site.paths)
    assert "/winter-pruning/" not in site.paths  # its feed entry says 0 comments


async def test_a_post_page_as_source(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    source = {
        "url": site.url("/vlotpay-zonder-gedoe/"),
        "page": "post",
        "feed_url": site.url("/feed/"),
    }
    async with polite_client(clock) as client:
        result = await scrape_blog(source, client, set(), NOW)
    post, *comments = result.items
    assert post["id"] == site.url("/vlotpay-zonder-gedoe/") and post["kind"] == "post"
    assert post["text"].startswith("Zo betaal je zonder gedoe met VlotPay\n\nSinds kort")
    assert post["author"] == {"name": "Marieke de Wit"}
    assert post["published_at"] == "2024-03-12T09:30:00Z" and post["lang"] == "nl"
    assert post["group"] == {"id": site.url("/feed/"), "name": "De Koffiehoek"}
    # With the page in hand its flat comment feed adds nothing: the REST API is asked (the
    # post number is in the shortlink) and, not there, the page's own thread is read.
    assert [c["parent_id"].removeprefix(post["id"]) for c in comments] == ["", "#comment-101", ""]
    assert site.paths == [
        "/robots.txt",
        "/vlotpay-zonder-gedoe/",
        "/wp-json/wp/v2/comments?post=12&per_page=100",
    ]


async def test_a_post_page_without_a_comment_feed_uses_the_rest_api(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/overstappen-vlotbank/")}, client, set(), NOW)
    assert len(result.items) == 1 + 7
    assert site.paths[-1] == "/wp-json/wp/v2/comments?post=15&per_page=100"


async def test_a_site_that_forbids_roos_is_never_read(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    site.serve(
        "/robots.txt", text_handler("User-agent: *\nAllow: /\n\nUser-agent: Roos\nDisallow: /\n")
    )
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
    assert result.items == [] and result.stats["errors"] == 1
    assert result.problems[0]["key"] == "sources.error.robots_forbids"
    assert "de site verbiedt Roos" in result.problems[0]["nl"]
    assert site.paths == ["/robots.txt"]


async def test_a_site_whose_robots_txt_fails_is_not_read(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    site.serve("/robots.txt", status_handler(500))
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
    assert result.items == [] and "robots.txt could not be read" in result.errors[0]
    assert result.problems[0]["key"] == "sources.error.robots_unreadable"
    assert site.paths == ["/robots.txt"]


async def test_a_site_without_robots_txt_is_read(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    site.serve("/robots.txt", status_handler(404))
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
    assert result.stats["new"] == 13


async def test_a_busy_blog_is_waited_for(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    site.serve("/feed/", throttled(site, "/feed/", 429, times=1, retry_after="30"))
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
    assert result.stats["new"] == 13 and 30 in clock.sleeps


async def test_a_failing_blog_is_reported_and_then_left_alone(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    site.serve("/feed/", status_handler(503))
    source = {"kind": "feed", "url": site.url("/feed/")}
    async with polite_client(clock) as client:
        first = await scrape_blog(source, client, set(), NOW)
        asked = len(site.log)
        second = await scrape_blog(source, client, set(), NOW)
    assert [r.problems[0]["key"] for r in (first, second)] == ["sources.error.resting"] * 2
    assert "left alone until" in first.errors[0] and "met rust gelaten" in second.problems[0]["nl"]
    assert len(site.log) == asked


async def test_a_page_without_feed_post_or_comments_is_not_a_blog(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    site.serve("/", text_handler("<html><body class='home'>Hallo</body></html>", "text/html"))
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
    assert result.items == [] and result.problems[0]["key"] == "sources.error.not_blog"
    assert "is not a blog" in result.errors[0] and "is geen blog" in result.problems[0]["nl"]


@pytest.mark.browser
async def test_comments_a_script_fills_in_are_read_through_the_browser(aiohttp_server, clock):
    site = await start(aiohttp_server, "scripted")
    render = partial(render_with_browser, loopback_only=True)
    async with polite_client(clock) as client:
        result = await scrape_blog(
            {"url": site.url("/vogels-tellen/")}, client, set(), NOW, render=render
        )
    post, *comments = result.items
    assert post["group"]["name"] == "Tuinvogelblog"
    assert [(c["author"]["name"], c["depth"]) for c in comments] == [
        ("Wim Zwaluw", 1),
        ("Lotte Merel", 2),
        ("Gerrit Specht", 1),
    ]
    assert result.stats["requests"] == 2  # the page, then the page again in Chromium


async def test_every_item_fits_the_shared_item_schema(aiohttp_server, clock):
    schema = json.loads((Path(__file__).parents[2] / "shared/schema/item.json").read_text())
    items = []
    async with polite_client(clock) as client:
        for name, start_path in (
            ("koffiehoek", "/"),
            ("northwind", "/"),
            ("koffiehoek", "/vlotpay-zonder-gedoe/"),
        ):
            site = await start(aiohttp_server, name)
            items += (await scrape_blog({"url": site.url(start_path)}, client, set(), NOW)).items
    assert len(items) == 13 + 8 + 4
    for item in items:
        jsonschema.validate(item, schema)
        assert item["kind"] == "post" or item["depth"] >= 1


async def test_a_post_with_an_absurdly_long_address_gets_a_short_stable_id(aiohttp_server, clock):
    site = await start(aiohttp_server, "koffiehoek")
    long_link = site.url("/vlotpay-zonder-gedoe/?x=" + "x" * 600)
    feed = (
        site.body("/feed/")
        .decode()
        .replace("<link>" + site.url("/vlotpay-zonder-gedoe/") + "<", "<link>" + long_link + "<")
    )
    site.serve("/feed/", text_handler(feed, "application/rss+xml"))
    source = {"kind": "feed", "url": site.url("/feed/")}
    async with polite_client(clock) as client:
        first = await scrape_blog(source, client, set(), NOW)
        again = await scrape_blog(source, client, set(), NOW)
    assert first.items[0]["id"].startswith("sha256:") and len(first.items[0]["id"]) < 100
    assert first.items[0]["id"] == again.items[0]["id"]
