"""`roos store migrate --to postgresql://… | tinydb:HOME`: move a home's data in or out.

From a home on its own TinyDB store, --to postgresql://… copies it into the team database
(with the profile, which becomes the team's when it has none). From a home in a team,
--to tinydb:HOME copies the team database into that home's TinyDB store and profile.toml.
The move is resumable and idempotent, shows a progress bar and verifies every table's
count. No agent may run on the home meanwhile (its lock is held).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from ..profile import ProfileManager
from ..store import HomeLock, StoreError
from ..store.backend import store_for_url, team_mode, tinydb_home
from ..store.migrate import bar, copy_store
from ..store.pg_conn import has_password, is_pg_url, safe_url
from .common import config_from, fail
from .running import direct_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("store", help="the store itself: move it in or out of a team database")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    action = p.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    migrate = action.add_parser("migrate", help="copy this home's store to another store")
    migrate.add_argument("--to", required=True, help="postgresql://role@host/db or tinydb:HOME")
    migrate.add_argument("--schema", default=None, help="schema in the team database")
    migrate.set_defaults(run=run_migrate)


def _progress(table: str, done: int, total: int) -> None:
    sys.stderr.write(bar(table, done, total))
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def run_migrate(args: argparse.Namespace) -> int:
    config = config_from(args)
    if is_pg_url(args.to) and has_password(args.to):
        fail("the URL holds a password: use PGPASSWORD, ~/.pgpass or ROOS_STORE_PASSWORD_FILE")
    password_file = Path(config.store_password_file) if config.store_password_file else None
    schema = args.schema or config.store_schema
    config.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    shown = safe_url(args.to) if is_pg_url(args.to) else args.to
    with contextlib.ExitStack() as held:
        if not is_pg_url(args.to):
            if not args.to.startswith("tinydb:"):
                fail("--to: give postgresql://role@host/db or tinydb:HOME")
            target_home = tinydb_home(args.to)
            if target_home == config.home:
                fail("--to: that is this home itself")
            target_home.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:  # no agent may run on the target home either
                held.enter_context(HomeLock(target_home))
            except StoreError as exc:
                fail(str(exc), code=3)
        try:
            target = store_for_url(args.to, schema, password_file)
        except (ValueError, StoreError) as exc:
            fail(str(exc), code=4)
        kind = "team database" if team_mode(config) else "TinyDB"
        print(f"Copying {config.home} ({kind}) to {shown} …")
        with direct_store(config) as source:
            report = copy_store(source, target, _progress)
            _copy_profile(config, args.to, source, target)
    bad = {t: r for t, r in report.items() if not r["ok"]}
    for table, r in report.items():
        mark = "ok" if r["ok"] else "MISMATCH"
        print(
            f"  {table:<17} {r['source']:>8} → {r['target']:>8}  copied {r['copied']}, unchanged {r['unchanged']}  {mark}"
        )
    if bad:
        fail(f"counts differ for {', '.join(bad)}: run the same command again to resume", code=5)
    print("Done: every table's count agrees.")
    return 0


def _copy_profile(config, to: str, source, target) -> None:
    """The profile goes along: the team's (from the database) or this home's profile.toml."""
    from ..team.profile_sync import read, write

    profile = (team_mode(config) and read(source.connection())) or ProfileManager(
        config.home
    ).load()
    if is_pg_url(to):
        conn = target.connection()
        if read(conn) is None:
            write(conn, profile, config.member)
    else:
        from ..team.profile_sync import replace_profile

        replace_profile(ProfileManager(Path(to[len("tinydb:") :]).expanduser()), profile)
