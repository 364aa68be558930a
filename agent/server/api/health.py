"""Health: the one public endpoint; tells the extension it found Roos, nothing secret."""

from __future__ import annotations

from aiohttp import web

from ... import API_VERSION, __version__
from ..requests import ok
from ..routing import Route

HEALTH = {
    "type": "object",
    "required": ["ok", "name", "version", "api"],
    "properties": {
        "ok": {"const": True},
        "name": {"const": "roos"},
        "version": {"type": "string"},
        "api": {"type": "integer"},
    },
}


async def get_health(request: web.Request) -> web.Response:
    return ok({"name": "roos", "version": __version__, "api": API_VERSION})


ROUTES = [
    Route(
        "GET",
        "/api/health",
        get_health,
        "Is the agent running, and which API does it speak?",
        auth=False,
        response=HEALTH,
        tag="agent",
    ),
]
