"""Respond: the user answered an item (the extension saw the comment go out, or the dashboard)."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web

from ...dashboard.history import with_entry
from ...pipeline import now_iso
from ...store import SyncStore
from ...team.actions import AlreadyAnswered, answered_elsewhere
from ..errors import ApiError
from ..keys import CONFIG, HUB, STORE
from ..requests import json_object, ok
from ..routing import Route

REPLY = {
    "type": "object",
    "required": ["item_id"],
    "properties": {
        "item_id": {"type": "string", "minLength": 1, "maxLength": 512},
        "text": {"type": "string", "maxLength": 100_000},
        "url": {"type": "string", "maxLength": 4096},
        "answered_at": {"type": "string", "format": "date-time", "maxLength": 64},
        "by": {"type": "string", "maxLength": 100},
    },
}
RECORDED = {
    "type": "object",
    "required": ["ok", "reply"],
    "properties": {"ok": {"const": True}, "reply": {"type": "object"}},
}


def _parse(ts: str | None) -> datetime | None:
    if not ts:
        return None
    try:
        return datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except ValueError:
        return None


def response_seconds(item: dict, answered_at: str) -> float | None:
    """From when the item was published (or first seen) until our answer."""
    start = _parse(item.get("published_at")) or _parse(item.get("seen_at"))
    end = _parse(answered_at)
    if start is None or end is None:
        return None
    if start.tzinfo is None or end.tzinfo is None:
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    return max((end - start).total_seconds(), 0.0)


def record_reply(tx: SyncStore, body: dict, member: str | None = None) -> dict | None:
    item = tx.get("items", body["item_id"])  # locked until written (team store)
    if item is None:
        return None
    conflict = answered_elsewhere(item, member)
    if conflict:
        raise conflict
    answered_at = body.get("answered_at") or now_iso()
    reply = {
        "id": f"{item['id']}|{answered_at}",
        "item_id": item["id"],
        "text": body.get("text"),
        "url": body.get("url"),
        "by": body.get("by") or member or item.get("assignee"),
        "answered_at": answered_at,
        "response_seconds": response_seconds(item, answered_at),
    }
    tx.upsert("replies", [reply])
    analysis = {**(item.get("analysis") or {}), "needs_reply": False}
    first = item.get("answered_at") or answered_at
    tx.upsert(
        "items",
        [
            {
                **item,
                "answered": True,
                "status": "answered",
                "answered_at": first,
                "answered_by": item.get("answered_by") or member or body.get("by"),
                "analysis": analysis,
                "history": with_entry(item, "answered", by=reply["by"], url=reply["url"]),
            }
        ],
    )
    return reply


async def post_reply(request: web.Request) -> web.Response:
    body = await json_object(request, REPLY)
    member = request.app[CONFIG].member
    try:
        reply = await request.app[STORE].transact(lambda tx: record_reply(tx, body, member))
    except AlreadyAnswered as exc:
        raise ApiError(409, str(exc)) from None
    if reply is None:
        raise ApiError(404, "No item with that id: send it to /api/analyze first.")
    request.app[HUB].publish("item.answered", reply)
    return ok({"reply": reply})


ROUTES = [
    Route(
        "POST",
        "/api/replies",
        post_reply,
        "Record that the user answered an item; its response time is kept.",
        request=REPLY,
        response=RECORDED,
        tag="respond",
    ),
]
