"""The one HTTP client Roos uses to read blogs: polite by construction.

Every request first asks robots.txt (agent/sources/robots.py), waits its turn
for its host (one request per host every `delay` seconds, or the site's own
Crawl-delay when that is longer, over a single connection per host), says
honestly who is asking, and re-asks only what changed (conditional GET with the
ETag / Last-Modified remembered per URL). When a site says "too busy" (429/503)
we wait as long as it asks, or back off exponentially with full jitter; after
`max_attempts` failures the host rests for an hour (a circuit breaker) and
callers get HostResting instead of adding to the load.

Redirects are followed by hand so each hop is also checked against robots.txt
and counted against the host's budget. Clock and sleep are injectable, so tests
of waiting never wait.
"""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import aiohttp
from multidict import CIMultiDict

from agent import __version__
from agent.sources import messages, netguard
from agent.sources.robots import MAX_ROBOTS_BYTES, RobotsCache, origin

CONTACT_URL = "https://github.com/roos-social/roos"
USER_AGENT = f"Roos/{__version__} (+{CONTACT_URL}; social media monitoring agent)"
DEFAULT_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
    "text/html;q=0.9, application/json;q=0.8, */*;q=0.5"
)
RETRY_STATUSES = frozenset({429, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
BACKOFF_BASE = 2.0
BACKOFF_CAP = 300.0
MAX_REMEMBERED_URLS = 5000


class FetchError(Exception):
    """A URL could not be read; `code` names why (a messages.TEXTS key), str() says it in English."""

    def __init__(self, url: str, reason: str, code: str = "unreachable", **params: object) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.code = code
        self.params = {"url": url, **params}

    @property
    def problem(self) -> dict:
        return messages.problem(self.code, **self.params)


class HostResting(FetchError):
    """The host failed too often (or asked us to stay away); we leave it alone until `until`.

    `cause` is what kept failing (dns, tls, unreachable), so the user hears that rather
    than only that Roos is waiting.
    """

    def __init__(self, url: str, until: float, cause: str | None = None) -> None:
        clock = time.strftime("%H:%M", time.gmtime(until))
        super().__init__(url, f"host is resting until {clock} UTC", cause or "resting", until=clock)
        self.host = origin(url)
        self.until = until


class RobotsDisallowed(FetchError):
    """robots.txt forbids the URL, or could not be read (`unavailable`), so we do not fetch it."""

    def __init__(self, url: str, unavailable: bool) -> None:
        why = "robots.txt could not be read" if unavailable else "robots.txt disallows it"
        super().__init__(url, why, "robots_unreadable" if unavailable else "robots_forbids")
        self.unavailable = unavailable


def failure_code(exc: BaseException) -> str:
    """dns, tls or unreachable: what a connection failure really was."""
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "dns"
    if isinstance(exc, (aiohttp.ClientSSLError, ssl.SSLError)):
        return "tls"
    cause = getattr(exc, "os_error", None) or exc.__cause__
    if isinstance(cause, ssl.SSLError):
        return "tls"
    return "unreachable"


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    headers: Mapping[str, str]
    body: bytes
    not_modified: bool = False
    requests: int = 1  # HTTP requests this answer cost, retries and redirects included

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        charset = "utf-8"
        for part in self.headers.get("Content-Type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def backoff_seconds(attempt: int, rng: Callable[[], float]) -> float:
    """Exponential back-off with full jitter: spread retries so many clients do not stampede."""
    return rng() * min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))


class PoliteClient:
    def __init__(
        self,
        *,
        delay: float = 5.0,
        timeout: float = 20.0,
        max_attempts: int = 5,
        rest_seconds: float = 3600.0,
        max_wait: float = 900.0,
        max_bytes: int = 5 * 1024 * 1024,
        user_agent: str = USER_AGENT,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.delay, self.timeout, self.max_attempts = delay, timeout, max_attempts
        self.rest_seconds, self.max_wait, self.max_bytes = rest_seconds, max_wait, max_bytes
        self.user_agent = user_agent
        self._clock, self._sleep, self._rng = clock, sleep, rng
        self._session: aiohttp.ClientSession | None = None
        self._next_at: dict[str, float] = {}
        self._resting: dict[str, float] = {}
        self._validators: dict[str, dict[str, str]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._failures: dict[str, str] = {}  # origin → why its last connection failed
        self.requests_made = 0  # every HTTP request, robots.txt included
        self.robots = RobotsCache(self._fetch_robots, clock)

    async def __aenter__(self) -> PoliteClient:
        self._open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def get_state(self) -> dict:
        """JSON-ready state worth keeping across restarts: validators and resting hosts."""
        return {"validators": dict(self._validators), "resting": dict(self._resting)}

    def load_state(self, state: Mapping[str, Any]) -> None:
        self._validators.update(state.get("validators", {}))
        self._resting.update(state.get("resting", {}))

    async def get(
        self, url: str, *, conditional: bool = True, accept: str = DEFAULT_ACCEPT
    ) -> Response:
        """GET politely. Raises RobotsDisallowed, HostResting or FetchError; HTTP errors are returned."""
        current, spent = url, 0
        with netguard.default_source(url):
            for _hop in range(MAX_REDIRECTS + 1):
                await self.ensure_allowed(current)
                response = await self._with_retries(current, conditional, accept)
                spent += response.requests
                location = response.headers.get("Location")
                if response.status not in REDIRECT_STATUSES or not location:
                    return replace(response, requests=spent)
                current = urljoin(current, location)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects", "redirects")

    async def ensure_allowed(self, url: str) -> None:
        """Raise unless `url` is not a discovered local address (agent/sources/netguard.py),
        robots.txt lets Roos fetch it and its host is not resting."""
        try:
            await netguard.check(url)
        except netguard.LocalTarget as exc:
            raise FetchError(
                url, str(exc).removeprefix(f"{url} "), "local_address", ip=exc.ip
            ) from None
        self._check_resting(url)
        rules = await self.robots.rules_for(url)
        if not rules.allows(url):
            failed = self._failures.get(origin(url))
            if rules.verdict == "disallow_all" and failed:
                # robots.txt was not "unreadable": the host itself could not be reached.
                raise FetchError(url, f"host could not be reached ({failed})", failed)
            raise RobotsDisallowed(url, unavailable=rules.verdict == "disallow_all")

    async def wait_turn(self, url: str) -> None:
        """Wait until this host may be asked again, then book the next slot."""
        host = origin(url)
        async with self._locks.setdefault(host, asyncio.Lock()):
            self._check_resting(url)
            pause = self._next_at.get(host, 0.0) - self._clock()
            if pause > self.max_wait:
                # A huge Crawl-delay is honoured by coming back later, not by blocking now.
                raise HostResting(url, self._next_at[host])
            if pause > 0:
                await self._sleep(pause)
            rules = self.robots.cached(url)
            crawl_delay = (rules.crawl_delay() if rules else None) or 0.0
            self._next_at[host] = self._clock() + max(self.delay, crawl_delay)

    async def _with_retries(self, url: str, conditional: bool, accept: str) -> Response:
        headers = self._request_headers(url, conditional, accept)
        for attempt in range(1, self.max_attempts + 1):
            await self.wait_turn(url)
            try:
                response = await self._send(url, headers)
            except (aiohttp.ClientError, TimeoutError) as exc:
                self._failures[origin(url)] = failure_code(exc)
                wait = backoff_seconds(attempt, self._rng)
            else:
                self._failures.pop(origin(url), None)
                if response.status not in RETRY_STATUSES:
                    # Only a conditional reader wants validators: a look without them (as
                    # when a source is added) must not turn the first real read into a 304.
                    if conditional:
                        self._remember(url, response)
                    return replace(response, requests=attempt)
                asked = retry_after_seconds(response.headers.get("Retry-After"), self._clock())
                wait = backoff_seconds(attempt, self._rng) if asked is None else asked
            if wait > self.max_wait:
                raise self._rest(url, self._clock() + wait)
            if attempt < self.max_attempts:
                self._push_back(url, wait)
        raise self._rest(url, self._clock() + self.rest_seconds)

    async def _send(self, url: str, headers: Mapping[str, str]) -> Response:
        session = self._open()
        self.requests_made += 1
        async with session.get(url, headers=headers, allow_redirects=False) as raw:
            body = b"" if raw.status == 304 else await self._read(raw, url, self.max_bytes)
            return Response(url, raw.status, CIMultiDict(raw.headers), body, raw.status == 304)

    async def _fetch_robots(self, url: str) -> tuple[int | None, str]:
        await self.wait_turn(url)
        session = self._open()
        self.requests_made += 1
        current = url
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                await netguard.check(current)  # a robots.txt redirect is discovered too
                async with session.get(current, allow_redirects=False) as raw:
                    location = raw.headers.get("Location")
                    if raw.status in REDIRECT_STATUSES and location:
                        current = urljoin(current, location)
                        continue
                    body = await self._read(raw, url, MAX_ROBOTS_BYTES, truncate=True)
                    self._failures.pop(origin(url), None)
                    return raw.status, body.decode("utf-8", errors="replace")
            return 310, ""
        except netguard.LocalTarget:
            return None, ""
        except (aiohttp.ClientError, TimeoutError) as exc:
            self._failures[origin(url)] = failure_code(exc)
            return None, ""

    async def _read(
        self, raw: aiohttp.ClientResponse, url: str, limit: int, truncate: bool = False
    ) -> bytes:
        chunks, size = [], 0
        async for chunk in raw.content.iter_chunked(64 * 1024):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                if truncate:
                    break
                raise FetchError(
                    url, f"larger than {limit // 1024} KiB", "too_large", limit=limit // 1024
                )
        return b"".join(chunks)[:limit]

    def _request_headers(self, url: str, conditional: bool, accept: str) -> dict[str, str]:
        headers = {"Accept": accept}
        known = self._validators.get(url, {}) if conditional else {}
        if "etag" in known:
            headers["If-None-Match"] = known["etag"]
        if "last_modified" in known:
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def _remember(self, url: str, response: Response) -> None:
        if response.status != 200:
            return
        found = {
            key: response.headers[header]
            for key, header in (("etag", "ETag"), ("last_modified", "Last-Modified"))
            if header in response.headers
        }
        self._validators.pop(url, None)
        if found:
            self._validators[url] = found
            while len(self._validators) > MAX_REMEMBERED_URLS:
                self._validators.pop(next(iter(self._validators)))

    def _push_back(self, url: str, wait: float) -> None:
        host = origin(url)
        self._next_at[host] = max(self._next_at.get(host, 0.0), self._clock() + wait)

    def _rest(self, url: str, until: float) -> HostResting:
        self._resting[origin(url)] = until
        return HostResting(url, until, self._failures.get(origin(url)))

    def _check_resting(self, url: str) -> None:
        until = self._resting.get(origin(url))
        if until is None:
            return
        if until > self._clock():
            raise HostResting(url, until, self._failures.get(origin(url)))
        del self._resting[origin(url)]

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(
                    limit_per_host=1, resolver=netguard.GuardedResolver(), use_dns_cache=False
                ),
                timeout=aiohttp.ClientTimeout(total=self.timeout),
                headers={"User-Agent": self.user_agent},
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session
