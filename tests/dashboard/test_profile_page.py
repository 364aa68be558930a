"""The profile in the dashboard, in a real Chromium: each part is saved into profile.toml with
its comments and order kept, checked as PUT /api/profile checks it, and a refusal is shown
next to the field it names."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from .conftest import open_dashboard

pytestmark = pytest.mark.browser

COMMENTED = """# Ons profiel: met de hand bijgehouden door Sanne
[organisation]
name = "Vlotbank"  # zo heten we
story = "Een kleine, groene bank uit Zwolle."

[targets]
posts_per_day = 2  # liever vaker
weekends = true

[[team]]
id = "sanne"
name = "Sanne Visser"
topics = ["social"]
"""


@pytest.fixture(scope="module", autouse=True)
def commented_profile(agent):
    (agent.home / "profile.toml").write_text(COMMENTED, encoding="utf-8")
    deadline = time.monotonic() + 15
    while agent.call("GET", "/api/profile")[1]["profile"]["organisation"].get("aliases") != []:
        assert time.monotonic() < deadline, "the agent did not read the new file"
        time.sleep(0.2)
    while agent.call("GET", "/api/profile")[1]["profile"]["targets"]["posts_per_day"] != 2:
        assert time.monotonic() < deadline
        time.sleep(0.2)


def section(page, name: str):
    return page.locator(f'form[data-section="{name}"]')


def test_a_target_is_saved_into_the_file_with_its_comments(context, agent):
    page = open_dashboard(context, agent, "profile").page
    targets = section(page, "targets")
    targets.get_by_label("Own posts per day").fill("3")
    targets.get_by_role("button", name="Save").click()
    expect(targets.locator(".form-status")).to_have_text("Saved in profile.toml.")
    text = (agent.home / "profile.toml").read_text(encoding="utf-8")
    assert "posts_per_day = 3  # liever vaker" in text
    assert text.startswith("# Ons profiel: met de hand bijgehouden door Sanne")
    assert 'name = "Vlotbank"  # zo heten we' in text
    assert text.index("[organisation]") < text.index("[targets]") < text.index("[[team]]")


def test_a_wrong_value_is_refused_next_to_its_field_and_nothing_changes(context, agent):
    page = open_dashboard(context, agent, "profile").page
    before = (agent.home / "profile.toml").read_text(encoding="utf-8")
    targets = section(page, "targets")
    field = targets.get_by_label("Own posts per day")
    field.fill("twee")
    targets.get_by_role("button", name="Save").click()
    message = targets.locator(".field:has([data-path='targets.posts_per_day']) + .inline-message")
    expect(message).to_contain_text("targets.posts_per_day")
    expect(message).to_be_in_viewport()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    assert (agent.home / "profile.toml").read_text(encoding="utf-8") == before


def test_a_team_member_with_an_absence_is_added(context, agent):
    page = open_dashboard(context, agent, "profile").page
    team = section(page, "team")
    team.get_by_role("button", name="Add a member").click()
    member = team.locator("fieldset.entry").last
    expect(member.locator("legend")).to_have_text("Member 2")
    team.get_by_role("button", name="Save").click()
    # A member needs a name: the refusal points at the new member's name field.
    name = member.get_by_label("Name")
    expect(member.locator(".inline-message")).to_contain_text("team[1].name")
    expect(name).to_be_focused()
    name.fill("Joost Kramer")
    member.get_by_label("Short id (for example sanne)").fill("joost")
    member.get_by_role("button", name="Add an absence").click()
    member.get_by_label("From").fill("2026-12-21")
    member.get_by_label("To (inclusive)").fill("2027-01-03")
    member.get_by_label("Covered by (id or name)").fill("sanne")
    team.get_by_role("button", name="Save").click()
    expect(team.locator(".form-status")).to_have_text("Saved in profile.toml.")
    saved = agent.call("GET", "/api/profile")[1]["profile"]["team"]
    assert saved[1] == {
        "id": "joost",
        "name": "Joost Kramer",
        "topics": [],
        "away": [{"from": "2026-12-21", "to": "2027-01-03", "delegate": "sanne"}],
    }
    assert "# Ons profiel" in (agent.home / "profile.toml").read_text(encoding="utf-8")
