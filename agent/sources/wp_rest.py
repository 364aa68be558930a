"""The WordPress side of a thread: the post id a page gives away, and the REST comments API.

The REST API is the most faithful source of a thread (every comment, its parent,
its exact time), so Roos asks it first whenever the page tells the post id:
the shortlink `?p=N`, the REST alternate link, `body.postid-N`, the comment
form's `comment_post_ID`, or a `data-postid` attribute.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from agent.sources.feeds import (
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    iso_utc,
    parse_iso,
    plain_text,
    thread,
)

REST_POST = re.compile(r"/wp/v2/posts/(\d+)")
POST_ID_ATTRS = ("data-postid", "data-post-id", "data-post_id")


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
    """The WordPress post id: shortlink ?p=N, REST link, body.postid-N, comment_post_ID, data-postid."""
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
    field = soup.find("input", attrs={"name": "comment_post_ID"})
    value = str(field.get("value") or "") if isinstance(field, Tag) else ""
    if value.isdigit():
        return int(value)
    for attribute in POST_ID_ATTRS:
        tagged = soup.find(attrs={attribute: re.compile(r"^\d+$")})
        if isinstance(tagged, Tag):
            return int(str(tagged[attribute]))
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
