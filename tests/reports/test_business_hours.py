"""Response times in working time: only the minutes the shop was open count."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from agent.reports.business_hours import business_seconds, has_hours

AMS = ZoneInfo("Europe/Amsterdam")
OFFICE = {
    "timezone": "Europe/Amsterdam",
    "days": {d: ["09:00", "17:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
}
NIGHT_DESK = {"timezone": "Europe/Amsterdam", "days": {"mon": ["22:00", "06:00"]}}


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


def minutes(start: str, end: str, hours: dict = OFFICE) -> float:
    return business_seconds(local(start), local(end), hours) / 60


def test_an_answer_within_the_same_working_day_counts_every_minute():
    assert minutes("2026-10-06 10:00", "2026-10-06 11:30") == 90


def test_a_complaint_on_friday_afternoon_answered_on_monday_waited_one_working_hour():
    # Friday 16:30 → 17:00 and Monday 09:00 → 09:30; the weekend does not count.
    assert minutes("2026-10-02 16:30", "2026-10-05 09:30") == 60


def test_a_message_sent_at_night_waits_from_opening_time():
    assert minutes("2026-10-07 20:00", "2026-10-08 10:00") == 60


def test_a_weekend_message_answered_in_the_weekend_took_no_working_time():
    assert minutes("2026-10-03 10:00", "2026-10-04 18:00") == 0


def test_a_long_wait_sums_every_working_day_in_between():
    # Tuesday 09:00 → Wednesday 15:00: 8 hours on Tuesday, 6 on Wednesday.
    assert minutes("2026-10-20 09:00", "2026-10-21 15:00") == 14 * 60


def test_overnight_opening_hours_run_past_midnight():
    # The night desk is open Monday 22:00 → Tuesday 06:00.
    assert minutes("2026-10-05 23:00", "2026-10-06 07:00", NIGHT_DESK) == 7 * 60
    # A message at 02:00 on Tuesday falls in Monday's night window.
    assert minutes("2026-10-06 02:00", "2026-10-06 03:00", NIGHT_DESK) == 60
    # Tuesday evening is not open: only Monday has a night shift.
    assert minutes("2026-10-06 22:00", "2026-10-07 06:00", NIGHT_DESK) == 0


def test_the_night_the_clocks_go_back_has_an_extra_hour():
    always = {"timezone": "Europe/Amsterdam", "days": {"sun": ["00:00", "00:00"]}}
    # Sunday 25 October 2026 lasts 25 hours in Amsterdam.
    assert minutes("2026-10-24 12:00", "2026-10-26 12:00", always) == 25 * 60


def test_utc_timestamps_are_placed_in_the_business_time_zone():
    # 07:30 UTC is 09:30 in Amsterdam in summer time: half an hour after opening.
    start = datetime(2026, 10, 6, 7, 0, tzinfo=UTC)
    end = "2026-10-06T07:30:00Z"
    assert business_seconds(start, end, OFFICE) == 30 * 60


def test_reversed_or_missing_times_and_no_opening_hours_give_nothing():
    assert minutes("2026-10-06 12:00", "2026-10-06 11:00") == 0
    assert business_seconds(None, "2026-10-06T10:00:00Z", OFFICE) == 0
    closed = {"timezone": "Europe/Amsterdam", "days": {}}
    assert minutes("2026-10-06 10:00", "2026-10-06 12:00", closed) == 0
    assert not has_hours(closed) and has_hours(OFFICE)
