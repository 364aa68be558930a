"""Moving a home in and out of the team database: copy every table, resumable and idempotent.

Documents go over in batches, each batch one transaction in the target. A batch whose
documents the target already holds unchanged is skipped, so running the move again (after
an interruption, or twice by mistake) copies only what is missing or different and never
duplicates anything: documents are upserted by id. At the end every table's count is
compared; the move reports, table by table, what it copied and whether the counts agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .db import TABLES

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


def copy_store(source: Any, target: Any, progress: Progress | None = None) -> dict[str, dict]:
    """Copy every table of source into target; per table: copied, skipped, counts, ok."""
    report: dict[str, dict] = {}
    for table in TABLES:
        docs, total = source.find(table, sort="id")
        copied = skipped = 0
        for start in range(0, total, BATCH):
            batch = docs[start : start + BATCH]
            there = _existing(target, table, [d["id"] for d in batch])
            todo = [d for d in batch if there.get(d["id"]) != d]
            if todo:
                target.upsert(table, todo)  # one transaction per batch
            copied += len(todo)
            skipped += len(batch) - len(todo)
            if progress:
                progress(table, min(start + BATCH, total), total)
        if progress and total == 0:
            progress(table, 0, 0)
        missing = sum(
            len(ids) - len(_existing(target, table, ids))
            for ids in ([d["id"] for d in docs[i : i + BATCH]] for i in range(0, total, BATCH))
        )
        target_count = target.count(table)
        report[table] = {
            "copied": copied,
            "unchanged": skipped,
            "source": total,
            "target": target_count,
            "missing": missing,
            "ok": missing == 0 and target_count == total,
        }
    return report


def bar(table: str, done: int, total: int, width: int = 30) -> str:
    filled = width if total == 0 else round(width * done / total)
    percent = 100 if total == 0 else round(100 * done / total)
    return f"\r{table:<17} [{'#' * filled}{' ' * (width - filled)}] {done}/{total} {percent:3d}%"
