"""Invented blogs on 127.0.0.1 for the blog scraper tests, and a clock that never waits.

A BlogSite serves one folder of tests/fixtures/blogs (its site.json maps request
paths to files), writes down every request it gets, and can be told to misbehave
the way real sites do: throttle, fail, answer 304, refuse robots.txt.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from agent.sources.polite import PoliteClient

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "blogs"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=UTF-8",
    ".atom": "application/atom+xml; charset=UTF-8",
    ".json": "application/json; charset=UTF-8",
    ".txt": "text/plain; charset=utf-8",
    ".rss": "application/x-rss+xml; charset=UTF-8",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Seen:
    path: str  # with query
    headers: dict[str, str]


class FakeClock:
    """Injected as both clock and sleep: sleeping moves time on at once and is written down."""

    def __init__(self, start: float = 1_710_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def polite_client(clock: FakeClock, **options: object) -> PoliteClient:
    """A client as tests want it: no politeness delay unless asked, fake time, fixed jitter."""
    settings: dict = {"delay": 0.0, "clock": clock, "sleep": clock.sleep, "rng": lambda: 1.0}
    settings.update(options)
    return PoliteClient(**settings)


def fixture_text(relative: str) -> str:
    return (FIXTURES / relative).read_text(encoding="utf-8")


class BlogSite:
    def __init__(self, name: str | None = None, routes: dict[str, str] | None = None) -> None:
        self.folder = FIXTURES / name if name else FIXTURES
        site_json = self.folder / "site.json"
        self.routes: dict[str, str] = json.loads(site_json.read_text()) if name else {}
        self.routes.update(routes or {})
        self.handlers: dict[str, Handler] = {}
        self.log: list[Seen] = []
        self.base = ""

    @property
    def paths(self) -> list[str]:
        return [seen.path for seen in self.log]

    def serve(self, path: str, handler: Handler) -> None:
        """Answer `path` (with its query, if any) with a handler instead of a file."""
        self.handlers[path] = handler

    async def start(self, aiohttp_server: Callable) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        server = await aiohttp_server(app)
        self.base = str(server.make_url("")).rstrip("/")
        return self.base

    def url(self, path: str) -> str:
        return self.base + path

    def body(self, path: str) -> bytes:
        text = (self.folder / self.routes[path]).read_text(encoding="utf-8")
        return text.replace("{{base}}", self.base).encode("utf-8")

    def file_response(self, path: str, **headers: str) -> web.Response:
        suffix = Path(self.routes[path]).suffix
        headers.setdefault("Content-Type", CONTENT_TYPES.get(suffix, "application/octet-stream"))
        return web.Response(body=self.body(path), headers=headers)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.log.append(Seen(request.path_qs, dict(request.headers)))
        for key in (request.path_qs, request.path):
            if key in self.handlers:
                return await self.handlers[key](request)
            if key in self.routes:
                return self.file_response(key)
        return web.Response(status=404, text="Not found")


def status_handler(status: int, text: str = "", **headers: str) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=status, text=text, headers=headers)

    return handler


def text_handler(text: str, content_type: str = "text/plain") -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=text, content_type=content_type)

    return handler


def throttled(
    site: BlogSite, path: str, status: int, times: int, retry_after: str | None
) -> Handler:
    """Answers `status` (with Retry-After, if given) `times` times, then the real file."""
    remaining = [times]

    async def handler(request: web.Request) -> web.Response:
        if remaining[0] > 0:
            remaining[0] -= 1
            headers = {"Retry-After": retry_after} if retry_after else {}
            return web.Response(status=status, text="Slow down", headers=headers)
        return site.file_response(path)

    return handler


class Conditional:
    """A file served with an ETag and Last-Modified, answering 304 when nothing changed."""

    def __init__(self, site: BlogSite, path: str, etag: str = '"v1"', use_etag: bool = True):
        self.site, self.path, self.etag, self.use_etag = site, path, etag, use_etag
        self.last_modified = "Tue, 12 Mar 2024 09:30:00 GMT"

    async def __call__(self, request: web.Request) -> web.Response:
        if self.use_etag and request.headers.get("If-None-Match") == self.etag:
            return web.Response(status=304, headers={"ETag": self.etag})
        if not self.use_etag and request.headers.get("If-Modified-Since") == self.last_modified:
            return web.Response(status=304)
        headers = {"Last-Modified": self.last_modified}
        if self.use_etag:
            headers["ETag"] = self.etag
        return self.site.file_response(self.path, **headers)
