"""Reading request input: JSON bodies checked against a schema, query parameters parsed."""

from __future__ import annotations

import asyncio
import itertools
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
from .schema_check import Check, compile_check

_validators: dict[int, Draft202012Validator] = {}
# Per schema: a fast check that only says yes when jsonschema would (None: none possible).
_fast: dict[int, Check | None] = {}

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


# A hostile body can make every one of 300 000 array elements an error: the checks stop
# after a few, and no message echoes more than a line of the input back.
MAX_ERRORS = 5
MAX_MESSAGE = 300
# Larger bodies are parsed and validated on a worker thread, so /api/health and the
# WebSocket keep being served while a megabyte is checked.
OFF_LOOP_BYTES = 32 * 1024
# No request needs longer arrays than this anywhere (schemas may say less, with maxItems).
MAX_ARRAY = 10_000


def validate(body_schema: dict, value: object) -> str | None:
    """None when valid, else one sentence naming the field."""
    key = id(body_schema)
    if key not in _fast:
        _fast[key] = compile_check(body_schema, schema)
    fast = _fast[key]
    problem = too_many(body_schema, value)
    if problem:
        return problem
    if fast is not None and fast(value):
        return None  # certainly valid: jsonschema is only needed to word a problem
    validator = _validators.get(id(body_schema))
    if validator is None:
        validator = Draft202012Validator(body_schema, registry=_registry(), format_checker=FORMATS)
        _validators[id(body_schema)] = validator
    error = best_match(itertools.islice(validator.iter_errors(value), MAX_ERRORS))
    return None if error is None else capped(f"{field_path(error)}: {error.message}")


def capped(message: str) -> str:
    """Head and tail of a long message: jsonschema quotes the value first, the rule last."""
    if len(message) <= MAX_MESSAGE:
        return message
    return message[: MAX_MESSAGE // 2] + " … " + message[-(MAX_MESSAGE // 2 - 3) :]


def too_many(node_schema: dict, value: object, path: str = "") -> str | None:
    """An array longer than its schema's maxItems, found before any element is validated."""
    if "$ref" in node_schema and str(node_schema["$ref"]).endswith(".json"):
        node_schema = schema(str(node_schema["$ref"]).removesuffix(".json"))
    if isinstance(value, list):
        limit = node_schema.get("maxItems")
        if isinstance(limit, int) and len(value) > limit:
            return f"{path or '(root)'}: at most {limit} items, not {len(value)}"
        items = node_schema.get("items")
        if isinstance(items, dict):
            for i, element in enumerate(value):
                problem = too_many(items, element, f"{path}[{i}]")
                if problem:
                    return problem
    elif isinstance(value, dict):
        for key, sub in (node_schema.get("properties") or {}).items():
            if key in value and isinstance(sub, dict):
                problem = too_many(sub, value[key], f"{path}.{key}" if path else key)
                if problem:
                    return problem
    return None


# Real requests nest four or five levels; the store and the WebSocket serialise with
# orjson, which stops at 254, so anything deep is refused at the door instead.
MAX_DEPTH = 64
TOO_DEEP = f"The body is nested too deeply (more than {MAX_DEPTH} levels)."


TOO_WIDE = f"The body holds an array of more than {MAX_ARRAY} elements."


def shape_problem(value: object, limit: int = MAX_DEPTH) -> str | None:
    """Too deep or too wide, checked in one iterative walk before any schema runs."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            if len(node) > MAX_ARRAY:
                return TOO_WIDE
            children = node
        else:
            continue
        if depth > limit:
            return TOO_DEEP
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return None


def parse_body(raw: bytes, body_schema: dict | None) -> dict:
    """The checked body, or ApiError(400) naming the first problem (pure: runs off the loop)."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if str(exc).startswith("depth limit exceeded"):
            raise ApiError(400, TOO_DEEP) from None
        raise ApiError(400, capped(f"The body is not valid JSON: {exc}")) from None
    if not isinstance(body, dict):
        raise ApiError(400, "The body must be a JSON object.")
    problem = (too_many(body_schema, body) if body_schema else None) or shape_problem(body)
    if problem:
        raise ApiError(400, problem)
    if body_schema is not None:
        problem = validate(body_schema, body)
        if problem:
            raise ApiError(400, problem)
    return body


# A client that announces a body and then trickles it must not hold a handler forever.
BODY_SECONDS = 30.0


async def json_object(request: web.Request, body_schema: dict | None = None) -> dict:
    try:
        async with asyncio.timeout(BODY_SECONDS):
            raw = await request.read()
    except TimeoutError:
        raise ApiError(
            408, f"The request body did not arrive within {BODY_SECONDS:.0f} s."
        ) from None
    if len(raw) > OFF_LOOP_BYTES:
        return await asyncio.to_thread(parse_body, raw, body_schema)
    return parse_body(raw, body_schema)


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
