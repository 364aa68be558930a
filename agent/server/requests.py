"""Reading request input: JSON bodies checked against a schema, query parameters parsed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime

import orjson
from aiohttp import web
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from ..schemas import SCHEMA_DIR, field_path, schema
from .errors import ApiError
from .routing import Param

_validators: dict[int, Draft202012Validator] = {}

# RFC 3339 date-time, as JavaScript's toISOString() writes it. jsonschema checks "format"
# only with an extra package installed, so the one format the API uses is checked here.
RFC3339 = re.compile(r"(\d{4}-\d\d-\d\d)[Tt ](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-](\d\d):(\d\d))")
FORMATS = FormatChecker(formats=())


@FORMATS.checks("date-time")
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    match = RFC3339.fullmatch(value)
    if match is None:
        return False
    day, hour, minute, second, _, _, off_h, off_m = match.groups()
    try:
        datetime.fromisoformat(day)
    except ValueError:
        return False
    # Second 60 is a leap second, which RFC 3339 allows.
    return (
        int(hour) < 24
        and int(minute) < 60
        and int(second) <= 60
        and int(off_h or 0) < 24
        and int(off_m or 0) < 60
    )


def _registry() -> Registry:
    """Lets endpoint schemas say {"$ref": "item.json"} for the shared schemas."""
    names = [p.stem for p in SCHEMA_DIR.glob("*.json")]
    return Registry().with_resources(
        (f"{name}.json", Resource.from_contents(schema(name))) for name in names
    )


def validate(body_schema: dict, value: object) -> str | None:
    """None when valid, else one sentence naming the field."""
    validator = _validators.get(id(body_schema))
    if validator is None:
        validator = Draft202012Validator(body_schema, registry=_registry(), format_checker=FORMATS)
        _validators[id(body_schema)] = validator
    error = best_match(validator.iter_errors(value))
    return None if error is None else f"{field_path(error)}: {error.message}"


# Real requests nest four or five levels; the store and the WebSocket serialise with
# orjson, which stops at 254, so anything deep is refused at the door instead.
MAX_DEPTH = 64
TOO_DEEP = f"The body is nested too deeply (more than {MAX_DEPTH} levels)."


def too_deep(value: object, limit: int = MAX_DEPTH) -> bool:
    """True when containers nest deeper than `limit` (iterative: no recursion to exhaust)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


async def json_object(request: web.Request, body_schema: dict | None = None) -> dict:
    raw = await request.read()
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if str(exc).startswith("depth limit exceeded"):
            raise ApiError(400, TOO_DEEP) from None
        raise ApiError(400, f"The body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The body must be a JSON object.")
    if too_deep(body):
        raise ApiError(400, TOO_DEEP)
    if body_schema is not None:
        problem = validate(body_schema, body)
        if problem:
            raise ApiError(400, problem)
    return body


def query_problem(params: Iterable[Param], query: Mapping[str, str]) -> str | None:
    """The first declared query parameter whose value breaks its documented schema.

    Checked for every route before its handler runs, so what /api/openapi.json says about
    a parameter holds for every feature. An empty value counts as not given.
    """
    for param in params:
        if param.where != "query":
            continue
        given = query.getall(param.name, []) if hasattr(query, "getall") else []
        if len(given) > 1:
            return f"{param.name}: give it once"
        raw = query.get(param.name)
        if raw is None or raw == "":
            if param.required:
                return f"{param.name}: is required"
            continue
        kind = param.schema.get("type")
        try:
            value: object = {"integer": int, "number": float}.get(kind, str)(raw)
        except ValueError:
            return f"{param.name}: must be a {'whole number' if kind == 'integer' else 'number'}"
        problem = validate(param.schema, value)
        if problem:
            return f"{param.name}: {problem.removeprefix('(root): ')}"
    return None


def query_int(request: web.Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"{name}: must be a whole number") from None
    if not lo <= value <= hi:
        raise ApiError(400, f"{name}: must be between {lo} and {hi}")
    return value


def ok(payload: dict | None = None, status: int = 200) -> web.Response:
    return web.json_response({"ok": True, **(payload or {})}, status=status, dumps=_dumps)


def _dumps(value: object) -> str:
    return orjson.dumps(value).decode()
