"""The PostgreSQL store's schema, versioned like the TinyDB store's meta.json.

Every table holds JSON documents (``id`` text, ``doc`` jsonb). What pages filter and sort on
is also a real column, generated from the document by PostgreSQL itself, so a write never
has to keep the two in step, and each column has an index. Text columns use the "C"
collation: SQL then orders them as Python orders str, and both backends page alike.

MIGRATIONS[n] is the SQL that takes schema n-1 to n; they run once, in order, under an
advisory lock, so two agents starting at the same moment do not both migrate.
"""

from __future__ import annotations

from .db import TABLES

SCHEMA_VERSION = 1

_URGENCY = (
    "CASE WHEN jsonb_typeof(doc #> '{analysis,urgency}') = 'number' "
    "THEN (doc #>> '{analysis,urgency}')::float8 END"
)
_EMPTY = "('null', 'false', '0', '\"\"', '[]', '{}')"
_WAITING = (
    f"(coalesce(doc #> '{{analysis,needs_reply}}', 'null') NOT IN {_EMPTY} "
    f"AND coalesce(doc #> '{{analysis,duplicate_of}}', 'null') IN {_EMPTY})"
)
_STATUS = (
    "CASE WHEN doc->>'status' IN ('answered', 'ignored') THEN doc->>'status' "
    "WHEN coalesce(doc->'answered', 'null') IN ('null', 'false', '0', '\"\"', '[]', '{}') "
    "THEN 'open' ELSE 'answered' END"
)

# table -> {column: (query field it serves, SQL type, generating expression)}
COLUMNS: dict[str, dict[str, tuple[str, str, str]]] = {
    "items": {
        "seen": ("seen_at", 'text COLLATE "C"', "doc->>'seen_at'"),
        "status": ("workflow", 'text COLLATE "C"', _STATUS),
        "assignee": ("assignee", 'text COLLATE "C"', "doc->>'assignee'"),
        "person_id": ("person_id", 'text COLLATE "C"', "doc->>'person_id'"),
        "source": ("source", 'text COLLATE "C"', "doc->>'source'"),
        "month": ("month", 'text COLLATE "C"', "nullif(left(doc->>'seen_at', 7), '')"),
        "urgency": ("urgency", "float8", _URGENCY),
        "waiting": ("waiting", "boolean", f"({_WAITING} AND ({_STATUS}) = 'open')"),
    },
    "people": {
        "last_seen": ("last_seen", 'text COLLATE "C"', "doc->>'last_seen'"),
        "flag": ("flag", 'text COLLATE "C"', "doc->>'flag'"),
        "interactions": (
            "interactions",
            "int",
            "CASE WHEN jsonb_typeof(doc->'interactions') = 'array' "
            "THEN jsonb_array_length(doc->'interactions') ELSE 0 END",
        ),
    },
    "replies": {
        "item_id": ("item_id", 'text COLLATE "C"', "doc->>'item_id'"),
        "answered_at": ("answered_at", 'text COLLATE "C"', "doc->>'answered_at'"),
    },
    "own_posts": {
        "published_at": ("published_at", 'text COLLATE "C"', "doc->>'published_at'"),
    },
}

# One index per column, led by it, shaped for the pages' own orderings: newest items, the
# inbox (waiting, most urgent first), a person's items, the monthly report, the people page.
INDEXES = {
    "items": {
        "seen": "(seen DESC NULLS LAST, id DESC)",
        "status": "(status)",
        "waiting": "(urgency DESC NULLS LAST) WHERE waiting",
        "assignee": "(assignee)",
        "person_id": "(person_id, seen DESC NULLS LAST)",
        "source": "(source)",
        "month": "(month, source)",
    },
    "people": {"interactions": "(interactions DESC, last_seen DESC NULLS LAST)", "flag": "(flag)"},
    "replies": {"item_id": "(item_id)"},
    "own_posts": {"published_at": "(published_at)"},
}


def field_columns(table: str) -> dict[str, str]:
    """query field -> column, for the query translator."""
    columns = {field: column for column, (field, _, _) in COLUMNS.get(table, {}).items()}
    return {"id": "id", **columns}


def _v1() -> list[str]:
    sql = [
        "CREATE TABLE IF NOT EXISTS roos_meta (key text PRIMARY KEY, value jsonb NOT NULL)",
    ]
    for table in TABLES:
        columns = "".join(
            f", {name} {kind} GENERATED ALWAYS AS ({expr}) STORED"
            for name, (_, kind, expr) in COLUMNS.get(table, {}).items()
        )
        sql.append(
            f'CREATE TABLE IF NOT EXISTS {table} (id text COLLATE "C" PRIMARY KEY, '
            f"doc jsonb NOT NULL, changed timestamptz NOT NULL DEFAULT now(){columns})"
        )
        for name, spec in INDEXES.get(table, {}).items():
            sql.append(f"CREATE INDEX IF NOT EXISTS {table}_{name} ON {table} {spec}")
    sql += [
        # Team mode: who is in, the one profile, claims ("Fatima is answering"), source leases.
        "CREATE TABLE IF NOT EXISTS members (name text PRIMARY KEY, role text NOT NULL "
        "CHECK (role IN ('admin', 'member', 'read-only')), joined_at timestamptz NOT NULL "
        "DEFAULT now())",
        "CREATE TABLE IF NOT EXISTS team_profile (id int PRIMARY KEY CHECK (id = 1), "
        "profile jsonb NOT NULL, changed_by text, changed_at timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE IF NOT EXISTS claims (item_id text PRIMARY KEY, member text NOT NULL, "
        "expires_at timestamptz NOT NULL)",
        "CREATE TABLE IF NOT EXISTS leases (source_id text PRIMARY KEY, holder text NOT NULL, "
        "expires_at timestamptz NOT NULL)",
        # Live events too big for a NOTIFY payload wait here for the other agents to fetch.
        "CREATE TABLE IF NOT EXISTS live_events (id bigserial PRIMARY KEY, payload jsonb NOT "
        "NULL, created_at timestamptz NOT NULL DEFAULT now())",
    ]
    return sql


MIGRATIONS: dict[int, list[str]] = {1: _v1()}
