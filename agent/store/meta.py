"""The store's identity card: format, schema version, migrations."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from .files import StoreError, backup_path, write_json

log = logging.getLogger("roos.store")

FORMAT = "roos-store"
SCHEMA_VERSION = 1

# MIGRATIONS[n] turns one document of schema n-1 into schema n: fn(table, doc) -> doc.
Migration = Callable[[str, dict], dict]
MIGRATIONS: dict[int, Migration] = {}


def read_meta(folder: Path) -> dict:
    """Read meta.json, refusing foreign files and stores from a newer Roos."""
    path = folder / "meta.json"
    if not path.exists():
        return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "created_at": time.time()}
    meta = _parse(path)
    if meta is None:
        aside = path.with_name(f"meta.json.corrupt-{int(time.time())}")
        path.replace(aside)
        log.warning("meta.json was damaged or foreign; moved aside to %s.", aside.name)
        meta = _parse(backup_path(path))
        if meta is None:
            # The shards carry the data; a fresh card at the current version is safe
            # only because shard contents are validated one by one on load.
            meta = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "created_at": time.time()}
        write_json(path, meta)
    version = meta["schema_version"]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"This store was written by a newer Roos (schema {version}; this Roos knows "
            f"{SCHEMA_VERSION}). Upgrade Roos; the store was left untouched."
        )
    return meta


def _parse(path: Path) -> dict | None:
    try:
        meta = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        return None
    if not isinstance(meta.get("schema_version"), int):
        return None
    return meta


def pending_migrations(version: int) -> list[tuple[int, Migration]]:
    return [(n, MIGRATIONS[n]) for n in range(version + 1, SCHEMA_VERSION + 1) if n in MIGRATIONS]
