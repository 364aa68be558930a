"""Scrapers once per team: a source is read by one agent at a time, under a lease.

Before reading a source an agent takes its row in ``leases`` (an upsert that only succeeds
when the lease is free, expired or already its own); another agent that finds it held
skips the source. The lease expires by itself, so an agent killed mid-read blocks nobody
for longer than LEASE. After the read the source's next_run (in the shared store) makes
it not due for anyone. A LinkedIn group is read only by the agent of the member who opted
it in: theirs is the LinkedIn login it is read with.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from aiohttp import web

from ..server.keys import CONFIG, HUB, STORE
from ..store.backend import team_mode

LEASE = "30 minutes"


def may_read(source: dict, member: str | None) -> bool:
    owner = source.get("opted_in_by")
    return not (source.get("kind") == "linkedin_group" and owner and member and owner != member)


def take(conn, source_id: str, holder: str) -> bool:
    row = conn.execute(
        "INSERT INTO leases (source_id, holder, expires_at) "
        f"VALUES (%s, %s, now() + interval '{LEASE}') "
        "ON CONFLICT (source_id) DO UPDATE SET holder = EXCLUDED.holder, "
        "expires_at = EXCLUDED.expires_at "
        "WHERE leases.expires_at < now() OR leases.holder = EXCLUDED.holder RETURNING holder",
        (source_id, holder),
    ).fetchone()
    return row is not None


def give_back(conn, source_id: str, holder: str) -> None:
    conn.execute("DELETE FROM leases WHERE source_id = %s AND holder = %s", (source_id, holder))


def _holder(app: web.Application) -> str:
    return f"{app[CONFIG].member or '?'}@{getattr(app[HUB], 'origin', 'local')}"


@contextlib.asynccontextmanager
async def source_lease(app: web.Application, source: dict) -> AsyncIterator[bool]:
    """Yields whether this agent may read the source now (always, alone on TinyDB)."""
    if not team_mode(app[CONFIG]):
        yield True
        return
    if not may_read(source, app[CONFIG].member):
        yield False
        return
    store, holder = app[STORE], _holder(app)
    got = await store.on_connection(lambda conn: take(conn, source["id"], holder))
    try:
        yield got
    finally:
        if got:
            await store.on_connection(lambda conn: give_back(conn, source["id"], holder))
