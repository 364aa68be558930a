"""People in a real Chromium: two records of one person are proposed by name, a blog author
who links to the same website on two blogs is proposed as one person, and merging works from
the page (and says so next to the buttons when it cannot)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import hours_ago, item, open_dashboard, seed

pytestmark = pytest.mark.browser

SANNE_URL = "https://www.linkedin.com/in/sanne-de-boer-7a1b2c/"


def blog_comment(n: int, blog: str, website: str, text: str) -> dict:
    return {
        "id": f"https://{blog}/fietsen-in-de-winter#comment-{n}",
        "source": "blog",
        "kind": "comment",
        "url": f"https://{blog}/fietsen-in-de-winter#comment-{n}",
        "text": text,
        "author": {"name": "Jan Fietsema", "profile_url": website},
        "published_at": hours_ago(n),
        "seen_at": hours_ago(n),
    }


@pytest.fixture(scope="module", autouse=True)
def people(agent):
    docs = [
        item(101, "Zonnewind is echt een aanrader.", author="S. de Boer", hours=30),
        item(
            102,
            "Mooi initiatief van Vlotbank.",
            author={"name": "Sanne de Boer", "profile_url": SANNE_URL},
            hours=20,
        ),
        blog_comment(1, "groenegeldzaken.example", "https://janfietsema.example/", "Goed stuk!"),
        blog_comment(
            2, "duurzaamsparen.example", "https://janfietsema.example/over-mij", "Eens, Zonnewind."
        ),
    ]
    seed(agent, docs, {})


def pair(page, a: str, b: str):
    return page.locator(
        f'#merge li[data-a="{a}"][data-b="{b}"], #merge li[data-a="{b}"][data-b="{a}"]'
    )


def test_merge_candidates_name_both_people(agent):
    status, answer = agent.call("GET", "/api/people-merge-candidates")
    assert status == 200
    by_pair = {frozenset((c["a"], c["b"])): c for c in answer["candidates"]}
    sanne = by_pair[frozenset(("name:s de boer", "linkedin.com/in/sanne-de-boer-7a1b2c"))]
    assert {sanne["a_person"]["name"], sanne["b_person"]["name"]} == {"S. de Boer", "Sanne de Boer"}
    jan = by_pair[frozenset(("janfietsema.example", "janfietsema.example/over-mij"))]
    assert jan["reason"] == "website" and jan["a_person"]["name"] == "Jan Fietsema"


def test_the_same_name_and_website_on_two_blogs_is_proposed_as_one_person(context, agent):
    page = open_dashboard(context, agent, "people").page
    jan = pair(page, "janfietsema.example", "janfietsema.example/over-mij")
    expect(jan).to_contain_text(
        "Jan Fietsema and Jan Fietsema write under the same name and link to the same website"
    )
    expect(page.locator("#merge")).not_to_contain_text("undefined")


def test_merging_from_the_page_keeps_the_one_chosen(context, agent):
    watched = open_dashboard(context, agent, "people")
    page = watched.page
    sanne = pair(page, "name:s de boer", "linkedin.com/in/sanne-de-boer-7a1b2c")
    expect(sanne).to_contain_text("S. de Boer and Sanne de Boer look alike")
    sanne.get_by_role("button", name="Merge into Sanne de Boer").click()
    expect(page.locator("#status")).to_have_text("Merged into Sanne de Boer.")
    expect(sanne).to_have_count(0)
    status, person = agent.call("GET", "/api/people/linkedin.com/in/sanne-de-boer-7a1b2c")
    assert status == 200 and "S. de Boer" in person["person"]["aliases"]
    assert agent.call("GET", "/api/people/name:s de boer".replace(" ", "%20"))[0] == 404
    assert [p for p in watched.problems if "404" not in p] == []


def test_a_merge_that_fails_says_so_next_to_its_buttons(context, agent):
    page = open_dashboard(context, agent, "people").page
    jan = pair(page, "janfietsema.example", "janfietsema.example/over-mij")
    expect(jan).to_be_visible()
    # The agent refuses (here: the store is read-only after a disk error).
    page.route(
        "**/api/people-merge",
        lambda route: route.fulfill(
            status=503,
            json={"ok": False, "error": "The store cannot be written right now.", "status": 503},
        ),
    )
    jan.get_by_role("button").first.click()
    message = jan.locator(".inline-message")
    expect(message).to_contain_text("The store cannot be written right now.")
    expect(message).to_be_in_viewport()
