"""First steps: the first-run checklist of the dashboard (see agent/dashboard/first_day.py)."""

from __future__ import annotations

from aiohttp import web

from ...dashboard.first_day import checklist, from_extension
from ...sources import registry
from ..keys import PROFILE, STORE
from ..requests import ok
from ..routing import Route

CHECKLIST = {
    "type": "object",
    "required": ["ok", "steps", "done", "total"],
    "properties": {
        "ok": {"const": True},
        "steps": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "done", "link"],
                "properties": {
                    "key": {"type": "string"},
                    "done": {"type": "boolean"},
                    "link": {"type": "string"},
                },
            },
        },
        "done": {"type": "integer"},
        "total": {"type": "integer"},
    },
}


async def get_start(request: web.Request) -> web.Response:
    store = request.app[STORE]
    sources = await registry.list_sources(store)
    _, own = await store.find("own_posts", limit=1)
    _, snapshots = await store.find("follow_snapshots", limit=1)
    _, seen = await store.find("items", from_extension, limit=1)
    _, replies = await store.find("replies", limit=1)
    profile = request.app[PROFILE].current
    return ok(checklist(profile, sources, bool(own or snapshots or seen), bool(replies)))


ROUTES = [
    Route(
        "GET",
        "/api/start",
        get_start,
        "The first-run checklist: which first steps are done (organisation, pairing, a source, "
        "a first scan, a first answer), each with where it is done.",
        response=CHECKLIST,
        tag="dashboard",
    ),
]
