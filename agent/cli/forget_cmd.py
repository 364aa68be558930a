"""`roos forget <person>`: remove a person and everything they wrote, everywhere.

The person is named by id, profile URL or exact name; a name that fits several people is
refused with their ids, so nobody is forgotten by mistake. Items, suggestions, replies, follow
snapshots and the person record go, the store's .bak snapshots are re-pointed so no older
copy survives on disk, and the audit table keeps the ids (never the name or the words).
"""

from __future__ import annotations

import argparse

from .. import privacy, privacy_files
from ..home import prepare_home
from ..privacy import forget_in
from ..profile import ProfileManager
from .common import config_from
from .export_cmd import one_person
from .running import agent_running, call_agent, direct_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("forget", help="remove a person and their texts from every table")
    p.add_argument("person", help="id, profile URL or exact name")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--port", type=int, help="port of the running agent (env ROOS_PORT)")
    p.set_defaults(run=run)


def _direct(config, query: str) -> tuple[str, dict]:
    with direct_store(config) as tx:
        pid = one_person(tx, query)
        trace = tx.transact(lambda t: privacy_files.trace_in(t, pid))
        removed = tx.transact(lambda t: forget_in(t, pid)) or {}
        privacy.scrub_backups(tx)
        profile = ProfileManager(config.home).load()
        removed["reports"] = privacy_files.after_forget_sync(config.home, tx, profile, pid, trace)
        return pid, removed


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    prepare_home(config.home)
    if agent_running(config):
        answer = call_agent(config, "POST", "/api/forget", {"person": args.person})
        pid, removed = answer["id"], answer["removed"]
    else:
        pid, removed = _direct(config, args.person)
    counts = ", ".join(f"{n} {table}" for table, n in removed.items() if isinstance(n, int) and n)
    print(f"Forgot {pid}: removed {counts or 'nothing else'}.")
    reports = removed.get("reports") or {}
    if reports.get("rebuilt"):
        print(f"Rebuilt the reports of {', '.join(reports['rebuilt'])} without them.")
    if reports.get("removed"):
        print(f"Removed the reports of {', '.join(reports['removed'])} (could not rebuild them).")
    if reports.get("scrubbed_copies"):
        print(f"Scrubbed {len(reports['scrubbed_copies'])} set-aside copies of damaged files.")
    return 0
