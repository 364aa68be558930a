"""Working through a full inbox by keyboard, in a real Chromium at 1366×768: fifteen items on
one screen, j/k/Enter/Escape/x/e/i/a/?, bulk actions on a selection, and a filtered view that
survives a reload because it lives in the URL."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from tests.support.demo_day import demo_items

from .conftest import item_path, open_dashboard, seed

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def working_day(agent):
    items, kinds = demo_items(30)
    seed(agent, items, kinds)


@pytest.fixture
def screen(browser):
    ctx = browser.new_context(locale="en-GB", viewport={"width": 1366, "height": 768})
    yield ctx
    ctx.close()


def ids(page) -> list[str]:
    return page.eval_on_selector_all("#inbox-list > li.row", "lis => lis.map(li => li.dataset.id)")


def current(page) -> str:
    return page.locator("#inbox-list > li.current").get_attribute("data-id")


def test_fifteen_items_fit_on_a_laptop_screen(screen, agent):
    page = open_dashboard(screen, agent).page
    expect(page.locator("#inbox-list > li.row").nth(20)).to_be_attached()
    fully_visible = page.evaluate(
        """[...document.querySelectorAll('#inbox-list > li.row')]
             .filter(li => li.getBoundingClientRect().bottom <= window.innerHeight).length"""
    )
    assert fully_visible >= 15, fully_visible


def test_j_and_k_move_enter_opens_escape_returns_and_question_mark_helps(screen, agent):
    page = open_dashboard(screen, agent).page
    order = ids(page)
    assert current(page) == order[0]
    page.locator("#inbox-list > li.current button.open").focus()
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert current(page) == order[2]
    expect(page.locator("#inbox-detail")).to_have_attribute("data-id", order[2])
    page.keyboard.press("k")
    assert current(page) == order[1]
    assert f"item={order[1]}" in unquote(page.url)  # the open item is in the address
    page.keyboard.press("Enter")
    expect(page.locator("#inbox-detail h2")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#inbox-list > li.current button.open")).to_be_focused()
    page.keyboard.press("?")
    help_dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(help_dialog).to_be_visible()
    expect(help_dialog).to_contain_text("Mark answered")
    page.keyboard.press("Escape")
    expect(help_dialog).to_be_hidden()
    page.keyboard.press("a")
    expect(page.locator("#inbox-detail .assign select")).to_be_focused()


def test_e_marks_the_current_item_answered_and_the_next_one_takes_its_place(screen, agent):
    page = open_dashboard(screen, agent).page
    order = ids(page)
    page.locator("#inbox-list > li.current button.open").focus()
    page.keyboard.press("e")
    expect(page.locator(f'#inbox-list > li[data-id="{order[0]}"]')).to_have_count(0)
    expect(page.locator("#inbox-list > li.current")).to_have_attribute("data-id", order[1])
    assert agent.call("GET", item_path(order[0]))[1]["item"]["status"] == "answered"


def test_i_asks_for_the_reason_to_ignore(screen, agent):
    page = open_dashboard(screen, agent).page
    page.locator("#inbox-list > li.current button.open").focus()
    page.keyboard.press("i")
    expect(page.locator("#inbox-detail").get_by_label("Why ignore this?")).to_be_focused()
    page.keyboard.press("j")  # typing in the field: no shortcut fires
    expect(page.locator("#inbox-detail").get_by_label("Why ignore this?")).to_have_value("j")


def test_a_selection_is_assigned_and_ignored_in_bulk(screen, agent):
    page = open_dashboard(screen, agent).page
    order = ids(page)
    page.locator("#inbox-list > li.current button.open").focus()
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    bar = page.get_by_role("region", name="Selected items")
    expect(bar).to_contain_text("2 selected")
    bar.get_by_label("Assign to").select_option(label="Ilse Brouwer")
    bar.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator("#status")).to_have_text("2 items assigned.")
    for item_id in order[:2]:
        assert agent.call("GET", item_path(item_id))[1]["item"]["assignee"] == "ilse"
    bar.get_by_role("button", name="Ignore these").click()
    expect(bar.locator(".inline-message")).to_contain_text("Give a reason")
    bar.get_by_label("Why ignore this?").fill("Dubbel gemeld")
    bar.get_by_role("button", name="Ignore these").click()
    expect(page.locator("#status")).to_have_text("2 items ignored.")
    expect(bar).to_be_hidden()
    for item_id in order[:2]:
        stored = agent.call("GET", item_path(item_id))[1]["item"]
        assert stored["status"] == "ignored" and stored["ignore_reason"] == "Dubbel gemeld"


def test_filters_and_sort_live_in_the_url_so_a_view_can_be_bookmarked(screen, agent):
    page = open_dashboard(screen, agent).page
    page.get_by_label("Source").select_option(label="Blog")
    page.get_by_label("Order").select_option(label="Oldest first")
    expect(page).to_have_url(re.compile(r"#/inbox\?source=blog&sort=oldest(&item=.+)?$"))
    page.reload()
    expect(page.get_by_label("Source")).to_have_value("blog")
    expect(page.get_by_label("Order")).to_have_value("oldest")
    shown = ids(page)
    assert shown and all(i.startswith("https://blog.example/") for i in shown)
    published = [agent.call("GET", item_path(i))[1]["item"]["published_at"] for i in shown]
    assert published == sorted(published)
