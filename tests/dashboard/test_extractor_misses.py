"""The extension tells the agent how many LinkedIn cards it could not read; the dashboard says
so plainly, per day: "Roos could not read 3 of 20 cards on your feed today"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import open_dashboard

pytestmark = pytest.mark.browser


def report(report_id: str, page: str, unknown: int, unreadable: int, cards: int) -> dict:
    read = cards - unknown - unreadable
    return {
        "url": f"https://www.linkedin.com/{page}/",
        "hints": {},
        "report_id": report_id,
        "page": page,
        "version": "0.1.0",
        "counts": {
            "containers": cards + 2,
            "cards": cards,
            "read": read,
            "pending": 2,
            "unknown": unknown,
            "unreadable": unreadable,
            "skipped": {},
        },
        "card_kinds": {"plain": read, "unknown": unknown},
    }


def test_the_sources_page_counts_todays_unread_cards_per_page_kind(context, agent):
    for body in (
        report("2026-12-04-a", "feed", 2, 1, 14),
        # the same visit reports again as the user scrolls: one event, the latest counts
        report("2026-12-04-b", "feed", 0, 0, 3),
        report("2026-12-04-b", "feed", 0, 0, 6),
        report("2026-12-04-c", "groups", 1, 0, 8),
    ):
        assert agent.call("POST", "/api/extractor-miss", body)[0] == 200
    events = [e for e in agent.call("GET", "/api/events")[1]["events"] if e.get("report_id")]
    assert sorted(e["report_id"] for e in events) == [
        "2026-12-04-a",
        "2026-12-04-b",
        "2026-12-04-c",
    ]
    watched = open_dashboard(context, agent, "sources")
    summary = watched.page.locator('[data-misses="today"] p')
    expect(summary.first).to_be_visible()
    assert summary.all_text_contents() == [
        "Roos could not read 3 of 20 cards on your feed today.",
        "Roos could not read 1 of 8 cards on other LinkedIn pages today.",
    ]
    assert watched.page.get_by_text("Roos could not read 3 of 14 cards on this page").count() == 1
    assert watched.dialogs == []
