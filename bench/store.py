"""Store: ingest in batches of 100 vs stock TinyDB (JSONStorage) on the same data.

Stock TinyDB rewrites its whole file on every write, so its cost per batch grows
with the data; at 100k items a full stock run would take many minutes, so there
the stock figures are measured on its first and last ten batches (the file
pre-filled to 99k items) and the total is estimated from them (marked "est.").
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import JSONStorage

from agent.store import SyncStore

from .common import row

BATCH = 100
SIZES = (1_000, 10_000, 100_000)


def make_items(n: int, start: int = 0) -> list[dict]:
    return [
        {
            "id": f"urn:li:activity:{7300000000000000000 + i}",
            "source": "linkedin",
            "kind": "post" if i % 4 == 0 else "comment",
            "url": f"https://www.linkedin.com/feed/update/urn:li:activity:{7300000000000000000 + i}/",
            "text": f"Bericht {i}: wat een goede service van Vlotbank vandaag, echt top! "
            "Ik heb mijn rekening binnen tien minuten geopend en VlotPay werkt prima.",
            "author": {
                "name": f"Auteur {i % 997}",
                "profile_url": f"https://www.linkedin.com/in/auteur-{i % 997}/",
            },
            "seen_at": "2026-11-23T10:00:00Z",
            "reactions": i % 50,
        }
        for i in range(start, start + n)
    ]


def folder_size(path: Path) -> int:
    return sum(
        p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.name.endswith(".bak")
    )


def ingest_roos(items: list[dict], folder: Path) -> dict:
    store = SyncStore(folder).open()
    times = []
    for i in range(0, len(items), BATCH):
        start = time.perf_counter()
        store.upsert("items", items[i : i + BATCH])
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    SyncStore(folder).open()
    return {
        "total": sum(times),
        "first": statistics.median(times[:10]),
        "last": statistics.median(times[-10:]),
        "size": folder_size(folder),
        "open": time.perf_counter() - start,
    }


def _stock_batches(db: TinyDB, items: list[dict]) -> list[float]:
    times = []
    for i in range(0, len(items), BATCH):
        start = time.perf_counter()
        db.insert_multiple(items[i : i + BATCH])
        times.append(time.perf_counter() - start)
    return times


def ingest_stock(items: list[dict], path: Path, full: bool) -> dict:
    db = TinyDB(path, storage=JSONStorage)
    if full:
        times = _stock_batches(db, items)
        total, first, last = (
            sum(times),
            statistics.median(times[:10]),
            statistics.median(times[-10:]),
        )
    else:
        first = statistics.median(_stock_batches(db, items[: 10 * BATCH]))
        db.insert_multiple(items[10 * BATCH : -10 * BATCH])  # pre-fill, not timed
        last = statistics.median(_stock_batches(db, items[-10 * BATCH :]))
        total = (first + last) / 2 * (len(items) // BATCH)  # linear growth: trapezoid estimate
    db.close()
    start = time.perf_counter()
    TinyDB(path, storage=JSONStorage).all()
    return {
        "total": total,
        "first": first,
        "last": last,
        "size": path.stat().st_size,
        "open": time.perf_counter() - start,
        "estimated": not full,
    }


def run(sizes: tuple[int, ...] = SIZES) -> list[dict]:
    rows = []
    for n in sizes:
        work = Path(tempfile.mkdtemp(prefix="roos-bench-store-"))
        try:
            items = make_items(n)
            ours = ingest_roos(items, work / "roos")
            stock = ingest_stock(items, work / "stock.json", full=n <= 10_000)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        label = f"{n // 1000}k"
        est = " (stock est.)" if stock.get("estimated") else ""
        rows += [
            row(
                f"store: ingest {label} items, total{est}",
                ours["total"],
                stock["total"],
                "s",
                baseline_name="stock TinyDB",
            ),
            row(
                f"store: {label}, last batch / first batch (growth)",
                ours["last"] / ours["first"],
                stock["last"] / stock["first"],
                "x",
                baseline_name="stock TinyDB",
            ),
            row(
                f"store: {label}, time per batch at the end",
                ours["last"] * 1000,
                stock["last"] * 1000,
                "ms",
                baseline_name="stock TinyDB",
            ),
            row(
                f"store: {label}, size on disk",
                ours["size"] / 1e6,
                stock["size"] / 1e6,
                "MB",
                baseline_name="stock TinyDB",
            ),
            row(
                f"store: {label}, open time",
                ours["open"] * 1000,
                stock["open"] * 1000,
                "ms",
                baseline_name="stock TinyDB",
            ),
        ]
    return rows


if __name__ == "__main__":
    for r in run():
        print(r)
