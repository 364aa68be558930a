"""The organisation profile over HTTP: read it, or change some keys of it."""

from __future__ import annotations

from aiohttp import web

from ...profile import ProfileError
from ...schemas import schema
from ..errors import ApiError
from ..keys import PROFILE, SERVICES
from ..requests import json_object, ok
from ..routing import Route

PROFILE_RESPONSE = {
    "type": "object",
    "required": ["ok", "profile"],
    "properties": {
        "ok": {"const": True},
        "profile": {"type": "object"},
        "problem": {"type": ["string", "null"]},
    },
}


def partial(full: dict) -> dict:
    """The schema of a partial update: no key is required, at the top or one level down.

    PUT merges objects one level deep into the current profile, so {"organisation":
    {"story": ...}} is complete; the merged result is checked against the full schema.
    """
    properties = {
        key: {k: v for k, v in sub.items() if k != "required"}
        for key, sub in full.get("properties", {}).items()
    }
    return {
        **{k: v for k, v in full.items() if k != "required"},
        "properties": properties,
    }


async def get_profile(request: web.Request) -> web.Response:
    manager = request.app[PROFILE]
    return ok({"profile": manager.current, "problem": manager.problem})


async def put_profile(request: web.Request) -> web.Response:
    changes = await json_object(request)
    manager = request.app[PROFILE]
    try:
        profile = manager.update(changes)
    except ProfileError as exc:
        raise ApiError(400, str(exc)) from None
    for listener in request.app[SERVICES].get("profile_listeners", []):
        listener(profile)
    return ok({"profile": profile, "problem": None})


ROUTES = [
    Route(
        "GET",
        "/api/profile",
        get_profile,
        "The organisation profile in use.",
        response=PROFILE_RESPONSE,
        tag="profile",
    ),
    Route(
        "PUT",
        "/api/profile",
        put_profile,
        "Change some keys of the profile (validated; the keys you leave out stay as they are).",
        request=partial(schema("profile")),
        response=PROFILE_RESPONSE,
        tag="profile",
    ),
]
