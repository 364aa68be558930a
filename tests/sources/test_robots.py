"""A blog's robots.txt decides what Roos may read, and how often."""

import asyncio

import pytest

from agent.sources.robots import (
    CACHE_SECONDS,
    FAILURE_RETRY_SECONDS,
    RobotsCache,
    robots_url,
    rules_from_answer,
)
from tests.sources.blog_sites import FakeClock, fixture_text

SITE = "https://blog.example"


def rules(name: str):
    return rules_from_answer(200, fixture_text(f"robots/{name}"), now=0.0)


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/2024/03/vlotpay/", True),  # Roos's own group beats "User-agent: *"
        ("/private/notes/", False),
        ("/private/press/launch/", True),  # the longer Allow wins
        ("/files/menu.pdf", False),
        ("/files/menu.pdf?download=1", True),  # "$" anchors the end
        ("/vlotpay/?replytocom=12", False),  # wildcard in the middle
        ("/drafts", False),
        ("/drafts-archive/", False),  # a plain rule is a prefix
        ("/drafts/published", True),
        ("/drafts/published/more", False),
        ("/shop", True),  # equally long Allow and Disallow: the least restrictive wins
    ],
)
def test_roos_follows_wildcards_and_precedence(path, allowed):
    assert rules("precedence.txt").allows(SITE + path) is allowed


def test_the_crawl_delay_in_roos_group_is_read():
    assert rules("precedence.txt").crawl_delay() == 7


def test_the_slower_of_crawl_delay_and_request_rate_counts():
    assert rules("request-rate.txt").crawl_delay() == 20


def test_rules_for_other_robots_whose_names_contain_roos_do_not_apply():
    assert rules("others-only.txt").allows(SITE + "/anything/")
    assert rules("others-only.txt").crawl_delay() is None


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410])
def test_a_missing_robots_txt_allows_everything(status):
    answer = rules_from_answer(status, "User-agent: *\nDisallow: /", now=100.0)
    assert answer.allows(SITE + "/private/")
    assert answer.expires_at == 100.0 + CACHE_SECONDS


@pytest.mark.parametrize("status", [None, 429, 500, 502, 503])
def test_a_failing_robots_txt_allows_nothing_until_the_next_try(status):
    answer = rules_from_answer(status, "", now=100.0)
    assert not answer.allows(SITE + "/")
    assert answer.expires_at == 100.0 + FAILURE_RETRY_SECONDS


def test_robots_url_is_per_origin():
    assert robots_url("https://Blog.Example:8443/a/b?c=d") == "https://blog.example:8443/robots.txt"


async def test_robots_txt_is_fetched_once_per_origin_and_kept_for_a_day():
    clock = FakeClock()
    asked: list[str] = []

    async def fetch(url):
        asked.append(url)
        await asyncio.sleep(0)
        return 200, "User-agent: *\nDisallow: /private/\n"

    cache = RobotsCache(fetch, clock)
    answers = await asyncio.gather(*(cache.rules_for(f"{SITE}/post-{n}/") for n in range(5)))
    assert all(answer.allows(SITE + "/post/") for answer in answers)
    assert asked == [SITE + "/robots.txt"]

    clock.now += CACHE_SECONDS - 1
    await cache.rules_for(SITE + "/")
    assert len(asked) == 1
    clock.now += 2
    await cache.rules_for(SITE + "/")
    assert len(asked) == 2


async def test_after_a_failure_robots_txt_is_asked_again_soon():
    clock = FakeClock()
    answers = iter([(503, ""), (200, "User-agent: *\nAllow: /\n")])

    async def fetch(url):
        return next(answers)

    cache = RobotsCache(fetch, clock)
    assert not (await cache.rules_for(SITE + "/")).allows(SITE + "/")
    clock.now += FAILURE_RETRY_SECONDS + 1
    assert (await cache.rules_for(SITE + "/")).allows(SITE + "/")
