"""Rhythm reminders: several posts a day, weekends too — said once, by early afternoon."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..times import to_datetime

REMIND_FROM_HOUR = 13
MESSAGES = {
    "nl": "Je hebt vandaag {done} van de {target} berichten geplaatst.",
    "en": "You have posted {done} of today's {target} posts.",
}
WITH_PICKS = {"nl": " Twee dingen die het delen waard zijn:", "en": " Two things worth sharing:"}


def rhythm_status(
    own_posts: list[dict[str, Any]],
    profile: dict[str, Any],
    now: datetime,
    worth_sharing: list[dict[str, Any]],
    lang: str = "nl",
) -> dict[str, Any]:
    """Is today's (or the weekend day's) target met? `now` is aware; local time from the profile."""
    try:
        zone = ZoneInfo((profile.get("business_hours") or {}).get("timezone") or "Europe/Amsterdam")
    except (ZoneInfoNotFoundError, ValueError):  # a page must not fail on a bad profile value
        zone = ZoneInfo("UTC")
    local = now.astimezone(zone)
    targets = profile.get("targets") or {}
    target = targets.get("posts_per_day", 2)
    weekend = local.weekday() >= 5
    today = local.date()
    done = sum(
        1
        for p in own_posts
        if (at := to_datetime(p.get("published_at"))) and at.astimezone(zone).date() == today
    )
    applies = target > 0 and (not weekend or targets.get("weekends", True))
    due = applies and local.hour >= REMIND_FROM_HOUR and done < target
    lang = lang if lang in MESSAGES else "nl"
    return {
        "date": today.isoformat(),
        "weekend": weekend,
        "posts_today": done,
        "target": target,
        "due": due,
        "message": (
            MESSAGES[lang].format(done=done, target=target)
            + (WITH_PICKS[lang] if len(worth_sharing) >= 2 else "")
        )
        if due
        else None,
        "suggestions": worth_sharing[:2] if due else [],
    }
