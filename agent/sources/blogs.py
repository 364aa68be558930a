"""One blog source, end to end: its feed or page → new posts and comments as items.

A source is a feed, a blog home page (whose feed we follow) or a single post page.
Comments come from the cheapest faithful place first: the post's own comment
feed, then the WordPress REST API, then the post's HTML (rendered in Chromium
only when a script fills it in). Refreshes are cheap: conditional GETs turn an
unchanged feed into one small 304, and posts whose comment count is already
covered by known comments are not visited again. Nothing here raises for a bad
site: errors are counted and described in the result, so one broken blog never
stops the others.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from playwright.async_api import Error as PlaywrightError

from agent.sources.blog_comments import (
    comments_from_rest,
    extract_comments,
    link_targets,
    needs_browser,
    render_with_browser,
    wp_comments_url,
    wp_post_id,
)
from agent.sources.discover import feed_links, is_post_page, site_title
from agent.sources.feeds import (
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    iso_utc,
    looks_like_feed,
    parse_comment_feed,
    parse_feed,
    parse_iso,
    plain_text,
    primary_language,
    stable_id,
)
from agent.sources.polite import FetchError, PoliteClient, Response

MAX_POSTS = 20  # newest feed entries looked at per refresh
COMMENT_POSTS = 10  # of those, how many have their comments checked
MAX_REST_PAGES = 5
POST_BODY = (  # where the post's own text is, most specific first
    ".entry-content",
    "[itemprop=articleBody]",
    ".post-content",
    ".amp-wp-article-content",
    "article",
)
NOT_POST_BODY = (
    "#comments, .comments-area, .wpcom-comments, #epoch-comments, .amp-wp-comments, form"
)

Renderer = Callable[[str], Awaitable[str]]


@dataclass
class ScrapeResult:
    items: list[dict] = field(default_factory=list)  # only items not in known_ids
    stats: dict[str, int] = field(
        default_factory=lambda: {"requests": 0, "not_modified": 0, "new": 0, "errors": 0}
    )
    errors: list[str] = field(default_factory=list)


async def scrape_blog(
    source: Mapping,
    client: PoliteClient,
    known_ids: set[str],
    now: datetime,
    *,
    render: Renderer = render_with_browser,
) -> ScrapeResult:
    """Scrape one blog source ({"url", "kind"?, "feed_url"?, "page"?} as classify_url made it)."""
    run = _Run(client, known_ids, now, render)
    feed_url = source.get("feed_url")
    if source.get("kind") == "feed" or (feed_url and source.get("page") != "post"):
        await run.feed(feed_url or source["url"])
    else:
        await run.page(source["url"], revisit=source.get("page") == "post")
    return run.finish()


def post_from_page(soup: BeautifulSoup, url: str, now: datetime) -> dict:
    """The post item of a single post page; its id is the canonical URL."""
    canonical = soup.find("link", rel="canonical", href=True)
    post_url = urljoin(url, str(canonical["href"])) if canonical else url.split("#")[0]
    title = _meta(soup, "og:title") or _text(soup.select_one("h1.entry-title, article h1, h1"))
    body = next(filter(None, map(soup.select_one, POST_BODY)), None)  # in order of trust
    if body is not None:
        body = copy.copy(body)
        for noise in body.select(NOT_POST_BODY):
            noise.decompose()
    feeds = [link for link in feed_links(soup, url) if not link["comments"]]
    site = site_title(soup) or urlsplit(url).netloc
    post: dict = {
        "id": stable_id(post_url),
        "source": "blog",
        "kind": "post",
        "url": post_url,
        "text": "\n\n".join(p for p in (title, _text(body)) if p)[:MAX_TEXT_LENGTH],
        "author": {
            "name": (
                _meta(soup, "author", "name")
                or _text(soup.select_one(".entry-meta .author, .byline .author, a[rel=author]"))
                or site
            )[:MAX_NAME_LENGTH]
        },
        "seen_at": iso_utc(now),
        "group": {"id": feeds[0]["url"] if feeds else urljoin(url, "/"), "name": site},
    }
    stamp = soup.select_one("time.entry-date[datetime], article time[datetime]")
    published = parse_iso(_meta(soup, "article:published_time") or (stamp or {}).get("datetime"))
    if published:
        post["published_at"] = published
    lang = primary_language(str(soup.html.get("lang", "")) if soup.html else None)
    if lang:
        post["lang"] = lang
    return post


class _Run:
    def __init__(self, client: PoliteClient, known: set[str], now: datetime, render: Renderer):
        self.client, self.known, self.now, self.render = client, known, now, render
        self.result = ScrapeResult()
        self.seen: set[str] = set()
        self._comment_counts: dict[str, int] | None = None

    def finish(self) -> ScrapeResult:
        self.result.stats["new"] = len(self.result.items)
        self.result.stats["errors"] = len(self.result.errors)
        return self.result

    def error(self, message: str) -> None:
        self.result.errors.append(message)

    def add(self, items: Iterable[dict]) -> None:
        for item in items:
            if item["id"] not in self.known and item["id"] not in self.seen:
                self.seen.add(item["id"])
                self.result.items.append(item)

    async def fetch(
        self, url: str, *, conditional: bool = True, quiet: bool = False
    ) -> Response | None:
        """A usable response (200 or 304), or None with the reason recorded unless `quiet`."""
        try:
            response = await self.client.get(url, conditional=conditional)
        except FetchError as exc:
            if not quiet:
                self.error(str(exc))
            return None
        self.result.stats["requests"] += response.requests
        if response.not_modified:
            self.result.stats["not_modified"] += 1
        elif not response.ok:
            if not quiet:
                self.error(f"{url}: HTTP {response.status}")
            return None
        return response

    async def feed(self, url: str, response: Response | None = None) -> None:
        response = response or await self.fetch(url)
        if response is None or response.not_modified:
            return
        try:
            feed = parse_feed(
                response.body, url, self.now, response.headers.get("Content-Type", "")
            )
        except ValueError as exc:
            self.error(str(exc))
            return
        posts = feed.posts[:MAX_POSTS]
        self.add(posts)
        for post in posts[:COMMENT_POSTS]:
            if not self._comments_settled(post):
                await self.comments(post, feed.comment_feeds.get(post["id"]))

    async def page(self, url: str, revisit: bool) -> None:
        response = await self.fetch(url, conditional=revisit)
        if response is None or response.not_modified:
            return
        if looks_like_feed(response.content_type, response.body):
            await self.feed(url, response)
            return
        soup = BeautifulSoup(response.body, "lxml")
        links = feed_links(soup, response.url)
        if is_post_page(soup):
            post = post_from_page(soup, response.url, self.now)
            self.add([post])
            own_path = urlsplit(post["url"]).path.rstrip("/") + "/"
            comment_feed = next(
                (
                    link["url"]
                    for link in links
                    if link["comments"] and urlsplit(link["url"]).path.startswith(own_path)
                ),
                None,
            )
            await self.comments(post, comment_feed, page=response)
            return
        site_feeds = [link["url"] for link in links if not link["comments"]]
        if not site_feeds:
            self.error(f"{url}: no RSS or Atom feed announced on the page")
            return
        await self.feed(site_feeds[0])

    async def comments(self, post: dict, comment_feed: str | None, page: Response | None = None):
        if comment_feed:
            response = await self.fetch(comment_feed, quiet=True)
            if response is not None and response.not_modified:
                return
            if response is not None:
                try:
                    self.add(parse_comment_feed(response.body, comment_feed, post, self.now))
                    return
                except ValueError:
                    pass  # not a feed after all: the page will tell
        page = page or await self.fetch(post["url"])
        if page is None or page.not_modified:
            return
        soup = BeautifulSoup(page.body, "lxml")
        links = link_targets(soup, page.headers, page.url)
        number = wp_post_id(soup, links)
        if number is not None and await self.rest_comments(
            wp_comments_url(page.url, links, number), post
        ):
            return
        found = extract_comments(soup, post, self.now)
        if not found and needs_browser(soup):
            found = await self.rendered_comments(page.url, post)
        self.add(found)

    async def rest_comments(self, url: str, post: dict) -> bool:
        """Comments from the WordPress REST API; False when it is not there to ask."""
        rows: list = []
        for page_number in range(1, MAX_REST_PAGES + 1):
            page_url = url if page_number == 1 else f"{url}&page={page_number}"
            # New comments land on page 1, so an unchanged page 1 means nothing new.
            response = await self.fetch(page_url, conditional=page_number == 1, quiet=True)
            if response is not None and response.not_modified:
                return True
            if response is None or "json" not in response.content_type:
                return False
            try:
                batch = json.loads(response.body)
            except ValueError:
                return False
            rows.extend(batch if isinstance(batch, list) else [])
            total = response.headers.get("X-WP-TotalPages", "1")
            if not total.isdigit() or page_number >= int(total):
                break
        try:
            self.add(comments_from_rest(rows, post, self.now))
        except ValueError:
            return False
        return True

    async def rendered_comments(self, url: str, post: dict) -> list[dict]:
        try:
            await self.client.ensure_allowed(url)
            await self.client.wait_turn(url)
            html = await self.render(url)
        except (FetchError, PlaywrightError) as exc:
            self.error(f"{url}: comments could not be rendered ({exc})")
            return []
        self.result.stats["requests"] += 1
        return extract_comments(html, post, self.now)

    def _comments_settled(self, post: dict) -> bool:
        """No need to visit: the feed says there are none, or we know as many as it counts."""
        count = post.get("comments_count")
        if count is None:
            return False
        return count == 0 or self._known_comments().get(post["id"], 0) >= count

    def _known_comments(self) -> dict[str, int]:
        """Known comments per post id, counted once per run ("<post id>#comment-<n>")."""
        if self._comment_counts is None:
            self._comment_counts = {}
            for known in self.known:
                post_id, marker, number = known.rpartition("#comment-")
                if marker and number.isdigit():
                    self._comment_counts[post_id] = self._comment_counts.get(post_id, 0) + 1
        return self._comment_counts


def _meta(soup: BeautifulSoup, key: str, attribute: str = "property") -> str:
    tag = soup.find("meta", attrs={attribute: key})
    return plain_text(str(tag.get("content", ""))) if tag else ""


def _text(element: object) -> str:
    return plain_text(element.decode_contents()) if hasattr(element, "decode_contents") else ""
