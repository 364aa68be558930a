"""Blog comments from a post's HTML, threads intact, whatever engine or theme wrote it.

comment_nodes finds the comments by structure (anchors, hints, repeated blocks);
comment_parts reads each one's author, date and body. Here they become items:
ids are the engine's comment number under the post's id (`<post>#comment-<n>`),
the same number the REST API and the comment feeds give, so a comment read three
ways is one item. Nesting comes from the page (the nearest enclosing comment, an
explicit parent in the anchor), else from `depth-N`-style classes. Pingbacks and
trackbacks are kept apart and never counted. Pages that build their comments
with JavaScript are rendered in headless Chromium (render_with_browser) first.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bs4 import BeautifulSoup
from lxml import etree
from lxml import html as lxml_html
from playwright.async_api import Route, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from agent.sources.browser import CHROMIUM, CHROMIUM_ARGS
from agent.sources.comment_nodes import Node, find_nodes, run_on
from agent.sources.comment_parts import (
    author_of,
    body_element,
    clean_name,
    date_of,
    is_meta,
    is_pingback,
    loose_text,
    own_elements,
    owner_replies,
    text_of,
)
from agent.sources.feeds import MAX_TEXT_LENGTH, iso_utc, thread
from agent.sources.polite import USER_AGENT
from agent.sources.wp_rest import (  # noqa: F401  (re-exported: callers know them from here)
    comments_from_rest,
    link_targets,
    wp_comments_url,
    wp_post_id,
)

SETTLE_MS = 3000  # after the network went quiet, how long comments may still take to appear
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
SCRIPT_HINTS = (
    "//*[@data-comments-src or @data-comments-url or @id='disqus_thread']"
    " | //*[contains(@id, 'comment') or contains(@class, 'comment')]//noscript"
)
WAIT_FOR = "[id^=comment-], [id^=li-comment-], [itemtype*=Comment], .comment, .comments li"
OWNER_NAMED = re.compile(r"\b(?:from|van|von|de|by|door)\s+(.+?)\s*:$", re.I)
DEPTH = re.compile(r"(?:^|[-_])(?:depth|level)[-_](\d+)$")


@dataclass
class Thread:
    comments: list[dict] = field(default_factory=list)
    pingbacks: list[dict] = field(default_factory=list)  # kept apart: links, not people talking


def parse_html(html: str | bytes | BeautifulSoup):
    if isinstance(html, BeautifulSoup):
        html = str(html)
    if not html or not html.strip():
        return lxml_html.document_fromstring("<html></html>")
    try:
        return lxml_html.document_fromstring(html)
    except ValueError:
        # A decoded XHTML page that still declares its encoding: lxml wants the bytes.
        return lxml_html.document_fromstring(
            html.encode("utf-8") if isinstance(html, str) else html
        )
    except etree.ParserError:
        return lxml_html.document_fromstring("<html></html>")


def extract_comments(html: str | bytes | BeautifulSoup, post: Mapping, now: datetime) -> list[dict]:
    """All comments in a post page, in page order, as threaded items (pingbacks left out)."""
    return extract_thread(html, post, now).comments


def extract_thread(html: str | bytes | BeautifulSoup, post: Mapping, now: datetime) -> Thread:
    root = parse_html(html)
    nodes = find_nodes(root)
    owner_of = {element: node for node in nodes for element in node.territory}
    result = Thread()
    by_node: dict[int, dict] = {}
    last_at_depth: dict[int, str] = {}
    page_url = str(post["url"]).split("#")[0]
    # The page's own language tag (en-GB, de-AT) says more about its dates than the post's "en".
    locale = str(root.get("lang") or post.get("lang") or "")
    for node in nodes:
        if len(node.territory) == 1 and _header_only(node):
            # An anchored one-line header ("Anna wrote on ..."): the comment runs on after it.
            node.territory = run_on(node)
            owner_of.update((e, node) for e in node.territory if e not in owner_of)
        made = _comment(node, owner_of, post, page_url, now, locale)
        if made is None:
            continue
        comment, inner = made
        if is_pingback(node, comment["text"]):
            result.pingbacks.append(
                {"id": comment["id"], "url": comment["url"], "text": comment["text"]}
            )
            continue
        parent = _parent(node, owner_of, by_node, result.comments)
        depth = _class_depth(node)
        if parent is not None:
            comment["parent_id"] = parent["id"]
        elif depth and depth > 1:
            comment["parent_id"] = last_at_depth.get(depth - 1, post["id"])
        else:
            comment["parent_id"] = post["id"]
        if depth:
            last_at_depth[depth] = comment["id"]
        by_node[id(node)] = comment
        result.comments.append(comment)
        for reply in inner:
            reply["parent_id"] = comment["id"]
            result.comments.append(reply)
    result.comments = _unique(result.comments)
    thread(result.comments, post["id"])
    return result


def _comment(node: Node, owner_of: dict, post: Mapping, page_url: str, now: datetime, locale: str):
    own = list(own_elements(node, owner_of))
    body = body_element(own)
    inside = owner_replies(body) if body is not None else []
    inside_set = set(inside)

    def not_text(element) -> bool:
        return owner_of.get(element, node) is not node or element in inside_set or is_meta(element)

    def not_meta_text(element) -> bool:
        return owner_of.get(element, node) is not node or element is body

    meta_text = "\n".join(
        text_of(e, not_meta_text, lines=True) for e in node.territory if e is not body
    )
    author = author_of(own, meta_text, page_url)
    if body is not None:
        text = text_of(body, not_text)
    else:
        text = loose_text(node.territory, not_text, author["name"])
    text = text[:MAX_TEXT_LENGTH]
    if not text:
        return None
    key = node.key or "h" + hashlib.sha1(f"{author['name']}|{text}".encode()).hexdigest()[:12]
    comment = {
        "id": f"{post['id']}#comment-{key}",
        "source": "blog",
        "url": f"{page_url}#{node.anchor or 'comment-' + key}",
        "text": text,
        "author": author,
        "seen_at": iso_utc(now),
    }
    published = date_of(own, meta_text, body, locale, post.get("published_at"), now)
    if published:
        comment["published_at"] = published
    if post.get("group"):
        comment["group"] = dict(post["group"])
    replies = []
    owner = str((post.get("author") or {}).get("name") or "")
    for number, element in enumerate(inside, start=1):
        lead = element[0] if len(element) and element[0].tag in ("strong", "b") else None
        said = " ".join(lead.text_content().split()) if lead is not None else ""
        named = OWNER_NAMED.search(said)
        reply_text = text_of(element, lambda e, lead=lead: e is lead or is_meta(e))
        if reply_text:
            reply = {k: v for k, v in comment.items() if k != "published_at"}
            reply["id"] = f"{comment['id']}-r{number}"
            reply["text"] = reply_text[:MAX_TEXT_LENGTH]
            reply["author"] = {"name": clean_name(named.group(1)) if named else owner}
            replies.append(reply)
    return comment, replies


def _header_only(node: Node) -> bool:
    root = node.root
    if root.find(".//p") is not None or root.find(".//br") is not None:
        return False
    if len(root.text_content()) > 150 or body_element([root, *root.iterdescendants()]) is not None:
        return False
    following = root.getnext()
    return (
        following is not None
        and isinstance(following.tag, str)
        and following not in node.anchors
        and (following.find(".//p") is not None or body_element([following]) is not None)
    )


def _parent(node: Node, owner_of: dict, by_node: dict, done: list[dict]) -> dict | None:
    if node.explicit_parent:
        wanted = f"#comment-{node.explicit_parent}"
        found = next((c for c in reversed(done) if c["id"].endswith(wanted)), None)
        if found is not None:
            return found
    for ancestor in node.root.iterancestors():
        owner = owner_of.get(ancestor)
        if owner is not None and owner is not node:
            return by_node.get(id(owner))
    return None


def _class_depth(node: Node) -> int | None:
    for css_class in (node.root.get("class") or "").lower().split():
        match = DEPTH.search(css_class)
        if match:
            return int(match.group(1))
    return None


def _unique(comments: list[dict]) -> list[dict]:
    seen: dict[str, dict] = {}
    for comment in comments:
        seen.setdefault(comment["id"], comment)
    return list(seen.values())


def needs_browser(html: str | bytes | BeautifulSoup) -> bool:
    """True when the comments are evidently filled in by a script (call only with 0 found)."""
    root = parse_html(html)
    return bool(root.xpath(SCRIPT_HINTS))


async def render_with_browser(
    url: str, *, loopback_only: bool = False, timeout: float = 20.0
) -> str:
    """The page's HTML after its scripts ran, from headless Chromium.

    Images, media and fonts are never loaded; with `loopback_only` (tests) nothing
    outside 127.0.0.1 is requested at all.
    """
    from urllib.parse import urlsplit

    async def gate(route: Route) -> None:
        request = route.request
        host = urlsplit(request.url).hostname or ""
        if request.resource_type in {"image", "media", "font"} or (
            loopback_only and host not in LOOPBACK_HOSTS
        ):
            await route.abort()
        else:
            await route.continue_()

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
                await page.wait_for_selector(WAIT_FOR, state="attached", timeout=SETTLE_MS)
            return await page.content()
        finally:
            await browser.close()
