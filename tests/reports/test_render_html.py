"""The HTML report shows what strangers wrote as text, never as markup."""

from __future__ import annotations

from datetime import UTC, datetime

from agent.reports.figures import compute_figures
from agent.reports.months import Month
from agent.reports.render_html import hours_text, render_html

from .conftest import vlot_profile

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> Vlotbank is waardeloos'


def hostile_item() -> dict:
    return {
        "id": "li:666",
        "source": "linkedin",
        "kind": "post",
        "url": "javascript:alert(1)",
        "text": HOSTILE,
        "author": {"name": "<b>Mallory</b>"},
        "published_at": "2026-10-06T10:00:00Z",
        "comments_count": 3,
        "reactions": 2,
        "analysis": {
            "intent": "complaint",
            "about_us": True,
            "sentiment": {"label": "negative", "compound": -0.8},
            "mentions": [{"term": "<i>Vlotbank</i>", "kind": "organisation"}],
        },
    }


def test_a_comment_full_of_markup_is_printed_as_text():
    profile = vlot_profile()
    figures = compute_figures(
        Month(2026, 10),
        profile,
        items=[hostile_item()],
        replies=[],
        people=[],
        own_posts=[],
        follow_snapshots=[],
        now=datetime(2026, 11, 2, tzinfo=UTC),
    )
    html = render_html(figures, "nl", profile, "2026-11-02")
    assert "<script" not in html and "<img" not in html and "<b>Mallory" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in html and "&lt;i&gt;Vlotbank&lt;/i&gt;" in html
    assert "javascript:" not in html  # URLs are not linked


def test_opening_hours_are_described_compactly():
    hours = vlot_profile()["business_hours"]
    assert hours_text(hours, "nl") == "ma–do 09:00–17:30, vr 09:00–17:00"
    assert hours_text(hours, "en") == "Mon–Thu 09:00–17:30, Fri 09:00–17:00"
    assert hours_text({"days": {}}, "en") == "no opening hours set"
