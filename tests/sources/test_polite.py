"""Roos reads blogs the way a good guest would: asks first, waits its turn, backs off."""

import asyncio
from email.utils import formatdate

import pytest
from aiohttp import web

from agent.sources.polite import (
    BACKOFF_CAP,
    CONTACT_URL,
    USER_AGENT,
    FetchError,
    HostResting,
    RobotsDisallowed,
    backoff_seconds,
    retry_after_seconds,
)
from tests.sources.blog_sites import (
    BlogSite,
    Conditional,
    FakeClock,
    polite_client,
    status_handler,
    text_handler,
    throttled,
)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
async def site(aiohttp_server):
    blog = BlogSite("koffiehoek")
    await blog.start(aiohttp_server)
    return blog


async def test_roos_says_who_it_is_and_asks_robots_txt_first(site, clock):
    async with polite_client(clock) as client:
        response = await client.get(site.url("/feed/"))
    assert response.ok and b"VlotPay" in response.body
    assert site.paths == ["/robots.txt", "/feed/"]
    assert {seen.headers["User-Agent"] for seen in site.log} == {USER_AGENT}
    assert USER_AGENT.startswith("Roos/") and CONTACT_URL in USER_AGENT


async def test_a_429_is_waited_out_as_long_as_retry_after_asks(site, clock):
    site.serve("/feed/", throttled(site, "/feed/", 429, times=1, retry_after="120"))
    async with polite_client(clock) as client:
        response = await client.get(site.url("/feed/"))
    assert response.status == 200 and response.requests == 2
    assert clock.sleeps == [120]
    assert site.paths == ["/robots.txt", "/feed/", "/feed/"]


async def test_retry_after_may_be_an_http_date(site, clock):
    later = formatdate(clock.now + 90, usegmt=True)
    site.serve("/feed/", throttled(site, "/feed/", 503, times=1, retry_after=later))
    async with polite_client(clock) as client:
        assert (await client.get(site.url("/feed/"))).ok
    assert clock.sleeps == [90]


async def test_a_host_that_keeps_failing_gets_five_tries_then_rests_for_an_hour(site, clock):
    site.serve("/feed/", status_handler(503, "Service Unavailable"))
    async with polite_client(clock) as client:
        with pytest.raises(HostResting) as resting:
            await client.get(site.url("/feed/"))
        assert site.paths.count("/feed/") == 5
        assert clock.sleeps == [2, 4, 8, 16]  # exponential; jitter pinned to its maximum
        assert resting.value.until == pytest.approx(clock.now + 3600)

        with pytest.raises(HostResting):
            await client.get(site.url("/"))
        assert len(site.log) == 6  # robots.txt + five tries: resting costs the site nothing

        clock.now += 3601
        site.serve(
            "/feed/", text_handler("<rss version='2.0'><channel/></rss>", "application/rss+xml")
        )
        assert (await client.get(site.url("/feed/"))).ok


async def test_a_resting_host_stays_resting_after_a_restart(site, clock):
    site.serve("/feed/", status_handler(503))
    async with polite_client(clock) as client:
        with pytest.raises(HostResting):
            await client.get(site.url("/feed/"))
        state = client.get_state()
    async with polite_client(clock) as restarted:
        restarted.load_state(state)
        with pytest.raises(HostResting):
            await restarted.get(site.url("/"))
    assert site.paths.count("/") == 0


async def test_a_retry_after_beyond_reason_rests_the_host_at_once(site, clock):
    site.serve("/feed/", status_handler(429, **{"Retry-After": "86400"}))
    async with polite_client(clock) as client:
        with pytest.raises(HostResting) as resting:
            await client.get(site.url("/feed/"))
    assert site.paths.count("/feed/") == 1 and clock.sleeps == []
    assert resting.value.until == pytest.approx(clock.now + 86400)


async def test_an_unchanged_feed_costs_a_304_also_after_a_restart(site, clock):
    site.serve("/feed/", Conditional(site, "/feed/"))
    async with polite_client(clock) as client:
        first = await client.get(site.url("/feed/"))
        second = await client.get(site.url("/feed/"))
        state = client.get_state()
    assert first.status == 200 and not first.not_modified
    assert second.not_modified and second.body == b""
    assert site.log[-1].headers["If-None-Match"] == '"v1"'
    async with polite_client(clock) as restarted:
        restarted.load_state(state)
        assert (await restarted.get(site.url("/feed/"))).not_modified
        assert (await restarted.get(site.url("/feed/"), conditional=False)).status == 200


async def test_last_modified_alone_is_used_for_conditional_gets(site, clock):
    site.serve("/feed/", Conditional(site, "/feed/", use_etag=False))
    async with polite_client(clock) as client:
        await client.get(site.url("/feed/"))
        assert (await client.get(site.url("/feed/"))).not_modified
    assert "If-None-Match" not in site.log[-1].headers
    assert site.log[-1].headers["If-Modified-Since"] == "Tue, 12 Mar 2024 09:30:00 GMT"


async def test_requests_to_one_host_are_spaced_by_the_delay(site, clock):
    async with polite_client(clock, delay=5.0) as client:
        await client.get(site.url("/"))
        await client.get(site.url("/feed/"))
    assert clock.sleeps == [5, 5]  # robots.txt → home page → feed


async def test_a_longer_crawl_delay_wins_over_the_delay(site, clock):
    site.serve("/robots.txt", text_handler("User-agent: *\nCrawl-delay: 7\n"))
    async with polite_client(clock, delay=5.0) as client:
        await client.get(site.url("/"))
        await client.get(site.url("/feed/"))
    assert clock.sleeps == [5, 7]  # the first wait was booked before robots.txt was known


async def test_a_crawl_delay_of_hours_is_honoured_by_coming_back_later(site, clock):
    site.serve("/robots.txt", text_handler("User-agent: *\nCrawl-delay: 3600\n"))
    async with polite_client(clock) as client:
        await client.get(site.url("/feed/"))
        with pytest.raises(HostResting) as later:
            await client.get(site.url("/vlotpay-zonder-gedoe/feed/"))
        assert later.value.until == pytest.approx(clock.now + 3600)
        clock.now += 3600
        assert (await client.get(site.url("/vlotpay-zonder-gedoe/feed/"))).ok
    assert clock.sleeps == []


async def test_one_connection_per_host(site, clock):
    in_flight, most = [0], [0]

    async def slow(request):
        in_flight[0] += 1
        most[0] = max(most[0], in_flight[0])
        await asyncio.sleep(0.01)
        in_flight[0] -= 1
        return web.Response(text="ok")

    site.serve("/slow", slow)
    async with polite_client(clock) as client:
        await asyncio.gather(*(client.get(site.url("/slow")) for _ in range(4)))
    assert most[0] == 1


async def test_nothing_robots_txt_forbids_is_requested(site, clock):
    site.serve(
        "/robots.txt", text_handler("User-agent: *\nAllow: /\n\nUser-agent: Roos\nDisallow: /\n")
    )
    async with polite_client(clock) as client:
        with pytest.raises(RobotsDisallowed) as refused:
            await client.get(site.url("/feed/"))
    assert not refused.value.unavailable
    assert site.paths == ["/robots.txt"]


async def test_a_redirect_into_forbidden_ground_is_not_followed(site, clock):
    site.serve("/robots.txt", text_handler("User-agent: *\nDisallow: /private/\n"))
    site.serve("/old-feed/", status_handler(301, **{"Location": "/private/feed/"}))
    async with polite_client(clock) as client:
        with pytest.raises(RobotsDisallowed):
            await client.get(site.url("/old-feed/"))
    assert site.paths == ["/robots.txt", "/old-feed/"]


async def test_redirects_are_followed_and_the_final_url_reported(site, clock):
    site.serve("/rss", status_handler(301, **{"Location": "/feed/"}))
    async with polite_client(clock) as client:
        response = await client.get(site.url("/rss"))
    assert response.url == site.url("/feed/") and response.requests == 2


async def test_robots_txt_answering_500_means_nothing_is_fetched(site, clock):
    site.serve("/robots.txt", status_handler(500))
    async with polite_client(clock) as client:
        with pytest.raises(RobotsDisallowed) as refused:
            await client.get(site.url("/feed/"))
    assert refused.value.unavailable
    assert site.paths == ["/robots.txt"]


async def test_robots_txt_answering_404_means_everything_is_allowed(site, clock):
    site.serve("/robots.txt", status_handler(404))
    async with polite_client(clock) as client:
        assert (await client.get(site.url("/feed/"))).ok


async def test_an_unreachable_host_is_reported_as_unreachable_not_as_robots(clock, unused_tcp_port):
    async with polite_client(clock) as client:
        with pytest.raises(FetchError) as refused:
            await client.get(f"http://127.0.0.1:{unused_tcp_port}/feed/")
    assert not isinstance(refused.value, RobotsDisallowed)
    assert refused.value.problem["key"] == "sources.error.unreachable"
    assert "is niet bereikbaar" in refused.value.problem["nl"]


async def test_dropped_connections_are_retried_then_the_host_rests(site, clock):
    async def hang_up(request):
        request.transport.close()
        return web.Response(text="never arrives")

    site.serve("/feed/", hang_up)
    async with polite_client(clock) as client:
        with pytest.raises(HostResting):
            await client.get(site.url("/feed/"))
    assert clock.sleeps == [2, 4, 8, 16]  # five attempts
    # aiohttp itself resends once at once when a kept-alive connection drops (RFC 9112).
    assert 5 <= site.paths.count("/feed/") <= 10


async def test_oversized_answers_are_refused(site, clock):
    site.serve("/huge", text_handler("x" * 70_000))
    async with polite_client(clock, max_bytes=64 * 1024) as client:
        with pytest.raises(FetchError, match="larger than 64 KiB"):
            await client.get(site.url("/huge"))


def test_retry_after_reads_seconds_and_dates():
    now = 1_710_000_000.0
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds(formatdate(now + 30, usegmt=True), now) == 30
    assert retry_after_seconds(formatdate(now - 30, usegmt=True), now) == 0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_backoff_is_full_jitter_under_an_exponential_ceiling():
    assert backoff_seconds(1, lambda: 0.0) == 0
    assert backoff_seconds(3, lambda: 0.5) == 4
    assert backoff_seconds(30, lambda: 1.0) == BACKOFF_CAP
