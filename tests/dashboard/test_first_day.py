"""A first day, in a real Chromium on a fresh agent: empty pages say what will appear and how
to get it (no "well done" on an empty inbox, no empty 0–1 chart), and the first-steps list
ticks itself off as the user describes the organisation, pairs, adds a source and answers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.support.agent import AgentProcess

from .conftest import item, open_dashboard

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def agent(tmp_path_factory) -> Iterator[AgentProcess]:
    process = AgentProcess(tmp_path_factory.mktemp("first-day") / "home").start()
    yield process
    process.stop()


def states(page) -> dict[str, bool]:
    return page.eval_on_selector_all(
        ".checklist > li",
        "lis => Object.fromEntries(lis.map(li => [li.dataset.step, li.classList.contains('done')]))",
    )


def test_empty_pages_say_what_will_appear_and_how(context, agent):
    watched = open_dashboard(context, agent)
    page = watched.page
    empty = page.locator("#inbox-list .empty-state")
    expect(empty).to_contain_text("Your inbox fills itself")
    expect(empty.get_by_role("link", name="Add a source")).to_have_attribute("href", "#/sources")
    expect(page.locator("main")).not_to_contain_text("Well done")
    expect(page.locator(".start-reminder")).to_contain_text("First steps: 0 of 5 done.")
    page.get_by_role("link", name="Listening").click()
    expect(page.locator(".empty-state")).to_contain_text("Nothing heard in this period yet")
    assert page.locator("canvas").count() == 0
    page.get_by_role("link", name="Be valuable").click()
    expect(page.locator(".empty-state")).to_contain_text("No posts of your own counted yet")
    assert page.locator("canvas").count() == 0
    page.get_by_role("link", name="Follow ratio").click()
    expect(page.locator(".empty-state")).to_contain_text("Open your own LinkedIn profile")
    assert watched.problems == []


def test_the_first_steps_tick_themselves_off(context, agent):
    page = open_dashboard(context, agent, "start").page
    expect(page.locator("#start-progress")).to_have_text("0 of 5 steps done")
    assert states(page) == dict.fromkeys(
        ("organisation", "pair", "source", "answer", "scan"), False
    )
    profile = {"organisation": {"name": "Vlotbank", "story": "Een kleine, groene bank."}}
    assert agent.call("PUT", "/api/profile", profile)[0] == 200
    assert (
        agent.call("POST", "/api/own-posts", {"text": "Vijf tips voor je spaarrekening."})[0] == 200
    )
    group = {"url": "https://www.linkedin.com/groups/7654321/"}
    assert agent.call("POST", "/api/sources", group)[0] == 200
    comment = item(1, "Hoe open ik een rekening bij Vlotbank?", author="Hanna Hop", hours=1)
    assert agent.call("POST", "/api/items", {"items": [comment]})[0] == 200
    assert agent.call("POST", "/api/replies", {"item_id": comment["id"]})[0] == 200
    page.reload()
    expect(page.locator("#start-progress")).to_have_text("4 of 5 steps done")
    assert states(page) == {
        "organisation": True,
        "pair": True,
        "source": True,
        "scan": False,
        "answer": True,
    }
    scan = page.locator('.checklist > li[data-step="scan"]')
    expect(scan.get_by_role("link", name="Go to Sources")).to_have_attribute("href", "#/sources")
