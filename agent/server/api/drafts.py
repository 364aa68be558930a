"""Drafts: does what the user is writing need a disclosure, and does it tip the 20/80 balance?"""

from __future__ import annotations

from aiohttp import web

from ...pipeline import ANALYZER
from ..keys import SERVICES, STORE
from ..requests import json_object, ok
from ..routing import Route

DRAFT = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "maxLength": 100_000},
        "context": {
            "type": "object",
            "properties": {
                "kind": {"enum": ["post", "comment", "reply"]},
                "url": {"type": "string", "maxLength": 4096},
            },
        },
    },
}
CHECKED = {
    "type": "object",
    "required": ["ok", "language", "disclosure", "promotional", "promo_share", "mentions"],
    "properties": {
        "ok": {"const": True},
        "language": {"type": "string"},
        "disclosure": {
            "type": "object",
            "required": ["needed", "present", "insert"],
            "properties": {
                "needed": {"type": "boolean"},
                "present": {"type": "boolean"},
                "insert": {"type": "string"},
            },
        },
        "promotional": {"type": "boolean"},
        "promo_share": {
            "type": "object",
            "required": ["value", "limit", "window_days"],
            "properties": {
                "value": {"type": "number", "minimum": 0, "maximum": 1},
                "limit": {"type": "number"},
                "window_days": {"type": "integer"},
            },
        },
        "mentions": {"type": "array", "items": {"type": "object"}},
    },
}


async def check_draft(request: web.Request) -> web.Response:
    body = await json_object(request, DRAFT)
    own_posts, _ = await request.app[STORE].find("own_posts")
    result = request.app[SERVICES][ANALYZER].analyze_draft(
        body["text"], body.get("context") or {}, own_posts
    )
    return ok(result)


ROUTES = [
    Route(
        "POST",
        "/api/drafts/check",
        check_draft,
        "Check a draft: disclosure needed and present, promotional, the promotional share "
        "of your own posts against the limit, mentions.",
        request=DRAFT,
        response=CHECKED,
        tag="analysis",
    ),
]
