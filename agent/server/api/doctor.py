"""The home's health as `roos doctor` sees it, for the dashboard's store notice."""

from __future__ import annotations

import asyncio

from aiohttp import web

from ...doctor import examine
from ..keys import CONFIG
from ..requests import ok
from ..routing import Route

CHECK = {
    "type": "object",
    "required": ["check", "ok", "problem", "fix", "note", "details"],
    "properties": {
        "check": {"type": "string"},
        "ok": {"type": "boolean"},
        "problem": {"type": ["string", "null"]},
        "fix": {"type": ["string", "null"]},
        "note": {"type": "string"},
        "details": {"type": "object"},
    },
}
DOCTOR = {
    "type": "object",
    "required": ["ok", "checks", "problems"],
    "properties": {
        "ok": {"const": True},
        "checks": {"type": "array", "items": CHECK},
        "problems": {"type": "integer", "minimum": 0},
    },
}


async def get_doctor(request: web.Request) -> web.Response:
    # Not deep: this agent has read every shard already, and the dashboard asks on each load.
    checks = await asyncio.to_thread(examine, request.app[CONFIG].home, False)
    return ok({"checks": checks, "problems": sum(1 for c in checks if not c["ok"])})


ROUTES = [
    Route(
        "GET",
        "/api/doctor",
        get_doctor,
        "The checks of `roos doctor`: home, store (with documents a damaged file could not "
        "give back), lock, file modes, free disk, leftovers; each problem says what to do.",
        response=DOCTOR,
        tag="agent",
    ),
]
