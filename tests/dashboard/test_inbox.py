"""Respond and organise in the inbox, in a real Chromium: the order, assigning, handing over
while a colleague is away, answering, ignoring, correcting, and new items arriving live."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import item, open_dashboard, seed

pytestmark = pytest.mark.browser

OLD_COMPLAINT = item(
    1, "VlotPay rekent twee keer af, al sinds gisteren!", author="Bea Bakker", hours=30
)
NEW_COMPLAINT = item(
    2, "Weer storing bij VlotPay, ik kan niet pinnen.", author="Cas Claes", hours=2
)
OLD_QUESTION = item(3, "Hoe blokkeer ik mijn VlotPas?", author="Dirk Dijkstra", hours=50)
PRAISE = item(4, "Wat een fijne hulp van Vlotbank vandaag, dank!", author="Eva Evers", hours=70)
NEW_QUESTION = item(
    5, "Kan ik met VlotPay in het buitenland betalen?", author="Fleur Faber", hours=3
)
SEEDED = [OLD_COMPLAINT, NEW_COMPLAINT, OLD_QUESTION, PRAISE, NEW_QUESTION]


@pytest.fixture(scope="module", autouse=True)
def inbox_items(agent):
    seed(
        agent,
        SEEDED,
        {
            OLD_COMPLAINT["id"]: ("complaint", "negative"),
            NEW_COMPLAINT["id"]: ("complaint", "negative"),
            OLD_QUESTION["id"]: ("question", "neutral"),
            PRAISE["id"]: ("praise", "positive"),
            NEW_QUESTION["id"]: ("question", "neutral"),
        },
    )


def card(page: Page, doc: dict):
    return page.locator(f'#inbox-list > li[data-id="{doc["id"]}"]')


def shown_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all("#inbox-list > li", "lis => lis.map(li => li.dataset.id)")


def test_complaints_come_first_then_questions_then_praise_and_older_first(context, agent):
    page = open_dashboard(context, agent).page
    expect(card(page, PRAISE)).to_be_visible()
    order = [i for i in shown_ids(page) if i in {d["id"] for d in SEEDED}]
    assert order == [
        d["id"] for d in (OLD_COMPLAINT, NEW_COMPLAINT, OLD_QUESTION, NEW_QUESTION, PRAISE)
    ]
    first = card(page, OLD_COMPLAINT)
    expect(first).to_contain_text("Bea Bakker")
    expect(first).to_contain_text("Complaint")
    expect(first.locator(".waiting")).to_contain_text(
        re.compile(r"waiting 1 d 6 h \(.+ within business hours\)")
    )
    expect(first.get_by_role("link", name="Open on LinkedIn")).to_have_attribute(
        "href", OLD_COMPLAINT["url"]
    )


def test_a_suggested_reply_is_copied_with_one_click(context, agent):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=agent.base)
    page = open_dashboard(context, agent).page
    suggestion = card(page, OLD_QUESTION).locator(".suggestions li").first
    text = suggestion.locator("p").inner_text()
    suggestion.get_by_role("button", name="Copy").click()
    expect(suggestion.get_by_role("button")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == text


def test_assigning_an_item_to_a_colleague(context, agent):
    page = open_dashboard(context, agent).page
    target = card(page, NEW_QUESTION)
    target.get_by_label("Assign to").select_option(label="Ilse Brouwer")
    target.get_by_role("button", name="Assign", exact=True).click()
    expect(card(page, NEW_QUESTION).locator(".owner")).to_have_text("Handled by Ilse Brouwer")
    assert agent.call("GET", f"/api/items/{NEW_QUESTION['id']}")[1]["item"]["assignee"] == "ilse"


def test_items_of_a_colleague_who_is_away_go_to_the_one_they_named(context, agent):
    page = open_dashboard(context, agent).page
    target = card(page, OLD_QUESTION)
    target.get_by_label("Assign to").select_option(label="Ruben Dekker")
    target.get_by_role("button", name="Assign", exact=True).click()
    handover = card(page, OLD_QUESTION).locator(".handover")
    expect(handover).to_contain_text("Handed over to Sanne Visser: Ruben Dekker is away until")
    page.get_by_label("Handled by").select_option(label="Sanne Visser")
    expect(card(page, OLD_QUESTION)).to_be_visible()
    expect(card(page, NEW_QUESTION)).to_have_count(0)
    page.get_by_role("link", name="Team").click()
    sanne = page.locator('tr[data-member="sanne"]')
    expect(sanne).to_contain_text("(1 handed over)")
    expect(page.locator('tr[data-member="ruben"] .availability')).to_contain_text(
        "Sanne Visser covers"
    )


def test_answering_with_a_link_takes_the_item_out_and_counts_for_the_colleague(context, agent):
    page = open_dashboard(context, agent).page
    target = card(page, NEW_COMPLAINT)
    target.get_by_label("Assign to").select_option(label="Sanne Visser")
    target.get_by_role("button", name="Assign", exact=True).click()
    expect(card(page, NEW_COMPLAINT).locator(".owner")).to_have_text("Handled by Sanne Visser")
    card(page, NEW_COMPLAINT).get_by_role("button", name="Mark answered").click()
    link = card(page, NEW_COMPLAINT).get_by_label("Link to your reply (optional)")
    expect(link).to_be_focused()
    link.fill("https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000000/?reply=1")
    card(page, NEW_COMPLAINT).get_by_role("button", name="Save as answered").click()
    expect(card(page, NEW_COMPLAINT)).to_have_count(0)
    page.get_by_label("Show").select_option(label="Answered")
    expect(card(page, NEW_COMPLAINT)).to_be_visible()
    stored = agent.call("GET", f"/api/items/{NEW_COMPLAINT['id']}")[1]["item"]
    assert stored["status"] == "answered" and stored["answered_at"]
    page.get_by_role("link", name="Team").click()
    expect(page.locator('tr[data-member="sanne"] td').nth(4)).to_have_text("1")


def test_ignoring_needs_a_reason_and_keeps_it(context, agent):
    page = open_dashboard(context, agent).page
    card(page, PRAISE).get_by_role("button", name="Ignore").click()
    card(page, PRAISE).get_by_role("button", name="Ignore this item").click()
    expect(page.locator("#status")).to_have_text("Give a reason for ignoring it.")
    expect(card(page, PRAISE)).to_be_visible()
    card(page, PRAISE).get_by_label("Why ignore this?").fill("Al beantwoord per telefoon")
    card(page, PRAISE).get_by_role("button", name="Ignore this item").click()
    expect(card(page, PRAISE)).to_have_count(0)
    page.get_by_label("Show").select_option(label="Ignored")
    expect(card(page, PRAISE)).to_contain_text("Ignored: Al beantwoord per telefoon")


def test_correcting_the_analysis_moves_the_item(context, agent):
    page = open_dashboard(context, agent).page
    target = card(page, OLD_COMPLAINT)
    target.get_by_role("button", name="Correct").click()
    target.get_by_label("Kind").select_option(label="Question")
    target.get_by_label("Sentiment").select_option(label="Neutral")
    target.get_by_role("button", name="Save correction").click()
    corrected = card(page, OLD_COMPLAINT)
    expect(corrected.locator("header")).to_contain_text("Question")
    expect(corrected.locator("header")).to_contain_text("corrected by you")
    item = agent.call("GET", f"/api/items/{OLD_COMPLAINT['id']}")[1]["item"]
    assert item["analysis"]["intent"] == "question"
    assert item["analysis"]["sentiment"]["label"] == "neutral"


def test_a_new_item_appears_live_in_its_place(context, agent):
    page = open_dashboard(context, agent).page
    expect(page.locator("#live")).to_have_attribute("data-state", "on")
    before = shown_ids(page)
    # Safety comes first in the inbox, above the double charge and the outage seeded before.
    fresh = item(
        9, "De VlotPay-paslezer werd heet en begon te roken!", author="Gijs Gerritsen", hours=40
    )
    seed(agent, [fresh], {fresh["id"]: ("complaint", "negative")})
    expect(card(page, fresh)).to_be_visible()
    expect(page.locator("#status")).to_have_text("New in the inbox: 1")
    assert shown_ids(page)[0] == fresh["id"]
    assert set(before) <= set(shown_ids(page))
