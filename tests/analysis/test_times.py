"""Timestamps arrive in every shape (ISO with or without Z, epoch seconds or milliseconds,
datetimes); the analysis core reads them all the same way, as UTC."""

from datetime import UTC, datetime, timedelta, timezone

from agent.analysis.times import age_days, now_or, to_datetime

NOON = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)


def test_every_shape_of_the_same_moment_reads_the_same():
    shapes = [
        "2026-06-30T12:00:00Z",
        "2026-06-30T14:00:00+02:00",
        "2026-06-30T12:00:00",
        NOON.timestamp(),
        int(NOON.timestamp() * 1000),
        datetime(2026, 6, 30, 12, 0),
        datetime(2026, 6, 30, 13, 0, tzinfo=timezone(timedelta(hours=1))),
    ]
    assert {to_datetime(shape) for shape in shapes} == {NOON}


def test_missing_or_unreadable_times_are_none():
    assert [to_datetime(v) for v in (None, "", "gisteren", True, [])] == [None] * 5


def test_age_in_days_and_a_default_now():
    assert age_days("2026-06-28T12:00:00Z", NOON) == 2
    assert age_days(None, NOON) is None
    assert now_or("2026-06-30T12:00:00Z") == NOON
    assert now_or(None).tzinfo is not None
