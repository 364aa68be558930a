"""Blogs as people really run them: every engine and theme gives up its whole thread.

Each fixture in tests/fixtures/blogs/engines reproduces the structure of a real
engine's comment markup (WordPress themes and plugins, Blogger old and new,
Drupal 7 and 9, SPIP, schema.org microdata, a home-made CMS) with invented
people and texts. The extractor knows none of them by name.
"""

from datetime import UTC, datetime

import pytest

from agent.sources.blog_comments import extract_thread
from agent.sources.comment_dates import text_date
from tests.sources.blog_sites import FIXTURES

BASE = "http://127.0.0.1:8080"
NOW = datetime(2024, 12, 1, 12, 0, tzinfo=UTC)


def read(name: str, lang: str, published: str | None = None):
    html = (FIXTURES / "engines" / name).read_text(encoding="utf-8").replace("{{base}}", BASE)
    post = {"id": f"{BASE}/post/", "url": f"{BASE}/post/", "lang": lang}
    if published:
        post["published_at"] = published
    return extract_thread(html, post, NOW)


def tree(thread) -> list[tuple]:
    """(comment number, parent number or "post", depth, author) in page order."""

    def number(item_id: str) -> str:
        return item_id.partition("#comment-")[2] or "post"

    return [
        (number(c["id"]), number(c["parent_id"]), c["depth"], c["author"]["name"])
        for c in thread.comments
    ]


def test_wordpress_default_theme_in_dutch_four_levels_and_a_pingback_kept_apart():
    thread = read("wp-twenty-nl.html", "nl")
    assert tree(thread) == [
        ("901", "post", 1, "Sanne Veldkamp"),
        ("902", "901", 2, "Trapper Joost"),
        ("903", "902", 3, "Sanne Veldkamp"),
        ("904", "903", 4, "Ruud Dekkers"),
        ("906", "post", 1, "Fatima el Idrissi"),
    ]
    assert [c["kind"] for c in thread.comments] == ["comment", "reply", "reply", "reply", "comment"]
    assert [p["id"].rpartition("-")[2] for p in thread.pingbacks] == ["905"]
    first = thread.comments[0]
    assert first["text"] == "Spatborden! Zonder spatborden ben je nergens."  # no "zegt:", no button
    assert first["published_at"] == "2023-01-09T08:14:00Z"
    assert first["author"]["profile_url"] == "https://sanne.example/"
    assert first["url"] == f"{BASE}/post/#comment-901"


def test_an_old_german_theme_with_text_only_dates_and_a_trackback():
    thread = read("wp-kubrick-de.html", "de")
    assert tree(thread) == [
        ("3101", "post", 1, "Gerlinde Haas"),
        ("3102", "3101", 2, "Brotzeit-Bernd"),
        ("3104", "post", 1, "Jonas Weber"),
    ]
    assert (
        thread.comments[0]["published_at"] == "2016-06-23T17:21:00Z"
    )  # "23. Juni 2016 um 17:21 Uhr"
    assert thread.comments[0]["text"] == "Wie oft fütterst du ihn, wenn er im Kühlschrank steht?"
    assert len(thread.pingbacks) == 1  # "Trackback: [...]" in the same list


def test_a_theme_that_writes_dates_without_a_year_reads_them_after_the_post():
    thread = read("wp-okay-en.html", "en", published="2016-06-02T09:00:00Z")
    assert tree(thread) == [
        ("55", "post", 1, "Priya Raman"),
        ("56", "55", 2, "Leafy Liz"),
        ("57", "post", 1, "Tom Haverford"),
    ]
    assert [c["published_at"] for c in thread.comments] == [
        "2016-06-20T09:14:00Z",  # "Jun 20th at 9:14 am"
        "2016-06-21T19:02:00Z",
        "2016-07-03T11:40:00Z",
    ]
    assert thread.comments[1]["text"] == "After, and only a little: wet roots break."


def test_a_custom_theme_with_day_month_comma_year_dates():
    thread = read("wp-fifty-en.html", "en")
    assert tree(thread) == [
        ("8801", "post", 1, "Hattie Morrow"),
        ("8802", "8801", 2, "Allotment Al"),
    ]
    assert thread.comments[0]["published_at"] == "2011-07-17T13:04:00Z"  # "17.07, 2011 @ 13:04"
    assert "Reply to this comment" not in thread.comments[0]["text"]


def test_wpdiscuz_threads_and_the_owner_answering_inside_the_thread():
    thread = read("wpdiscuz-nl.html", "nl")
    assert tree(thread) == [
        ("71", "post", 1, "Koen Brouwer"),
        ("72", "71", 2, "Redactie Stroomwijzer"),
        ("73", "72", 3, "Koen Brouwer"),
        ("74", "post", 1, "Ilse"),
    ]
    assert (
        thread.comments[0]["published_at"] == "2024-03-14T20:15:00Z"
    )  # from the title, not "8 maanden geleden"
    assert thread.comments[0]["text"].startswith("Bij ons levert")
    assert "Beantwoorden" not in " ".join(c["text"] for c in thread.comments)


def test_blogger_threaded_comments_with_their_millisecond_permalinks():
    thread = read("blogger-en.html", "en")
    assert tree(thread) == [
        ("4410022883311220011", "post", 1, "Marnie Coulter"),
        ("7730001112223334445", "4410022883311220011", 2, "Tidepool Tess"),
        ("9900112233445566778", "post", 1, "Anonymous"),
    ]
    assert thread.comments[0]["published_at"] == "2016-06-20T16:41:00Z"
    assert thread.comments[0]["url"] == f"{BASE}/post/#c4410022883311220011"
    # "Links to this post" reuses the comment list's markup but has no comment anchors.
    assert all("Crab week" not in c["text"] for c in thread.comments)


def test_classic_blogger_in_french_where_a_comment_is_a_dt_and_its_dds():
    thread = read("blogger-classic-fr.html", "fr")
    assert tree(thread) == [
        ("1122334455667788990", "post", 1, "Odile"),
        ("2233445566778899001", "post", 1, "Anonyme"),
        ("3344556677889900112", "post", 1, "Carnet"),
    ]
    assert thread.comments[0]["published_at"] == "2016-06-23T17:21:00Z"  # "23 juin 2016 à 17:21"
    assert thread.comments[1]["text"] == "Avec des griottes c'est encore meilleur."


def test_drupal_7_in_german_with_empty_anchors_and_indented_replies():
    thread = read("drupal7-de.html", "de")
    assert tree(thread) == [
        ("512", "post", 1, "Heike"),  # "(nicht überprüft)" is Drupal's, not the name
        ("513", "512", 2, "Gartenwart"),
        ("520", "post", 1, "Mehmet"),
    ]
    assert (
        thread.comments[0]["published_at"] == "2020-04-21T16:40:00Z"
    )  # "Di, 21. April 2020 - 16:40"
    assert (
        thread.comments[0]["text"] == "Wie groß ist eure Tonne? Reichen 300 Liter für ein Hochbeet?"
    )


def test_drupal_9_articles_with_timestamps_and_indented_replies():
    thread = read("drupal9-en.html", "en")
    assert tree(thread) == [
        ("88", "post", 1, "Dorothy Pike"),
        ("89", "88", 2, "Millbrook Library"),
        ("95", "post", 1, "Ken Osei"),
    ]
    assert thread.comments[1]["published_at"] == "2020-04-22T09:00:00Z"
    assert "In reply to" not in thread.comments[1]["text"]


def test_spip_forum_threads_in_french():
    thread = read("spip-fr.html", "fr")
    assert tree(thread) == [
        ("121", "post", 1, "Bertrand"),
        ("122", "121", 2, "Claire"),
        ("125", "122", 3, "Bertrand"),
        ("130", "post", 1, "Nadia"),
    ]
    assert thread.comments[0]["published_at"] == "2016-06-23T17:21:00Z"
    assert "Répondre" not in thread.comments[0]["text"]


def test_classic_spip_with_name_anchors_and_unclassed_reply_links():
    thread = read("spip-classic-fr.html", "fr")
    assert tree(thread) == [
        ("41", "post", 1, "Josiane"),
        ("42", "41", 2, "Le Rucher"),
        ("47", "post", 1, "Karim"),
    ]
    assert thread.comments[0]["text"] == "Est-ce que le miel sera vendu au marché de la place ?"
    assert thread.comments[1]["published_at"] == "2016-05-15T00:00:00Z"


def test_schema_org_comments_without_any_anchor():
    thread = read("microdata-en.html", "en")
    authors = [(c["author"]["name"], c["depth"]) for c in thread.comments]
    assert authors == [("Gwen Abara", 1), ("Harbour Birders", 2), ("Olu Bright", 1)]
    assert thread.comments[2]["published_at"] == "2024-05-03T06:05:00Z"
    assert thread.comments[1]["parent_id"] == thread.comments[0]["id"]


def test_a_home_made_dutch_cms_read_from_its_repeated_blocks():
    thread = read("custom-nl.html", "nl")
    authors = [(c["author"]["name"], c["depth"], c["published_at"]) for c in thread.comments]
    assert authors == [
        ("Henk de Vries", 1, "2020-03-03T10:02:00Z"),
        ("Wouter", 2, "2020-03-03T12:30:00Z"),
        ("Annelies Bakker", 1, "2020-03-05T21:15:00Z"),
        ("Youssef", 1, "2020-03-08T07:50:00Z"),
    ]
    assert thread.comments[3]["text"] == "Mooi stuk, helder uitgelegd."
    # The "more articles" tiles beside the thread look alike but are not in a comments region.
    assert all("Kozijnen" not in c["text"] for c in thread.comments)


def test_typepad_with_hex_comment_ids_and_posted_by_footers():
    thread = read("typepad-en.html", "en")
    authors = [(c["author"]["name"], c["published_at"]) for c in thread.comments]
    assert authors == [("Ravi Anand", "2016-06-20T17:21:00Z"), ("Wen Li", "2016-06-22T08:02:00Z")]
    assert thread.comments[0]["id"].endswith("#comment-6a01b7c6f7e3a9970b0240a4d1c40a200d")
    assert thread.comments[0]["author"]["profile_url"] == "http://ravi.example/"


def test_a_whole_page_inside_one_form_with_one_line_headers_before_each_text():
    thread = read("webforms-en.html", "en")
    shown = [(c["author"]["name"], c["published_at"], c["text"]) for c in thread.comments]
    assert shown == [
        ("Marta Kowalski", "2021-03-12T10:15:00Z", "Really clear explanation, thank you."),
        ("Jan de Boer", "2021-03-13T09:00:00Z", "Does this also work with a smartwatch?"),
    ]


def test_the_owners_answer_inside_a_visitors_comment_is_a_reply():
    html = (FIXTURES / "engines" / "owner-inline-nl.html").read_text(encoding="utf-8")
    post = {"id": f"{BASE}/p/", "url": f"{BASE}/p/", "author": {"name": "Kringloop De Ruil"}}
    thread = extract_thread(html, post, NOW)
    shown = [(c["author"]["name"], c["depth"], c["text"]) for c in thread.comments]
    assert shown == [
        ("Gerda", 1, "Kan ik op zondag ook spullen brengen, of alleen kopen?"),
        ("Kringloop De Ruil", 2, "Brengen kan op zondag tot 15.00 uur."),
        ("Hamid", 1, "Fijn, dan kom ik met de kinderen."),
        ("Kringloop De Ruil", 2, "Tot zondag!"),
    ]
    assert thread.comments[1]["parent_id"] == thread.comments[0]["id"]
    assert thread.comments[1]["kind"] == "reply"


def test_serendipity_with_empty_anchors_and_a_source_line_under_the_text():
    thread = read("serendipity-de.html", "de")
    shown = [(c["author"]["name"], c["published_at"], c["text"]) for c in thread.comments]
    assert shown == [
        ("Petra", "2016-06-23T17:21:00Z", "Danke für den Tipp mit dem Essig!"),
        ("Ole", "2016-06-24T08:00:00Z", "Funktioniert auch mit Zitronensäure."),
    ]


def test_a_comment_id_is_stable_from_one_read_to_the_next():
    first, again = read("custom-nl.html", "nl"), read("custom-nl.html", "nl")
    assert [c["id"] for c in first.comments] == [c["id"] for c in again.comments]


@pytest.mark.parametrize(
    ("text", "lang", "post_date", "expected"),
    [
        ("23. Juni 2016 um 17:21 Uhr", "de", None, "2016-06-23T17:21:00Z"),
        ("Jun 20th", "en", "2016-06-01T00:00:00Z", "2016-06-20T00:00:00Z"),
        ("Jun 20th", "en", "2016-12-01T00:00:00Z", "2017-06-20T00:00:00Z"),
        ("Di, 21. April 2020 - 16:40", "de", None, "2020-04-21T16:40:00Z"),
        ("17.07, 2011 @ 13:04", "en", None, "2011-07-17T13:04:00Z"),
        ("3 maart 2020 om 10:02", "nl", None, "2020-03-03T10:02:00Z"),
        ("24 juin 2016 à 08:02", "fr", None, "2016-06-24T08:02:00Z"),
        ("Leave a reply", "en", None, None),
        ("vor 3 Tagen", "de", "2016-01-01T00:00:00Z", "2024-06-07T00:00:00Z"),  # from the reading
    ],
)
def test_dates_written_as_text(text, lang, post_date, expected):
    assert text_date(text, lang, post_date, datetime(2024, 6, 10, tzinfo=UTC)) == expected


def test_an_xhtml_page_that_declares_its_encoding_and_short_anchors():
    page = (
        '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        '<body><div id="c1" class="column"><p>Layout column, 12:30 on 3 May 2020</p></div>'
        '<div class="comments"><a name="c7"></a><div class="entry"><b>Anne</b>'
        "<p>Hé, dit werkt ook in XHTML.</p></div></div></body></html>"
    )
    post = {"id": f"{BASE}/p/", "url": f"{BASE}/p/"}
    comments = extract_thread(page, post, NOW).comments
    assert [(c["id"].rpartition("-")[2], c["author"]["name"], c["text"]) for c in comments] == [
        ("7", "Anne", "Hé, dit werkt ook in XHTML.")
    ]


def test_bare_blocks_with_a_bold_name_and_a_date_in_a_comments_section():
    thread = read("plain-nl.html", "nl")
    shown = [(c["author"]["name"], c["published_at"]) for c in thread.comments]
    assert shown == [
        ("Piet Jansen", "2021-03-12T10:15:00Z"),
        ("Ans", "2021-03-12T11:02:00Z"),
        ("Redactie", "2021-03-12T12:40:00Z"),
    ]
    assert thread.comments[1]["text"] == "En hoe kom ik nu bij de bakker?"
