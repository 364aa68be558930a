"""query.Q and sort specs as SQL on the JSONB tables: the same meaning as query.py's Python.

Fields with a real column (pg_schema.COLUMNS) use it, and so its index; any other field is
read from the document by path. Returns SQL text with %s placeholders and the parameters.
"""

from __future__ import annotations

from typing import Any

from psycopg.types.json import Jsonb

from .pg_schema import field_columns
from .query import BOOLEAN, DERIVED, NUMERIC, Cond, Q, Sort, sort_fields

_EMPTY = "('null', '\"\"', '[]', '{}', 'false', '0')"


class Untranslatable(ValueError):
    """A derived field this table keeps no column for."""


def esc(text: str) -> str:
    """A text parameter escaped as stored text is (pg.dump: U+0000 and U+FFFE)."""
    if "\ufffe" in text or "\x00" in text:
        return text.replace("\ufffe", "\ufffe\ufffe").replace("\x00", "\ufffe0")
    return text


def _param(value: Any) -> Any:
    return esc(value) if isinstance(value, str) else value


def _fits(field: str, value: Any) -> bool:
    """The value has the column's type (a bool is no number, a number no text)."""
    if field in BOOLEAN:
        return isinstance(value, bool)
    if field in NUMERIC:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str)


def _path(field: str) -> list[str]:
    return field.split(".")


def _text_expr(table: str, field: str, params: list) -> str:
    column = field_columns(table).get(field)
    if column:
        return column if field not in NUMERIC | BOOLEAN else f"{column}::text"
    if field in DERIVED:
        raise Untranslatable(f"{field} has no column in {table}")
    params.append(_path(field))
    return "(doc #>> %s)"


def _json_expr(field: str, params: list) -> str:
    params.append(_path(field))
    return "(doc #> %s)"


def _cond(table: str, cond: Cond, params: list) -> str:
    field = cond.fields[0]
    column = field_columns(table).get(field)
    if cond.op in ("eq", "in"):
        values = [cond.value] if cond.op == "eq" else list(cond.value)
        has_none = None in values
        values = [v for v in values if v is not None]
        parts = []
        if column and field in BOOLEAN and values and all(_fits(field, v) for v in values):
            # Written out, not bound: the partial index (WHERE waiting) must see it at planning.
            truth = {bool(v) for v in values}
            parts.append(
                "TRUE" if len(truth) == 2 else column if True in truth else f"NOT {column}"
            )
            if has_none:
                parts.append(f"{column} IS NULL")
        elif column and all(_fits(field, v) for v in values):
            if values:
                params.append([_param(v) for v in values])
                parts.append(f"{column} = ANY(%s)")
            if has_none:
                parts.append(f"{column} IS NULL")
        else:
            if field in DERIVED and not column:
                raise Untranslatable(f"{field} has no column in {table}")
            if values:
                expr = _json_expr(field, params)
                params.append([Jsonb(v) for v in values])
                parts.append(f"{expr} = ANY(%s::jsonb[])")
            if has_none:
                expr = _json_expr(field, params)
                parts.append(f"coalesce({expr}, 'null') = 'null'")
        return "(" + " OR ".join(parts) + ")" if parts else "FALSE"
    if cond.op == "present":
        if column and field in BOOLEAN:
            return f"coalesce({column}, false)"
        if column:
            return f"({column} IS NOT NULL AND {column}::text NOT IN ('', '0'))"
        expr = _json_expr(field, params)
        return f"(coalesce({expr}, 'null') NOT IN {_EMPTY})"
    if cond.op == "range" and column and len(cond.fields) == 1 and field not in NUMERIC | BOOLEAN:
        # One text column: compared bare, so its index serves the range (keyset paging, months).
        # A missing value counts as "", which is below any lo and above no hi.
        parts = []
        if cond.value:
            parts.append(f"{column} >= %s")
            params.append(esc(cond.value))
        if cond.hi is not None:
            parts.append(f"({column} < %s OR {column} IS NULL)" if cond.hi else "FALSE")
            params.extend([esc(cond.hi)] if cond.hi else [])
        return "(" + " AND ".join(parts) + ")" if parts else "TRUE"
    if cond.op == "range":
        exprs = [f"nullif({_text_expr(table, f, params)}, '')" for f in cond.fields]
        text = f"coalesce({', '.join(exprs)}, '') COLLATE \"C\""
        parts = []
        if cond.value is not None:
            parts.append(f"{text} >= %s")
            params.append(esc(cond.value))
        if cond.hi is not None:
            # the expression's parameters are needed a second time
            exprs2 = [f"nullif({_text_expr(table, f, params)}, '')" for f in cond.fields]
            parts.append(f"coalesce({', '.join(exprs2)}, '') COLLATE \"C\" < %s")
            params.append(esc(cond.hi))
        return "(" + " AND ".join(parts) + ")" if parts else "TRUE"
    ors = []
    for f in cond.fields:
        expr = _text_expr(table, f, params)
        ors.append(f"strpos(lower(coalesce({expr}, '')), %s) > 0")
        params.append(esc(cond.value.casefold()))
    return "(" + " OR ".join(ors) + ")"


def where_sql(table: str, query: Q | None) -> tuple[str, list]:
    if query is None or (not query.conds and not query.negated):
        return "TRUE", []
    params: list = []
    parts = [_cond(table, c, params) for c in query.conds]
    parts += [f"NOT coalesce({_cond(table, c, params)}, FALSE)" for c in query.negated]
    return " AND ".join(parts), params


def order_sql(table: str, sort: Sort, reverse: bool) -> tuple[str, list]:
    params: list[Any] = []
    direction = "DESC NULLS LAST" if reverse else "ASC NULLS FIRST"
    fields = sort_fields(sort)
    columns = field_columns(table)
    parts = [
        f"{columns[f]} {direction}"
        if f in NUMERIC and f in columns
        else f'{_text_expr(table, f, params)} COLLATE "C" {direction}'
        for f in fields
    ]
    if "id" not in fields:
        parts.append(f"id {'DESC' if reverse else 'ASC'}")
    return ", ".join(parts), params
