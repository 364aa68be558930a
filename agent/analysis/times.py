"""Timestamps as the analysis core accepts them.

Items arrive from the extension, from scrapers and from the store with timestamps as ISO 8601
strings (with or without "Z"), epoch seconds or milliseconds, or `datetime`s. Everything is
turned into an aware UTC `datetime` here so the other modules can simply subtract.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

_MS_THRESHOLD = 10**11  # epoch numbers above this are milliseconds (year 5138 in seconds)


def to_datetime(value: object) -> datetime | None:
    """Parse `value` into an aware UTC datetime; None when missing or unreadable."""
    if isinstance(value, str):  # the usual form, so it is tried first
        return parse_iso(value) if value else None
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > _MS_THRESHOLD else value
        return datetime.fromtimestamp(seconds, tz=UTC)
    return None


# A person's flag reads the time of each of their interactions, for every new item: the
# same few thousand strings, parsed once (datetimes are immutable, so sharing them is safe).
@lru_cache(maxsize=8192)
def parse_iso(value: str) -> datetime | None:
    """An ISO 8601 string as an aware UTC datetime; None when unreadable."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed if parsed.tzinfo is UTC else parsed.astimezone(UTC)


def now_or(value: object) -> datetime:
    """`value` as a datetime, or the current UTC time when none is given."""
    return to_datetime(value) or datetime.now(UTC)


def age_days(then: object, now: datetime) -> float | None:
    """Days between `then` and `now`; None when `then` is unknown."""
    moment = to_datetime(then)
    if moment is None:
        return None
    return (now - moment).total_seconds() / 86400
