"""Analysis over HTTP: what people say, and corrections by the user that win over the model."""

from __future__ import annotations

from aiohttp import web

from ...analysis.webcare import CATEGORIES
from ...dashboard.history import patch_entries
from ...pipeline import ingest, now_iso, reanalyze
from ...team.actions import AlreadyAnswered, answered_elsewhere, workflow_fields
from ..errors import ApiError
from ..keys import CONFIG, HUB, STORE
from ..requests import json_object, ok
from ..routing import Route

MAX_ANALYZE = 200
LABELS = ["positive", "negative", "neutral"]
INTENTS = ["complaint", "question", "praise", "other"]

ANALYZE = {
    "type": "object",
    "required": ["items"],
    "properties": {
        "items": {"type": "array", "maxItems": MAX_ANALYZE, "items": {"$ref": "item.json"}},
        "store": {"type": "boolean"},
    },
}
SENTIMENT = {
    "type": "object",
    "required": ["label", "compound"],
    "properties": {
        "label": {"enum": LABELS},
        "compound": {"type": "number", "minimum": -1, "maximum": 1},
    },
}
MENTION = {
    "type": "object",
    "required": ["term", "text", "start", "end", "score"],
    "properties": {
        "term": {"type": "string"},
        "text": {"type": "string"},
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "score": {"type": "number"},
    },
}
SUGGESTION = {
    "type": "object",
    "required": ["text", "language", "kind", "why"],
    "properties": {
        "text": {"type": "string"},
        "language": {"type": "string"},
        "kind": {"type": "string"},
        "why": {"type": "string"},
    },
}
REASON = {
    "type": "object",
    "required": ["rule", "words", "nl", "en"],
    "properties": {
        "rule": {"type": "string"},
        "words": {"type": "array", "items": {"type": "string"}},
        "nl": {"type": "string"},
        "en": {"type": "string"},
    },
}
REASONS = {
    "type": "object",
    "description": "Why each label was given: the rule and the words, in Dutch and English.",
    "properties": {
        label: {"type": "array", "items": REASON}
        for label in ("intent", "sentiment", "urgency", "promotional")
    },
}
URGENCY_CATEGORIES = [*CATEGORIES, None]
RESULT = {
    "type": "object",
    "required": [
        "id",
        "language",
        "sentiment",
        "mentions",
        "intent",
        "urgency",
        "needs_reply",
        "author",
        "promotional",
        "suggestions",
    ],
    "properties": {
        "id": {"type": "string"},
        "language": {"type": "string"},
        "sentiment": SENTIMENT,
        "mentions": {"type": "array", "items": MENTION},
        "intent": {"enum": INTENTS},
        "urgency": {"type": "number", "minimum": 0, "maximum": 1},
        "needs_reply": {"type": "boolean"},
        "author": {
            "type": "object",
            "required": ["flag", "interactions"],
            "properties": {
                "flag": {"enum": ["fan", "ambassador", "critic", None]},
                "interactions": {"type": "integer"},
            },
        },
        "promotional": {"type": "boolean"},
        "suggestions": {"type": "array", "items": SUGGESTION},
        "urgency_category": {"enum": URGENCY_CATEGORIES},
        "reasons": REASONS,
    },
}
ANALYZED = {
    "type": "object",
    "required": ["ok", "results"],
    "properties": {"ok": {"const": True}, "results": {"type": "array", "items": RESULT}},
}
PATCH_ITEM = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": False,
    "properties": {
        "sentiment": {"enum": LABELS},
        "intent": {"enum": INTENTS},
        "about_us": {"type": "boolean"},
        "promotional": {"type": "boolean"},
        "language": {"type": "string", "maxLength": 8},
        "assignee": {"type": ["string", "null"], "maxLength": 100},
        "status": {"enum": ["open", "answered", "ignored"]},
        "ignore_reason": {"type": "string", "maxLength": 500},
        "reply_url": {"type": "string", "maxLength": 4096},
        "note": {"type": "string", "minLength": 1, "maxLength": 5000},
    },
}
CORRECTIONS = ("sentiment", "intent", "about_us", "promotional", "language")
ITEM_RESPONSE = {
    "type": "object",
    "required": ["ok", "item"],
    "properties": {"ok": {"const": True}, "item": {"type": "object"}},
}


async def post_analyze(request: web.Request) -> web.Response:
    body = await json_object(request, ANALYZE)
    results = await ingest(request.app, body["items"], store=body.get("store", True))
    return ok({"results": results})


async def get_item(request: web.Request) -> web.Response:
    item = await request.app[STORE].get("items", request.match_info["id"])
    if item is None:
        raise ApiError(404, "No item with that id.")
    suggestions = await request.app[STORE].get("suggestions", item["id"])
    return ok({"item": {**item, "suggestions": (suggestions or {}).get("suggestions", [])}})


async def patch_item(request: web.Request) -> web.Response:
    """A correction by the user wins over the model, and survives every later re-analysis."""
    item_id = request.match_info["id"]
    body = await json_object(request, PATCH_ITEM)
    member = request.app[CONFIG].member

    def apply(tx) -> dict | None:
        item = tx.get("items", item_id)  # locked until written: members never race on it
        if item is None:
            return None
        if body.get("status") == "answered":
            conflict = answered_elsewhere(item, member)
            if conflict:
                raise conflict
        corrections = {
            **(item.get("corrections") or {}),
            **{k: body[k] for k in CORRECTIONS if k in body},
        }
        workflow = workflow_fields(item, body, member, now_iso())
        history = patch_entries(item, body)
        return tx.patch(
            "items", item_id, {"corrections": corrections, **workflow, "history": history}
        )

    try:
        patched = await request.app[STORE].transact(apply)
    except AlreadyAnswered as exc:
        raise ApiError(409, str(exc)) from None
    if patched is None:
        raise ApiError(404, "No item with that id.")
    updated = await reanalyze(request.app, item_id)
    request.app[HUB].publish("item.updated", updated or {})
    return ok({"item": updated})


ITEM_PATH = "/api/items/{id:.+}"
ROUTES = [
    Route(
        "POST",
        "/api/analyze",
        post_analyze,
        "Analyse items (≤ 200): language, sentiment, mentions, intent, urgency, author flag, "
        "promotional, reply suggestions. Stored unless store is false.",
        request=ANALYZE,
        response=ANALYZED,
        tag="analysis",
    ),
    Route(
        "GET",
        ITEM_PATH,
        get_item,
        "One stored item with its analysis and suggestions.",
        response=ITEM_RESPONSE,
        tag="items",
    ),
    Route(
        "PATCH",
        ITEM_PATH,
        patch_item,
        "Correct an item's sentiment or intent (wins over the model), or assign, answer, ignore it.",
        request=PATCH_ITEM,
        response=ITEM_RESPONSE,
        tag="items",
    ),
]
