"""The automatic monthly report: on `report.day_of_month`, last month's report, once.

The agent checks every hour. From the configured day on (1 by default, 0 switches it off) the
previous month's report is due; it is written to HOME/reports/YYYY-MM/<lang>/ (each language
keeps its own), unless Roos heard nothing that month; it is announced over the
WebSocket as `report.ready`, and remembered in HOME/reports/schedule.json, so a restart, a
laptop that was closed on the 1st, or the next hourly check never makes it twice. The clock
is injectable: tests put a `ReportSchedule` with a fixed clock in `app[SERVICES]` before the
app starts, and the agent then runs that one instead of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path

import orjson
from aiohttp import web

from agent.home import write_private
from agent.reports.build import REPORTS_DIR
from agent.reports.months import Month, profile_zone
from agent.reports.service import announce, make_report
from agent.server.keys import CONFIG, PROFILE, SERVICES

log = logging.getLogger("roos.reports")

SCHEDULE = "report_schedule"
STATE_FILE = "schedule.json"
CHECK_SECONDS = 3600.0
START_DELAY = 60.0  # let the agent settle (and the extension connect) before Chromium starts


def due_month(now: datetime, profile: dict) -> Month | None:
    """The month whose report is due at `now`: last month, from the configured day on."""
    day = (profile.get("report") or {}).get("day_of_month", 1)
    if not day:
        return None
    tz = profile_zone(profile)
    if now.astimezone(tz).day < day:
        return None
    return Month.of(now, tz).previous()


def last_done(home: Path) -> str:
    try:
        return orjson.loads((home / REPORTS_DIR / STATE_FILE).read_bytes()).get("month", "")
    except (OSError, orjson.JSONDecodeError, AttributeError):
        return ""


def remember(home: Path, month: Month, at: datetime) -> None:
    folder = home / REPORTS_DIR
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    state = {"month": month.key, "at": at.astimezone(UTC).isoformat(timespec="seconds")}
    write_private(folder / STATE_FILE, orjson.dumps(state).decode())


class ReportSchedule:
    def __init__(
        self,
        clock: Callable[[], datetime] | None = None,
        first_delay: float = START_DELAY,
        every: float = CHECK_SECONDS,
    ) -> None:
        self.clock = clock or (lambda: datetime.now(UTC))
        self.first_delay = first_delay
        self.every = every
        self.checks = 0
        self.made: list[str] = []

    async def check(self, app: web.Application) -> dict | None:
        """Make the due report if it was not made yet; returns its meta, else None."""
        self.checks += 1
        now = self.clock()
        profile = app[PROFILE].current
        month = due_month(now, profile)
        home = app[CONFIG].home
        if month is None or last_done(home) >= month.key:
            return None
        lang = (profile.get("report") or {}).get("lang") or "nl"
        meta = await make_report(app, month, lang, now=now, automatic=True, skip_empty=True)
        remember(home, month, now)
        if meta is None:
            # Nothing was heard that month (a new install, a holiday): no empty report. One
            # can still be made by hand, from the dashboard or with `roos report`.
            log.info("No report for %s: Roos heard nothing that month.", month.key)
            return None
        self.made.append(month.key)
        announce(app, meta)
        log.info("Monthly report for %s is ready in %s", month.key, home / REPORTS_DIR)
        return meta

    async def run(self, app: web.Application) -> None:
        await asyncio.sleep(self.first_delay)
        while True:
            try:
                await self.check(app)
            except Exception:  # a failed run is retried at the next check, never fatal
                log.exception("The monthly report could not be made; trying again later.")
            await asyncio.sleep(self.every)


async def report_ctx(app: web.Application) -> AsyncIterator[None]:
    """cleanup_ctx: run the schedule (the injected one, else ours when scheduling is on)."""
    schedule = app[SERVICES].get(SCHEDULE)
    if schedule is None and app[CONFIG].scheduler:
        schedule = app[SERVICES][SCHEDULE] = ReportSchedule()
    task = asyncio.create_task(schedule.run(app)) if schedule else None
    yield
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
