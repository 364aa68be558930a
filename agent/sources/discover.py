"""What is this URL the user wants Roos to listen to?

A LinkedIn group is recognised from its address alone (LinkedIn is only ever read
through the user's own browser session, never fetched here). Anything else is
fetched once, politely: a feed is a feed (by content type, else by parsing), a
web page is a blog when it announces its feed with <link rel="alternate">.
Everything else is refused with a message in English and Dutch saying why.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from agent.sources.feeds import looks_like_feed, parse_feed, plain_text
from agent.sources.polite import FetchError, PoliteClient

FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml")
LINKEDIN_HOSTS = re.compile(r"^(?:[a-z]{2,3}\.|www\.)?linkedin\.com$")
LINKEDIN_GROUP_PATH = re.compile(r"^/groups/(?:[^/]*?-)?(\d+)(?:/.*)?$")
COMMENT_FEED_WORDS = ("comment", "reactie", "kommentar", "commentaire")

MESSAGES = {
    "not_http": (
        "Only web addresses starting with http:// or https:// can be followed: {url}",
        "Alleen webadressen die met http:// of https:// beginnen kunnen worden gevolgd: {url}",
    ),
    "linkedin_not_group": (
        "This LinkedIn address is not a group; use one like https://www.linkedin.com/groups/1234567/",
        "Dit LinkedIn-adres is geen groep; gebruik er een zoals https://www.linkedin.com/groups/1234567/",
    ),
    "unreachable": ("{url} could not be read: {reason}", "{url} kon niet worden gelezen: {reason}"),
    "http_error": ("{url} answered with HTTP {status}", "{url} antwoordde met HTTP {status}"),
    "bad_feed": (
        "{url} looks like a feed but cannot be read as RSS or Atom",
        "{url} lijkt een feed, maar is niet te lezen als RSS of Atom",
    ),
    "no_feed": (
        "{url} is a web page without an RSS or Atom feed, so Roos cannot follow it",
        "{url} is een webpagina zonder RSS- of Atom-feed, dus Roos kan die niet volgen",
    ),
    "not_blog": (
        "{url} is neither a blog nor a feed (it is {kind})",
        "{url} is geen blog en geen feed (het is {kind})",
    ),
}


class UnsupportedUrl(ValueError):
    """A URL Roos cannot listen to; str() is English, `.nl` is the Dutch text."""

    def __init__(self, code: str, **details: object) -> None:
        english, dutch = MESSAGES[code]
        super().__init__(english.format(**details))
        self.code = code
        self.en = english.format(**details)
        self.nl = dutch.format(**details)


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
        raise UnsupportedUrl("unreachable", url=url, reason=exc.reason) from exc
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
    if not links:
        raise UnsupportedUrl("no_feed", url=url)
    result = {"kind": "blog", "url": final_url, "feed_url": links[0]["url"]}
    title = site_title(soup) or links[0]["title"]
    if title:
        result["title"] = title
    result["page"] = "post" if is_post_page(soup) else "home"
    return result


def _is_comment_feed(url: str, title: str) -> bool:
    """WordPress titles them "Blog » Comments Feed" / "Blog » Post reacties feed"."""
    lowered = title.lower()
    return any(word in lowered for word in COMMENT_FEED_WORDS) or "/comments/" in urlsplit(url).path
