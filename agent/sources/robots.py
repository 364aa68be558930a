"""robots.txt, obeyed before every request Roos makes to a blog.

Parsing is Protego's (urllib.robotparser gets wildcards and Allow/Disallow
precedence wrong). What an answer means follows Google's documented reading:
a 4xx robots.txt means the site has no rules, a 5xx or no answer at all means
we cannot know, so nothing is fetched until the next try. Good answers are
cached for 24 h per origin, failures only briefly so a hiccup does not silence
a blog for a day.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

ROBOTS_TOKEN = "roos"
"""The product token robots.txt groups are matched against ("User-agent: Roos")."""

CACHE_SECONDS = 24 * 3600
FAILURE_RETRY_SECONDS = 15 * 60
MAX_ROBOTS_BYTES = 500 * 1024

RobotsFetch = Callable[[str], Awaitable[tuple[int | None, str]]]
"""Fetches a robots.txt URL → (status, text); status None when unreachable."""


def origin(url: str) -> str:
    """scheme://host[:port], the scope of one robots.txt and of one politeness budget."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def robots_url(url: str) -> str:
    return origin(url) + "/robots.txt"


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt lets Roos do, and until when we believe it."""

    verdict: str  # "rules" | "allow_all" | "disallow_all"
    expires_at: float
    parser: Protego | None = None

    def allows(self, url: str) -> bool:
        if self.verdict == "allow_all":
            return True
        if self.verdict == "disallow_all":
            return False
        assert self.parser is not None
        return self.parser.can_fetch(url, ROBOTS_TOKEN)

    def crawl_delay(self) -> float | None:
        """Seconds between requests asked for by Crawl-delay or Request-rate, if any."""
        if self.parser is None:
            return None
        delays = [self.parser.crawl_delay(ROBOTS_TOKEN) or 0.0]
        rate = self.parser.request_rate(ROBOTS_TOKEN)
        if rate and rate.requests:
            delays.append(rate.seconds / rate.requests)
        return max(delays) or None


def rules_from_answer(status: int | None, text: str, now: float) -> RobotsRules:
    """Turn a robots.txt fetch result into rules (pure, so every case is easy to test)."""
    if status is None or status >= 500 or status == 429:
        return RobotsRules("disallow_all", now + FAILURE_RETRY_SECONDS)
    if status >= 300:
        # 4xx: the site has no robots.txt. A 3xx here means the redirect chain was too
        # long, which Google also reads as "no robots.txt".
        return RobotsRules("allow_all", now + CACHE_SECONDS)
    parser = Protego.parse(text[:MAX_ROBOTS_BYTES])
    return RobotsRules("rules", now + CACHE_SECONDS, parser)


class RobotsCache:
    """Per-origin robots.txt rules, fetched once per origin even under concurrency."""

    def __init__(self, fetch: RobotsFetch, clock: Callable[[], float]) -> None:
        self._fetch = fetch
        self._clock = clock
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def rules_for(self, url: str) -> RobotsRules:
        key = origin(url)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            cached = self._rules.get(key)
            if cached and cached.expires_at > self._clock():
                return cached
            status, text = await self._fetch(robots_url(url))
            rules = rules_from_answer(status, text, self._clock())
            self._rules[key] = rules
            return rules

    def cached(self, url: str) -> RobotsRules | None:
        """The rules already known for this URL's origin, without fetching."""
        return self._rules.get(origin(url))
