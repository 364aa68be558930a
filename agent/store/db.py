"""The Roos store: tables of JSON documents keyed by a string ``id``.

``SyncStore`` does the work on one thread; ``Store`` is the asyncio facade the
agent uses, sending every call to a single writer thread so disk work (and
fsync) never stalls the event loop and every read-modify-write is serialised.
A transaction defers shard writes and flushes each touched shard once, before
the call returns: the caller may acknowledge as soon as it gets control back.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from .files import StoreError, remove_leftover_temps, write_json
from .meta import SCHEMA_VERSION, pending_migrations, read_meta
from .query import Sort, sort_key
from .shards import SHARD_CAP, Shard, load_shard_file, shard_name

log = logging.getLogger("roos.store")

TABLES = (
    "items",
    "people",
    "suggestions",
    "replies",
    "own_posts",
    "follow_snapshots",
    "sources",
    "events",
    "audit",
    "monthly_totals",
)
T = TypeVar("T")
# Transactions committed together at most: bigger groups make bursts that stall the loop.
GROUP_MAX = 8
# The writer thread runs analysis (pure Python) while the loop serves sockets. Each time the
# loop drops the GIL for a syscall, the writer keeps it for a whole switch interval before the
# loop may take it back: at the default 5 ms, a loop turn of twenty sends waits 100 ms.
SWITCH_INTERVAL = 0.0005
Where = Callable[[dict], bool] | None


class _Table:
    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.folder = folder
        self.shards: dict[str, Shard] = {}
        self.index: dict[str, tuple[str, int]] = {}
        # Bumped on every change; keys the sorted-view cache (paging must not re-sort each page).
        self.version = 0
        self.sorted_views: dict[tuple, tuple[int, list[dict]]] = {}

    def load(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for path in sorted(self.folder.glob("*.json")):
            shard = Shard(path, load_shard_file(path))
            self.shards[shard.name] = shard
            for doc_id, doc in shard.docs():
                self.index[doc["id"]] = (shard.name, doc_id)

    def open_shard(self, month: str) -> Shard:
        """The shard new documents go to: this month's last one with room."""
        names = sorted(n for n in self.shards if n.startswith(month))
        if names and self.shards[names[-1]].room() > 0:
            return self.shards[names[-1]]
        counter = int(names[-1].rsplit("-", 1)[1]) + 1 if names else 0
        shard = Shard(self.folder / f"{shard_name(month, counter)}.json")
        self.shards[shard.name] = shard
        return shard


class SyncStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tables: dict[str, _Table] = {}
        self._lock = threading.RLock()
        self._txn_depth = 0
        self._touched: set[Shard] = set()

    # -- opening ---------------------------------------------------------
    def open(self) -> SyncStore:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for tmp in remove_leftover_temps(self.folder):
            log.info("Removed a half-written temp file from an earlier crash: %s", tmp.name)
        meta = read_meta(self.folder)
        for name in TABLES:
            table = _Table(name, self.folder / name)
            table.load()
            self.tables[name] = table
        self._migrate(meta)
        return self

    def _migrate(self, meta: dict) -> None:
        steps = pending_migrations(meta["schema_version"])
        with self.transaction():
            for version, step in steps:
                log.info("Migrating the store to schema %d", version)
                for table in self.tables.values():
                    for shard in table.shards.values():
                        docs = {i: step(table.name, dict(d)) for i, d in shard.docs()}
                        if docs:
                            self._touch(shard)
                            shard.put(docs, [])
        if meta["schema_version"] != SCHEMA_VERSION or not (self.folder / "meta.json").exists():
            meta = {**meta, "schema_version": SCHEMA_VERSION}
            write_json(self.folder / "meta.json", meta)

    # -- transactions ----------------------------------------------------
    @contextmanager
    def transaction(self):
        with self._lock:
            self._txn_depth += 1
            try:
                yield self
            except BaseException:
                self._txn_depth -= 1
                if self._txn_depth == 0:
                    self._rollback()
                raise
            self._txn_depth -= 1
            if self._txn_depth == 0:
                self._commit()

    def _touch(self, shard: Shard) -> None:
        shard.storage.deferred = True
        self._touched.add(shard)
        for table in self.tables.values():
            if table.folder == shard.path.parent:
                table.version += 1

    def _commit(self) -> None:
        touched, self._touched = self._touched, set()
        try:
            for shard in sorted(touched, key=lambda s: s.path):
                shard.storage.flush()
        except BaseException:
            self._touched = touched
            self._rollback()
            raise
        finally:
            for shard in touched:
                shard.storage.deferred = False

    def _rollback(self) -> None:
        touched, self._touched = self._touched, set()
        for shard in touched:
            shard.storage.deferred = False
            shard.reload()
        for table in self.tables.values():
            if any(s in touched for s in table.shards.values()):
                self._reindex(table)

    def _reindex(self, table: _Table) -> None:
        table.index = {
            doc["id"]: (shard.name, doc_id)
            for shard in table.shards.values()
            for doc_id, doc in shard.docs()
        }

    # -- operations --------------------------------------------------------
    def _table(self, name: str) -> _Table:
        try:
            return self.tables[name]
        except KeyError:
            raise StoreError(f"unknown table {name!r}") from None

    def upsert(self, table_name: str, docs: Iterable[dict], key: str = "id") -> list[str]:
        """Insert new documents, merge fields into existing ones; one write per shard."""
        table = self._table(table_name)
        month = time.strftime("%Y-%m", time.gmtime())
        with self.transaction():
            merged: dict[str, dict] = {}
            for doc in docs:
                doc_key = doc[key]
                if key != "id":
                    doc = {**doc, "id": doc_key}
                base = merged.get(doc_key) or self.get(table_name, doc_key) or {}
                merged[doc_key] = {**base, **doc}
            updates: dict[str, dict[int, dict]] = {}
            new: list[dict] = []
            for doc_key, doc in merged.items():
                where = table.index.get(doc_key)
                if where:
                    updates.setdefault(where[0], {})[where[1]] = doc
                else:
                    new.append(doc)
            for name, by_id in updates.items():
                shard = table.shards[name]
                self._touch(shard)
                shard.put(by_id, [])
            while new:
                shard = table.open_shard(month)
                room = shard.room() or SHARD_CAP
                chunk, new = new[:room], new[room:]
                self._touch(shard)
                for doc, doc_id in zip(chunk, shard.put({}, chunk), strict=True):
                    table.index[doc["id"]] = (shard.name, doc_id)
        return list(merged)

    def get(self, table_name: str, doc_key: str) -> dict | None:
        table = self._table(table_name)
        where = table.index.get(doc_key)
        if not where:
            return None
        doc = table.shards[where[0]].storage.data["_default"].get(str(where[1]))
        return dict(doc) if doc is not None else None

    def find(
        self,
        table_name: str,
        where: Where = None,
        *,
        sort: Callable[[dict], Any] | Sort | None = None,
        reverse: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[list[dict], int]:
        """``where`` is a callable or a query.Q (which is one); ``sort`` a key function or
        field names (query.sort_key), which the PostgreSQL store turns into ORDER BY."""
        table = self._table(table_name)
        if sort is not None:
            docs = self._sorted_view(table, sort, reverse)
            hits = docs if where is None else [d for d in docs if where(d)]
        else:
            hits = [
                d
                for shard in table.shards.values()
                for _, d in shard.docs()
                if where is None or where(d)
            ]
        end = None if limit is None else offset + limit
        return [dict(d) for d in hits[offset:end]], len(hits)

    def _sorted_view(self, table: _Table, sort: Callable | Sort, reverse: bool) -> list[dict]:
        key = (sort, reverse)
        cached = table.sorted_views.get(key)
        if cached and cached[0] == table.version:
            return cached[1]
        docs = sorted(
            (d for shard in table.shards.values() for _, d in shard.docs()),
            key=sort_key(sort) if isinstance(sort, str | tuple) else sort,
            reverse=reverse,
        )
        table.sorted_views = {k: v for k, v in table.sorted_views.items() if v[0] == table.version}
        table.sorted_views[key] = (table.version, docs)
        return docs

    def has(self, table_name: str, doc_key: str) -> bool:
        return doc_key in self._table(table_name).index

    def count(self, table_name: str) -> int:
        return len(self._table(table_name).index)

    def patch(self, table_name: str, doc_key: str, fields: dict) -> dict | None:
        with self.transaction():
            doc = self.get(table_name, doc_key)
            if doc is None:
                return None
            self.upsert(table_name, [{**doc, **fields, "id": doc_key}])
            return self.get(table_name, doc_key)

    def delete(self, table_name: str, keys: Iterable[str]) -> int:
        table = self._table(table_name)
        keys = list(keys)
        by_shard: dict[str, list[int]] = {}
        with self.transaction():
            for doc_key in keys:
                where = table.index.get(doc_key)
                if where:
                    by_shard.setdefault(where[0], []).append(where[1])
            for name, doc_ids in by_shard.items():
                shard = table.shards[name]
                self._touch(shard)
                shard.remove(doc_ids)
            removed = [k for k in keys if k in table.index]
            for doc_key in removed:
                del table.index[doc_key]
        return sum(len(v) for v in by_shard.values())

    def transact(self, fn: Callable[[SyncStore], T]) -> T:
        with self.transaction():
            return fn(self)

    def transact_group(self, fns: list[Callable[[SyncStore], Any]]) -> list[tuple[bool, Any]]:
        """Group commit: run several callers' transactions, then make them durable together,
        one write per touched shard. Each caller gets its own outcome: a function that raises
        is undone alone (the others are replayed on the restored state); a failed flush fails
        them all, so nothing is ever acknowledged that is not on disk."""
        with self._lock:
            outcomes: list[tuple[bool, Any]] = []
            succeeded: list[int] = []
            self._txn_depth += 1
            try:
                for i, fn in enumerate(fns):
                    try:
                        outcomes.append((True, fn(self)))
                        succeeded.append(i)
                    except Exception as exc:
                        outcomes.append((False, exc))
                        self._rollback()
                        for j in succeeded:
                            outcomes[j] = (True, fns[j](self))
            except BaseException:
                self._txn_depth -= 1
                self._rollback()
                raise
            self._txn_depth -= 1
            try:
                self._commit()
            except Exception as exc:
                return [(False, exc)] * len(fns)
            return outcomes


class Store:
    """Async facade: one writer thread, so calls never overlap and fsync stays off the loop."""

    def __init__(self, folder: Path) -> None:
        self.sync = SyncStore(folder)
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roos-store")
        self._pending: list[tuple[Callable[[SyncStore], Any], asyncio.Future]] = []
        self._committer: asyncio.Task | None = None

    async def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(*args, **kwargs))

    async def open(self) -> Store:
        await self._run(self.sync.open)
        return self

    def close(self) -> None:
        self._executor.shutdown(wait=True)

    async def upsert(self, table: str, docs: Iterable[dict], key: str = "id") -> list[str]:
        return await self._run(self.sync.upsert, table, list(docs), key)

    async def get(self, table: str, doc_key: str) -> dict | None:
        return await self._run(self.sync.get, table, doc_key)

    async def find(self, table: str, where: Where = None, **kwargs: Any) -> tuple[list[dict], int]:
        return await self._run(self.sync.find, table, where, **kwargs)

    async def count(self, table: str) -> int:
        return await self._run(self.sync.count, table)

    async def patch(self, table: str, doc_key: str, fields: dict) -> dict | None:
        return await self._run(self.sync.patch, table, doc_key, fields)

    async def delete(self, table: str, keys: Iterable[str]) -> int:
        return await self._run(self.sync.delete, table, list(keys))

    async def transact(self, fn: Callable[[SyncStore], T]) -> T:
        """Run ``fn(tx)`` on the writer thread; returns once its writes are durable.

        Transactions that arrive while the writer is busy are committed together (group
        commit): twenty clients posting at once cost one fsync per shard, not twenty.
        """
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._pending.append((fn, future))
        if self._committer is None or self._committer.done():
            self._committer = asyncio.create_task(self._commit_pending())
        return await future

    async def _commit_pending(self) -> None:
        while self._pending:
            group, self._pending = self._pending[:GROUP_MAX], self._pending[GROUP_MAX:]
            try:
                outcomes = await self._run(self.sync.transact_group, [fn for fn, _ in group])
            except BaseException as exc:  # the writer itself failed: every caller hears it
                outcomes = [(False, exc)] * len(group)
            for (_, future), (ok, value) in zip(group, outcomes, strict=True):
                if future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
