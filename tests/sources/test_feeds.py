"""A blog's feed becomes posts Roos can read, however untidy the feed is."""

from datetime import UTC, datetime

import pytest

from agent.sources.feeds import (
    looks_like_feed,
    parse_comment_feed,
    parse_feed,
    plain_text,
    thread,
)
from tests.sources.blog_sites import FIXTURES

NOW = datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
BASE = "http://127.0.0.1:8080"


def fixture(relative: str) -> bytes:
    return (FIXTURES / relative).read_bytes().replace(b"{{base}}", BASE.encode())


def koffiehoek():
    return parse_feed(fixture("koffiehoek/feed.xml"), BASE + "/feed/", NOW)


def test_a_wordpress_feed_gives_its_posts_with_comment_counts_and_comment_feeds():
    feed = koffiehoek()
    assert feed.title == "De Koffiehoek" and feed.lang == "nl" and not feed.bozo
    # A post is known by its address, as its page knows it; the guid stays an alias.
    assert [post["id"] for post in feed.posts] == [
        f"{BASE}/vlotpay-zonder-gedoe/",
        f"{BASE}/overstappen-vlotbank/",
        f"{BASE}/koffie-en-kasboeken/",
    ]
    assert feed.aliases[f"{BASE}/overstappen-vlotbank/"] == f"{BASE}/?p=15"
    assert [post["comments_count"] for post in feed.posts] == [3, 7, 0]
    assert feed.comment_feeds == {
        f"{BASE}/vlotpay-zonder-gedoe/": f"{BASE}/vlotpay-zonder-gedoe/feed/"
    }


def test_a_post_item_has_the_shape_the_store_takes():
    post = koffiehoek().posts[0]
    assert post == {
        "id": f"{BASE}/vlotpay-zonder-gedoe/",
        "source": "blog",
        "kind": "post",
        "url": f"{BASE}/vlotpay-zonder-gedoe/",
        "text": "Zo betaal je zonder gedoe met VlotPay\n\n"
        "Sinds kort rekenen we in De Koffiehoek af met VlotPay. Klanten houden hun telefoon "
        "bij de kassa en klaar. De kosten per betaling zijn lager dan bij onze oude terminal, "
        "en het geld staat dezelfde dag op onze rekening bij Vlotbank.",
        "author": {"name": "Marieke de Wit"},
        "published_at": "2024-03-12T09:30:00Z",
        "seen_at": "2024-03-14T08:00:00Z",
        "group": {"id": f"{BASE}/feed/", "name": "De Koffiehoek"},
        "comments_count": 3,
        "lang": "nl",
    }


def test_publication_times_are_converted_to_utc():
    assert koffiehoek().posts[1]["published_at"] == "2024-03-04T13:00:00Z"


def test_a_broken_feed_still_gives_the_posts_it_carries():
    feed = parse_feed(fixture("feeds/broken.xml"), "https://huisje-boompje.example/feed/", NOW)
    assert feed.bozo  # an unescaped "&" makes it invalid XML
    assert feed.title == "huisje-boompje.example"  # its <title> is empty
    first, second = feed.posts  # the entry without link or id is skipped
    assert first["text"] == "Week drie: de keuken is eruit & de vloer ligt open."
    assert first["author"] == {"name": "Roel & Fenna"} and first["comments_count"] == 2
    assert second["id"] == "https://huisje-boompje.example/tegels-kiezen/"  # no guid: its link
    assert feed.comment_feeds == {}  # both wfw:commentRss are empty


def test_blank_lines_before_the_xml_prolog_are_forgiven():
    body = b"\n\n   " + fixture("koffiehoek/feed.xml")
    feed = parse_feed(body, BASE + "/feed/", NOW)
    assert not feed.bozo and len(feed.posts) == 3


def test_an_atom_feed_with_thread_totals():
    feed = parse_feed(fixture("northwind/feed.atom"), BASE + "/feed/atom/", NOW)
    assert [post.get("comments_count") for post in feed.posts] == [6, 0]
    assert feed.posts[0]["author"] == {
        "name": "Edith Calloway",
        "profile_url": f"{BASE}/author/edith/",
    }
    assert feed.posts[0]["lang"] == "en"


def test_a_wordpress_comment_feed_hangs_every_comment_under_its_post():
    post = koffiehoek().posts[0]
    comments = parse_comment_feed(
        fixture("koffiehoek/vlotpay-zonder-gedoe-comments.xml"), BASE + "/x/feed/", post, NOW
    )
    assert [c["id"] for c in comments] == [f"{post['id']}#comment-{n}" for n in (101, 102, 103)]
    assert {(c["parent_id"], c["depth"], c["kind"]) for c in comments} == {
        (post["id"], 1, "comment")
    }
    assert comments[0]["author"] == {"name": "Joris Haverkamp"}
    assert comments[0]["text"] == "Handig! Werkt VlotPay ook met de pinautomaat van Vlotbank?"
    assert comments[0]["group"] == post["group"]


def test_an_atom_comment_feed_keeps_the_thread():
    post = {"id": "https://beds.example/?p=44", "url": "https://beds.example/raised-beds/"}
    comments = parse_comment_feed(
        fixture("feeds/atom-comments.xml"), "https://beds.example/c", post, NOW
    )
    by_number = {c["id"].rsplit("-", 1)[1]: c for c in comments}
    assert [c["id"].rsplit("-", 1)[1] for c in comments] == ["901", "902", "903", "904"]
    assert by_number["902"]["parent_id"] == post["id"] + "#comment-901"
    assert by_number["903"]["depth"] == 3 and by_number["903"]["kind"] == "reply"
    # Its parent is older than the feed reaches: kept, and counted as one level up.
    assert by_number["904"]["parent_id"] == post["id"] + "#comment-850"
    assert by_number["904"]["depth"] == 2
    assert by_number["903"]["author"]["profile_url"] == "https://colinbarrow.example/"


def test_thread_survives_a_loop_in_parent_ids():
    comments = [{"id": "a", "parent_id": "b"}, {"id": "b", "parent_id": "a"}]
    assert [c["depth"] for c in thread(comments, "post")] == [3, 3]


@pytest.mark.parametrize(
    ("content_type", "head", "expected"),
    [
        ("application/rss+xml", b"", True),
        ("application/atom+xml", b"", True),
        ("text/xml", b'<?xml version="1.0"?><rss version="2.0">', True),
        ("application/xml", b"<feed xmlns='http://www.w3.org/2005/Atom'>", True),
        ("text/xml", b"<?xml version='1.0'?><urlset>", False),
        ("text/html", b"<rss>", True),  # a feed served as a web page is still a feed
        ("application/x-rss+xml", b"<?xml version='1.0'?><rss version='2.0'>", True),
        ("application/vnd.custom+xml", b"\n\n<feed xmlns='http://www.w3.org/2005/Atom'>", True),
        ("text/html", b"<!DOCTYPE html><html><link type='application/rss+xml'>", False),
        ("application/json", b"<rss>", False),
    ],
)
def test_feeds_are_recognised_before_parsing(content_type, head, expected):
    assert looks_like_feed(content_type, head) is expected


@pytest.mark.parametrize(
    "body",
    [b"<html><body><p>Geen feed</p></body></html>", b"http://127.0.0.1:9/feed/", b"/etc/hostname"],
)
def test_what_is_not_a_feed_is_refused_and_never_fetched_or_opened(body):
    with pytest.raises(ValueError, match="not an RSS or Atom feed"):
        parse_feed(body, BASE + "/feed/", NOW)


def test_plain_text_keeps_words_apart_only_where_the_html_does():
    html = "<p>Hallo &amp; <b>wel</b>kom</p><p>Tot\n\n   ziens<br>Anna</p><script>track()</script>"
    assert plain_text(html) == "Hallo & welkom Tot ziens Anna"
