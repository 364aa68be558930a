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
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import orjson
import psycopg
from psycopg import errors as pg_errors

from . import meta as doc_meta
from .db import GROUP_MAX, TABLES
from .files import StoreError
from .pg_conn import check_schema, connect, conninfo, safe_url
from .pg_schema import MIGRATIONS, SCHEMA_VERSION
from .pg_tx import PgTx

log = logging.getLogger("roos.store")
T = TypeVar("T")
RETRIES = 5
READERS = 3
_RETRYABLE = (pg_errors.DeadlockDetected, pg_errors.SerializationFailure)


class PgSyncStore:
    """One connection; each call is its own transaction. Used by the writer thread and the CLI."""

    def __init__(self, url: str, schema: str = "roos", password_file: Path | None = None) -> None:
        self.url = url
        self.schema = check_schema(schema)
        self.info = conninfo(url, schema, password_file)
        self.conn: psycopg.Connection | None = None

    def __repr__(self) -> str:
        return f"PgSyncStore({safe_url(self.url)}, schema={self.schema})"

    def connection(self) -> psycopg.Connection:
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
        conn = self.connection()
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
            conn = self.connection()
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
        flush) for the group. A failed commit fails them all: nothing unsaved is acknowledged.
        A deadlock, or a connection lost before the commit was sent, replays the group."""
        for attempt in range(RETRIES):
            conn = self.connection()
            tx = PgTx(conn, locking=True)
            outcomes: list[tuple[bool, Any]] = []
            committing = False
            try:
                with conn.transaction():
                    for fn in fns:
                        try:
                            with conn.transaction():  # a savepoint
                                outcomes.append((True, fn(tx)))
                        except (*_RETRYABLE, psycopg.OperationalError):
                            raise
                        except Exception as exc:
                            outcomes.append((False, _user_error(exc)))
                    committing = True  # leaving the block sends COMMIT
            except _RETRYABLE as exc:
                log.info("Team database: %s; retrying (%d)", type(exc).__name__, attempt + 1)
                continue
            except psycopg.OperationalError as exc:
                if not committing and attempt < RETRIES - 1:
                    log.warning("Lost the team database connection; reconnecting to retry.")
                    continue
                return [(False, _user_error(exc))] * len(fns)
            except psycopg.Error as exc:
                return [(False, _user_error(exc))] * len(fns)
            for statement in tx.after_commit:  # committed already: a failure here is no loss
                try:
                    conn.execute(statement)
                except psycopg.Error as exc:
                    log.warning("After the commit, %s failed: %s", statement.split()[0], exc)
            return outcomes
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

    async def on_connection(self, fn: Callable[[psycopg.Connection], T]) -> T:
        """fn(connection) on a reader thread: team features' own tables (members, claims...)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, lambda: fn(self._reader().connection()))

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
