"""Ingest: everything Roos sees (extension, scrapers, CLI) takes this one path.

store → push events. Items are written in one transaction, so a batch is
durable (or not written at all) before anyone is told it was stored.
"""

from __future__ import annotations

from aiohttp import web

from .server.keys import HUB, STORE
from .store import SyncStore


def _write_items(items: list[dict]):
    def write(tx: SyncStore) -> set[str]:
        known = {i["id"] for i in items if tx.has("items", i["id"])}
        tx.upsert("items", items)
        return known

    return write


async def ingest(app: web.Application, items: list[dict], *, analyze: bool = True) -> list[str]:
    """Store items idempotently by id and announce them; returns the ids, in order."""
    if not items:
        return []
    # The last copy of an id within one batch wins, as it would across batches.
    unique = list({item["id"]: item for item in items}.values())
    known = await app[STORE].transact(_write_items(unique))
    hub = app[HUB]
    for item in unique:
        hub.publish("item.updated" if item["id"] in known else "item.new", item)
    return [item["id"] for item in unique]
