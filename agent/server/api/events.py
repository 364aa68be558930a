"""Signals from the extension that the user should see on the dashboard (LinkedIn changed its page)."""

from __future__ import annotations

from aiohttp import web

from ...pipeline import now_iso
from ..keys import HUB, STORE
from ..requests import json_object, ok
from ..routing import Route

COUNT = {"type": "integer", "minimum": 0, "maximum": 1_000_000}
COUNTS = {"type": "object", "maxProperties": 50, "additionalProperties": COUNT}
MISS = {
    "type": "object",
    "required": ["url"],
    "properties": {
        "url": {"type": "string", "minLength": 1, "maxLength": 4096},
        "hints": {"type": "object", "maxProperties": 50},
        # A partial miss: one page visit's tally (counts only, never text or names). Reports
        # with the same report_id update one event, so a scrolling visit stays one line.
        "report_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "pattern": "^[A-Za-z0-9_-]+$",
        },
        "page": {"type": "string", "maxLength": 32},
        "version": {"type": "string", "maxLength": 32},
        "counts": {
            "type": "object",
            "maxProperties": 20,
            "properties": {"skipped": COUNTS},
            "additionalProperties": COUNT,
        },
        "card_kinds": COUNTS,
    },
}
PARTIAL_FIELDS = ("report_id", "page", "version", "counts", "card_kinds")
RECORDED = {
    "type": "object",
    "required": ["ok", "event"],
    "properties": {"ok": {"const": True}, "event": {"type": "object"}},
}
EVENTS = {
    "type": "object",
    "required": ["ok", "events"],
    "properties": {"ok": {"const": True}, "events": {"type": "array", "items": {"type": "object"}}},
}


async def post_miss(request: web.Request) -> web.Response:
    body = await json_object(request, MISS)
    at = now_iso()
    key = body.get("report_id")
    event = {
        "id": f"extractor.miss|{key}" if key else f"extractor.miss|{at}|{body['url'][:200]}",
        "type": "extractor.miss",
        "url": body["url"],
        "hints": body.get("hints") or {},
        "at": at,
        **{name: body[name] for name in PARTIAL_FIELDS if name in body},
    }
    await request.app[STORE].upsert("events", [event])
    request.app[HUB].publish("extractor.miss", event)
    return ok({"event": event})


async def list_events(request: web.Request) -> web.Response:
    events, _ = await request.app[STORE].find(
        "events", sort=lambda e: e.get("at") or "", reverse=True, limit=200
    )
    return ok({"events": events})


ROUTES = [
    Route(
        "POST",
        "/api/extractor-miss",
        post_miss,
        "The extension saw posts it could not read: LinkedIn probably changed its page.",
        request=MISS,
        response=RECORDED,
        tag="agent",
    ),
    Route(
        "GET",
        "/api/events",
        list_events,
        "Recent notable events (extractor misses, blocks).",
        response=EVENTS,
        tag="agent",
    ),
]
