"""The shared JSON Schemas (shared/schema), loaded once, with errors that name the field."""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import orjson
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "shared" / "schema"


@functools.cache
def schema(name: str) -> dict:
    return orjson.loads((SCHEMA_DIR / f"{name}.json").read_bytes())


@functools.cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def field_path(error: ValidationError, prefix: str = "") -> str:
    parts = [prefix] if prefix else []
    for p in error.absolute_path:
        parts.append(f"[{p}]" if isinstance(p, int) else f".{p}" if parts else str(p))
    return "".join(parts) or "(root)"


def first_error(name: str, value: object, prefix: str = "") -> str | None:
    """None when valid, else one sentence naming the field and the problem."""
    # A few errors are enough to name the first problem; a message never echoes a huge input.
    error = best_match(itertools.islice(validator(name).iter_errors(value), 5))
    if error is None:
        return None
    message = f"{field_path(error, prefix)}: {error.message}"
    return message if len(message) <= 300 else message[:150] + " … " + message[-147:]
