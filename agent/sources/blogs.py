"""One blog source, end to end: its feed or page → new posts and comments as items.

A source is a feed, a blog home page (whose feed we follow), a single post page,
or a page without any feed that carries comments (watched itself). Whole threads
come first: the WordPress REST API (every page, with parents) whenever the post
number is known (from the feed's guid or the page), else the post's HTML with
all its comment pages, rendered in Chromium only when a script fills it in. A
per-post comment feed is only a cheap refresh: WordPress caps it at the newest
10 without parents, so it settles nothing unless, with what Roos already knows,
it accounts for the post's comment count. Posts are known by their canonical
URL, whichever way they were found; a feed's guid is kept as an alias so items
stored under it earlier are not taken for new. Refreshes are cheap: conditional
GETs turn an unchanged feed or page into one small 304, and posts whose comment
count is already covered are not visited again. Nothing here raises for a bad
site: problems are recorded as translation keys (messages.py) in the result, so
one broken blog never stops the others.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Awaitable, Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from playwright.async_api import Error as PlaywrightError

from agent.sources.blog_comments import (
    Thread,
    comments_from_rest,
    extract_comments,
    extract_thread,
    link_targets,
    needs_browser,
    parse_html,
    render_with_browser,
    wp_comments_url,
    wp_post_id,
)
from agent.sources.canonical import without_tracking, wp_number
from agent.sources.comment_pages import comment_page_links
from agent.sources.discover import feed_links, is_post_page, looks_like_login, site_title
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
from agent.sources.feeds import thread as feed_thread
from agent.sources.messages import problem
from agent.sources.polite import FetchError, PoliteClient, Response

MAX_POSTS = 20  # newest feed entries looked at per refresh
COMMENT_POSTS = 10  # of those, how many have their comments checked
MAX_REST_PAGES = 20  # of 100 comments each
MAX_COMMENT_PAGES = 20  # paginated comment pages followed per post
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
        default_factory=lambda: {
            "requests": 0,
            "not_modified": 0,
            "new": 0,
            "errors": 0,
            "pingbacks": 0,  # seen in threads, kept apart, never items
        }
    )
    errors: list[str] = field(default_factory=list)  # in English, as before
    problems: list[dict] = field(default_factory=list)  # the same, as messages.problem()


async def scrape_blog(
    source: Mapping,
    client: PoliteClient,
    known_ids: Container[str],
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
    post_url = without_tracking(urljoin(url, str(canonical["href"])) if canonical else url)
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
    def __init__(
        self, client: PoliteClient, known: Container[str], now: datetime, render: Renderer
    ):
        self.client, self.known, self.now, self.render = client, known, now, render
        self.result = ScrapeResult()
        self.seen: set[str] = set()
        self.aliases: dict[str, str] = {}  # post id → the id an older Roos stored it under
        self.wp_numbers: dict[str, int] = {}  # post id → WordPress post number, when known
        self._comment_counts: dict[str, int] | None = None

    def finish(self) -> ScrapeResult:
        self.result.stats["new"] = len(self.result.items)
        self.result.stats["errors"] = len(self.result.errors)
        return self.result

    def error(self, problem: dict) -> None:
        self.result.errors.append(problem["en"])
        self.result.problems.append(problem)

    def is_known(self, item_id: str) -> bool:
        if item_id in self.known or item_id in self.seen:
            return True
        post_id, marker, rest = item_id.partition("#")
        alias = self.aliases.get(post_id)
        return bool(alias) and (f"{alias}{marker}{rest}" in self.known)

    def add(self, items: Iterable[dict]) -> None:
        for item in items:
            if not self.is_known(item["id"]):
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
                self.error(exc.problem)
            return None
        self.result.stats["requests"] += response.requests
        if response.not_modified:
            self.result.stats["not_modified"] += 1
        elif not response.ok or looks_like_login(response.url, url):
            if not quiet:
                login = response.status in (401, 407) or looks_like_login(response.url, url)
                self.error(
                    problem("login_required", url=url)
                    if login
                    else problem("http_error", url=url, status=response.status)
                )
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
        except ValueError:
            self.error(problem("bad_feed", url=url))
            return
        self.aliases.update(feed.aliases)
        for post_id, guid in feed.aliases.items():
            number = wp_number(guid)
            if number is not None:
                self.wp_numbers[post_id] = number
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
        site_feeds = [link["url"] for link in links if not link["comments"]]
        if is_post_page(soup) or not site_feeds:
            post = post_from_page(soup, response.url, self.now)
            found = extract_thread(page_html(response), post, self.now)
            if not site_feeds and not is_post_page(soup) and not found.comments:
                self.error(problem("not_blog", url=url, kind="a web page without feed or comments"))
                return
            self._remember_page(post, soup, response)
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
            await self.comments(post, comment_feed, page=response, thread=found)
            return
        await self.feed(site_feeds[0])

    def _remember_page(self, post: dict, soup: BeautifulSoup, page: Response) -> None:
        """The page's shortlink `?p=N` is the id an older Roos gave the post from the feed."""
        links = link_targets(soup, page.headers, page.url)
        number = wp_post_id(soup, links)
        if number is not None:
            self.wp_numbers[post["id"]] = number
        shortlink = links.get("shortlink")
        if shortlink and shortlink != post["id"]:
            self.aliases.setdefault(post["id"], shortlink)

    async def comments(
        self,
        post: dict,
        comment_feed: str | None,
        page: Response | None = None,
        thread: Thread | None = None,
    ) -> None:
        """The whole thread: REST first, else the page (all its comment pages); the comment
        feed only settles a refresh when it holds as many comments as the post has."""
        from_feed: list[dict] = []
        # With the page in hand its thread costs nothing more; the feed is for refreshes.
        if comment_feed and page is None:
            response = await self.fetch(comment_feed, quiet=True)
            if response is not None and response.not_modified and self._covered(post, []):
                return
            if response is not None and not response.not_modified:
                with contextlib.suppress(ValueError):
                    from_feed = parse_comment_feed(response.body, comment_feed, post, self.now)
            if from_feed and self._covered(post, from_feed):
                self.add(from_feed)
                return
        number = self.wp_numbers.get(post["id"])
        if number is not None and page is None:
            # The feed told the post number: the REST API before the page.
            rest = await self.rest_comments(wp_comments_url(post["url"], {}, number), post)
            if rest is not None:
                self.add(_merged(rest, from_feed))
                return
        page = page or await self.fetch(post["url"])
        if page is None or page.not_modified:
            self.add(from_feed)
            return
        soup = BeautifulSoup(page.body, "lxml")
        links = link_targets(soup, page.headers, page.url)
        number = wp_post_id(soup, links)
        if number is not None:
            rest = await self.rest_comments(wp_comments_url(page.url, links, number), post)
            if rest is not None:
                self.add(_merged(rest, from_feed))
                return
        found = await self.page_comments(page, post, thread)
        if not found and comment_feed and not from_feed:
            # A page that builds its thread with a script: its feed is the cheap way in.
            response = await self.fetch(comment_feed, quiet=True)
            if response is not None and not response.not_modified:
                with contextlib.suppress(ValueError):
                    from_feed = parse_comment_feed(response.body, comment_feed, post, self.now)
        if not found and not from_feed and needs_browser(page.body):
            found = await self.rendered_comments(page.url, post)
        self.add(_merged(found, from_feed))

    async def page_comments(self, page: Response, post: dict, first: Thread | None) -> list[dict]:
        """Comments of every page of the thread, following its pagination links (bounded)."""
        thread = first or extract_thread(page_html(page), post, self.now)
        comments = list(thread.comments)
        self.result.stats["pingbacks"] += len(thread.pingbacks)
        visited = {page.url.split("#")[0]}
        queue = comment_page_links(parse_html(page.body), page.url)
        while queue and len(visited) <= MAX_COMMENT_PAGES:
            url = queue.pop(0)
            if url in visited:
                continue
            visited.add(url)
            response = await self.fetch(url, conditional=False, quiet=True)
            if response is None or response.not_modified:
                continue
            more = extract_thread(page_html(response), post, self.now)
            comments.extend(more.comments)
            self.result.stats["pingbacks"] += len(more.pingbacks)
            queue.extend(
                link
                for link in comment_page_links(parse_html(response.body), response.url)
                if link not in visited and link not in queue
            )
        unique = list({comment["id"]: comment for comment in comments}.values())
        return feed_thread(unique, post["id"])

    async def rest_comments(self, url: str, post: dict) -> list[dict] | None:
        """Every comment from the WordPress REST API; None when it is not there to ask.

        An unchanged first page (304) means nothing new: an empty list.
        """
        rows: list = []
        for page_number in range(1, MAX_REST_PAGES + 1):
            page_url = url if page_number == 1 else f"{url}&page={page_number}"
            # New comments land on page 1, so an unchanged page 1 means nothing new.
            response = await self.fetch(page_url, conditional=page_number == 1, quiet=True)
            if response is not None and response.not_modified:
                return []
            if response is None or "json" not in response.content_type:
                return None
            try:
                batch = json.loads(response.body)
            except ValueError:
                return None
            rows.extend(batch if isinstance(batch, list) else [])
            total = response.headers.get("X-WP-TotalPages", "1")
            if not total.isdigit() or page_number >= int(total):
                break
        try:
            return comments_from_rest(rows, post, self.now)
        except ValueError:
            return None

    async def rendered_comments(self, url: str, post: dict) -> list[dict]:
        try:
            await self.client.ensure_allowed(url)
            await self.client.wait_turn(url)
            html = await self.render(url)
        except FetchError as exc:
            self.error(exc.problem)
            return []
        except PlaywrightError:
            self.error(problem("render_failed", url=url))
            return []
        self.result.stats["requests"] += 1
        return extract_comments(html, post, self.now)

    def _covered(self, post: dict, extra: list[dict]) -> bool:
        """Known comments plus `extra` account for the post's comment count (so nothing is
        missing). Without a count a capped feed proves nothing."""
        count = post.get("comments_count")
        if count is None:
            return False
        ids = {c["id"] for c in extra if not self.is_known(c["id"])}
        return self._known_comments_of(post) + len(ids) >= count

    def _comments_settled(self, post: dict) -> bool:
        """No need to visit: the feed says there are none, or we know as many as it counts."""
        count = post.get("comments_count")
        if count is None:
            return False
        return count == 0 or self._known_comments_of(post) >= count

    def _known_comments_of(self, post: dict) -> int:
        counts = self._known_comments()
        alias = self.aliases.get(post["id"])
        return counts.get(post["id"], 0) + (counts.get(alias, 0) if alias else 0)

    def _known_comments(self) -> dict[str, int]:
        """Known comments per post id, counted once per run ("<post id>#comment-<n>")."""
        if self._comment_counts is None:
            self._comment_counts = {}
            for known in self.known if isinstance(self.known, Iterable) else ():
                post_id, marker, _ = known.rpartition("#comment-")
                if marker:
                    self._comment_counts[post_id] = self._comment_counts.get(post_id, 0) + 1
        return self._comment_counts


def page_html(response: Response) -> str | bytes:
    """Decoded text when the server names its charset; bytes (for the page's own <meta>) if not."""
    return (
        response.text
        if "charset=" in response.headers.get("Content-Type", "").lower()
        else response.body
    )


def _merged(primary: list[dict], from_feed: list[dict]) -> list[dict]:
    """The thread as read in full, plus feed comments it does not have (newer than its copy)."""
    ids = {comment["id"] for comment in primary}
    return primary + [comment for comment in from_feed if comment["id"] not in ids]


def _meta(soup: BeautifulSoup, key: str, attribute: str = "property") -> str:
    tag = soup.find("meta", attrs={attribute: key})
    return plain_text(str(tag.get("content", ""))) if tag else ""


def _text(element: object) -> str:
    return plain_text(element.decode_contents()) if hasattr(element, "decode_contents") else ""
