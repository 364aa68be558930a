"""The scheduler: runs each enabled source at its interval, inside the agent.

Sources run one after another, never in parallel: Roos is one careful reader,
and a blog and a LinkedIn group at the same moment gain nothing. Each run sets
the source's next_run (interval with jitter, see runner.py); a run that fails
records its error and the others go on. A LinkedIn block keeps every group out
until blocked_until. The loop wakes every TICK seconds, or at once when a
source is added or switched on (`poke`).

`listening_ctx` (in the app's cleanup_ctx) sets up the shared pieces: one
PoliteClient (per-host politeness across all blogs), one GroupScraper (one
LinkedIn visit at a time), the Runner, and profile sources synced into the
table. The loop itself only starts when config.scheduler is on, so tests and
`roos scrape` use the same runner without anything running on its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

from aiohttp import web

from agent.server.keys import CONFIG, PROFILE, SERVICES, STORE
from agent.sources import registry
from agent.sources.linkedin_groups import GroupScraper, iso
from agent.sources.polite import PoliteClient
from agent.sources.runner import Runner, load_http_state
from agent.team.leases import source_lease

log = logging.getLogger("roos.scheduler")

TICK = 60.0
RUNNER = "runner"
SCHEDULER = "scheduler"


def is_due(source: dict, now: datetime) -> bool:
    if not source.get("enabled"):
        return False
    stamp = iso(now)
    if source.get("blocked_until") and source["blocked_until"] > stamp:
        return False
    return not source.get("next_run") or source["next_run"] <= stamp


class Scheduler:
    def __init__(
        self,
        app: web.Application,
        runner: Runner,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        tick: float = TICK,
    ) -> None:
        self.app, self.runner, self.clock, self.tick = app, runner, clock, tick
        self.wake = asyncio.Event()

    def poke(self) -> None:
        """Look for due sources now (a source was added or switched on)."""
        self.wake.set()

    async def run_due(self) -> list[dict]:
        """Run every source that is due, in order of how long it has waited."""
        now = self.clock()
        sources, _ = await self.app[STORE].find(registry.TABLE, lambda s: is_due(s, now))
        summaries = []
        store = self.app[STORE]
        for listed in sorted(sources, key=lambda s: s.get("next_run") or ""):
            # Re-read: an earlier run may have changed it (a LinkedIn block covers every group).
            source = await store.get(registry.TABLE, listed["id"])
            if source is None or not is_due(source, now):
                continue
            async with source_lease(self.app, source) as ours:
                if not ours:  # another member's agent reads it (team mode)
                    continue
                source = await store.get(registry.TABLE, listed["id"])  # after their read?
                if source is None or not is_due(source, now):
                    continue
                try:
                    summaries.append(await self.runner.run_source(source))
                except Exception:  # the runner records failures; this is the last safety net
                    log.exception("Source %s failed unexpectedly", source.get("url"))
        return summaries

    async def loop(self) -> None:
        while True:
            await self.run_due()
            self.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), self.tick)


async def sync_profile_sources(app: web.Application, profile: dict) -> None:
    now = datetime.now(UTC)
    await app[STORE].transact(lambda tx: registry.sync_profile(tx, profile, now))


async def listening_ctx(app: web.Application) -> AsyncIterator[None]:
    services = app[SERVICES]
    polite = PoliteClient(delay=app[CONFIG].polite_delay)
    load_http_state(app[CONFIG].home, polite)
    runner = Runner(app, polite, GroupScraper(app[CONFIG].home))
    scheduler = Scheduler(app, runner)
    services[RUNNER], services[SCHEDULER] = runner, scheduler
    await sync_profile_sources(app, app[PROFILE].current)
    pending: set[asyncio.Task] = set()

    def on_profile(profile: dict) -> asyncio.Future:
        task = asyncio.ensure_future(sync_profile_sources(app, profile))
        pending.add(task)
        task.add_done_callback(pending.discard)
        task.add_done_callback(lambda _: scheduler.poke())
        return task

    services["profile_listeners"].append(on_profile)
    loop = asyncio.create_task(scheduler.loop()) if app[CONFIG].scheduler else None
    yield
    for task in [loop, *pending]:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    await polite.close()
