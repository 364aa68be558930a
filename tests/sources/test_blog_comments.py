"""Comments under a blog post, with who answered whom, from whatever markup the blog uses."""

import json
from datetime import UTC, datetime
from functools import partial

import pytest
from bs4 import BeautifulSoup

from agent.sources.blog_comments import (
    comments_from_rest,
    extract_comments,
    link_targets,
    needs_browser,
    render_with_browser,
    wp_comments_url,
    wp_post_id,
)
from tests.sources.blog_sites import FIXTURES, BlogSite

NOW = datetime(2024, 6, 5, 12, 0, tzinfo=UTC)
BASE = "http://127.0.0.1:8080"


def page(relative: str) -> str:
    return (FIXTURES / relative).read_text(encoding="utf-8").replace("{{base}}", BASE)


def post(path: str, number: int) -> dict:
    return {"id": f"{BASE}/?p={number}", "url": BASE + path, "group": {"id": "g", "name": "Blog"}}


def shape(comments: list[dict]) -> list[tuple]:
    """(comment number, parent number or "post", depth) for every comment, in page order."""

    def number(item_id: str) -> str:
        return item_id.rsplit("-", 1)[1] if "#comment-" in item_id else "post"

    return [(number(c["id"]), number(c["parent_id"]), c["depth"]) for c in comments]


def test_a_standard_wordpress_thread_four_levels_deep():
    pollinator = post("/pollinator-strip/", 7)
    comments = extract_comments(page("northwind/pollinator-strip.html"), pollinator, NOW)
    assert shape(comments) == [
        ("11", "post", 1),
        ("12", "11", 2),
        ("13", "12", 3),
        ("14", "13", 4),
        ("15", "11", 2),
        ("16", "post", 1),
    ]
    assert [c["kind"] for c in comments] == [
        "comment",
        "reply",
        "reply",
        "reply",
        "reply",
        "comment",
    ]
    first = comments[0]
    assert (
        first["text"]
        == "We did this last spring and the difference was striking. Count the butterflies in July!"
    )
    assert first["author"] == {"name": "Hannah Brook"}
    assert first["published_at"] == "2024-04-02T16:45:00Z"
    assert first["url"] == f"{BASE}/pollinator-strip/#comment-11"
    assert (
        first["group"] == {"id": "g", "name": "Blog"} and first["seen_at"] == "2024-06-05T12:00:00Z"
    )
    assert comments[-1]["author"] == {
        "name": "Greta Holm",
        "profile_url": "https://gretaholm.example/",
    }


def test_counters_buttons_forms_pingbacks_and_widgets_are_not_comments():
    comments = extract_comments(page("northwind/pollinator-strip.html"), post("/p/", 7), NOW)
    texts = " ".join(c["text"] for c in comments)
    assert "39 Antworten" not in texts and "Reply" not in texts
    assert "email address" not in texts and "Strips and borders" not in texts
    assert len(comments) == 6  # "6 thoughts", despite "12 reacties" and "39 Antworten" on the page


def test_wordpress_com_comments():
    comments = extract_comments(page("markups/wordpress-com.html"), post("/lekdijk/", 41), NOW)
    assert shape(comments) == [("301", "post", 1), ("302", "301", 2), ("303", "post", 1)]
    assert comments[0]["author"] == {
        "name": "Fien Oudshoorn",
        "profile_url": "https://fietsfien.example/",
    }
    assert comments[0]["text"].startswith("Die dijk is berucht!")
    assert comments[2]["published_at"] == "2024-05-12T06:15:00Z"


def test_epoch_comments_in_a_flat_list_thread_by_their_depth_classes():
    comments = extract_comments(page("markups/epoch.html"), post("/sourdough/", 88), NOW)
    assert shape(comments) == [
        ("501", "post", 1),
        ("502", "501", 2),
        ("503", "502", 3),
        ("504", "post", 1),
        ("505", "504", 2),
    ]
    assert comments[1]["author"]["name"] == "Crumb & Crust"


def test_amp_comments():
    comments = extract_comments(page("markups/amp.html"), post("/wobbly-chair/", 3), NOW)
    assert shape(comments) == [("701", "post", 1), ("702", "701", 2), ("703", "post", 1)]
    assert comments[2]["author"]["name"] == "Noor el Idrissi"


def test_a_post_without_comments_has_none_and_needs_no_browser():
    html = page("markups/no-comments.html")
    assert extract_comments(html, post("/open/", 9), NOW) == []
    assert not needs_browser(BeautifulSoup(html, "lxml"))


def test_script_rendered_comments_are_recognised_as_such():
    html = page("scripted/vogels-tellen.html")
    assert extract_comments(html, post("/vogels-tellen/", 1), NOW) == []
    assert needs_browser(BeautifulSoup(html, "lxml"))


def test_the_wordpress_post_id_comes_from_the_shortlink_rest_link_or_body_class():
    html = page("koffiehoek/overstappen-vlotbank.html")
    soup = BeautifulSoup(html, "lxml")
    links = link_targets(soup, {}, BASE + "/overstappen-vlotbank/")
    assert wp_post_id(soup, links) == 15
    assert wp_post_id(soup, {"alternate|application/json": BASE + "/wp-json/wp/v2/posts/16"}) == 16
    assert wp_post_id(BeautifulSoup('<body class="single postid-17">', "lxml"), {}) == 17
    assert wp_post_id(BeautifulSoup("<body class='home'>", "lxml"), {}) is None


def test_the_rest_link_header_is_understood():
    header = {
        "Link": f'<{BASE}/wp-json/>; rel="https://api.w.org/", <{BASE}/wp-json/wp/v2/posts/21>; rel="alternate"; type="application/json"'
    }
    links = link_targets(BeautifulSoup("<html></html>", "lxml"), header, BASE + "/p/")
    assert wp_post_id(BeautifulSoup("", "lxml"), links) == 21
    assert (
        wp_comments_url(BASE + "/p/", links, 21)
        == f"{BASE}/wp-json/wp/v2/comments?post=21&per_page=100"
    )


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ({}, "https://b.example/wp-json/wp/v2/comments?post=5&per_page=100"),
        (
            {"https://api.w.org/": "https://b.example/blog/wp-json/"},
            "https://b.example/blog/wp-json/wp/v2/comments?post=5&per_page=100",
        ),
        (
            {"https://api.w.org/": "https://b.example/?rest_route=/"},
            "https://b.example/?rest_route=/wp/v2/comments&post=5&per_page=100",
        ),
    ],
)
def test_the_rest_comments_url_follows_the_sites_rest_root(links, expected):
    assert wp_comments_url("https://b.example/a-post/", links, 5) == expected


def test_rest_comments_keep_their_thread_and_come_oldest_first():
    rows = json.loads(page("koffiehoek/rest-comments-15.json"))
    overstappen = post("/overstappen-vlotbank/", 15)
    comments = comments_from_rest(rows, overstappen, NOW)
    assert shape(comments) == [
        ("201", "post", 1),
        ("202", "201", 2),
        ("203", "202", 3),
        ("204", "post", 1),
        ("205", "204", 2),
        ("206", "203", 4),
        ("207", "post", 1),
    ]
    assert comments[0]["author"] == {
        "name": "Pieter Bakels",
        "profile_url": "https://pieterbakels.example/",
    }
    assert comments[0]["published_at"] == "2024-03-04T15:10:00Z"
    assert comments[-1]["text"].startswith(
        "Wij zitten er nog niet over te denken – de kosten van Vlotbank"
    )


def test_a_rest_answer_that_is_not_a_list_is_refused():
    with pytest.raises(ValueError):
        comments_from_rest({"code": "rest_no_route"}, post("/p/", 1), NOW)


@pytest.mark.browser
async def test_script_rendered_comments_are_read_through_chromium(aiohttp_server):
    site = BlogSite("scripted")
    await site.start(aiohttp_server)
    render = partial(render_with_browser, loopback_only=True)
    html = await render(site.url("/vogels-tellen/"))
    comments = extract_comments(html, post("/vogels-tellen/", 1), NOW)
    assert shape(comments) == [("41", "post", 1), ("42", "41", 2), ("43", "post", 1)]
    assert comments[1]["author"]["name"] == "Lotte Merel"
    assert "/vogels-tellen/comments.json" in site.paths


def test_odd_rows_in_a_rest_answer_are_skipped_or_made_sense_of():
    rows = [
        {"id": None},
        "comment",
        {"id": 5, "content": "geen dict", "parent": "7", "author_name": "Els"},
    ]
    (comment,) = comments_from_rest(rows, post("/p/", 1), NOW)
    assert comment["id"].endswith("#comment-5") and comment["parent_id"] == f"{BASE}/?p=1"
    assert comment["text"] == "" and comment["author"] == {"name": "Els"}
