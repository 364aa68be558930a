"""Whole threads, one item per thing: what a manager following a busy blog expects.

The Ledger Lines (tests/fixtures/blogs/ledger) is an invented WordPress blog that
keeps Roos out of its REST API: a post with 80 comments next to a comment feed
capped at the newest 10, a thread paginated over three comment pages, its feed
served as application/x-rss+xml and once more as text/html.
"""

import json
from datetime import UTC, datetime

import aiohttp
import pytest
from aiohttp import web
from aiohttp.client_reqrep import ConnectionKey

from agent.sources.blogs import scrape_blog
from agent.sources.discover import UnsupportedUrl, classify_url
from agent.sources.known import KnownIds
from agent.sources.polite import failure_code
from tests.sources.blog_sites import (
    BlogSite,
    Conditional,
    FakeClock,
    polite_client,
    status_handler,
)

NOW = datetime(2024, 3, 14, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
async def ledger(aiohttp_server):
    site = BlogSite("ledger")
    await site.start(aiohttp_server)
    return site


def of_post(items: list[dict], site: BlogSite, path: str) -> list[dict]:
    return [i for i in items if i["kind"] != "post" and i["id"].startswith(site.url(path) + "#")]


async def test_a_comment_feed_capped_at_ten_never_hides_the_eighty_in_the_page(ledger, clock):
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": ledger.url("/")}, client, set(), NOW)
    eighty = of_post(result.items, ledger, "/eighty-questions/")
    assert len(eighty) == 80 and result.errors == []
    assert {c["depth"] for c in eighty} == {1, 2, 3}
    assert sum(c["kind"] == "reply" for c in eighty) == 47
    # The feed was read, then the page, because 10 is less than the 80 the feed counts.
    assert ledger.paths.index("/eighty-questions/feed/") < ledger.paths.index("/eighty-questions/")
    replies_to = {c["parent_id"] for c in eighty if c["kind"] == "reply"}
    assert replies_to <= {c["id"] for c in eighty}


async def test_a_thread_over_three_comment_pages_comes_in_whole(ledger, clock):
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": ledger.url("/")}, client, set(), NOW)
    thread = of_post(result.items, ledger, "/year-end-close/")
    numbers = sorted(int(c["id"].rpartition("-")[2]) for c in thread)
    assert numbers == [2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2101, 2103, 2106]
    assert {"/year-end-close/comment-page-1/", "/year-end-close/comment-page-2/"} <= set(
        ledger.paths
    )
    answer = next(c for c in thread if c["id"].endswith("-2101"))
    assert (
        answer["parent_id"].endswith("#comment-2001") and answer["author"]["name"] == "Ledger Lines"
    )
    assert answer["published_at"] == "2024-01-02T13:00:00Z"  # "02/01/2024 at 13:00", en-GB


async def test_a_refresh_reads_only_the_cheap_comment_feed_when_it_covers_the_count(ledger, clock):
    async with polite_client(clock) as client:
        first = await scrape_blog({"url": ledger.url("/")}, client, set(), NOW)
    newest = sorted(
        of_post(first.items, ledger, "/eighty-questions/"), key=lambda c: c["published_at"]
    )
    known = {i["id"] for i in first.items} - {c["id"] for c in newest[-3:]}
    ledger.log.clear()
    async with polite_client(clock) as client:
        again = await scrape_blog({"url": ledger.url("/")}, client, known, NOW)
    assert sorted(c["id"] for c in again.items) == sorted(c["id"] for c in newest[-3:])
    assert "/eighty-questions/" not in ledger.paths  # 77 known + 3 in the feed = the 80 counted
    assert "/year-end-close/" not in ledger.paths  # its 12 are all known


@pytest.mark.parametrize("path", ["/feed/", "/feed-as-page/"])
async def test_a_feed_is_a_feed_whatever_its_content_type(ledger, clock, path):
    async with polite_client(clock) as client:
        found = await classify_url(ledger.url(path), client)
        result = await scrape_blog({"kind": "feed", "url": ledger.url(path)}, client, set(), NOW)
    assert found["kind"] == "feed" and found["title"] == "The Ledger Lines"
    assert len([i for i in result.items if i["kind"] == "post"]) == 2


async def test_feed_and_page_give_one_post_under_its_canonical_address(ledger, clock):
    async with polite_client(clock) as client:
        from_feed = await scrape_blog(
            {"kind": "feed", "url": ledger.url("/feed/")}, client, set(), NOW
        )
    post = next(i for i in from_feed.items if i["kind"] == "post")
    # The feed's link carries utm_ parameters and its guid is /?p=501: neither is the id.
    assert post["id"] == ledger.url("/eighty-questions/") == post["url"]
    known = {i["id"] for i in from_feed.items}
    async with polite_client(clock) as client:
        from_page = await scrape_blog(
            {"url": ledger.url("/eighty-questions/"), "page": "post"}, client, known, NOW
        )
    assert from_page.items == []


async def test_items_an_older_roos_stored_under_the_feed_guid_are_not_new_again(ledger, clock):
    legacy = {ledger.url("/?p=501")} | {
        ledger.url(f"/?p=501#comment-{n}") for n in range(1001, 1081)
    }
    legacy |= {ledger.url("/?p=502")} | {
        ledger.url(f"/?p=502#comment-{n}") for n in range(2001, 2010)
    }
    legacy |= {ledger.url(f"/?p=502#comment-{n}") for n in (2101, 2103, 2106)}
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": ledger.url("/")}, client, legacy, NOW)
    assert result.items == []
    assert ledger.paths == ["/robots.txt", "/", "/feed/"]  # counts covered: no thread re-read


async def test_rest_first_with_every_page_and_without_reading_the_post_page(aiohttp_server, clock):
    site = BlogSite("koffiehoek")
    first = json.loads(site.body("/wp-json/wp/v2/comments?post=15&per_page=100"))
    second = [
        {**row, "id": row["id"] + 1000, "parent": row["parent"] and row["parent"] + 1000}
        for row in first
    ]

    def rest(rows: list, pages: int):
        async def handler(request: web.Request) -> web.Response:
            return web.json_response(rows, headers={"X-WP-TotalPages": str(pages)})

        return handler

    site.serve("/wp-json/wp/v2/comments?post=15&per_page=100", rest(first, 2))
    site.serve("/wp-json/wp/v2/comments?post=15&per_page=100&page=2", rest(second, 2))
    await site.start(aiohttp_server)
    async with polite_client(clock) as client:
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
    thread = of_post(result.items, site, "/overstappen-vlotbank/")
    assert len(thread) == 2 * len(first)
    deep = next(c for c in thread if c["id"].endswith("#comment-1203"))
    assert deep["parent_id"].endswith("#comment-1202") and deep["depth"] == 3
    assert "/overstappen-vlotbank/" not in site.paths


async def test_a_page_without_any_feed_is_a_source_watched_with_conditional_requests(
    aiohttp_server, clock
):
    site = BlogSite(None, {"/news/why-we-open-late": "engines/drupal9-en.html"})
    page = Conditional(site, "/news/why-we-open-late")
    site.serve("/news/why-we-open-late", page)
    await site.start(aiohttp_server)
    async with polite_client(clock) as client:
        source = await classify_url(site.url("/news/why-we-open-late"), client)
        assert source["kind"] == "blog" and source["page"] == "post" and "feed_url" not in source
        first = await scrape_blog(source, client, set(), NOW)
        again = await scrape_blog(source, client, {i["id"] for i in first.items}, NOW)
    assert len([i for i in first.items if i["kind"] != "post"]) == 3
    assert again.items == [] and again.stats["not_modified"] == 1


async def test_a_login_wall_is_named_in_dutch_and_english(aiohttp_server, clock):
    site = BlogSite("koffiehoek")
    site.serve("/", status_handler(302, Location="/wp-login.php?redirect_to=%2F"))
    site.serve("/wp-login.php", status_handler(200, "<form>Log in</form>"))
    await site.start(aiohttp_server)
    async with polite_client(clock) as client:
        with pytest.raises(UnsupportedUrl) as refused:
            await classify_url(site.url("/"), client)
        result = await scrape_blog({"url": site.url("/")}, client, set(), NOW)
    assert refused.value.key == "sources.error.login_required"
    assert "asks for a login" in refused.value.en and "vraagt om in te loggen" in refused.value.nl
    assert result.problems[0]["key"] == "sources.error.login_required"


async def test_a_tls_failure_is_named_as_such(aiohttp_server, clock):
    site = BlogSite("koffiehoek")
    await site.start(aiohttp_server)
    plain_http_as_https = site.url("/").replace("http://", "https://")
    async with polite_client(clock, max_attempts=1) as client:
        with pytest.raises(UnsupportedUrl) as refused:
            await classify_url(plain_http_as_https, client)
    assert refused.value.key == "sources.error.tls"
    assert "certificate" in refused.value.en and "beveiligingscertificaat" in refused.value.nl


def test_a_name_lookup_failure_is_a_dns_failure():
    key = ConnectionKey("vlotbank.invalid", 443, True, True, None, None, None)
    assert failure_code(aiohttp.ClientConnectorDNSError(key, OSError(-2, "unknown"))) == "dns"


async def test_a_retired_item_seen_again_is_known_from_its_hash(ledger, clock):
    async with polite_client(clock) as client:
        first = await scrape_blog({"url": ledger.url("/year-end-close/")}, client, set(), NOW)
    kept = {i["id"] for i in first.items}
    retired = {c["id"] for c in first.items if c["id"].endswith(("-2001", "-2101"))}

    def digest(value: str) -> str:
        return "h:" + value[::-1]

    known = KnownIds(kept - retired, {digest(i) for i in retired}, digest)
    async with polite_client(clock) as client:
        again = await scrape_blog({"url": ledger.url("/year-end-close/")}, client, known, NOW)
    assert again.items == []
