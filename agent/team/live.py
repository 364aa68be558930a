"""Live across machines: every event one agent publishes reaches every other agent's sockets.

In team mode the hub is a ``TeamHub``: publishing still goes to this agent's own WebSocket
clients at once, and is also sent with ``pg_notify`` on the team's channel. Each agent
LISTENs there and relays what other agents announced to its own clients (the extension and
the dashboard on that member's machine), so a new complaint, an assignment, an answer, a
handover or a note shows everywhere within a second. A payload too big for NOTIFY (8000
bytes) waits in ``live_events`` and the notification carries only its id.
Events carry ``origin`` (which agent) so an agent never relays its own events back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Callable

import orjson
import psycopg
from aiohttp import web

from ..server.keys import HUB, SERVICES, STORE
from ..server.ws import Hub
from ..store.pg_conn import connect_async

log = logging.getLogger("roos.team")

MAX_PAYLOAD = 7800
RECONNECT_SECONDS = (0.2, 0.5, 1, 2, 5)
KEEP_EVENTS = "10 minutes"
LISTENERS = "team_event_listeners"


def channel(schema: str) -> str:
    return f"roos_{schema}"


class TeamHub(Hub):
    def __init__(self, member: str | None = None) -> None:
        super().__init__()
        self.origin = uuid.uuid4().hex
        self.member = member
        self.outbound: asyncio.Queue[bytes] | None = None

    def publish(self, type_: str, data: dict, *, relay: bool = True) -> None:
        super().publish(type_, data)
        if relay and self.outbound is not None:
            message = {"origin": self.origin, "by": self.member, "type": type_, "data": data}
            self.outbound.put_nowait(orjson.dumps(message))

    def tell_team(self, type_: str, data: dict) -> None:
        """An event for the other agents only (their own bookkeeping, no WebSocket client's)."""
        if self.outbound is not None:
            message = {"origin": self.origin, "by": self.member, "type": type_, "data": data}
            self.outbound.put_nowait(orjson.dumps({**message, "team_only": True}))


async def _send(conn: psycopg.AsyncConnection, name: str, payload: bytes, origin: str) -> None:
    if len(payload) <= MAX_PAYLOAD:
        await conn.execute("SELECT pg_notify(%s, %s)", (name, payload.decode()))
        return
    async with conn.transaction():
        cur = await conn.execute(
            "INSERT INTO live_events (payload) VALUES (%s::jsonb) RETURNING id", (payload.decode(),)
        )
        (event_id,) = await cur.fetchone()
        ref = orjson.dumps({"origin": origin, "event": event_id}).decode()
        await conn.execute("SELECT pg_notify(%s, %s)", (name, ref))
        await conn.execute(
            f"DELETE FROM live_events WHERE created_at < now() - interval '{KEEP_EVENTS}'"
        )


async def _sender(hub: TeamHub, info: str, url: str, name: str) -> None:
    queue = hub.outbound
    assert queue is not None
    attempt = 0
    while True:
        try:
            conn = await connect_async(info, url)
            attempt = 0
            async with conn:
                while True:
                    payload = await queue.get()
                    await _send(conn, name, payload, hub.origin)
        except Exception as exc:  # keep relaying whatever the database did
            log.warning("Team live events: sending failed (%s); reconnecting.", type(exc).__name__)
            await asyncio.sleep(RECONNECT_SECONDS[min(attempt, len(RECONNECT_SECONDS) - 1)])
            attempt += 1


async def _listener(
    app: web.Application, hub: TeamHub, info: str, url: str, name: str, ready: asyncio.Event
) -> None:
    attempt = 0
    while True:
        try:
            conn = await connect_async(info, url)
            async with conn:
                await conn.execute(f"LISTEN {name}")
                ready.set()
                attempt = 0
                async for note in conn.notifies():
                    await _relay(app, hub, conn, note.payload)
        except Exception as exc:  # keep listening whatever the database did
            log.warning(
                "Team live events: listening failed (%s); reconnecting.", type(exc).__name__
            )
            await asyncio.sleep(RECONNECT_SECONDS[min(attempt, len(RECONNECT_SECONDS) - 1)])
            attempt += 1


async def _relay(app: web.Application, hub: TeamHub, conn, payload: str) -> None:
    try:
        message = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return
    if not isinstance(message, dict) or message.get("origin") == hub.origin:
        return
    if "event" in message:
        cur = await conn.execute(
            "SELECT payload FROM live_events WHERE id = %s", (message["event"],)
        )
        row = await cur.fetchone()
        if row is None:
            return
        message = row[0]
    type_, data = message.get("type"), message.get("data")
    if not isinstance(type_, str) or not isinstance(data, dict):
        return
    if not message.get("team_only"):
        hub.publish(type_, data, relay=False)
    for listener in app[SERVICES].get(LISTENERS, []):
        try:
            result = listener(type_, data)
            if asyncio.iscoroutine(result):
                await result
        except Exception:
            log.exception("A team event listener failed on %s", type_)


def add_listener(app: web.Application, fn: Callable[[str, dict], object]) -> None:
    """React to another agent's event (reload the profile, forget a duplicate index...)."""
    app[SERVICES].setdefault(LISTENERS, []).append(fn)


def _learn_from_colleagues(app: web.Application) -> Callable[[str, dict], None]:
    """What another agent stored joins this agent's near-duplicate index (same team inbox)."""
    from ..pipeline import DUPLICATES, DuplicateLinker

    def learn(type_: str, data: dict) -> None:
        services = app[SERVICES]
        if type_ == "person.forgotten":
            services[DUPLICATES] = DuplicateLinker()  # rebuilt from what is left
            return
        linker = services.get(DUPLICATES)
        if type_ == "item.new" and linker is not None and linker.loaded and "id" in data:
            with linker.lock:
                linker.index.add(data["id"], data.get("text") or "")

    return learn


async def live_ctx(app: web.Application) -> AsyncIterator[None]:
    hub = app[HUB]
    if not isinstance(hub, TeamHub):
        yield
        return
    add_listener(app, _learn_from_colleagues(app))
    store = app[STORE]
    info, url, name = store.sync.info, store.url, channel(store.schema)
    hub.outbound = asyncio.Queue()
    ready = asyncio.Event()
    tasks = [
        asyncio.create_task(_sender(hub, info, url, name)),
        asyncio.create_task(_listener(app, hub, info, url, name, ready)),
    ]
    # Listening before the agent says it is up: nothing announced after /api/health is missed.
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(ready.wait(), 10)
    yield
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await task
