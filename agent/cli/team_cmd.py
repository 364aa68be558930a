"""`roos team join URL --as NAME`, `roos team show`, `roos team role NAME ROLE`, `roos team leave`.

Joining points this home's agent at the team database under a member name (HOME/team.toml;
the agent's pairing with the extension and every guard stay as they are). The password is
never taken from the command line: a URL holding one is refused. It comes from PGPASSWORD,
~/.pgpass or --password-file (a private 0600 file).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..store import StoreError
from ..store.pg_conn import has_password, is_pg_url, read_password_file, safe_url
from ..team import members, membership
from ..team.profile_sync import seed_or_export
from .common import config_from, fail


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("team", help="work as a team on one PostgreSQL database")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    team = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    join = team.add_parser("join", help="point this agent at the team database as a member")
    join.add_argument("url", help="postgresql://role@host:port/database (no password in it)")
    join.add_argument("--as", dest="member", required=True, help="your name in the team")
    join.add_argument("--schema", default="roos", help="schema in the database (default roos)")
    join.add_argument("--password-file", help="a private (0600) file holding the password")
    join.add_argument(
        "--migrate",
        action="store_true",
        help="first copy this home's own store into the team database (the admin, once)",
    )
    join.set_defaults(run=run_join)
    show = team.add_parser("show", help="the team database, your name and role, the members")
    show.set_defaults(run=run_show)
    role = team.add_parser("role", help="(admin) give a member a role")
    role.add_argument("name")
    role.add_argument("role", choices=members.ROLES)
    role.set_defaults(run=run_role)
    leave = team.add_parser("leave", help="go back to this home's own TinyDB store")
    leave.set_defaults(run=run_leave)


def _open(config):
    from ..store.backend import open_sync_store

    try:
        return open_sync_store(config)
    except StoreError as exc:
        fail(str(exc), code=4)


def run_join(args: argparse.Namespace) -> int:
    if not is_pg_url(args.url):
        fail("give the team database as postgresql://role@host:port/database")
    if has_password(args.url):
        fail(
            "the URL holds a password: a command line is seen by every process and kept in "
            "shell history. Put it in PGPASSWORD, ~/.pgpass or a 0600 file (--password-file)."
        )
    try:
        name = members.check_name(args.member)
        password_file = (
            str(Path(args.password_file).expanduser().resolve()) if args.password_file else None
        )
        if password_file:
            read_password_file(Path(password_file))
    except (ValueError, StoreError) as exc:
        fail(str(exc))
    config = config_from(args)
    config.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    team = {
        "store_url": args.url,
        "store_schema": args.schema,
        "store_password_file": password_file,
        "member": name,
    }
    from dataclasses import replace

    joined = replace(config, **team)
    store = _open(joined)
    if args.migrate:
        _bring_data(config, store)
    role = members.join(store.connection(), name)
    profile_note = seed_or_export(store.connection(), joined.home, name)
    store.close()
    path = membership.write_team_file(config.home, team)
    print(f"Joined the team at {safe_url(args.url)} as {name} ({role}).")
    print(profile_note)
    print(f"Saved in {path}; restart the agent (`roos serve`) to work on the team's inbox.")
    return 0


def _bring_data(config, target) -> None:
    """This home's TinyDB store into the team database (resumable: run join again)."""
    from ..store.migrate import copy_store
    from .running import direct_store
    from .store_cmd import _progress

    with direct_store(config) as source:
        report = copy_store(source, target, _progress)
    bad = [t for t, r in report.items() if not r["ok"]]
    if bad:
        fail(f"counts differ for {', '.join(bad)}: run the same command again to resume", code=5)
    print(f"Copied this home's store: {sum(r['source'] for r in report.values())} documents.")


def run_show(args: argparse.Namespace) -> int:
    config = config_from(args)
    if not is_pg_url(config.store_url):
        print("Alone: this home uses its own TinyDB store. Join a team with `roos team join`.")
        return 0
    store = _open(config)
    conn = store.connection()
    print(f"Team database: {safe_url(config.store_url)} (schema {config.store_schema})")
    print(
        f"You: {config.member or '(no name: run roos team join)'} ({members.role_of(conn, config.member) or 'not a member'})"
    )
    for m in members.listing(conn):
        print(f"  {m['name']:<30} {m['role']:<10} joined {m['joined_at'][:10]}")
    store.close()
    return 0


def run_role(args: argparse.Namespace) -> int:
    config = config_from(args)
    if not is_pg_url(config.store_url):
        fail("this home is not in a team (roos team join first)")
    store = _open(config)
    conn = store.connection()
    if members.role_of(conn, config.member) != "admin":
        fail("only an admin can give roles")
    try:
        members.set_role(conn, members.check_name(args.name), args.role)
    except ValueError as exc:
        fail(str(exc))
    print(f"{args.name} is now {args.role}.")
    store.close()
    return 0


def run_leave(args: argparse.Namespace) -> int:
    config = config_from(args)
    if membership.leave(config.home):
        print("Left the team: the agent uses this home's own TinyDB store again after a restart.")
    else:
        print("This home was not in a team.")
    return 0
