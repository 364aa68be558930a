"""Working through the inbox: one item in detail (thread, notes, history), internal notes,
and bulk actions on a selection (assign, mark answered, ignore with a reason).

Bulk actions run in one store transaction, so a selection is handled all or nothing and one
durable write covers it; answering goes through the same `record_reply` as a single answer,
so response times count the same way.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from aiohttp import web

from ...dashboard.history import stamp, with_entry
from ...dashboard.listening import when
from ...store import SyncStore
from ...team.actions import AlreadyAnswered
from ..errors import ApiError
from ..keys import CONFIG, HUB, PROFILE, STORE
from ..requests import json_object, ok
from ..routing import Param, Route
from .inbox import inbox_entry
from .replies import record_reply

MAX_BULK = 200
MAX_THREAD = 40
ID = {"type": "string", "minLength": 1, "maxLength": 512}
WHO = {"type": "string", "maxLength": 100}
NOTE = {
    "type": "object",
    "required": ["item_id", "text"],
    "additionalProperties": False,
    "properties": {
        "item_id": ID,
        "text": {"type": "string", "minLength": 1, "maxLength": 4000, "pattern": r"\S"},
        "by": WHO,
    },
}
BULK = {
    "type": "object",
    "required": ["ids", "action"],
    "additionalProperties": False,
    "properties": {
        "ids": {"type": "array", "minItems": 1, "maxItems": MAX_BULK, "items": ID},
        "action": {"enum": ["assign", "answer", "ignore"]},
        "assignee": {"type": ["string", "null"], "maxLength": 100},
        "reason": {"type": "string", "maxLength": 500},
        "by": WHO,
    },
}
DONE = {
    "type": "object",
    "required": ["ok", "done", "missing"],
    "properties": {
        "ok": {"const": True},
        "done": {"type": "array", "items": {"type": "string"}},
        "conflicts": {
            "type": "array",
            "description": "Items a colleague already answered (team store): not answered twice.",
            "items": {"type": "object", "required": ["id", "by", "message"]},
        },
        "missing": {"type": "array", "items": {"type": "string"}},
    },
}
NOTED = {
    "type": "object",
    "required": ["ok", "note"],
    "properties": {"ok": {"const": True}, "note": {"type": "object"}},
}
DETAIL = {
    "type": "object",
    "required": ["ok", "item", "thread", "notes", "history"],
    "properties": {
        "ok": {"const": True},
        "item": {"type": "object"},
        "thread": {"type": "array", "items": {"type": "object"}},
        "notes": {"type": "array", "items": {"type": "object"}},
        "history": {"type": "array", "items": {"type": "object"}},
    },
}


def thread_of(item: dict, others: list[dict]) -> list[dict]:
    """The post it answers, the other comments under it, and replies to it, oldest first."""
    parent = item.get("parent_id")
    related = [
        o
        for o in others
        if o["id"] != item["id"]
        and (
            o["id"] == parent
            or (parent and o.get("parent_id") == parent)
            or o.get("parent_id") == item["id"]
        )
    ]
    related.sort(key=lambda o: (when(o) or datetime.min.replace(tzinfo=UTC)).isoformat())
    return [
        {
            "id": o["id"],
            "role": "parent" if o["id"] == parent else "reply",
            "author": (o.get("author") or {}).get("name"),
            "text": o.get("text") or "",
            "url": o.get("url"),
            "published_at": (when(o).isoformat() if when(o) else None),
            "ours": bool(o.get("ours")),
        }
        for o in related[-MAX_THREAD:]
    ]


async def get_detail(request: web.Request) -> web.Response:
    item_id = request.query.get("id") or ""
    if not item_id:
        raise ApiError(400, "id: required")
    store = request.app[STORE]
    item = await store.get("items", item_id)
    if item is None:
        raise ApiError(404, "No item with that id.")
    parent = item.get("parent_id")
    keys = {item_id, parent} - {None}
    others, _ = await store.find("items", lambda o: o["id"] in keys or (o.get("parent_id") in keys))
    own = await store.get("own_posts", parent) if parent else None
    if own is not None and not any(o["id"] == parent for o in others):
        others.append({**own, "ours": True})
    person = await store.get("people", item.get("person_id") or "")
    suggested = await store.get("suggestions", item_id)
    profile = request.app[PROFILE].current
    entry = inbox_entry(
        item, person, (suggested or {}).get("suggestions") or [], profile, datetime.now(UTC)
    )
    return ok(
        {
            "item": entry,
            "thread": thread_of(item, others),
            "notes": item.get("notes") or [],
            "history": item.get("history") or [],
        }
    )


async def post_note(request: web.Request) -> web.Response:
    body = await json_object(request, NOTE)
    member = request.app[CONFIG].member  # in a team, who wrote it (noted_by), as PATCH records
    note = {
        "id": secrets.token_hex(6),
        "at": stamp(),
        "by": body.get("by") or member,
        "noted_by": member,
        "text": body["text"].strip(),
    }

    def add(tx: SyncStore) -> dict | None:
        item = tx.get("items", body["item_id"])
        if item is None:
            return None
        history = with_entry(item, "note", by=note["by"])
        notes = [*(item.get("notes") or []), note]
        noted = {"noted_by": member, "noted_at": note["at"]} if member else {}
        tx.upsert("items", [{**item, "notes": notes, "history": history, **noted}])
        return item

    if await request.app[STORE].transact(add) is None:
        raise ApiError(404, "No item with that id.")
    request.app[HUB].publish("item.updated", {"id": body["item_id"], "note": note})
    return ok({"note": note})


def _bulk(tx: SyncStore, body: dict, member: str | None) -> tuple[list[str], list[str], list[dict]]:
    done, missing, conflicts = [], [], []
    action = body["action"]
    for item_id in dict.fromkeys(body["ids"]):
        item = tx.get("items", item_id)
        if item is None:
            missing.append(item_id)
            continue
        if action == "answer":
            try:  # a colleague answered it meanwhile (team store): say so, store nothing twice
                record_reply(tx, {"item_id": item_id, "by": body.get("by")}, member)
            except AlreadyAnswered as exc:
                conflicts.append({"id": item_id, "by": exc.by, "message": str(exc)})
                continue
        elif action == "assign":
            who = body.get("assignee") or None
            history = with_entry(item, "assigned", to=who)
            by = (
                {"assigned_by": member, "assigned_at": stamp()}
                if who != item.get("assignee")
                else {}
            )
            tx.upsert("items", [{**item, "assignee": who, "history": history, **by}])
        else:
            reason = body["reason"].strip()
            history = with_entry(item, "ignored", reason=reason)
            tx.upsert(
                "items",
                [{**item, "status": "ignored", "ignore_reason": reason, "history": history}],
            )
        done.append(item_id)
    return done, missing, conflicts


async def post_bulk(request: web.Request) -> web.Response:
    body = await json_object(request, BULK)
    if body["action"] == "ignore" and not (body.get("reason") or "").strip():
        raise ApiError(400, "reason: give a reason for ignoring these items")
    if body["action"] == "assign" and "assignee" not in body:
        raise ApiError(400, "assignee: required to assign (null takes the assignment away)")
    member = request.app[CONFIG].member
    done, missing, conflicts = await request.app[STORE].transact(lambda tx: _bulk(tx, body, member))
    event = "item.answered" if body["action"] == "answer" else "item.updated"
    for item_id in done:
        request.app[HUB].publish(event, {"id": item_id, "item_id": item_id})
    return ok({"done": done, "missing": missing, "conflicts": conflicts})


ROUTES = [
    Route(
        "GET",
        "/api/inbox/item",
        get_detail,
        "One inbox item in detail: the entry, its thread, internal notes and history.",
        response=DETAIL,
        tag="respond",
        params=(Param("id", {"type": "string"}, "The item's id."),),
    ),
    Route(
        "POST",
        "/api/inbox/notes",
        post_note,
        "Add an internal note to an item (for the team; never posted anywhere).",
        request=NOTE,
        response=NOTED,
        tag="respond",
    ),
    Route(
        "POST",
        "/api/inbox/bulk",
        post_bulk,
        "Assign, mark answered or ignore (with a reason) several items at once.",
        request=BULK,
        response=DONE,
        tag="respond",
    ),
]
