"""A mistake in profile.toml is shown on the dashboard, on every page, with the field and the
fix, in Dutch and English; it goes away once the file is right again."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import open_dashboard

pytestmark = pytest.mark.browser


def edit_profile(agent, old: str, new: str) -> None:
    path = agent.home / "profile.toml"
    text = path.read_text(encoding="utf-8")
    assert re.search(old, text, re.M), old
    path.write_text(re.sub(old, new, text, count=1, flags=re.M), encoding="utf-8")


def wait_for_problem(agent, present: bool) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        problem = agent.call("GET", "/api/profile")[1]["problem"]
        if bool(problem) == present:
            return
        time.sleep(0.2)
    raise AssertionError("the agent did not pick up the edit")


def test_a_profile_mistake_is_shown_with_the_field_and_the_fix(browser, agent):
    edit_profile(agent, r"^posts_per_day = .*$", 'posts_per_day = "twee"')
    wait_for_problem(agent, True)
    english = browser.new_context(locale="en-GB")
    page = open_dashboard(english, agent, "team").page
    notice = page.get_by_role("alert").filter(has_text="profile.toml has a mistake")
    expect(notice).to_contain_text("targets.posts_per_day: 'twee' is not of type 'number'")
    expect(notice).to_contain_text("Write a number there, for example posts_per_day = 2")
    expect(notice).to_be_in_viewport()
    page.get_by_role("link", name="Inbox").click()
    expect(notice).to_be_visible()
    english.close()

    dutch = browser.new_context(locale="nl-NL")
    page = open_dashboard(dutch, agent).page
    expect(page.locator("#profile-problem")).to_contain_text(
        "Schrijf daar een getal, bijvoorbeeld posts_per_day = 2"
    )

    edit_profile(agent, r'^posts_per_day = "twee"$', "posts_per_day = 3")
    wait_for_problem(agent, False)
    page.get_by_role("link", name="Team").click()
    expect(page.locator("#profile-problem")).to_have_count(0)
    dutch.close()
