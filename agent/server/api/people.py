"""People: fans, ambassadors and critics; merged when one person has two names; forgotten on request."""

from __future__ import annotations

from aiohttp import web

from ... import privacy
from ...analysis.people import flag_for, merge
from ...dashboard.same_person import candidates
from ...pipeline import now_iso
from ...store import SyncStore
from ...store.query import Q
from ..errors import ApiError
from ..keys import PROFILE, STORE
from ..requests import json_object, ok
from ..routing import Param, Route

FLAGS = ["fan", "ambassador", "critic"]
PERSON = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
PEOPLE = {
    "type": "object",
    "required": ["ok", "people", "total"],
    "properties": {
        "ok": {"const": True},
        "people": {"type": "array", "items": PERSON},
        "total": {"type": "integer"},
    },
}
ONE = {
    "type": "object",
    "required": ["ok", "person"],
    "properties": {"ok": {"const": True}, "person": PERSON, "items": {"type": "array"}},
}
MERGE = {
    "type": "object",
    "required": ["keep", "merge"],
    "additionalProperties": False,
    "properties": {
        "keep": {"type": "string", "minLength": 1},
        "merge": {"type": "string", "minLength": 1},
    },
}
CANDIDATES = {
    "type": "object",
    "required": ["ok", "candidates"],
    "properties": {
        "ok": {"const": True},
        "candidates": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["a", "b", "score", "reason", "a_person", "b_person"],
                "properties": {
                    "a": {"type": "string"},
                    "b": {"type": "string"},
                    "score": {"type": "number"},
                    "reason": {"enum": ["name", "website"]},
                    "a_person": {"type": "object", "required": ["id", "name"]},
                    "b_person": {"type": "object", "required": ["id", "name"]},
                },
            },
        },
    },
}
FORGOTTEN = {
    "type": "object",
    "required": ["ok", "removed"],
    "properties": {"ok": {"const": True}, "removed": {"type": "object"}},
}


_by_interactions = ("interactions", "last_seen")  # a sort the team's PostgreSQL indexes


async def list_people(request: web.Request) -> web.Response:
    flag = request.query.get("flag") or None
    if flag and flag not in FLAGS:
        raise ApiError(400, "flag: must be fan, ambassador or critic")
    people, total = await request.app[STORE].find(
        "people",
        Q.eq("flag", flag) if flag else None,
        sort=_by_interactions,
        reverse=True,
        limit=500,
    )
    return ok({"people": people, "total": total})


async def get_person(request: web.Request) -> web.Response:
    pid = request.match_info["id"]
    store = request.app[STORE]
    person = await store.get("people", pid)
    if person is None:
        raise ApiError(404, "No person with that id.")
    items, _ = await store.find(
        "items",
        Q.eq("person_id", pid),
        sort="seen_at",
        reverse=True,
        limit=100,
    )
    return ok({"person": person, "items": items})


async def get_merge_candidates(request: web.Request) -> web.Response:
    people, _ = await request.app[STORE].find("people")
    return ok({"candidates": candidates(people)})


async def post_merge(request: web.Request) -> web.Response:
    """The user confirmed that two records are one person: keep one, fold the other in."""
    body = await json_object(request, MERGE)
    if body["keep"] == body["merge"]:
        # The schema allows it, and one person is already merged with themselves: a no-op.
        person = await request.app[STORE].get("people", body["keep"])
        if person is None:
            raise ApiError(404, "No person with that id.")
        return ok({"person": person})
    targets = request.app[PROFILE].current.get("targets") or {}

    def fold(tx: SyncStore) -> dict | None:
        keep, other = tx.get("people", body["keep"]), tx.get("people", body["merge"])
        if keep is None or other is None:
            return None
        merged = {**merge(keep, other), "id": keep["id"]}
        merged["flag"] = flag_for(merged, targets)
        items, _ = tx.find("items", lambda i: i.get("person_id") == other["id"])
        tx.upsert("items", [{**i, "person_id": keep["id"]} for i in items])
        tx.upsert("people", [merged])
        tx.delete("people", [other["id"]])
        tx.upsert(
            "audit",
            [
                {
                    "id": f"merge|{now_iso()}|{other['id']}",
                    "action": "merge",
                    "ids": [keep["id"], other["id"]],
                    "at": now_iso(),
                }
            ],
        )
        return merged

    merged = await request.app[STORE].transact(fold)
    if merged is None:
        raise ApiError(404, "Both people must exist.")
    return ok({"person": merged})


async def delete_person(request: web.Request) -> web.Response:
    removed = await privacy.forget(request.app, request.match_info["id"])
    if removed is None:
        raise ApiError(404, "No person with that id.")
    return ok({"removed": removed})


PERSON_PATH = "/api/people/{id:.+}"
ROUTES = [
    Route(
        "GET",
        "/api/people",
        list_people,
        "People Roos has seen, most active first.",
        response=PEOPLE,
        tag="activate",
        params=(Param("flag", {"enum": FLAGS}, "Only fans, ambassadors or critics."),),
    ),
    Route(
        "GET",
        "/api/people-merge-candidates",
        get_merge_candidates,
        "Pairs of records that look like one person under two names (you confirm).",
        response=CANDIDATES,
        tag="activate",
    ),
    Route(
        "POST",
        "/api/people-merge",
        post_merge,
        "Merge two person records into one.",
        request=MERGE,
        response=ONE,
        tag="activate",
    ),
    Route(
        "GET",
        PERSON_PATH,
        get_person,
        "One person with their interactions and items.",
        response=ONE,
        tag="activate",
    ),
    Route(
        "DELETE",
        PERSON_PATH,
        delete_person,
        "Forget a person: removes them and their texts from every table.",
        response=FORGOTTEN,
        tag="activate",
    ),
]
