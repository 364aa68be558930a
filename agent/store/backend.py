"""Which store a home uses: the embedded TinyDB store, or a team's PostgreSQL database.

``store_url`` (ROOS_STORE, or team.toml written by `roos team join`) selects PostgreSQL;
with nothing set the TinyDB store in HOME/store stays the default. Both stores have the same
methods (db.Store / pg.PgStore, db.SyncStore / pg.PgSyncStore).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..config import Config
from .db import Store, SyncStore
from .pg_conn import is_pg_url


def team_mode(config: Config) -> bool:
    return is_pg_url(config.store_url)


def _password_file(config: Config) -> Path | None:
    return Path(config.store_password_file).expanduser() if config.store_password_file else None


def make_store(config: Config) -> Any:
    """The async store for the agent (not yet opened)."""
    if team_mode(config):
        from .pg import PgStore

        return PgStore(config.store_url, config.store_schema, _password_file(config))
    return Store(config.home / "store")


def open_sync_store(config: Config) -> Any:
    """The synchronous store for a CLI command, opened."""
    if team_mode(config):
        from .pg import PgSyncStore

        return PgSyncStore(config.store_url, config.store_schema, _password_file(config)).open()
    return SyncStore(config.home / "store").open()


def tinydb_home(url: str) -> Path:
    return Path(url[len("tinydb:") :]).expanduser().resolve()


def store_for_url(url: str, schema: str = "roos", password_file: Path | None = None) -> Any:
    """`roos store migrate --to`: postgresql://... or tinydb:HOME (its store), opened."""
    if is_pg_url(url):
        from .pg import PgSyncStore

        return PgSyncStore(url, schema, password_file).open()
    if url.startswith("tinydb:"):
        return SyncStore(tinydb_home(url) / "store").open()
    raise ValueError("--to: give postgresql://role@host/db or tinydb:PATH")
