"""Data stays the user's, over HTTP: export everything, export or forget one person.

`roos export` and `roos forget` use these while the agent runs (it holds the store); the
dashboard's People page uses them too. A person is named by id, profile URL or exact name;
a name that fits several people is refused with the candidates, so nobody is forgotten by
accident.
"""

from __future__ import annotations

from aiohttp import web

from ... import privacy
from ..errors import ApiError
from ..keys import PROFILE, STORE
from ..requests import json_object, ok
from ..routing import Param, Route

FORGET = {
    "type": "object",
    "required": ["person"],
    "additionalProperties": False,
    "properties": {"person": {"type": "string", "minLength": 1, "maxLength": 4096}},
}


async def _one_person(request: web.Request, query: str) -> str:
    people, _ = await request.app[STORE].find("people")
    try:
        return privacy.pick_person(people, query)
    except privacy.NotOnePerson as exc:
        raise ApiError(exc.status, str(exc)) from None


async def get_export(request: web.Request) -> web.Response:
    profile = request.app[PROFILE].current
    dump = await request.app[STORE].transact(lambda tx: privacy.export_all(tx, profile))
    return ok({"export": dump})


async def get_person_export(request: web.Request) -> web.Response:
    query = request.query.get("person") or ""
    if not query:
        raise ApiError(400, "person: give an id, profile URL or name")
    pid = await _one_person(request, query)
    dump = await request.app[STORE].transact(lambda tx: privacy.export_person(tx, pid))
    if dump is None:
        raise ApiError(404, "No person with that id, profile URL or name.")
    return ok({"export": dump})


async def post_forget(request: web.Request) -> web.Response:
    body = await json_object(request, FORGET)
    pid = await _one_person(request, body["person"])
    removed = await privacy.forget(request.app, pid)
    if removed is None:
        raise ApiError(404, "No person with that id, profile URL or name.")
    return ok({"id": pid, "removed": removed})


EXPORT = {
    "type": "object",
    "required": ["ok", "export"],
    "properties": {"ok": {"const": True}, "export": {"type": "object"}},
}
FORGOTTEN = {
    "type": "object",
    "required": ["ok", "id", "removed"],
    "properties": {"ok": {"const": True}, "id": {"type": "string"}, "removed": {"type": "object"}},
}
ROUTES = [
    Route(
        "GET",
        "/api/export",
        get_export,
        "Everything Roos stores, as JSON (logged in the audit table by id only).",
        response=EXPORT,
        tag="privacy",
    ),
    Route(
        "GET",
        "/api/export/person",
        get_person_export,
        "Everything about one person, with the source URLs (logged by id only).",
        response=EXPORT,
        tag="privacy",
        params=(Param("person", {"type": "string"}, "Id, profile URL or name.", required=True),),
        errors=(409,),
    ),
    Route(
        "POST",
        "/api/forget",
        post_forget,
        "Forget one person: them and their texts leave every table and the store's snapshots.",
        request=FORGET,
        response=FORGOTTEN,
        tag="privacy",
        errors=(409,),
    ),
]
