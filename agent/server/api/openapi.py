"""/api/openapi.json, generated from the one route table (it cannot drift)."""

from __future__ import annotations

import re

from aiohttp import web

from ... import API_VERSION, __version__
from ...schemas import schema
from ..routing import Route

ERROR = {
    "type": "object",
    "required": ["ok", "error", "status"],
    "properties": {
        "ok": {"const": False},
        "error": {"type": "string"},
        "status": {"type": "integer"},
    },
}


ROUTE_ERRORS = {
    409: "Ambiguous: the input names more than one thing (the message lists them)",
    503: "A service the route needs is not available (the message says which)",
}


def _path_params(path: str) -> list[dict]:
    return [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in re.findall(r"{(\w+)(?::[^}]*)?}", path)
    ]


def _openapi_path(path: str) -> str:
    return re.sub(r"{(\w+):[^}]*}", r"{\1}", path)


def _operation(r: Route) -> dict:
    op: dict = {
        "summary": r.summary,
        "tags": [r.tag],
        "operationId": f"{r.method.lower()}_{r.handler.__name__}",
    }
    params = _path_params(r.path) + [
        {
            "name": p.name,
            "in": p.where,
            "required": p.required,
            "schema": p.schema,
            "description": p.description,
            # An empty optional query parameter counts as not given (guards check the rest).
            **({"allowEmptyValue": True} if p.where == "query" and not p.required else {}),
        }
        for p in r.params
    ]
    if params:
        op["parameters"] = params
    if r.request is not None:
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": r.request}},
        }
    responses: dict = {}
    if r.produces == "json":
        responses["200"] = {
            "description": "OK",
            "content": {"application/json": {"schema": r.response or {"type": "object"}}},
        }
    elif r.produces == "websocket":
        responses["101"] = {"description": "Switching to the WebSocket protocol"}
    else:
        default = "text/html" if r.produces == "page" else "application/octet-stream"
        responses["200"] = {
            "description": "OK",
            "content": {m: {"schema": {"type": "string"}} for m in r.media or (default,)},
        }
    for status, why in (
        (400, "Bad input (names the field)"),
        (401, "Missing or wrong token"),
        (403, "Host or Origin not allowed"),
        (404, "Not found"),
        (408, "The request body did not arrive in time"),
        (413, "Body too large"),
        (415, "Body must be JSON"),
        (503, "The store could not be read or written (the message says why)"),
        (507, "The disk is full: nothing was changed"),
        *((s, ROUTE_ERRORS[s]) for s in r.errors),
    ):
        if status == 401 and not r.auth:
            continue
        responses[str(status)] = {
            "description": why,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    op["responses"] = responses
    if r.auth:
        op["security"] = [{"bearer": []}]
    return op


def build_openapi(routes: list[Route]) -> dict:
    paths: dict = {}
    for r in routes:
        paths.setdefault(_openapi_path(r.path), {})[r.method.lower()] = _operation(r)
    components = {
        "schemas": {"Error": ERROR, "Item": schema("item"), "Profile": schema("profile")},
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    }
    doc = {
        "openapi": "3.1.0",
        "info": {
            "title": "Roos agent",
            "version": __version__,
            "description": f"Local API of the Roos agent (api {API_VERSION}). "
            "Every endpoint but /api/health needs the bearer token.",
        },
        "servers": [{"url": "http://127.0.0.1:8765"}],
        "paths": paths,
        "components": components,
    }
    return _resolve_shared_refs(doc)


def _resolve_shared_refs(value):
    """Endpoint schemas say {"$ref": "item.json"}; the document uses its own components."""
    if isinstance(value, dict):
        if value.get("$ref") == "item.json":
            return {"$ref": "#/components/schemas/Item"}
        if value.get("$ref") == "profile.json":
            return {"$ref": "#/components/schemas/Profile"}
        return {k: _resolve_shared_refs(v) for k, v in value.items() if k not in ("$schema", "$id")}
    if isinstance(value, list):
        return [_resolve_shared_refs(v) for v in value]
    return value


OPENAPI_KEY = web.AppKey("openapi", dict)


async def get_openapi(request: web.Request) -> web.Response:
    return web.json_response(request.app[OPENAPI_KEY])


ROUTES = [
    Route(
        "GET",
        "/api/openapi.json",
        get_openapi,
        "This document: every endpoint of the agent.",
        tag="agent",
        response={"type": "object"},
    ),
]
