"""How long a customer waited during opening hours: the fair way to judge response times.

A complaint posted on Friday at 16:55 and answered on Monday at 09:05 took 64 hours on the
clock but only ten minutes of working time. `business_seconds` counts only the time inside the
profile's `business_hours` (per weekday an opening and a closing time in the business's time
zone). A closing time at or before the opening time means the day runs past midnight
("22:00"–"06:00"); equal times mean the whole day. All arithmetic is done in UTC after placing
each opening window in local time, so daylight-saving changes are counted correctly.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from agent.analysis.times import to_datetime
from agent.reports.months import zone

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def has_hours(hours: dict | None) -> bool:
    """True when at least one weekday has opening hours."""
    return any((hours or {}).get("days", {}).get(day) for day in DAY_KEYS)


def _clock(text: str) -> time:
    hour, minute = (int(part) for part in text.split(":"))
    return time(hour, minute)


def _window(day: date, span: list[str], tz: tzinfo) -> tuple[datetime, datetime]:
    opens, closes = _clock(span[0]), _clock(span[1])
    closing_day = day if closes > opens else day + timedelta(days=1)
    start = datetime.combine(day, opens, tzinfo=tz).astimezone(UTC)
    end = datetime.combine(closing_day, closes, tzinfo=tz).astimezone(UTC)
    return start, end


def open_windows(first: date, last: date, hours: dict) -> list[tuple[datetime, datetime]]:
    """The opening windows (UTC) that start on local days `first` … `last`."""
    tz = zone(hours.get("timezone"))
    days = hours.get("days") or {}
    windows = []
    day = first
    while day <= last:
        span = days.get(DAY_KEYS[day.weekday()])
        if span:
            windows.append(_window(day, span, tz))
        day += timedelta(days=1)
    return windows


def business_seconds(start: object, end: object, hours: dict) -> float:
    """Seconds between `start` and `end` that fall inside opening hours (0 when reversed)."""
    begin, finish = to_datetime(start), to_datetime(end)
    if begin is None or finish is None or finish <= begin:
        return 0.0
    tz = zone(hours.get("timezone"))
    # A window opened the evening before may still be running at `begin` (overnight hours).
    first = begin.astimezone(tz).date() - timedelta(days=1)
    last = finish.astimezone(tz).date()
    total = 0.0
    for opened, closed in open_windows(first, last, hours):
        low, high = max(opened, begin), min(closed, finish)
        if high > low:
            total += (high - low).total_seconds()
    return total
