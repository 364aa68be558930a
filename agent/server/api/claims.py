"""No double answers: claim an item while answering it ("Fatima is answering")."""

from __future__ import annotations

from aiohttp import web

from ...team.claims import claims_of, now_utc
from ..errors import ApiError
from ..keys import CONFIG, HUB, STORE
from ..requests import json_object, ok
from ..routing import Route

CLAIM = {
    "type": "object",
    "required": ["item_id"],
    "additionalProperties": False,
    "properties": {"item_id": {"type": "string", "minLength": 1, "maxLength": 512}},
}
ONE_CLAIM = {
    "type": "object",
    "required": ["item_id", "member", "expires_at"],
    "properties": {
        "item_id": {"type": "string"},
        "member": {"type": "string"},
        "expires_at": {"type": "string"},
    },
}
CLAIMED = {
    "type": "object",
    "required": ["ok", "claim", "mine"],
    "properties": {"ok": {"const": True}, "claim": ONE_CLAIM, "mine": {"type": "boolean"}},
}
RELEASED = {
    "type": "object",
    "required": ["ok", "released"],
    "properties": {"ok": {"const": True}, "released": {"type": "boolean"}},
}
CLAIMS = {
    "type": "object",
    "required": ["ok", "claims"],
    "properties": {"ok": {"const": True}, "claims": {"type": "array", "items": ONE_CLAIM}},
}


def _member(request: web.Request) -> str:
    return request.app[CONFIG].member or "me"  # alone: the one user


async def post_claim(request: web.Request) -> web.Response:
    body = await json_object(request, CLAIM)
    if not await request.app[STORE].get("items", body["item_id"]):
        raise ApiError(404, "No item with that id.")
    claim, mine = await claims_of(request.app).claim(body["item_id"], _member(request), now_utc())
    if mine:
        request.app[HUB].publish("item.claimed", claim)
    return ok({"claim": claim, "mine": mine})


async def delete_claim(request: web.Request) -> web.Response:
    item_id, member = request.match_info["id"], _member(request)
    released = await claims_of(request.app).release(item_id, member)
    if released:
        request.app[HUB].publish("item.released", {"item_id": item_id, "member": member})
    return ok({"released": released})


async def get_claims(request: web.Request) -> web.Response:
    return ok({"claims": await claims_of(request.app).active(now_utc())})


ROUTES = [
    Route(
        "POST",
        "/api/claims",
        post_claim,
        "Claim an item while answering it (renew while the reply box is open; expires in 3 "
        "minutes). mine is false when another member is answering it: claim says who.",
        request=CLAIM,
        response=CLAIMED,
        tag="respond",
    ),
    Route(
        "DELETE",
        "/api/claims/{id:.+}",
        delete_claim,
        "Give an item back (the reply box closed without an answer).",
        response=RELEASED,
        tag="respond",
    ),
    Route(
        "GET",
        "/api/claims",
        get_claims,
        "Who is answering what right now.",
        response=CLAIMS,
        tag="respond",
    ),
]
