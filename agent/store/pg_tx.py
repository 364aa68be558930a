"""One connection's view of the team store: SyncStore's methods as SQL (see pg.py).

Documents are JSONB; ``dump``/``load`` keep every text byte for byte (jsonb cannot hold
U+0000, so it is escaped reversibly). Queries (store.query.Q) become SQL with pg_sql; a
Python callable filter still works, by streaming the table through it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import orjson
import psycopg
from psycopg.types.json import set_json_dumps, set_json_loads

from .db import TABLES
from .files import StoreError
from .pg_sql import Untranslatable, order_sql, where_sql
from .query import Q, sort_key

T = TypeVar("T")

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
