"""On the report day the agent writes last month's report by itself, once, and says so."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agent.reports.months import Month
from agent.reports.pdf import CHROMIUM
from agent.reports.schedule import SCHEDULE, ReportSchedule, due_month
from agent.server.app import create_app
from agent.server.keys import PROFILE, SERVICES, STORE, TOKEN

from .conftest import vlot_profile
from .fixture_month import store_month


class Clock:
    """Time the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def on(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


def test_the_report_is_due_from_the_configured_day_on_and_never_when_switched_off():
    profile = {"report": {"day_of_month": 3}, "business_hours": {"timezone": "Europe/Amsterdam"}}
    assert due_month(on(2), profile) is None
    assert due_month(on(3), profile) == Month(2026, 10)
    assert due_month(on(20), profile) == Month(2026, 10)
    assert due_month(datetime(2027, 1, 3, 9, tzinfo=UTC), profile) == Month(2026, 12)
    assert due_month(on(3), {"report": {"day_of_month": 0}}) is None
    # 23:30 UTC on 2 November is already 3 November in Amsterdam.
    assert due_month(datetime(2026, 11, 2, 23, 30, tzinfo=UTC), profile) == Month(2026, 10)


async def wait_for_checks(schedule: ReportSchedule, more: int) -> None:
    target = schedule.checks + more
    while schedule.checks < target:
        await asyncio.sleep(0.01)


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed")
async def test_the_schedule_writes_last_month_once_on_the_day_and_announces_it(
    aiohttp_server, aiohttp_client, config
):
    clock = Clock(on(1, 6))
    app = create_app(config)
    app[PROFILE].update({**vlot_profile(), "report": {"day_of_month": 2, "lang": "nl"}})
    schedule = ReportSchedule(clock=clock, first_delay=0, every=0.01)
    app[SERVICES][SCHEDULE] = schedule
    server = await aiohttp_server(app, host="127.0.0.1", port=config.port)
    await app[STORE].transact(lambda tx: store_month(tx, app[PROFILE].current))
    client = await aiohttp_client(server)
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "hello", "token": app[TOKEN].value})
    assert (await ws.receive_json(timeout=30))["type"] == "welcome"

    await wait_for_checks(schedule, 3)  # 1 November: the report day is the 2nd
    reports = config.home / "reports"
    assert schedule.made == [] and not (reports / "2026-10").exists()

    clock.now = on(2, 8)
    event = await ws.receive_json(timeout=120)
    assert event["type"] == "report.ready"
    assert event["data"]["month"] == "2026-10" and event["data"]["automatic"] is True
    assert event["data"]["summary"][0].startswith("In oktober 2026 werd Vlotbank 23 keer genoemd")
    for name in ("report.html", "report.pdf", "report.csv", "report.json"):
        assert (reports / "2026-10" / "nl" / name).is_file()

    clock.now = on(15)
    await wait_for_checks(schedule, 5)
    assert schedule.made == ["2026-10"]
    later = []
    with contextlib.suppress(asyncio.TimeoutError):
        while True:
            later.append((await ws.receive_json(timeout=0.2))["type"])
    assert "report.ready" not in later  # announced once

    # A restarted agent (a new schedule on the same home) remembers it was done.
    assert await ReportSchedule(clock=clock).check(app) is None
    await ws.close()


async def test_no_automatic_report_for_a_month_roos_heard_nothing_in(aiohttp_server, config):
    app = create_app(config)
    app[PROFILE].update({**vlot_profile(), "report": {"day_of_month": 1, "lang": "en"}})
    schedule = ReportSchedule(clock=Clock(on(2)), first_delay=3600)
    app[SERVICES][SCHEDULE] = schedule
    await aiohttp_server(app, host="127.0.0.1", port=config.port)
    assert await schedule.check(app) is None  # the store is empty: October had nothing
    assert schedule.made == []
    assert not (config.home / "reports" / "2026-10").exists()
    assert await schedule.check(app) is None  # and it does not try again every hour
    assert schedule.checks == 2
