"""One profile for the team: in team mode it lives in the database, profile.toml is its copy.

At join and at every start the team's profile is written into the home's profile.toml (its
export); the first member to join seeds the team's profile from their own file (its
import). When an admin changes it (the dashboard, or a hand edit of profile.toml) the agent
saves it in the database and tells the other agents, which take it over at once.
A member who is not admin cannot change it: their edit is replaced by the team's profile.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from pathlib import Path

import orjson
from aiohttp import web
from psycopg.types.json import Jsonb

from ..profile import DEFAULT_PROFILE, ProfileError, ProfileManager
from ..server.api.profile import notify_profile_listeners
from ..server.keys import CONFIG, HUB, PROFILE, SERVICES, STORE
from ..store.backend import team_mode
from .live import add_listener
from .members import role_of

log = logging.getLogger("roos.team")
EVENT = "team.profile"


def read(conn) -> dict | None:
    row = conn.execute("SELECT profile FROM team_profile WHERE id = 1").fetchone()
    return row[0] if row else None


def write(conn, profile: dict, member: str | None) -> None:
    conn.execute(
        "INSERT INTO team_profile (id, profile, changed_by) VALUES (1, %s, %s) "
        "ON CONFLICT (id) DO UPDATE SET profile = EXCLUDED.profile, "
        "changed_by = EXCLUDED.changed_by, changed_at = now()",
        (Jsonb(profile), member),
    )


def replace_profile(manager: ProfileManager, profile: dict) -> bool:
    """Make profile the home's profile (and profile.toml); False when it already was."""
    if orjson.dumps(manager.current, option=orjson.OPT_SORT_KEYS) == orjson.dumps(
        profile, option=orjson.OPT_SORT_KEYS
    ):
        return False
    manager.current = copy.deepcopy(DEFAULT_PROFILE)
    manager.update(profile)
    return True


def seed_or_export(conn, home: Path, member: str) -> str:
    """At `roos team join`: take the team's profile, or give it ours when there is none yet."""
    manager = ProfileManager(home)
    manager.load()
    team = read(conn)
    if team is None:
        write(conn, manager.current, member)
        return "Your profile.toml is now the team's profile."
    try:
        replace_profile(manager, team)
    except ProfileError as exc:
        return f"The team's profile could not be written to profile.toml: {exc}"
    return f"Took the team's profile; {manager.path} is its copy (edit it as an admin)."


async def team_profile_ctx(app: web.Application):
    if not team_mode(app[CONFIG]):
        yield
        return
    store, manager, member = app[STORE], app[PROFILE], app[CONFIG].member
    db = store.on_connection

    async def take_team_profile() -> None:
        team = await db(read)
        if team is None:
            await db(lambda conn: write(conn, manager.current, member))
        elif replace_profile(manager, team):
            notify_profile_listeners(app, manager.current)

    async def push(profile: dict) -> None:
        team = await db(read)
        if team == profile:
            return
        if await db(lambda conn: role_of(conn, member)) != "admin":
            log.warning("Only an admin changes the team's profile; restoring the team's.")
            await take_team_profile()
            return
        await db(lambda conn: write(conn, profile, member))
        hub = app[HUB]
        if getattr(hub, "tell_team", None):
            hub.tell_team(EVENT, {"by": member})

    pending: set[asyncio.Task] = set()

    def on_change(profile: dict) -> None:
        task = asyncio.ensure_future(push(profile))
        pending.add(task)
        task.add_done_callback(pending.discard)

    async def on_team_event(type_: str, data: dict) -> None:
        if type_ == EVENT:
            await take_team_profile()

    await take_team_profile()
    app[SERVICES]["profile_listeners"].append(on_change)
    add_listener(app, on_team_event)
    yield
    for task in list(pending):
        task.cancel()
