"""Connecting to the team database: where the password may come from, and how it never leaks.

The URL names host, port, database and role. The password is never taken from a command
line: libpq reads PGPASSWORD or ~/.pgpass (PGPASSFILE) itself, and ``store_password_file``
names a file that must be private (0600). Whatever is logged or shown goes through
``safe_url``, which drops any password the URL might still carry.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from .files import StoreError

SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def is_pg_url(url: str | None) -> bool:
    return bool(url) and url.split("://", 1)[0] in ("postgresql", "postgres")


def has_password(url: str) -> bool:
    try:
        return bool(conninfo_to_dict(url).get("password"))
    except psycopg.ProgrammingError:
        return False


def safe_url(url: str) -> str:
    """The URL without its password: for logs, errors and `roos team` output."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://(unreadable URL)"
    parts.pop("password", None)
    user = parts.get("user")
    host = parts.get("host", "localhost")
    port = f":{parts['port']}" if parts.get("port") else ""
    db = parts.get("dbname", "")
    extra = "&".join(
        f"{k}={v}" for k, v in sorted(parts.items()) if k not in ("user", "host", "port", "dbname")
    )
    return (
        f"postgresql://{user + '@' if user else ''}{host}{port}/{db}{'?' + extra if extra else ''}"
    )


def read_password_file(path: Path) -> str:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise StoreError(f"cannot read the password file {path}: {exc.strerror}") from None
    if mode & 0o077:
        raise StoreError(
            f"the password file {path} can be read by others (mode {mode:o}); "
            f"make it private: chmod 600 {path}"
        )
    return path.read_text(encoding="utf-8").strip()


def check_schema(schema: str) -> str:
    if not SCHEMA_NAME.match(schema):
        raise StoreError(f"store schema {schema!r}: use lower-case letters, digits and _")
    return schema


def conninfo(url: str, schema: str, password_file: Path | None = None) -> str:
    extra: dict[str, str] = {
        # synchronous_commit on whatever the server's default: a commit is on disk (WAL
        # flushed) before Roos acknowledges anything.
        "options": f"-c search_path={check_schema(schema)} -c synchronous_commit=on",
        "application_name": "roos",
        "connect_timeout": os.environ.get("PGCONNECT_TIMEOUT", "10"),
    }
    if password_file is not None:
        extra["password"] = read_password_file(password_file)
    try:
        return make_conninfo(url, **extra)
    except psycopg.ProgrammingError as exc:
        raise StoreError(f"the store URL is not a PostgreSQL URL: {exc}") from None


def connect(info: str, url: str) -> psycopg.Connection:
    try:
        return psycopg.connect(info, autocommit=True)
    except psycopg.OperationalError as exc:
        raise StoreError(
            f"cannot reach the team database {safe_url(url)}: {_reason(exc)}"
        ) from None


async def connect_async(info: str, url: str) -> psycopg.AsyncConnection:
    try:
        return await psycopg.AsyncConnection.connect(info, autocommit=True)
    except psycopg.OperationalError as exc:
        raise StoreError(
            f"cannot reach the team database {safe_url(url)}: {_reason(exc)}"
        ) from None


def _reason(exc: Exception) -> str:
    # libpq says what failed over a few lines: one line of it, never the conninfo.
    text = " ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    return re.sub(r"password=\S+", "password=***", text or "unknown error")
