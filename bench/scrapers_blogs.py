"""Blogs: refreshing 50 blog feeds, unchanged (all 304) and all changed; reading a big thread.

Each feed lives on its own invented blog (its own aiohttp server on 127.0.0.1, so
its own host for politeness). Roos refreshes them with scrape_blog through the
PoliteClient (robots.txt cached from a warm-up round, conditional GET, hosts in
parallel, one connection each), with the per-host delay set to 0 for the
measurement. The baseline is the naive way: fetch each feed in turn, without
validators, and parse it with feedparser.

The thread figure is comments per second extracted (author, date, body, parent)
from one generated WordPress page with 1,000 comments in threads three deep,
next to the time BeautifulSoup needs just to parse that page plus feedparser
to parse the same 1,000 comments as a comment feed.
"""

from __future__ import annotations

import asyncio
import io
import statistics
import time
from datetime import UTC, datetime

import aiohttp
import feedparser
from aiohttp import web
from bs4 import BeautifulSoup

from agent.sources.blog_comments import extract_thread
from agent.sources.blogs import scrape_blog
from agent.sources.polite import PoliteClient

from .common import median_time, row

BLOGS = 50
POSTS = 10
RUNS = 5
THREAD = 1000


class InventedBlog:
    """One blog whose feed has a version; bumping it changes every entry and the ETag."""

    def __init__(self, number: int) -> None:
        self.number, self.version, self.base = number, 1, ""

    @property
    def etag(self) -> str:
        return f'"blog{self.number}-v{self.version}"'

    def feed(self) -> str:
        items = "".join(
            f"""<item><title>Bericht {post} van blog {self.number} (versie {self.version})</title>
<link>{self.base}/{self.version}/{post}/</link><guid isPermaLink="false">{self.base}/?p={self.version}{post:03d}</guid>
<dc:creator>Schrijver {self.number}</dc:creator><pubDate>Tue, 12 Mar 2024 09:{post:02d}:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Vandaag betaalden we weer met <b>VlotPay</b>. Alles ging vlot &amp; snel.</p>
<p>Volgende week meer over onze overstap naar Vlotbank.</p>]]></content:encoded>
<slash:comments>0</slash:comments></item>"""
            for post in range(POSTS)
        )
        return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>Blog {self.number}</title>
<link>{self.base}/</link><language>nl-NL</language>{items}</channel></rss>"""

    async def handle(self, request: web.Request) -> web.Response:
        if request.path == "/robots.txt":
            return web.Response(text="User-agent: *\nDisallow: /wp-admin/\n")
        if request.headers.get("If-None-Match") == self.etag:
            return web.Response(status=304, headers={"ETag": self.etag})
        return web.Response(
            text=self.feed(), content_type="application/rss+xml", headers={"ETag": self.etag}
        )


async def serve(blogs: list[InventedBlog]) -> list[web.AppRunner]:
    runners = []
    for blog in blogs:
        app = web.Application()
        app.router.add_get("/{tail:.*}", blog.handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        blog.base = f"http://127.0.0.1:{port}"
        runners.append(runner)
    return runners


async def refresh_all(client: PoliteClient, blogs: list[InventedBlog], known: set[str]) -> int:
    now = datetime.now(UTC)
    sources = [
        {"kind": "feed", "url": f"{b.base}/feed/", "feed_url": f"{b.base}/feed/"} for b in blogs
    ]
    results = await asyncio.gather(*(scrape_blog(s, client, known, now) for s in sources))
    assert all(not r.errors for r in results), [r.errors for r in results if r.errors]
    for result in results:
        known.update(item["id"] for item in result.items)
    return sum(result.stats["new"] for result in results)


async def naive_all(blogs: list[InventedBlog]) -> int:
    entries = 0
    async with aiohttp.ClientSession() as session:
        for blog in blogs:
            async with session.get(f"{blog.base}/feed/") as response:
                body = await response.read()
            entries += len(feedparser.parse(io.BytesIO(body)).entries)
    return entries


async def timed(make) -> float:
    start = time.perf_counter()
    await make()
    return time.perf_counter() - start


async def measure() -> tuple[float, float, float]:
    blogs = [InventedBlog(n) for n in range(BLOGS)]
    runners = await serve(blogs)
    try:
        async with PoliteClient(delay=0.0) as client:
            known: set[str] = set()
            assert await refresh_all(client, blogs, known) == BLOGS * POSTS  # warm-up
            unchanged, changed, naive = [], [], []
            for _ in range(RUNS):
                unchanged.append(await timed(lambda: refresh_all(client, blogs, known)))
                for blog in blogs:
                    blog.version += 1
                changed.append(await timed(lambda: refresh_all(client, blogs, known)))
                naive.append(await timed(lambda: naive_all(blogs)))
            assert await naive_all(blogs) == BLOGS * POSTS
    finally:
        for runner in runners:
            await runner.cleanup()
    return statistics.median(unchanged), statistics.median(changed), statistics.median(naive)


def big_thread(count: int = THREAD) -> tuple[str, bytes]:
    """A WordPress post page with `count` comments (threads of 1 + 2 replies), and the same
    comments as an RSS comment feed."""

    def comment(number: int, depth: int, children: str = "") -> str:
        kids = f'<ol class="children">{children}</ol>' if children else ""
        return (
            f'<li id="comment-{number}" class="comment depth-{depth}">'
            f'<article id="div-comment-{number}" class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard"><img class="avatar" src="/a.png" alt="">'
            f'<b class="fn"><a href="https://p{number}.example/">Lezer {number}</a></b>'
            f' <span class="says">zegt:</span></div><div class="comment-metadata">'
            f'<a href="#comment-{number}"><time datetime="2024-03-{1 + number % 28:02d}T10:'
            f'{number % 60:02d}:00+01:00">{1 + number % 28} maart 2024 om 10:{number % 60:02d}'
            f'</time></a></div></footer><div class="comment-content"><p>Reactie {number}: '
            f"betalen met VlotPay ging vandaag weer <b>vlot</b>, maar de app vroeg twee keer "
            f'om mijn pincode.</p></div><div class="reply"><a class="comment-reply-link" '
            f'href="?replytocom={number}#respond">Beantwoorden</a></div></article>{kids}</li>'
        )

    threads = []
    for top in range(1, count + 1, 3):
        inner = comment(top + 2, 3) if top + 2 <= count else ""
        reply = comment(top + 1, 2, inner) if top + 1 <= count else ""
        threads.append(comment(top, 1, reply))
    page = (
        '<!DOCTYPE html><html lang="nl-NL"><head><meta charset="utf-8"><title>Druk</title></head>'
        '<body class="single postid-9"><article><h1 class="entry-title">Druk</h1>'
        '<div class="entry-content"><p>Veel reacties.</p></div></article>'
        f'<div id="comments" class="comments-area"><ol class="comment-list">{"".join(threads)}'
        "</ol></div></body></html>"
    )
    items = "".join(
        f"<item><title>Door: Lezer {n}</title><link>https://b.example/druk/#comment-{n}</link>"
        f"<guid>https://b.example/?p=9#comment-{n}</guid><pubDate>Tue, 12 Mar 2024 10:00:00 +0000"
        f"</pubDate><content:encoded><![CDATA[<p>Reactie {n}: betalen met VlotPay ging vlot.</p>]]>"
        "</content:encoded></item>"
        for n in range(1, count + 1)
    )
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Reacties op: '
        f"Druk</title>{items}</channel></rss>"
    ).encode()
    return page, feed


def thread_rows() -> list[dict]:
    page, feed = big_thread()
    post = {"id": "https://b.example/druk/", "url": "https://b.example/druk/", "lang": "nl"}
    now = datetime.now(UTC)
    found = len(extract_thread(page, post, now).comments)
    assert found == THREAD, found
    ours = median_time(lambda: extract_thread(page, post, now), runs=RUNS)

    def parse_only() -> None:
        BeautifulSoup(page, "lxml")
        feedparser.parse(io.BytesIO(feed))

    baseline = median_time(parse_only, runs=RUNS)
    return [
        row(
            f"comments per second from a {THREAD:,}-comment page",
            THREAD / ours,
            THREAD / baseline,
            "comments/s",
            baseline_name="BeautifulSoup parse of the page + feedparser of its comment feed",
            better="higher",
            note="authors, dates, bodies and parents extracted; the baseline only parses",
        ),
        row(
            f"read a {THREAD:,}-comment page into threaded items",
            ours,
            baseline,
            "s",
            baseline_name="BeautifulSoup parse of the page + feedparser of its comment feed",
        ),
    ]


def run() -> list[dict]:
    rows = thread_rows()
    unchanged, changed, naive = asyncio.run(measure())
    naive_name = "sequential unconditional fetch + feedparser"
    return [
        row(
            f"refresh {BLOGS} blog feeds, none changed (304)",
            unchanged,
            naive,
            "s",
            baseline_name=naive_name,
            note="robots.txt cached, per-host delay 0",
        ),
        row(
            f"refresh {BLOGS} blog feeds, all changed ({POSTS} new posts each)",
            changed,
            naive,
            "s",
            baseline_name=naive_name,
            note="items built, HTML stripped, per-host delay 0",
        ),
        *rows,
    ]
