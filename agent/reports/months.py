"""Calendar months as the business lives them: in its own time zone, not in UTC.

A comment posted at 00:30 on 1 November in Amsterdam belongs to November's report even though
it is still 31 October in UTC, so every boundary here is local midnight in the profile's
`business_hours.timezone`, converted to an aware datetime that compares with UTC timestamps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent.analysis.times import to_datetime

_MONTH = re.compile(r"^(19[7-9][0-9]|2[0-9]{3})-(0[1-9]|1[0-2])$")  # 1970-01 … 2999-12
DEFAULT_TZ = "Europe/Amsterdam"


def zone(name: str | None) -> tzinfo:
    """The named time zone; UTC when the name is missing or unknown (never an error)."""
    try:
        return ZoneInfo(name or DEFAULT_TZ)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def profile_zone(profile: dict) -> tzinfo:
    return zone((profile.get("business_hours") or {}).get("timezone"))


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """ "2026-10" → Month(2026, 10); anything else raises ValueError naming the format."""
        match = _MONTH.match(text or "")
        if not match:
            raise ValueError(f"month must look like 2026-10, not {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, moment: datetime, tz: tzinfo) -> Month:
        local = moment.astimezone(tz)
        return cls(local.year, local.month)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def previous(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def next(self) -> Month:
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def dates(self) -> list[date]:
        count = (self.next().first_day - self.first_day).days
        return [self.first_day + timedelta(days=n) for n in range(count)]

    def start(self, tz: tzinfo) -> datetime:
        """Local midnight on the first day, as an aware datetime."""
        return datetime(self.year, self.month, 1, tzinfo=tz)

    def end(self, tz: tzinfo) -> datetime:
        """Local midnight on the first day of the next month (exclusive)."""
        return self.next().start(tz)

    def holds(self, value: object, tz: tzinfo) -> bool:
        moment = to_datetime(value)
        return moment is not None and self.start(tz) <= moment < self.end(tz)


def moment_of(doc: dict) -> datetime | None:
    """When an item or post happened: published if known, else when Roos first saw it."""
    return to_datetime(doc.get("published_at")) or to_datetime(doc.get("seen_at"))


def local_date(doc: dict, tz: tzinfo) -> date | None:
    moment = moment_of(doc)
    return moment.astimezone(tz).date() if moment else None


def week_labels(month: Month) -> list[tuple[int, date, date]]:
    """(ISO week number, first and last day inside the month) for each week touching it."""
    weeks: dict[int, list[date]] = {}
    for day in month.dates():
        weeks.setdefault(day.isocalendar().week, []).append(day)
    return [(week, days[0], days[-1]) for week, days in weeks.items()]


def change(current: float, previous: float) -> float | None:
    """Percentage change against the previous month; None when there is nothing to compare."""
    if not previous:
        return None
    return round((current - previous) / previous * 100, 1)


def in_month(docs: list[dict], month: Month, tz: tzinfo) -> list[dict]:
    """The documents (items, own posts) that happened in `month`, oldest first."""
    start, end = month.start(tz), month.end(tz)
    dated = [(moment_of(d), d) for d in docs]
    inside = [(at, d) for at, d in dated if at is not None and start <= at < end]
    return [d for _, d in sorted(inside, key=lambda pair: (pair[0], pair[1].get("id", "")))]
