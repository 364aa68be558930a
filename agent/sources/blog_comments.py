"""Blog comments from a post's HTML or from the WordPress REST API, threads intact.

Each comment markup Roos knows is one row in MARKUPS (standard WordPress,
WordPress.com, the Epoch plugin, AMP themes); the first markup that yields
comments wins. A comment's parent is the comment it is nested in, or, for flat
lists, the last comment one `depth-N` level up. Only nodes with their own
comment text count, so a "12 reacties" counter, a like button or the "Leave a
reply" form never become comments. Pages that build their comments with
JavaScript are rendered in headless Chromium (render_with_browser) first.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from playwright.async_api import Route, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from agent.sources.browser import CHROMIUM, CHROMIUM_ARGS
from agent.sources.feeds import (
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    iso_utc,
    parse_iso,
    plain_text,
    thread,
)
from agent.sources.polite import USER_AGENT

SETTLE_MS = 3000  # after the network went quiet, how long comments may still take to appear
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
SCRIPT_HINTS = (
    "[data-comments-src], [data-comments-url], [id*=comment] noscript, [class*=comment] noscript"
)
DEPTH_CLASS = re.compile(r"(?:^|-)depth-(\d+)$")
COMMENT_ID = re.compile(r"comment-(\d+)$")
REST_POST = re.compile(r"/wp/v2/posts/(\d+)")


@dataclass(frozen=True)
class Markup:
    name: str
    node: str
    author: str
    content: str
    time: str


MARKUPS = (
    Markup(
        "wordpress",
        "ol.comment-list li.comment, ul.comment-list li.comment, ol.commentlist li.comment",
        ".comment-author .fn",
        ".comment-content",
        ".comment-metadata time[datetime], .comment-meta time[datetime]",
    ),
    Markup(
        "wordpress.com",
        "ol.wpcom-comment-list li.wpcom-comment",
        ".comment-author-name, cite.fn",
        ".comment-text",
        "time[datetime]",
    ),
    Markup(
        "epoch",
        ".epoch-comments-list .epoch-comment, #epoch-comments .epoch-comment",
        ".epoch-comment-author-name",
        ".epoch-comment-content",
        "time.epoch-comment-date[datetime], .epoch-comment-date[datetime]",
    ),
    Markup(
        "amp",
        ".amp-wp-comments li.amp-wp-comment",
        ".amp-wp-comment-author",
        ".amp-wp-comment-content",
        ".amp-wp-comment-meta time[datetime], amp-timeago[datetime], time[datetime]",
    ),
)


def extract_comments(html: str | BeautifulSoup, post: Mapping, now: datetime) -> list[dict]:
    """All comments in a post page, in page order, as threaded items."""
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "lxml")
    for markup in MARKUPS:
        comments = _extract(soup, markup, post, now)
        if comments:
            return comments
    return []


def needs_browser(soup: BeautifulSoup) -> bool:
    """True when the comments are evidently filled in by a script (call only with 0 found)."""
    return soup.select_one(SCRIPT_HINTS) is not None


def _extract(soup: BeautifulSoup, markup: Markup, post: Mapping, now: datetime) -> list[dict]:
    nodes = [node for node in soup.select(markup.node) if not node.find_parent("form")]
    node_ids = {id(node) for node in nodes}
    found: dict[int, dict] = {}
    last_at_depth: dict[int, str] = {}
    for ordinal, node in enumerate(nodes, start=1):
        content = _own(node, markup.content, node_ids)
        text = plain_text(content.decode_contents())[:MAX_TEXT_LENGTH] if content else ""
        if not text:
            continue
        number = _node_number(node) or ordinal
        comment_id = f"{post['id']}#comment-{number}"
        holder = next((p for p in node.parents if id(p) in node_ids), None)
        parent_comment = found.get(id(holder)) if holder is not None else None
        if parent_comment is not None:
            depth, parent_id = parent_comment["depth"] + 1, parent_comment["id"]
        else:
            depth = _class_depth(node) or 1
            parent_id = last_at_depth.get(depth - 1, post["id"]) if depth > 1 else post["id"]
        last_at_depth[depth] = comment_id
        found[id(node)] = {
            "id": comment_id,
            "source": "blog",
            "url": f"{post['url'].split('#')[0]}#comment-{number}",
            "text": text,
            "author": _author(_own(node, markup.author, node_ids), post["url"]),
            "seen_at": iso_utc(now),
            "parent_id": parent_id,
            "depth": depth,
        }
        stamp = _own(node, markup.time, node_ids)
        published = parse_iso(stamp.get("datetime") if stamp else None)
        if published:
            found[id(node)]["published_at"] = published
        if post.get("group"):
            found[id(node)]["group"] = dict(post["group"])
    return thread(list(found.values()), post["id"])


def _own(node: Tag, selector: str, node_ids: set[int]) -> Tag | None:
    """The first match inside `node` that belongs to it, not to a reply nested within."""
    for candidate in node.select(selector):
        owner = next((p for p in candidate.parents if id(p) in node_ids), None)
        if owner is node:
            return candidate
    return None


def _node_number(node: Tag) -> int | None:
    for element in (node, node.find(id=COMMENT_ID)):
        if isinstance(element, Tag):
            match = COMMENT_ID.search(str(element.get("id") or ""))
            if match:
                return int(match.group(1))
    return None


def _class_depth(node: Tag) -> int | None:
    for css_class in node.get("class") or []:
        match = DEPTH_CLASS.search(css_class)
        if match:
            return int(match.group(1))
    return None


def _author(element: Tag | None, base_url: str) -> dict:
    if element is None:
        return {"name": ""}
    author = {"name": plain_text(element.decode_contents())[:MAX_NAME_LENGTH]}
    link = element if element.name == "a" else element.find("a", href=True)
    href = link.get("href") if isinstance(link, Tag) else None
    if href:
        absolute = urljoin(base_url, str(href))
        if absolute.startswith(("http://", "https://")):
            author["profile_url"] = absolute
    return author


def link_targets(soup: BeautifulSoup, headers: Mapping[str, str], base_url: str) -> dict[str, str]:
    """rel → absolute href, from <link> elements and the HTTP Link header (the header wins)."""
    found: dict[str, str] = {}
    for link in soup.find_all("link", href=True):
        rels = link.get("rel") or []
        rel = " ".join(rels) if isinstance(rels, list) else str(rels)
        kind = str(link.get("type") or "")
        key = f"{rel}|{kind}" if kind == "application/json" else rel
        found.setdefault(key, urljoin(base_url, str(link["href"])))
    for href, params in re.findall(r"<([^>]*)>\s*((?:;\s*[^;,]+)*)", headers.get("Link", "")):
        rel = re.search(r'rel="?([^";]+)"?', params)
        kind = re.search(r'type="?([^";]+)"?', params)
        if rel:
            key = rel.group(1) + (f"|{kind.group(1)}" if kind and "json" in kind.group(1) else "")
            found[key] = urljoin(base_url, href)
    return found


def wp_post_id(soup: BeautifulSoup, links: Mapping[str, str]) -> int | None:
    """The WordPress post id: shortlink ?p=123, the REST alternate link, or body.postid-123."""
    shortlink = parse_qs(urlsplit(links.get("shortlink", "")).query).get("p", [""])[0]
    if shortlink.isdigit():
        return int(shortlink)
    match = REST_POST.search(links.get("alternate|application/json", ""))
    if match:
        return int(match.group(1))
    body = soup.find("body")
    for css_class in (body.get("class") or []) if isinstance(body, Tag) else []:
        if css_class.startswith("postid-") and css_class[7:].isdigit():
            return int(css_class[7:])
    return None


def wp_comments_url(page_url: str, links: Mapping[str, str], post_number: int) -> str:
    """/wp-json/wp/v2/comments?post=<id>&per_page=100 under the site's REST root."""
    root = links.get("https://api.w.org/")
    rest_post = links.get("alternate|application/json", "")
    if not root and "/wp/v2/" in rest_post:
        root = rest_post.split("wp/v2/")[0]
    parts = urlsplit(page_url)
    root = root or f"{parts.scheme}://{parts.netloc}/wp-json/"
    query = f"post={post_number}&per_page=100"
    if "rest_route=" in root:
        return f"{root.rstrip('/')}/wp/v2/comments&{query}"
    return f"{root.rstrip('/')}/wp/v2/comments?{query}"


def comments_from_rest(data: object, post: Mapping, now: datetime) -> list[dict]:
    """WordPress REST comments (a JSON list) → threaded comment items, oldest first."""
    if not isinstance(data, list):
        raise ValueError("WordPress REST API did not answer with a list of comments")
    rows = sorted(
        (row for row in data if isinstance(row, dict) and isinstance(row.get("id"), int)),
        key=lambda row: str(row.get("date_gmt") or row.get("date") or ""),
    )
    comments = []
    for row in rows:
        parent = row.get("parent") if isinstance(row.get("parent"), int) else 0
        content = row.get("content") if isinstance(row.get("content"), dict) else {}
        comment = {
            "id": f"{post['id']}#comment-{row['id']}",
            "source": "blog",
            "url": str(row.get("link") or f"{post['url'].split('#')[0]}#comment-{row['id']}"),
            "text": plain_text(str(content.get("rendered") or ""))[:MAX_TEXT_LENGTH],
            "author": {"name": plain_text(str(row.get("author_name") or ""))[:MAX_NAME_LENGTH]},
            "seen_at": iso_utc(now),
            "parent_id": f"{post['id']}#comment-{parent}" if parent else post["id"],
        }
        if str(row.get("author_url") or "").startswith(("http://", "https://")):
            comment["author"]["profile_url"] = row["author_url"]
        published = parse_iso(f"{row['date_gmt']}+00:00" if row.get("date_gmt") else None)
        if published:
            comment["published_at"] = published
        if post.get("group"):
            comment["group"] = dict(post["group"])
        comments.append(comment)
    return thread(comments, post["id"])


async def render_with_browser(
    url: str, *, loopback_only: bool = False, timeout: float = 20.0
) -> str:
    """The page's HTML after its scripts ran, from headless Chromium.

    Images, media and fonts are never loaded; with `loopback_only` (tests) nothing
    outside 127.0.0.1 is requested at all.
    """

    async def gate(route: Route) -> None:
        request = route.request
        host = urlsplit(request.url).hostname or ""
        if request.resource_type in {"image", "media", "font"} or (
            loopback_only and host not in LOOPBACK_HOSTS
        ):
            await route.abort()
        else:
            await route.continue_()

    waiting = ", ".join(markup.node for markup in MARKUPS)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            context = await browser.new_context(user_agent=USER_AGENT, service_workers="block")
            await context.route("**/*", gate)
            page = await context.new_page()
            await page.goto(url, wait_until="networkidle", timeout=timeout * 1000)
            # Scripts done and still no comments after SETTLE_MS: the post has none.
            with contextlib.suppress(PlaywrightTimeout):
                await page.wait_for_selector(waiting, state="attached", timeout=SETTLE_MS)
            return await page.content()
        finally:
            await browser.close()
