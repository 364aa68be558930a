"""Moving a home in and out of the team database: copy every table, resumable and idempotent.

Documents go over in batches, each batch one transaction in the target. A batch whose
documents the target already holds unchanged is skipped, so running the move again (after
an interruption, or twice by mistake) copies only what is missing or different and never
duplicates anything: documents are upserted by id. At the end every table's count is
compared; the move reports, table by table, what it copied and whether the counts agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .db import TABLES
from .query import Q

BATCH = 500
Progress = Callable[[str, int, int], None]


def _existing(target: Any, table: str, ids: list[str]) -> dict[str, dict]:
    if hasattr(target, "get_many"):
        return target.get_many(table, ids)
    found = {}
    for doc_id in ids:
        doc = target.get(table, doc_id)
        if doc is not None:
            found[doc_id] = doc
    return found


def batches(source: Any, table: str) -> Iterator[list[dict]]:
    """The table in id order, BATCH documents at a time (keyset paging: never all in memory)."""
    last: str | None = None
    while True:
        where = Q.range("id", lo=last) if last is not None else None
        page, _ = source.find(table, where, sort="id", limit=BATCH + 1)
        page = [d for d in page if d["id"] != last][:BATCH]
        if not page:
            return
        yield page
        last = page[-1]["id"]


def copy_store(source: Any, target: Any, progress: Progress | None = None) -> dict[str, dict]:
    """Copy every table of source into target; per table: copied, unchanged, counts, ok."""
    report: dict[str, dict] = {}
    for table in TABLES:
        total = source.count(table)
        copied = unchanged = missing = done = 0
        for batch in batches(source, table):
            there = _existing(target, table, [d["id"] for d in batch])
            todo = [d for d in batch if there.get(d["id"]) != d]
            if todo:
                target.upsert(table, todo)  # one transaction per batch
                # Verified as it goes: what the target now holds of this batch.
                missing += len(batch) - len(_existing(target, table, [d["id"] for d in batch]))
            copied += len(todo)
            unchanged += len(batch) - len(todo)
            done += len(batch)
            if progress:
                progress(table, done, total)
        if progress and total == 0:
            progress(table, 0, 0)
        target_count = target.count(table)
        report[table] = {
            "copied": copied,
            "unchanged": unchanged,
            "source": done,
            "target": target_count,
            "missing": missing,
            "ok": missing == 0 and target_count == done == total,
        }
    return report


def bar(table: str, done: int, total: int, width: int = 30) -> str:
    filled = width if total == 0 else round(width * done / total)
    percent = 100 if total == 0 else round(100 * done / total)
    return f"\r{table:<17} [{'#' * filled}{' ' * (width - filled)}] {done}/{total} {percent:3d}%"
