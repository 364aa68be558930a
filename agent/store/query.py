"""A small declarative query both backends serve: TinyDB evaluates it in Python, PostgreSQL
translates it to SQL on JSONB (agent/store/pg_sql.py).

``Q.eq("source", "blog") & Q.in_("id", ids) & Q.range("seen_at", lo="2026-11")`` is also a
plain ``dict -> bool`` function, so it goes wherever a callable filter went and the TinyDB
store needs no change to run it. Sorting names fields (``sort=("seen_at", "id")``), compared
as text (numbers for the NUMERIC derived fields), the missing value first, exactly as
``ORDER BY ... COLLATE "C"`` orders them.

Fields are dotted paths into the document (``"analysis.intent"``) or one of the DERIVED
fields below, which PostgreSQL keeps as real, indexed columns.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

Sort = str | tuple[str, ...]


def field_value(doc: dict, name: str) -> Any:
    if name in DERIVED:
        return DERIVED[name](doc)
    value: Any = doc
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def text_of(doc: dict, fields: tuple[str, ...]) -> str:
    """The first non-empty value among fields, as text ("" when none): how ranges compare."""
    for name in fields:
        value = field_value(doc, name)
        if value not in (None, ""):
            return value if isinstance(value, str) else str(value)
    return ""


def workflow_status(doc: dict) -> str:
    """open / answered / ignored, as the inbox shows it (an old `answered` flag counts)."""
    if doc.get("status") in ("answered", "ignored"):
        return doc["status"]
    return "answered" if doc.get("answered") else "open"


def _month(doc: dict) -> str | None:
    seen = doc.get("seen_at")
    return seen[:7] if isinstance(seen, str) and seen else None


def _urgency(doc: dict) -> float | None:
    value = field_value(doc, "analysis.urgency")
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def waiting(doc: dict) -> bool:
    """Needs a reply, nobody answered or ignored it, and it is not a copy of another item."""
    analysis = doc.get("analysis") if isinstance(doc.get("analysis"), dict) else {}
    return (
        _truthy(analysis.get("needs_reply"))
        and workflow_status(doc) == "open"
        and not _truthy(analysis.get("duplicate_of"))
    )


def _truthy(value: Any) -> bool:
    return value not in (None, "", [], {}, False, 0)


def _interactions(doc: dict) -> int:
    found = doc.get("interactions")
    return len(found) if isinstance(found, list) else 0


DERIVED: dict[str, Callable[[dict], Any]] = {
    "workflow": workflow_status,
    "month": _month,
    "urgency": _urgency,
    "interactions": _interactions,
    "waiting": waiting,
}
# Derived fields that sort as numbers (the missing value first), not as text.
NUMERIC = frozenset({"urgency", "interactions"})
BOOLEAN = frozenset({"waiting"})


@dataclass(frozen=True)
class Cond:
    op: str  # eq | in | range | text | present
    fields: tuple[str, ...]
    value: Any = None
    hi: Any = None

    def matches(self, doc: dict) -> bool:
        if self.op == "eq":
            return field_value(doc, self.fields[0]) == self.value
        if self.op == "in":
            value = field_value(doc, self.fields[0])
            return isinstance(value, Hashable) and value in self.value
        if self.op == "present":
            return _truthy(field_value(doc, self.fields[0]))
        if self.op == "range":
            text = text_of(doc, self.fields)
            return (self.value is None or text >= self.value) and (
                self.hi is None or text < self.hi
            )
        needle = self.value.casefold()
        return any(needle in text_of(doc, (f,)).casefold() for f in self.fields)


@dataclass(frozen=True)
class Q:
    """All conditions hold (AND); ``negated`` conditions must not."""

    conds: tuple[Cond, ...] = ()
    negated: tuple[Cond, ...] = ()

    def __call__(self, doc: dict) -> bool:
        return all(c.matches(doc) for c in self.conds) and not any(
            c.matches(doc) for c in self.negated
        )

    def __and__(self, other: Q) -> Q:
        return Q(self.conds + other.conds, self.negated + other.negated)

    def __invert__(self) -> Q:
        if len(self.conds) != 1 or self.negated:
            raise ValueError("only a single condition can be negated")
        return Q((), self.conds)

    @staticmethod
    def all() -> Q:
        return Q()

    @staticmethod
    def eq(field: str, value: Any) -> Q:
        return Q((Cond("eq", (field,), value),))

    @staticmethod
    def in_(field: str, values: Iterable[Any]) -> Q:
        return Q((Cond("in", (field,), frozenset(values)),))

    @staticmethod
    def present(field: str) -> Q:
        """The field holds something (not missing, null, empty or false)."""
        return Q((Cond("present", (field,)),))

    @staticmethod
    def range(field: str | tuple[str, ...], lo: str | None = None, hi: str | None = None) -> Q:
        """lo <= value < hi, as text; a tuple of fields means the first one that is set."""
        fields = field if isinstance(field, tuple) else (field,)
        return Q((Cond("range", fields, lo, hi),))

    @staticmethod
    def text(fields: tuple[str, ...], needle: str) -> Q:
        """Any of fields contains needle, ignoring case."""
        return Q((Cond("text", fields, needle),))


def sort_fields(sort: Sort) -> tuple[str, ...]:
    return (sort,) if isinstance(sort, str) else tuple(sort)


def sort_key(sort: Sort) -> Callable[[dict], tuple]:
    fields = sort_fields(sort)
    return lambda doc: tuple(
        _number(field_value(doc, f)) if f in NUMERIC else _sortable(field_value(doc, f))
        for f in fields
    )


def _number(value: Any) -> float:
    return float("-inf") if value is None else value


def _sortable(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)
