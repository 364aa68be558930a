"""RSS and Atom feeds → Roos items, tolerant of the feeds blogs really serve.

feedparser only ever gets bytes Roos fetched itself (wrapped in a stream, so it
can neither fetch a URL nor open a local file on its own). Feeds in the wild
have blank lines before the XML prolog, empty titles, empty wfw:commentRss
elements and invalid XML ("bozo") while still carrying good entries, so we
repair what is cheap to repair and keep every entry feedparser recovers.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser
from lxml import etree
from lxml import html as lxml_html

from agent.sources.canonical import without_tracking

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
    | {"application/x-rss+xml", "application/x-atom+xml", "text/rss+xml", "text/atom+xml"}
)
# Types a feed is served as in the wild besides its own: any XML, and pages and files.
SNIFFED_TYPES = frozenset({"text/html", "text/plain", "application/octet-stream", ""})
FEED_OPENINGS = (b"<?xml", b"<rss", b"<feed", b"<rdf:rdf", b"<!--", b"<?xml-stylesheet")
# Elements that separate words; inline ones (<b>, <a>, <span>) do not.
BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "hr", "tr", "td", "th")
BLOCK_TAGS += ("h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "section", "article")
MAX_ID_LENGTH = 400  # item ids may be 512 long; comment ids add "#comment-<n>"
MAX_TEXT_LENGTH = 100_000
MAX_NAME_LENGTH = 200
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# WordPress "#comment-12", Blogger "#c5177765368903808290" and its ".post-<n>" entry ids.
COMMENT_NUMBER = re.compile(r"(?:comment-|#c|\.post-)(\d+)\b")


@dataclass
class Feed:
    url: str
    title: str
    site_url: str | None
    lang: str | None
    posts: list[dict] = field(default_factory=list)
    comment_feeds: dict[str, str] = field(default_factory=dict)  # post id → wfw:commentRss
    aliases: dict[str, str] = field(default_factory=dict)  # post id → its guid, if different
    bozo: bool = False


def plain_text(html: str | None) -> str:
    """HTML (or plain text) → one line of readable text with normalised whitespace.

    lxml rather than BeautifulSoup: this runs on every post and comment Roos sees.
    """
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    try:
        root = lxml_html.fragment_fromstring(CONTROL_CHARS.sub("", html), create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html.split())
    for dropped in list(root.iter("script", "style", "template")):
        dropped.drop_tree()
    for block in root.iter(*BLOCK_TAGS):
        block.text = " " + (block.text or "")
        block.tail = " " + (block.tail or "")
    return " ".join(etree.tostring(root, method="text", encoding="unicode").split())


def iso_utc(value: datetime | time.struct_time | None) -> str | None:
    """ISO 8601 in UTC with a Z, the one timestamp format items carry."""
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        value = datetime(*value[:6], tzinfo=UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str | None) -> str | None:
    """An ISO 8601 string from a page or an API (with or without offset) → iso_utc, or None."""
    if not value:
        return None
    try:
        return iso_utc(datetime.fromisoformat(value.strip()))
    except ValueError:
        return None


def primary_language(tag: str | None) -> str | None:
    """ "nl-NL" → "nl"."""
    code = (tag or "").strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def stable_id(raw: str) -> str:
    """The item id for a guid or link; absurdly long ones are hashed to fit the store's key."""
    if len(raw) <= MAX_ID_LENGTH:
        return raw
    return "sha256:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def comment_number(*candidates: str | None) -> int | None:
    for candidate in candidates:
        match = COMMENT_NUMBER.search(candidate or "")
        if match:
            return int(match.group(1))
    return None


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """A feed by its content: any XML-ish or page type whose body opens like RSS/Atom/RDF.

    Headers lie: feeds come as application/x-rss+xml, text/xml, text/plain and even
    text/html. The body decides; a feed content type alone is trusted as before.
    """
    kind = content_type.lower()
    if kind in FEED_TYPES:
        return True
    xmlish = kind.endswith("xml") or "+xml" in kind or "rss" in kind or "atom" in kind
    if not xmlish and kind not in SNIFFED_TYPES:
        return False
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n\x00").lower()
    if not head.startswith(FEED_OPENINGS):
        return False
    return any(marker in head for marker in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(body: bytes, url: str, content_type: str = "") -> feedparser.FeedParserDict:
    """feedparser on bytes we fetched, after trimming junk before the XML prolog."""
    trimmed = body.lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    if body.startswith(b"\xef\xbb\xbf") and not trimmed.startswith(b"\xef\xbb\xbf"):
        trimmed = b"\xef\xbb\xbf" + trimmed
    # feedparser trusts the type: a feed served as text/html or text/plain would be read
    # as a broken page. Roos sniffed it as a feed, so it is XML.
    kind = content_type.split(";")[0].strip().lower()
    if not (kind.endswith("xml") or "+xml" in kind):
        content_type = "application/xml"
    headers = {"content-location": url, "content-type": content_type}
    # Items carry plain text only, so feedparser's HTML sanitising and link rewriting
    # would be work thrown away.
    return feedparser.parse(
        io.BytesIO(trimmed),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )


def is_parsed_feed(parsed: Mapping) -> bool:
    return bool(parsed.get("version")) or bool(parsed.get("entries"))


def parse_feed(body: bytes, url: str, now: datetime, content_type: str = "") -> Feed:
    """A blog's posts feed → Feed with post items. ValueError when it is no feed at all."""
    parsed = read_feed(body, url, content_type)
    if not is_parsed_feed(parsed):
        raise ValueError(f"{url} is not an RSS or Atom feed")
    meta = parsed.feed
    site_url = meta.get("link") or None
    title = plain_text(meta.get("title")) or urlsplit(site_url or url).netloc
    feed = Feed(
        url, title, site_url, primary_language(meta.get("language")), bozo=bool(parsed.bozo)
    )
    fallback_author = (meta.get("author_detail") or {}).get("name") or title
    for entry in parsed.entries:
        item = post_item(entry, feed, fallback_author, now)
        if item is None:
            continue
        feed.posts.append(item)
        guid = stable_id((entry.get("id") or "").strip())
        if guid and guid != item["id"]:
            feed.aliases[item["id"]] = guid
        comment_feed = _comment_feed_url(entry)
        if comment_feed:
            feed.comment_feeds[item["id"]] = comment_feed
    return feed


def post_item(entry: Mapping, feed: Feed, fallback_author: str, now: datetime) -> dict | None:
    link = (entry.get("link") or "").strip()
    # The post's address is its id (the page gives the same one); the guid is only an alias.
    post_id = stable_id(without_tracking(link) if link else (entry.get("id") or "").strip())
    if not post_id:
        return None
    title = plain_text(entry.get("title"))
    body = plain_text(_entry_html(entry))
    item: dict = {
        "id": post_id,
        "source": "blog",
        "kind": "post",
        "url": without_tracking(link) if link else post_id,
        "text": "\n\n".join(part for part in (title, body) if part)[:MAX_TEXT_LENGTH],
        "author": _author(entry, fallback_author),
        "seen_at": iso_utc(now),
        "group": {"id": feed.url, "name": feed.title},
    }
    published = iso_utc(entry.get("published_parsed") or entry.get("updated_parsed"))
    if published:
        item["published_at"] = published
    count = str(entry.get("slash_comments") or entry.get("thr_total") or "").strip()
    if count.isdigit():
        item["comments_count"] = int(count)
    lang = primary_language((entry.get("title_detail") or {}).get("language")) or feed.lang
    if lang:
        item["lang"] = lang
    return item


def parse_comment_feed(body: bytes, url: str, post: Mapping, now: datetime) -> list[dict]:
    """A per-post comment feed (wfw:commentRss) → comment items, threaded where it says how.

    WordPress's Atom comment feeds carry thr:in-reply-to; its RSS ones do not, and
    then every comment hangs directly under the post.
    """
    parsed = read_feed(body, url)
    if not is_parsed_feed(parsed):
        raise ValueError(f"{url} is not a comment feed")
    comments = []
    for entry in sorted(parsed.entries, key=_entry_time):
        link = (entry.get("link") or "").strip()
        number = comment_number(entry.get("id"), link)
        comment_id = (
            f"{post['id']}#comment-{number}" if number else stable_id(entry.get("id") or link)
        )
        if not comment_id:
            continue
        reply_to = entry.get("thr_in-reply-to") or {}
        parent_number = comment_number(reply_to.get("ref"), reply_to.get("href"))
        parent = f"{post['id']}#comment-{parent_number}" if parent_number else post["id"]
        comment = {
            "id": comment_id,
            "source": "blog",
            "kind": "comment",
            "url": link or post["url"],
            "text": plain_text(_entry_html(entry))[:MAX_TEXT_LENGTH],
            "author": _author(entry, _name_from_title(entry.get("title"))),
            "seen_at": iso_utc(now),
            "parent_id": parent,
        }
        published = iso_utc(entry.get("published_parsed") or entry.get("updated_parsed"))
        if published:
            comment["published_at"] = published
        if post.get("group"):
            comment["group"] = dict(post["group"])
        comments.append(comment)
    return thread(comments, post["id"])


def thread(comments: list[dict], post_id: str) -> list[dict]:
    """Set depth and kind ("comment" under the post, "reply" deeper) from parent ids.

    A parent that is not in this batch (an older comment a short comment feed no
    longer lists) keeps its id; the depth then counts it as one level.
    """
    by_id = {comment["id"]: comment for comment in comments}
    for comment in comments:
        comment.setdefault("parent_id", post_id)
        depth, cursor, seen = 1, comment, {comment["id"]}
        while cursor["parent_id"] != post_id:
            depth += 1
            parent = by_id.get(cursor["parent_id"])
            if parent is None or parent["id"] in seen:
                break
            cursor = parent
            seen.add(parent["id"])
        comment["depth"] = depth
        comment["kind"] = "comment" if depth == 1 else "reply"
    return comments


def _comment_feed_url(entry: Mapping) -> str | None:
    """wfw:commentRss (RSS), or Atom's <link rel="replies"> when it points at a feed."""
    candidates = [str(entry.get("wfw_commentrss") or "")]
    candidates += [
        str(link.get("href") or "")
        for link in entry.get("links") or []
        if link.get("rel") == "replies" and link.get("type") in FEED_TYPES
    ]
    return next(
        (url.strip() for url in candidates if url.strip().startswith(("http://", "https://"))), None
    )


def _entry_html(entry: Mapping) -> str:
    contents: Iterable[Mapping] = entry.get("content") or []
    for content in contents:
        if content.get("value"):
            return content["value"]
    return entry.get("summary") or ""


def _author(entry: Mapping, fallback: str) -> dict:
    detail = entry.get("author_detail") or {}
    name = plain_text(detail.get("name") or entry.get("author")) or fallback
    author = {"name": name[:MAX_NAME_LENGTH]}
    if str(detail.get("href", "")).startswith(("http://", "https://")):
        author["profile_url"] = detail["href"]
    return author


def _name_from_title(title: str | None) -> str:
    """WordPress comment titles read "By: Anna" / "Door: Anna": the name is after the colon."""
    return plain_text(title).partition(": ")[2] or plain_text(title)


def _entry_time(entry: Mapping) -> tuple:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return tuple(stamp) if stamp else ()
