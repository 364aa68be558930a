"""How long something waited within business hours (profile ``business_hours``).

A complaint posted on Friday evening and answered on Monday at ten waited 62 hours, but only
one of them while the team was at work; the inbox shows both. Opening hours are wall-clock
times in the profile's time zone, so each day's window is built in that zone and converted to
UTC before subtracting (aware datetimes that share a tzinfo subtract as wall-clock times,
which would be an hour off across a daylight-saving change).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_DAYS = 3700  # about ten years: beyond that the number means nothing anyway


def zone(business_hours: dict | None) -> ZoneInfo:
    name = (business_hours or {}).get("timezone") or "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _clock(text: str) -> time | None:
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except (ValueError, AttributeError):
        return None


def _window(day: date, hours: list[str], tz: ZoneInfo) -> tuple[datetime, datetime] | None:
    if not isinstance(hours, list) or len(hours) != 2:
        return None
    return _window_of(day, str(hours[0]), str(hours[1]), tz)


@lru_cache(maxsize=8192)
def _window_of(
    day: date, opens_at: str, closes_at: str, tz: ZoneInfo
) -> tuple[datetime, datetime] | None:
    """Cached: the inbox asks for the same few weeks of days for every waiting item."""
    opens, closes = _clock(opens_at), _clock(closes_at)
    if opens is None or closes is None or closes <= opens:
        return None
    start = datetime.combine(day, opens, tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day, closes, tzinfo=tz).astimezone(UTC)
    return start, end


def business_seconds(start: datetime, end: datetime, business_hours: dict | None) -> float:
    """Seconds between ``start`` and ``end`` (aware) that fall within opening hours."""
    if end <= start:
        return 0.0
    tz = zone(business_hours)
    days = (business_hours or {}).get("days") or {}
    first = start.astimezone(tz).date()
    last = end.astimezone(tz).date()
    if (last - first).days > MAX_DAYS:
        first = last - timedelta(days=MAX_DAYS)
    total = 0.0
    day = first
    while day <= last:
        window = _window(day, days.get(DAY_NAMES[day.weekday()]), tz)
        if window:
            overlap = min(end, window[1]) - max(start, window[0])
            total += max(overlap.total_seconds(), 0.0)
        day += timedelta(days=1)
    return total
