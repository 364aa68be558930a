"""What is this URL the user wants Roos to listen to?

A LinkedIn group is recognised from its address alone (LinkedIn is only ever read
through the user's own browser session, never fetched here). Anything else is
fetched once, politely: a feed is a feed by its content, whatever its headers
say; a web page is a blog when it announces its feed with <link rel="alternate">,
or, without a feed, when it is a post or carries comments (then the page itself
is watched, with conditional requests). Everything else is refused with a
translation key and its English and Dutch text saying why.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from agent.sources import messages
from agent.sources.blog_comments import extract_comments
from agent.sources.feeds import looks_like_feed, parse_feed, plain_text
from agent.sources.polite import FetchError, PoliteClient

FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml")
LINKEDIN_HOSTS = re.compile(r"^(?:[a-z]{2,3}\.|www\.)?linkedin\.com$")
LINKEDIN_GROUP_PATH = re.compile(r"^/groups/(?:[^/]*?-)?(\d+)(?:/.*)?$")
COMMENT_FEED_WORDS = ("comment", "reactie", "kommentar", "commentaire")


class UnsupportedUrl(ValueError):
    """A URL Roos cannot listen to; str() is English, `.nl` is the Dutch text, `.key` the i18n key."""

    def __init__(self, code: str, **details: object) -> None:
        english, dutch = messages.texts(code, details)
        super().__init__(english)
        self.code = code
        self.key = messages.key(code)
        self.params = {name: str(value) for name, value in details.items()}
        self.en = english
        self.nl = dutch

    @property
    def problem(self) -> dict:
        return {"key": self.key, "params": self.params, "en": self.en, "nl": self.nl}


def linkedin_group_url(url: str) -> str | None:
    """Canonical https://www.linkedin.com/groups/<id>/ for a group URL, None if not LinkedIn."""
    parts = urlsplit(url)
    if not LINKEDIN_HOSTS.match((parts.hostname or "").lower()):
        return None
    match = LINKEDIN_GROUP_PATH.match(parts.path)
    if not match:
        raise UnsupportedUrl("linkedin_not_group")
    return f"https://www.linkedin.com/groups/{match.group(1)}/"


def feed_links(soup: BeautifulSoup, page_url: str) -> list[dict]:
    """Feeds a page announces, the blog's own posts feed first and comment feeds last."""
    found = []
    for link in soup.find_all("link", href=True):
        rels = [str(rel).lower() for rel in (link.get("rel") or [])]
        kind = str(link.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rels or kind not in FEED_LINK_TYPES:
            continue
        url = urljoin(page_url, str(link["href"]))
        title = plain_text(str(link.get("title") or ""))
        found.append({"url": url, "title": title, "comments": _is_comment_feed(url, title)})
    return sorted(found, key=lambda link: link["comments"])


def is_post_page(soup: BeautifulSoup) -> bool:
    """A single blog post (rather than a home page or archive), by the usual WordPress signs."""
    body = soup.find("body")
    classes = set(body.get("class") or []) if body else set()
    if classes & {"home", "blog", "archive", "category", "tag", "search"}:
        return False
    if classes & {"single", "single-post"} or any(c.startswith("postid-") for c in classes):
        return True
    og_type = soup.find("meta", attrs={"property": "og:type"})
    if og_type and str(og_type.get("content", "")).lower() == "article":
        return True
    shortlink = soup.find("link", rel="shortlink", href=True)
    return bool(shortlink and "?p=" in str(shortlink["href"]))


def site_title(soup: BeautifulSoup) -> str | None:
    site_name = soup.find("meta", attrs={"property": "og:site_name"})
    if site_name and site_name.get("content"):
        return plain_text(str(site_name["content"]))
    return plain_text(soup.title.string if soup.title and soup.title.string else "") or None


async def classify_url(url: str, client: PoliteClient) -> dict:
    """{"kind": "linkedin_group"|"blog"|"feed", "url", "feed_url"?, "title"?, "page"?}."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UnsupportedUrl("not_http", url=url)
    group = linkedin_group_url(url)
    if group:
        return {"kind": "linkedin_group", "url": group}
    try:
        response = await client.get(url, conditional=False)
    except FetchError as exc:
        raise UnsupportedUrl(exc.code, **{**exc.params, "url": url}) from exc
    if response.status in (401, 407) or looks_like_login(response.url, url):
        raise UnsupportedUrl("login_required", url=url)
    if not response.ok:
        raise UnsupportedUrl("http_error", url=url, status=response.status)
    final_url = urlunsplit(urlsplit(response.url)._replace(fragment=""))
    if looks_like_feed(response.content_type, response.body):
        try:
            feed = parse_feed(
                response.body,
                final_url,
                datetime.now(UTC),
                response.headers.get("Content-Type", ""),
            )
        except ValueError as exc:
            raise UnsupportedUrl("bad_feed", url=url) from exc
        return {"kind": "feed", "url": final_url, "feed_url": final_url, "title": feed.title}
    if response.content_type not in ("text/html", "application/xhtml+xml"):
        raise UnsupportedUrl("not_blog", url=url, kind=response.content_type or "unknown")
    soup = BeautifulSoup(response.body, "lxml")
    links = [link for link in feed_links(soup, final_url) if not link["comments"]]
    post = is_post_page(soup)
    if not links and not post and not has_comments(response.body, final_url):
        raise UnsupportedUrl("not_blog", url=url, kind="a web page without feed or comments")
    result = {"kind": "blog", "url": final_url}
    if links:
        result["feed_url"] = links[0]["url"]
    title = site_title(soup) or (links[0]["title"] if links else "")
    if title:
        result["title"] = title
    # A page without a feed is watched itself: as a post, so it is re-read conditionally.
    result["page"] = "post" if post or not links else "home"
    return result


def has_comments(body: bytes, url: str) -> bool:
    return bool(extract_comments(body, {"id": url, "url": url}, datetime.now(UTC)))


LOGIN_PATHS = ("wp-login.php", "/login", "/signin", "/sign-in", "/user/login", "/inloggen")


def looks_like_login(final_url: str, asked: str) -> bool:
    """Redirected to a login page (WordPress, Drupal, Blogger's Google accounts)."""
    if final_url == asked:
        return False
    parts = urlsplit(final_url)
    path = parts.path.lower()
    return any(marker in path for marker in LOGIN_PATHS) or parts.hostname == "accounts.google.com"


def _is_comment_feed(url: str, title: str) -> bool:
    """WordPress titles them "Blog » Comments Feed" / "Blog » Post reacties feed"."""
    lowered = title.lower()
    return any(word in lowered for word in COMMENT_FEED_WORDS) or "/comments/" in urlsplit(url).path
