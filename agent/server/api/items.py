"""Items: posts, comments and replies seen anywhere, stored idempotently by their id."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web

from ...pipeline import ingest
from ...store.query import Q
from ..errors import ApiError
from ..keys import STORE
from ..requests import json_object, ok, query_int
from ..routing import Param, Route

MAX_ITEMS = 500

POST_ITEMS = {
    "type": "object",
    "required": ["items"],
    "properties": {
        "items": {"type": "array", "maxItems": MAX_ITEMS, "items": {"$ref": "item.json"}}
    },
}
STORED = {
    "type": "object",
    "required": ["ok", "stored", "ids"],
    "properties": {
        "ok": {"const": True},
        "stored": {"type": "integer"},
        "ids": {"type": "array", "items": {"type": "string"}},
    },
}
ITEM_LIST = {
    "type": "object",
    "required": ["ok", "items", "total"],
    "properties": {
        "ok": {"const": True},
        "items": {"type": "array", "items": {"type": "object"}},
        "total": {"type": "integer"},
    },
}


async def post_items(request: web.Request) -> web.Response:
    body = await json_object(request, POST_ITEMS)
    results = await ingest(request.app, body["items"])
    return ok({"stored": len(results), "ids": [r["id"] for r in results]})


def _since(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ApiError(400, "since: must be an ISO 8601 date or time") from None
    return raw


def item_filter(source: str | None, kind: str | None, q: str | None, since: str | None) -> Q:
    """A store query (store.query.Q): SQL on the team's PostgreSQL, Python on TinyDB."""
    where = Q.all()
    if source:
        where &= Q.eq("source", source)
    if kind:
        where &= Q.eq("kind", kind)
    if since:
        where &= Q.range(("published_at", "seen_at"), lo=since)
    if q:
        where &= Q.text(("text", "author.name"), q)
    return where


newest_first = ("seen_at", "id")


async def list_items(request: web.Request) -> web.Response:
    q = request.query
    source, kind = q.get("source") or None, q.get("kind") or None
    if source and source not in ("linkedin", "blog", "x", "web"):
        raise ApiError(400, "source: must be linkedin, blog, x or web")
    if kind and kind not in ("post", "comment", "reply"):
        raise ApiError(400, "kind: must be post, comment or reply")
    limit = query_int(request, "limit", 50, 1, 500)
    offset = query_int(request, "offset", 0, 0, 10**9)
    where = item_filter(source, kind, q.get("q") or None, _since(q.get("since")))
    items, total = await request.app[STORE].find(
        "items",
        where,
        sort=newest_first,
        reverse=True,
        limit=limit,
        offset=offset,
    )
    return ok({"items": items, "total": total})


def _param(name: str, schema: dict, description: str) -> Param:
    return Param(name, schema, description)


ROUTES = [
    Route(
        "POST",
        "/api/items",
        post_items,
        "Store items (≤ 500); answered only once they are durable. Idempotent by id.",
        request=POST_ITEMS,
        response=STORED,
        tag="items",
    ),
    Route(
        "GET",
        "/api/items",
        list_items,
        "List stored items, newest first.",
        response=ITEM_LIST,
        tag="items",
        params=(
            _param("source", {"enum": ["linkedin", "blog", "x", "web"]}, "Only this source."),
            _param("kind", {"enum": ["post", "comment", "reply"]}, "Only this kind."),
            _param("q", {"type": "string"}, "Text or author contains this (any case)."),
            # A date alone ("2026-11-01") is fine too, so this is no "date-time" format.
            _param(
                "since",
                {"type": "string", "maxLength": 64},
                "Published or seen since this ISO 8601 date or date-time.",
            ),
            _param("limit", {"type": "integer", "minimum": 1, "maximum": 500}, "Page size (50)."),
            _param("offset", {"type": "integer", "minimum": 0}, "Items to skip."),
        ),
    ),
]
