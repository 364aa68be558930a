"""Sources over HTTP: what Roos listens to, how each one is doing, and "read it now"."""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from ...sources import registry
from ...sources.discover import UnsupportedUrl
from ...sources.scheduler import RUNNER, SCHEDULER
from ..errors import ApiError
from ..keys import CONFIG, PROFILE, SERVICES, STORE
from ..requests import json_object, ok
from ..routing import Route

URL = {"type": "string", "minLength": 1, "maxLength": 4096}
INTERVAL = {"type": "integer", "minimum": 5, "maximum": 10080}
NEW_SOURCE = {
    "type": "object",
    "required": ["url"],
    "additionalProperties": False,
    "properties": {
        "url": URL,
        "kind": {"enum": list(registry.KINDS)},
        "interval_minutes": INTERVAL,
        "enabled": {"type": "boolean"},
    },
}
CHANGES = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "enabled": {"type": "boolean"},
        "confirm": {"type": "boolean"},
        "interval_minutes": INTERVAL,
    },
}
RUN = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"url": URL, "all": {"type": "boolean"}, "confirm": {"type": "boolean"}},
}
SOURCE = {
    "type": "object",
    "required": ["id", "url", "kind", "interval_minutes", "enabled", "state"],
    "properties": {
        "id": {"type": "string"},
        "url": {"type": "string"},
        "kind": {"enum": [*registry.KINDS, None]},
        "interval_minutes": {"type": "integer"},
        "enabled": {"type": "boolean"},
        "origin": {"enum": ["api", "profile"]},
        "state": {
            "type": "object",
            "required": list(registry.STATE_FIELDS),
            "properties": {
                "last_run": {"type": ["string", "null"]},
                "items_found": {"type": ["integer", "null"]},
                "last_error": {"type": ["string", "null"]},
                "last_problems": {"type": ["array", "null"], "items": {"type": "object"}},
                "next_run": {"type": ["string", "null"]},
                "blocked_until": {"type": ["string", "null"]},
                "blocked_reason": {"type": ["string", "null"]},
            },
        },
    },
}
ONE = {"type": "object", "required": ["ok", "source"], "properties": {"source": SOURCE}}
MANY = {
    "type": "object",
    "required": ["ok", "sources"],
    "properties": {"sources": {"type": "array", "items": SOURCE}},
}
SUMMARY = {
    "type": "object",
    "required": ["url", "new", "mentions", "complaints", "questions", "errors"],
    "properties": {
        "url": {"type": "string"},
        "new": {"type": "integer"},
        "mentions": {"type": "integer"},
        "complaints": {"type": "integer"},
        "questions": {"type": "integer"},
        "errors": {"type": "array", "items": {"type": "string"}},
        "skipped": {"type": ["string", "null"]},
        "blocked": {"type": ["string", "null"]},
    },
}
RAN = {
    "type": "object",
    "required": ["ok", "runs"],
    "properties": {"runs": {"type": "array", "items": SUMMARY}},
}


def _refused(exc: registry.SourceError | UnsupportedUrl) -> ApiError:
    status = 404 if isinstance(exc, registry.UnknownSource) else 400
    return ApiError(status, f"{exc.en} / {exc.nl}")


async def list_sources(request: web.Request) -> web.Response:
    return ok({"sources": await registry.list_sources(request.app[STORE])})


async def add_source(request: web.Request) -> web.Response:
    body = await json_object(request, NEW_SOURCE)
    app = request.app
    try:
        record = await registry.add_source(
            app[STORE],
            app[SERVICES][RUNNER].polite,
            body["url"],
            datetime.now(UTC),
            kind=body.get("kind"),
            interval_minutes=body.get("interval_minutes"),
            enabled=body.get("enabled", True),
        )
    except (registry.SourceError, UnsupportedUrl) as exc:
        raise _refused(exc) from None
    app[SERVICES][SCHEDULER].poke()
    return ok({"source": registry.public(record)})


async def change_source(request: web.Request) -> web.Response:
    body = await json_object(request, CHANGES)
    try:
        record = await registry.change_source(
            request.app[STORE], request.match_info["id"], body, datetime.now(UTC)
        )
    except registry.SourceError as exc:
        raise _refused(exc) from None
    member = request.app[CONFIG].member
    if body.get("enabled") and record.get("kind") == "linkedin_group" and member:
        # Team mode: the group is read with the login of the member who opted it in.
        record = await request.app[STORE].patch(
            registry.TABLE, record["id"], {"opted_in_by": member}
        )
    request.app[SERVICES][SCHEDULER].poke()
    return ok({"source": registry.public(record)})


async def remove_source(request: web.Request) -> web.Response:
    app = request.app
    try:
        record = await registry.remove_source(app[STORE], app[PROFILE], request.match_info["id"])
    except registry.SourceError as exc:
        raise _refused(exc) from None
    return ok({"source": registry.public(record)})


async def run_sources(request: web.Request) -> web.Response:
    body = await json_object(request, RUN)
    runner = request.app[SERVICES][RUNNER]
    if body.get("all"):
        return ok({"runs": await runner.run_all()})
    if not body.get("url"):
        raise ApiError(400, 'Send {"url": ...} or {"all": true}.')
    try:
        summary = await runner.run_url(body["url"], confirm=body.get("confirm", False))
    except (registry.SourceError, UnsupportedUrl) as exc:
        raise _refused(exc) from None
    return ok({"runs": [summary]})


ROUTES = [
    Route(
        "GET",
        "/api/sources",
        list_sources,
        "Sources Roos listens to, with their state.",
        response=MANY,
        tag="sources",
    ),
    Route(
        "POST",
        "/api/sources",
        add_source,
        "Follow a blog, feed or LinkedIn group (its kind is worked out; groups start disabled).",
        request=NEW_SOURCE,
        response=ONE,
        tag="sources",
    ),
    Route(
        "POST",
        "/api/sources/run",
        run_sources,
        "Read one URL (a source or not) or all enabled sources now, and say what was found.",
        request=RUN,
        response=RAN,
        tag="sources",
    ),
    Route(
        "PATCH",
        "/api/sources/{id}",
        change_source,
        "Switch a source on or off, or change its interval (a LinkedIn group needs confirm).",
        request=CHANGES,
        response=ONE,
        tag="sources",
    ),
    Route(
        "DELETE",
        "/api/sources/{id}",
        remove_source,
        "Stop following a source.",
        response=ONE,
        tag="sources",
    ),
]
