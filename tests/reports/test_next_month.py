"""The report says what to do next month, from its own figures, in both languages; a month
without data gets no advice and no made-up comparison."""

from __future__ import annotations

import pytest

from agent.reports.figures import compute_figures
from agent.reports.months import Month
from agent.reports.next_month import TEXTS, advice
from agent.reports.render_html import render_html

from .conftest import AFTER, OCTOBER


@pytest.fixture(scope="module")
def figures(inputs, profile) -> dict:
    return compute_figures(OCTOBER, profile, now=AFTER, **inputs)


def test_october_s_advice_follows_from_its_figures(figures):
    complaints = figures["response"]["complaints"]
    lines = advice(figures, "en")
    assert 1 <= len(lines) <= 5
    if complaints["within_target"] < complaints["received"]:
        assert lines[0].startswith(
            f"Answer complaints faster: {complaints['within_target']} of the "
            f"{complaints['received']} were answered within"
        )
    rhythm = figures["rhythm"]
    said_rhythm = any(line.startswith("Post more often") for line in lines)
    assert said_rhythm == (rhythm["per_day"] < rhythm["target_per_day"]) or len(lines) == 5
    dutch = advice(figures, "nl")
    assert len(dutch) == len(lines) and dutch != lines


def test_a_month_that_met_every_target_says_so():
    quiet = {
        "empty": False,
        "response": {
            "target_hours": 4,
            "complaints": {"received": 2, "within_target": 2, "answered": 2},
            "questions": {"received": 1, "answered": 1},
        },
        "sentiment": {
            "count": 3,
            "previous_count": 3,
            "shares": {"negative": 0.1},
            "previous_shares": {"negative": 0.1},
        },
        "rhythm": {
            "per_day": 2.5,
            "target_per_day": 2,
            "weekend_days": 8,
            "weekend_days_covered": 8,
            "weekends_target": True,
            "posts": 70,
            "promo_share": 0.1,
            "max_promo_share": 0.2,
        },
        "people": {"fans": {"lost": 0, "gained": 1}},
        "follow": [],
        "mentions": {"change": 5.0},
    }
    assert advice(quiet, "nl") == [TEXTS["nl"]["none"]]


def test_the_report_carries_the_advice_and_an_empty_month_none(figures, inputs, profile):
    html = render_html(figures, "nl", profile, "2026-11-02")
    assert "Wat je volgende maand doet" in html
    empty = compute_figures(Month(2026, 3), profile, now=AFTER, **inputs)
    assert empty["empty"] and advice(empty, "nl") == []
    assert "Wat je volgende maand doet" not in render_html(empty, "nl", profile, "2026-11-02")


def test_without_last_month_s_items_the_comparison_is_a_dash_not_zero(inputs, profile):
    # September has no September-before-it in the fixture: its "previous month" column is empty.
    september = compute_figures(Month(2026, 9), profile, now=AFTER, **inputs)
    assert september["sentiment"]["previous_count"] == 0
    html = render_html(september, "nl", profile, "2026-11-02")
    reputation = html[html.index("Reputatie") :]
    row = reputation[reputation.index("<tr><td>Positief") :][:200]
    assert "0%</td></tr>" not in row and "—" in row
