"""Respond and organise in the inbox, in a real Chromium: a compact list most urgent first with
a detail pane; assigning, routing by topic, handing over while a colleague is away, answering,
ignoring, correcting, notes and history; the keyboard flow, bulk actions, filters kept in the
URL, and new items arriving live."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import item, login_url, open_dashboard, seed

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


def row(page: Page, doc: dict):
    return page.locator(f'#inbox-list > li[data-id="{doc["id"]}"]')


def shown_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all("#inbox-list > li.row", "lis => lis.map(li => li.dataset.id)")


def pane(page: Page):
    return page.locator("#inbox-detail")


def open_item(page: Page, doc: dict):
    row(page, doc).locator("button.open").click()
    expect(pane(page)).to_have_attribute("data-id", doc["id"])
    return pane(page)


def test_one_line_per_item_most_urgent_first_with_the_details_beside_it(context, agent):
    page = open_dashboard(context, agent).page
    expect(row(page, PRAISE)).to_be_visible()
    order = [i for i in shown_ids(page) if i in {d["id"] for d in SEEDED}]
    assert order == [
        d["id"] for d in (OLD_COMPLAINT, NEW_COMPLAINT, OLD_QUESTION, NEW_QUESTION, PRAISE)
    ]
    first = row(page, OLD_COMPLAINT)
    for part in ("LinkedIn", "Bea Bakker", "VlotPay rekent twee keer af", "Complaint", "1 d 6 h"):
        expect(first).to_contain_text(part)
    height = first.bounding_box()["height"]
    assert height < 48, height  # one line, not a card
    detail = open_item(page, OLD_COMPLAINT)
    # Business hours are hours of work, not 24-hour days.
    expect(detail.locator(".waiting")).to_contain_text(
        re.compile(r"Waiting 1 d 6 h, of which (\d+ business hours?|less than a business hour)")
    )
    expect(detail.get_by_role("link", name="Open on LinkedIn")).to_have_attribute(
        "href", OLD_COMPLAINT["url"]
    )


def test_the_best_suggestion_is_copied_with_c_and_the_others_are_one_click_away(context, agent):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=agent.base)
    page = open_dashboard(context, agent).page
    detail = open_item(page, OLD_QUESTION)
    best = detail.locator(".suggestions > ul li").first
    text = best.locator("p").inner_text()
    row(page, OLD_QUESTION).locator("button.open").focus()
    page.keyboard.press("c")
    expect(best.get_by_role("button")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == text
    others = detail.locator(".suggestions details")
    if others.count():
        expect(others.locator("li").first).to_be_hidden()
        others.locator("summary").click()
        expect(others.locator("li").first).to_be_visible()


def test_assigning_an_item_to_a_colleague(context, agent):
    page = open_dashboard(context, agent).page
    detail = open_item(page, NEW_QUESTION)
    detail.get_by_label("Assign to").select_option(label="Ilse Brouwer")
    detail.get_by_role("button", name="Assign", exact=True).click()
    expect(pane(page).locator(".owner")).to_have_text("Handled by Ilse Brouwer")
    assert agent.call("GET", f"/api/items/{NEW_QUESTION['id']}")[1]["item"]["assignee"] == "ilse"
    expect(pane(page).locator(".history")).to_contain_text("Assigned to Ilse Brouwer")


def test_an_unassigned_item_goes_to_the_colleague_whose_topic_it_is_skipping_who_is_away(
    context, agent
):
    page = open_dashboard(context, agent).page
    detail = open_item(page, NEW_COMPLAINT)
    # VlotPay is Ruben's topic, but Ruben is away: the routing says so and Sanne covers.
    expect(detail.locator(".owner, .handover").first).to_be_visible()
    _status, inbox = agent.call("GET", "/api/inbox")
    entry = next(e for e in inbox["items"] if e["id"] == NEW_COMPLAINT["id"])
    assert entry["routing"]["topics"] == ["VlotPay"]
    assert entry["routing"]["skipped"] == ["Ruben Dekker"]
    expect(detail.locator(".routing")).to_contain_text("about VlotPay")
    expect(detail.locator(".routing")).to_contain_text("Ruben Dekker is away")


def test_items_of_a_colleague_who_is_away_go_to_the_one_they_named(context, agent):
    page = open_dashboard(context, agent).page
    detail = open_item(page, OLD_QUESTION)
    detail.get_by_label("Assign to").select_option(label="Ruben Dekker")
    detail.get_by_role("button", name="Assign", exact=True).click()
    handover = pane(page).locator(".handover")
    expect(handover).to_contain_text("Handed over to Sanne Visser: Ruben Dekker is away until")
    page.get_by_label("Handled by").select_option(label="Sanne Visser")
    expect(row(page, OLD_QUESTION)).to_be_visible()
    expect(row(page, NEW_QUESTION)).to_have_count(0)
    page.get_by_role("link", name="Team").click()
    expect(page.locator('tr[data-member="ruben"] .availability')).to_contain_text(
        "Sanne Visser covers"
    )


def test_answering_with_a_link_takes_the_item_out_and_counts_for_the_colleague(context, agent):
    page = open_dashboard(context, agent).page
    detail = open_item(page, NEW_COMPLAINT)
    detail.get_by_label("Assign to").select_option(label="Sanne Visser")
    detail.get_by_role("button", name="Assign", exact=True).click()
    expect(pane(page).locator(".owner")).to_have_text("Handled by Sanne Visser")
    pane(page).get_by_role("button", name="Mark answered").click()
    link = pane(page).get_by_label("Link to your reply (optional)")
    expect(link).to_be_focused()
    link.fill("http://not-safe.example/")
    pane(page).get_by_role("button", name="Save as answered").click()
    # The error appears next to the form the user used, on screen.
    message = pane(page).locator("form.answer + .inline-message")
    expect(message).to_contain_text("https link")
    expect(message).to_be_in_viewport()
    link.fill("https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000000/?reply=1")
    pane(page).get_by_role("button", name="Save as answered").click()
    expect(row(page, NEW_COMPLAINT)).to_have_count(0)
    page.get_by_label("Show").select_option(label="Answered")
    expect(row(page, NEW_COMPLAINT)).to_be_visible()
    stored = agent.call("GET", f"/api/items/{NEW_COMPLAINT['id']}")[1]["item"]
    assert stored["status"] == "answered" and stored["answered_at"]
    page.get_by_role("link", name="Team").click()
    expect(page.locator('tr[data-member="sanne"] td').nth(4)).to_have_text("1")


def test_ignoring_needs_a_reason_said_next_to_the_field_and_keeps_it(context, agent):
    page = open_dashboard(context, agent).page
    detail = open_item(page, PRAISE)
    detail.get_by_role("button", name="Ignore").click()
    detail.get_by_role("button", name="Ignore this item").click()
    message = detail.locator("form.ignore + .inline-message")
    expect(message).to_have_text("Something went wrong: Give a reason for ignoring it.")
    expect(message).to_be_in_viewport()
    expect(row(page, PRAISE)).to_be_visible()
    detail.get_by_label("Why ignore this?").fill("Al beantwoord per telefoon")
    detail.get_by_role("button", name="Ignore this item").click()
    expect(row(page, PRAISE)).to_have_count(0)
    page.get_by_label("Show").select_option(label="Ignored")
    open_item(page, PRAISE)
    expect(pane(page)).to_contain_text("Ignored: Al beantwoord per telefoon")


def test_correct_then_cancel_closes_the_form_without_an_error(context, agent):
    watched = open_dashboard(context, agent)
    page = watched.page
    detail = open_item(page, OLD_QUESTION)
    detail.get_by_role("button", name="Correct").click()
    expect(detail.locator("form.correct")).to_be_visible()
    detail.locator("form.correct").get_by_role("button", name="Cancel").click()
    expect(detail.locator("form.correct")).to_have_count(0)
    assert watched.problems == []


def test_correcting_the_analysis_moves_the_item(context, agent):
    page = open_dashboard(context, agent).page
    detail = open_item(page, OLD_COMPLAINT)
    detail.get_by_role("button", name="Correct").click()
    detail.get_by_label("Kind").select_option(label="Question")
    detail.get_by_label("Sentiment").select_option(label="Neutral")
    detail.get_by_role("button", name="Save correction").click()
    expect(row(page, OLD_COMPLAINT)).to_contain_text("Question")
    expect(pane(page).locator(".badges")).to_contain_text("corrected by you")
    item = agent.call("GET", f"/api/items/{OLD_COMPLAINT['id']}")[1]["item"]
    assert item["analysis"]["intent"] == "question"
    assert item["analysis"]["sentiment"]["label"] == "neutral"


def test_an_internal_note_is_kept_with_the_item_for_the_team(context, agent):
    page = open_dashboard(context, agent).page
    detail = open_item(page, OLD_QUESTION)
    note = "Klant belde ook al; Ilse weet ervan <b>niet vet</b>"
    detail.get_by_label("New note").fill(note)
    detail.get_by_role("button", name="Add note").click()
    expect(pane(page).locator(".notes li")).to_contain_text(note)
    expect(pane(page).locator(".notes b")).to_have_count(0)
    expect(pane(page).locator(".history")).to_contain_text("Note added")
    other = context.new_page()  # a colleague opens the same item
    other.goto(page.url)
    expect(other.locator("#inbox-detail .notes li")).to_contain_text(note)
    other.close()


def test_a_new_item_appears_live_in_its_place(context, agent):
    page = open_dashboard(context, agent).page
    expect(page.locator("#live")).to_have_attribute("data-state", "on")
    before = shown_ids(page)
    # Safety comes first in the inbox, above the double charge and the outage seeded before.
    fresh = item(
        9, "De VlotPay-paslezer werd heet en begon te roken!", author="Gijs Gerritsen", hours=40
    )
    seed(agent, [fresh], {fresh["id"]: ("complaint", "negative")})
    expect(row(page, fresh)).to_be_visible()
    expect(page.locator("#status")).to_have_text("1 new item in the inbox")
    assert shown_ids(page)[0] == fresh["id"]
    assert set(before) <= set(shown_ids(page))


def test_the_analysis_own_reasons_are_shown_when_it_gives_them(context, agent):
    """The analysis may explain an item (reasons, an urgency category); older agents do not,
    and a malformed value must not break the inbox."""
    page = context.new_page()

    def with_reasons(route):
        answer = route.fetch().json()
        for entry in answer["items"]:
            if entry["id"] == OLD_QUESTION["id"]:
                entry["reasons"] = ["asks how to block a card", "names VlotPas"]
            elif entry["id"] == NEW_QUESTION["id"]:
                entry["reasons"] = {"unexpected": True}
                entry["urgency_category"] = "travel"
        route.fulfill(json=answer)

    page.route(re.compile(r".*/api/inbox(\?.*)?$"), with_reasons)
    page.goto(login_url(agent))
    expect(row(page, OLD_QUESTION).locator(".why")).to_contain_text(
        "asks how to block a card · names VlotPas"
    )
    expect(row(page, NEW_QUESTION).locator(".why")).to_contain_text("travel")
    detail = open_item(page, OLD_QUESTION)
    expect(detail.locator(".why")).to_have_text(
        "Why here: asks how to block a card · names VlotPas"
    )
