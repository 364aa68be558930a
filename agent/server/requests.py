"""Reading request input: JSON bodies checked against a schema, query parameters parsed."""

from __future__ import annotations

import orjson
from aiohttp import web
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from ..schemas import SCHEMA_DIR, field_path, schema
from .errors import ApiError

_validators: dict[int, Draft202012Validator] = {}


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
        validator = Draft202012Validator(body_schema, registry=_registry())
        _validators[id(body_schema)] = validator
    error = best_match(validator.iter_errors(value))
    return None if error is None else f"{field_path(error)}: {error.message}"


async def json_object(request: web.Request, body_schema: dict | None = None) -> dict:
    raw = await request.read()
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, f"The body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The body must be a JSON object.")
    if body_schema is not None:
        problem = validate(body_schema, body)
        if problem:
            raise ApiError(400, problem)
    return body


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
