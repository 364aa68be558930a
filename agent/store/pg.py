"""The PostgreSQL store: the same contract as the TinyDB store (db.py), for a team.

``PgSyncStore`` has SyncStore's methods on one connection; ``PgStore`` is the asyncio facade.
Writes keep the TinyDB store's shape: one writer thread per agent takes the transactions that
arrive together and runs them in ONE database transaction, each in its own savepoint (a
function that raises is undone alone), then commits once: the batch is durable (WAL flushed)
before any caller is answered. Reads run on a small pool of their own connections.

Across agents PostgreSQL does the serialising: upserts merge in SQL (``doc || excluded.doc``)
so two agents never overwrite each other's fields, and a ``get`` inside a transaction locks
the row (FOR UPDATE), so a read-modify-write (an item's person gaining an interaction) waits
for the other agent's. A deadlock between two agents is retried, as the group is replayable.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import orjson
import psycopg
from psycopg import errors as pg_errors
from psycopg.types.json import set_json_dumps, set_json_loads

from . import meta as doc_meta
from .db import GROUP_MAX, TABLES
from .files import StoreError
from .pg_conn import check_schema, connect, conninfo, safe_url
from .pg_schema import MIGRATIONS, SCHEMA_VERSION
from .pg_sql import Untranslatable, order_sql, where_sql
from .query import Q, sort_key

log = logging.getLogger("roos.store")
T = TypeVar("T")
RETRIES = 5
READERS = 3
_RETRYABLE = (pg_errors.DeadlockDetected, pg_errors.SerializationFailure)
# jsonb cannot hold U+0000. Stored text keeps it anyway, reversibly: U+FFFE is the escape
# character, U+FFFE "0" stands for U+0000 and U+FFFE U+FFFE for a U+FFFE of the text itself.
_ESC = "\ufffe".encode()
_NUL = re.compile(rb"(?<!\\)((?:\\\\)*)\\u0000")
_ESCAPED = re.compile(_ESC + b"(" + _ESC + b"|0)")


def dump(doc: dict) -> str:
    raw = orjson.dumps(doc)
    if _ESC in raw:
        raw = raw.replace(_ESC, _ESC + _ESC)
    if b"\\u0000" in raw:
        raw = _NUL.sub(rb"\1" + _ESC + b"0", raw)
    return raw.decode()


def load(data: bytes | str) -> object:
    raw = data.encode() if isinstance(data, str) else bytes(data)
    if _ESC in raw:
        raw = _ESCAPED.sub(lambda m: _ESC if m.group(1) == _ESC else b"\\u0000", raw)
    return orjson.loads(raw)


set_json_loads(load)
set_json_dumps(dump)  # query parameters (Jsonb) are escaped as stored documents are


class PgTx:
    """The store's methods on one connection; ``locking`` inside a writer transaction."""

    def __init__(self, conn: psycopg.Connection, locking: bool = False) -> None:
        self.conn = conn
        self.locking = locking
        self.after_commit: list[str] = []

    def scrub(self) -> int:
        """After a forget: VACUUM, once committed, so deleted texts leave the data files."""
        self.after_commit.append(f"VACUUM {', '.join(TABLES)}")
        return len(TABLES)

    @staticmethod
    def _table(name: str) -> str:
        if name not in TABLES:
            raise StoreError(f"unknown table {name!r}")
        return name

    def upsert(self, table_name: str, docs: Iterable[dict], key: str = "id") -> list[str]:
        table = self._table(table_name)
        merged: dict[str, dict] = {}
        for doc in docs:
            doc_key = doc[key]
            if key != "id":
                doc = {**doc, "id": doc_key}
            merged[doc_key] = {**merged.get(doc_key, {}), **doc}
        if merged:
            self.conn.execute(
                f"INSERT INTO {table} (id, doc) SELECT * FROM unnest(%s::text[], %s::jsonb[]) "
                f"ON CONFLICT (id) DO UPDATE SET doc = {table}.doc || EXCLUDED.doc, changed = now()",
                (list(merged), [dump(d) for d in merged.values()]),
            )
        return list(merged)

    def get(self, table_name: str, doc_key: str) -> dict | None:
        table = self._table(table_name)
        lock = " FOR UPDATE" if self.locking else ""
        row = self.conn.execute(
            f"SELECT doc FROM {table} WHERE id = %s{lock}", (doc_key,)
        ).fetchone()
        return row[0] if row else None

    def get_many(self, table_name: str, keys: Iterable[str]) -> dict[str, dict]:
        table = self._table(table_name)
        rows = self.conn.execute(
            f"SELECT id, doc FROM {table} WHERE id = ANY(%s)", (list(keys),)
        ).fetchall()
        return dict(rows)

    def find(
        self,
        table_name: str,
        where: Callable[[dict], bool] | None = None,
        *,
        sort: Any = None,
        reverse: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[list[dict], int]:
        table = self._table(table_name)
        sql_where = where is None or isinstance(where, Q)
        sql_sort = sort is None or isinstance(sort, str | tuple)
        if sql_where and sql_sort:
            try:
                return self._find_sql(table, where, sort, reverse, limit, offset)
            except Untranslatable:
                pass
        return self._find_python(table, where, sort, reverse, limit, offset)

    def _find_python(self, table, where, sort, reverse, limit, offset) -> tuple[list[dict], int]:
        """A Python filter or key: the table goes through it (callers not yet on query.Q)."""
        docs = [d for (d,) in self.conn.execute(f"SELECT doc FROM {table} ORDER BY id")]
        hits = docs if where is None else [d for d in docs if where(d)]
        if sort is not None:
            hits.sort(
                key=sort_key(sort) if isinstance(sort, str | tuple) else sort, reverse=reverse
            )
        end = None if limit is None else offset + limit
        return hits[offset:end], len(hits)

    def _find_sql(self, table, where, sort, reverse, limit, offset) -> tuple[list[dict], int]:
        cond, params = where_sql(table, where)
        order, order_params = order_sql(table, sort, reverse) if sort is not None else ("id", [])
        page = f" LIMIT {int(limit)}" if limit is not None else ""
        page += f" OFFSET {int(offset)}" if offset else ""
        rows = self.conn.execute(
            f"SELECT doc FROM {table} WHERE {cond} ORDER BY {order}{page}", [*params, *order_params]
        ).fetchall()
        docs = [d for (d,) in rows]
        if limit is None and not offset:
            return docs, len(docs)
        if len(docs) < (limit or 0) and (docs or not offset):
            return docs, offset + len(docs)
        (total,) = self.conn.execute(
            f"SELECT count(*) FROM {table} WHERE {cond}", params
        ).fetchone()
        return docs, total

    def has(self, table_name: str, doc_key: str) -> bool:
        table = self._table(table_name)
        return (
            self.conn.execute(f"SELECT 1 FROM {table} WHERE id = %s", (doc_key,)).fetchone()
            is not None
        )

    def count(self, table_name: str) -> int:
        table = self._table(table_name)
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def patch(self, table_name: str, doc_key: str, fields: dict) -> dict | None:
        table = self._table(table_name)
        row = self.conn.execute(
            f"UPDATE {table} SET doc = doc || %s::jsonb, changed = now() WHERE id = %s RETURNING doc",
            (dump({**fields, "id": doc_key}), doc_key),
        ).fetchone()
        return row[0] if row else None

    def delete(self, table_name: str, keys: Iterable[str]) -> int:
        table = self._table(table_name)
        cur = self.conn.execute(f"DELETE FROM {table} WHERE id = ANY(%s)", (list(keys),))
        return cur.rowcount

    def transact(self, fn: Callable[[PgTx], T]) -> T:
        with self.conn.transaction():
            return fn(self)


class PgSyncStore:
    """One connection; each call is its own transaction. Used by the writer thread and the CLI."""

    def __init__(self, url: str, schema: str = "roos", password_file: Path | None = None) -> None:
        self.url = url
        self.schema = check_schema(schema)
        self.info = conninfo(url, schema, password_file)
        self.conn: psycopg.Connection | None = None

    def __repr__(self) -> str:
        return f"PgSyncStore({safe_url(self.url)}, schema={self.schema})"

    def _conn(self) -> psycopg.Connection:
        if self.conn is None or self.conn.closed or self.conn.broken:
            self.conn = connect(self.info, self.url)
        return self.conn

    def open(self) -> PgSyncStore:
        try:
            self._open()
        except psycopg.Error as exc:
            raise StoreError(
                f"the team database {safe_url(self.url)} refused to open the store "
                f"(schema {self.schema}): {str(exc).strip().splitlines()[0]}"
            ) from None
        return self

    def _open(self) -> None:
        conn = self._conn()
        with conn.transaction():
            conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))", (f"roos-migrate:{self.schema}",)
            )
            exists = conn.execute(
                "SELECT 1 FROM pg_namespace WHERE nspname = %s", (self.schema,)
            ).fetchone()
            if not exists:  # scripts/team-db creates it; a role that owns only it cannot
                conn.execute(f"CREATE SCHEMA {self.schema}")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS roos_meta (key text PRIMARY KEY, value jsonb NOT NULL)"
            )
            row = conn.execute(
                "SELECT value FROM roos_meta WHERE key = 'schema_version'"
            ).fetchone()
            version = row[0] if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"This team database was written by a newer Roos (schema {version}; this "
                    f"Roos knows {SCHEMA_VERSION}). Upgrade Roos; the database was left untouched."
                )
            for step in range(version + 1, SCHEMA_VERSION + 1):
                log.info("Migrating the team database to schema %d", step)
                for statement in MIGRATIONS[step]:
                    conn.execute(statement)
            self._migrate_docs(conn)
            conn.execute(
                "INSERT INTO roos_meta VALUES ('schema_version', %s) ON CONFLICT (key) DO UPDATE "
                "SET value = EXCLUDED.value",
                (orjson.dumps(SCHEMA_VERSION).decode(),),
            )

    def _migrate_docs(self, conn: psycopg.Connection) -> None:
        """The TinyDB store's document migrations (meta.MIGRATIONS) apply here too."""
        row = conn.execute("SELECT value FROM roos_meta WHERE key = 'doc_version'").fetchone()
        version = row[0] if row else doc_meta.SCHEMA_VERSION
        tx = PgTx(conn)
        for _, step in doc_meta.pending_migrations(version):
            for table in TABLES:
                docs, _ = tx.find(table)
                tx.upsert(table, [step(table, dict(d)) for d in docs])
        conn.execute(
            "INSERT INTO roos_meta VALUES ('doc_version', %s) ON CONFLICT (key) DO UPDATE "
            "SET value = EXCLUDED.value",
            (orjson.dumps(doc_meta.SCHEMA_VERSION).decode(),),
        )

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()

    def __getattr__(self, name: str) -> Any:
        # upsert/get/find/...: each in a transaction of its own on this connection.
        method = getattr(PgTx, name, None)
        if method is None or name.startswith("_"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            conn = self._conn()
            with conn.transaction():
                return method(PgTx(conn), *args, **kwargs)

        return call

    def transact(self, fn: Callable[[PgTx], T]) -> T:
        ok, value = self.transact_group([fn])[0]
        if not ok:
            raise value
        return value

    def transact_group(self, fns: list[Callable[[PgTx], Any]]) -> list[tuple[bool, Any]]:
        """All of fns in one database transaction, each in a savepoint; one commit (one WAL
        flush) for the group. A failed commit fails them all: nothing unsaved is acknowledged."""
        for attempt in range(RETRIES):
            conn = self._conn()
            tx = PgTx(conn, locking=True)
            outcomes: list[tuple[bool, Any]] = []
            try:
                with conn.transaction():
                    for fn in fns:
                        try:
                            with conn.transaction():  # a savepoint
                                outcomes.append((True, fn(tx)))
                        except _RETRYABLE:
                            raise
                        except psycopg.OperationalError:
                            raise
                        except Exception as exc:
                            outcomes.append((False, _user_error(exc)))
                for statement in tx.after_commit:
                    conn.execute(statement)
                return outcomes
            except _RETRYABLE as exc:
                log.info("Team database: %s; retrying (%d)", type(exc).__name__, attempt + 1)
                continue
            except psycopg.Error as exc:
                error = StoreError(f"the team database refused the write: {_user_error(exc)}")
                return [(False, error)] * len(fns)
        error = StoreError("the team database stayed busy; nothing was saved, try again")
        return [(False, error)] * len(fns)


def _user_error(exc: Exception) -> Exception:
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(f"lost the team database: {str(exc).strip().splitlines()[0]}")
    if isinstance(exc, psycopg.Error):
        return StoreError(f"the team database refused the write: {type(exc).__name__}")
    return exc


class PgStore:
    """Async facade, like db.Store: one writer thread (group commit), a few reader threads."""

    backend = "postgresql"

    def __init__(self, url: str, schema: str = "roos", password_file: Path | None = None) -> None:
        self.sync = PgSyncStore(url, schema, password_file)
        self.url, self.schema, self.password_file = url, schema, password_file
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roos-pg-write")
        self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="roos-pg-read")
        self._local = threading.local()
        self._reader_stores: list[PgSyncStore] = []
        self._pending: list[tuple[Callable[[PgTx], Any], asyncio.Future]] = []
        self._committer: asyncio.Task | None = None

    async def open(self) -> PgStore:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._writer, self.sync.open)
        return self

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
        self.sync.close()
        for store in self._reader_stores:
            store.close()

    def _reader(self) -> PgSyncStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = PgSyncStore(self.url, self.schema, self.password_file)
            self._reader_stores.append(store)
        return store

    async def _read(self, name: str, *args: Any, **kwargs: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._readers, lambda: getattr(self._reader(), name)(*args, **kwargs)
        )

    async def get(self, table: str, doc_key: str) -> dict | None:
        return await self._read("get", table, doc_key)

    async def find(self, table: str, where: Any = None, **kwargs: Any) -> tuple[list[dict], int]:
        return await self._read("find", table, where, **kwargs)

    async def count(self, table: str) -> int:
        return await self._read("count", table)

    async def upsert(self, table: str, docs: Iterable[dict], key: str = "id") -> list[str]:
        docs = list(docs)
        return await self.transact(lambda tx: tx.upsert(table, docs, key))

    async def patch(self, table: str, doc_key: str, fields: dict) -> dict | None:
        return await self.transact(lambda tx: tx.patch(table, doc_key, fields))

    async def delete(self, table: str, keys: Iterable[str]) -> int:
        keys = list(keys)
        return await self.transact(lambda tx: tx.delete(table, keys))

    async def transact(self, fn: Callable[[PgTx], T]) -> T:
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._pending.append((fn, future))
        if self._committer is None or self._committer.done():
            self._committer = asyncio.create_task(self._commit_pending())
        return await future

    async def _commit_pending(self) -> None:
        loop = asyncio.get_running_loop()
        while self._pending:
            group, self._pending = self._pending[:GROUP_MAX], self._pending[GROUP_MAX:]
            fns = [fn for fn, _ in group]
            try:
                outcomes = await loop.run_in_executor(self._writer, self.sync.transact_group, fns)
            except BaseException as exc:
                outcomes = [(False, exc)] * len(group)
            for (_, future), (ok, value) in zip(group, outcomes, strict=True):
                if future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
