"""A table split into shard files, each a small TinyDB database.

Stock TinyDB rewrites its whole file on every write, so a write costs time in
proportion to everything stored. Here a table is a folder of shards named
``YYYY-MM-NNNN.json`` (the month the documents arrived, then a counter), each
capped at ``SHARD_CAP`` documents or about ``SHARD_BYTES`` on disk, whichever comes first
(analysed items are a few KiB each): a write rewrites only the shards it touches.
Each shard is read once into memory and written through atomically; nothing is
ever acknowledged from a write cache.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
from tinydb import Storage, TinyDB
from tinydb.table import Document, Table

from .files import StoreError, backup_path, write_json
from .recover import add_note, recover

log = logging.getLogger("roos.store")

SHARD_CAP = 1000
SHARD_BYTES = 256 * 1024
TABLE = "_default"
# Written first in each shard: how many documents it holds, so a truncated file can say
# how many it lost even when the tail with their ids is gone.
HEADER = "_roos"


class ShardStorage(Storage):
    """TinyDB storage that serves reads from memory and writes atomically.

    Writes are deferred while a transaction is open, so one request's writes
    to a shard become one durable file write.
    """

    def __init__(self, path: Path, data: dict) -> None:
        self.path = path
        self.data = data
        self.deferred = False
        self.dirty = False
        self.size = path.stat().st_size if path.exists() else 0

    def read(self) -> dict:
        return self.data

    def write(self, data: dict) -> None:
        self.data = data
        self.dirty = True
        if not self.deferred:
            self.flush()

    def flush(self) -> None:
        if self.dirty:
            header = {HEADER: {"documents": len(self.data.get(TABLE, {}))}}
            self.size = write_json(self.path, {**header, **self.data})
            self.dirty = False

    def close(self) -> None:
        pass


def _valid_shard(value: object) -> bool:
    if not isinstance(value, dict) or set(value) - {TABLE, HEADER}:
        return False
    docs = value.get(TABLE, {})
    return isinstance(docs, dict) and all(
        isinstance(d, dict) and isinstance(d.get("id"), str) for d in docs.values()
    )


def load_shard_file(path: Path) -> dict:
    """Parse a shard. A damaged or foreign one is moved aside (byte-identical) and replaced by
    every document still readable in it merged with its snapshot; what neither copy holds is
    noted in store/recovery.json, so the dashboard and `roos doctor` can say so."""
    raw = path.read_bytes()
    try:
        value = orjson.loads(raw)
        if _valid_shard(value):
            value.pop(HEADER, None)
            return value
        problem = "is not a Roos store file"
    except orjson.JSONDecodeError as exc:
        problem = f"is damaged ({exc})"
    aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
    path.replace(aside)
    log.warning("Store file %s %s; moved it aside to %s.", path, problem, aside.name)
    snapshot = backup_path(path)
    backup = snapshot.read_bytes() if snapshot.exists() else None
    found = recover(raw, backup)
    store_folder = path.parent.parent
    note = {
        "file": str(path.relative_to(store_folder)),
        "aside": aside.name,
        "at": int(time.time()),
        "problem": problem,
        "from_file": found.from_file,
        "from_backup": found.from_backup,
        "unreadable_bytes": found.unreadable_bytes,
        "lost_ids": found.lost_ids[:1000],
        "lost": found.lost,
    }
    if not found.documents:
        add_note(store_folder, {**note, "unrecovered": True})
        raise StoreError(
            f"Store file {path} {problem} and nothing in it or in a snapshot could be read. "
            f"It was moved aside to {aside.name} so nothing is lost; remove or repair it to "
            "start without it (`roos doctor` tells more)."
        )
    write_json(path, found.data, keep_backup=False)
    add_note(store_folder, note)
    lost = f"; {found.lost} could not be read" if found.lost else ""
    log.warning(
        "Recovered %s: %d documents read from the damaged file, %d more from its snapshot%s.",
        path.name,
        found.from_file,
        found.from_backup,
        lost,
    )
    return found.data


class Shard:
    def __init__(self, path: Path, data: dict | None = None) -> None:
        self.path = path
        self.name = path.stem
        self.storage = ShardStorage(path, data if data is not None else {TABLE: {}})
        db = TinyDB(storage=_StorageFactory(self.storage))
        self.table: Table = db.table(TABLE)

    def __len__(self) -> int:
        return len(self.storage.data.get(TABLE, {}))

    def room(self) -> int:
        """How many more documents a new write may add here (0: start the next shard)."""
        if self.storage.size >= SHARD_BYTES:
            return 0
        return max(SHARD_CAP - len(self), 0)

    def docs(self) -> Iterator[tuple[int, dict]]:
        for doc_id, doc in self.storage.data.get(TABLE, {}).items():
            yield int(doc_id), doc

    def put(self, docs: dict[int, dict], new: list[dict]) -> list[int]:
        """Replace the docs at the given doc ids and add ``new`` ones: two TinyDB operations."""
        if docs:
            self.table.remove(doc_ids=list(docs))
            self.table.insert_multiple(Document(d, doc_id=i) for i, d in docs.items())
        return self.table.insert_multiple(new) if new else []

    def remove(self, doc_ids: list[int]) -> None:
        self.table.remove(doc_ids=doc_ids)

    def reload(self) -> None:
        """Drop in-memory changes after a failed write: disk is the truth."""
        data = orjson.loads(self.path.read_bytes()) if self.path.exists() else {TABLE: {}}
        data.pop(HEADER, None)
        self.storage.data = data
        self.storage.dirty = False
        self.table.clear_cache()


class _StorageFactory:
    """TinyDB wants a storage class; hand it our already-built instance."""

    def __init__(self, storage: ShardStorage) -> None:
        self.storage = storage

    def __call__(self, *args: object, **kwargs: object) -> ShardStorage:
        return self.storage


def shard_name(month: str, counter: int) -> str:
    return f"{month}-{counter:04d}"
