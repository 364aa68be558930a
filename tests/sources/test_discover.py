"""The user pastes a URL; Roos tells what it is and how it will listen to it."""

import pytest

from agent.sources.discover import UnsupportedUrl, classify_url
from tests.sources.blog_sites import (
    BlogSite,
    FakeClock,
    polite_client,
    status_handler,
    text_handler,
)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
async def site(aiohttp_server):
    blog = BlogSite("koffiehoek", {"/a-post-without-feed/": "../markups/no-comments.html"})
    blog.serve(
        "/no-feed/", text_handler("<html><body><p>Openingstijden</p></body></html>", "text/html")
    )
    await blog.start(aiohttp_server)
    return blog


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/groups/1234567/",
        "https://nl.linkedin.com/groups/1234567",
        "http://linkedin.com/groups/1234567/about/?trk=x",
        "https://www.linkedin.com/groups/Ondernemers-Utrecht-1234567/",
    ],
)
async def test_a_linkedin_group_is_recognised_without_fetching_anything(url, clock):
    async with polite_client(clock) as client:
        result = await classify_url(url, client)
        assert client.requests_made == 0
    assert result == {"kind": "linkedin_group", "url": "https://www.linkedin.com/groups/1234567/"}


async def test_other_linkedin_pages_are_refused_in_both_languages(clock):
    async with polite_client(clock) as client:
        with pytest.raises(UnsupportedUrl) as refused:
            await classify_url("https://www.linkedin.com/in/someone/", client)
    assert refused.value.code == "linkedin_not_group"
    assert "not a group" in str(refused.value) and "geen groep" in refused.value.nl


@pytest.mark.parametrize(
    "url", ["ftp://blog.example/feed", "mailto:info@blog.example", "blog.example", "https://"]
)
async def test_only_web_addresses_are_accepted(url, clock):
    async with polite_client(clock) as client:
        with pytest.raises(ValueError, match="http:// or https://"):
            await classify_url(url, client)


async def test_a_blog_home_page_gives_its_posts_feed_not_its_comments_feed(site, clock):
    async with polite_client(clock) as client:
        result = await classify_url(site.url("/"), client)
    assert result == {
        "kind": "blog",
        "url": site.url("/"),
        "feed_url": site.url("/feed/"),
        "title": "De Koffiehoek",
        "page": "home",
    }


async def test_a_post_page_is_a_blog_page_of_its_own(site, clock):
    async with polite_client(clock) as client:
        result = await classify_url(site.url("/vlotpay-zonder-gedoe/#comments"), client)
    assert result["kind"] == "blog" and result["page"] == "post"
    assert result["url"] == site.url("/vlotpay-zonder-gedoe/")
    assert result["feed_url"] == site.url("/feed/")


async def test_a_feed_is_a_feed(site, clock):
    async with polite_client(clock) as client:
        result = await classify_url(site.url("/feed/"), client)
    assert result == {
        "kind": "feed",
        "url": site.url("/feed/"),
        "feed_url": site.url("/feed/"),
        "title": "De Koffiehoek",
    }


async def test_a_feed_served_as_plain_xml_is_still_a_feed(site, clock):
    site.serve("/rss.xml", text_handler(site.body("/feed/").decode(), "text/xml"))
    async with polite_client(clock) as client:
        assert (await classify_url(site.url("/rss.xml"), client))["kind"] == "feed"


@pytest.mark.parametrize(
    ("path", "code", "english", "dutch"),
    [
        ("/no-feed/", "not_blog", "is not a blog", "is geen blog"),
        (
            "/wp-json/wp/v2/comments?post=15&per_page=100",
            "not_blog",
            "application/json",
            "geen blog",
        ),
        ("/gone/", "http_error", "HTTP 404", "HTTP 404"),
        ("/broken-feed/", "bad_feed", "cannot be read", "niet te lezen"),
    ],
)
async def test_what_roos_cannot_follow_is_refused_with_a_reason(
    site, clock, path, code, english, dutch
):
    site.serve("/broken-feed/", text_handler("<html>not really</html>", "application/rss+xml"))
    async with polite_client(clock) as client:
        with pytest.raises(UnsupportedUrl) as refused:
            await classify_url(site.url(path), client)
    assert refused.value.code == code
    assert english in str(refused.value) and dutch in refused.value.nl


async def test_a_site_that_forbids_roos_is_refused_unread(site, clock):
    site.serve("/robots.txt", status_handler(200, "User-agent: Roos\nDisallow: /\n"))
    async with polite_client(clock) as client:
        with pytest.raises(UnsupportedUrl, match=r"robots\.txt forbids Roos") as refused:
            await classify_url(site.url("/"), client)
    assert refused.value.key == "sources.error.robots_forbids"
    assert site.paths == ["/robots.txt"]
