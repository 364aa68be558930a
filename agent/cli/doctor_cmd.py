"""`roos doctor [--clear]`: check the home, the store, the lock, file modes and free disk.

Every check prints one line; a problem also says what to do. The exit code is 0 when all
is well and 1 when something needs the user. `--clear` forgets the notes about documents
a damaged store file could not give back, once the user has dealt with them (the
dashboard stops showing its notice).
"""

from __future__ import annotations

import argparse

from ..doctor import examine
from ..store.files import StoreError
from ..store.recover import NOTES
from .common import config_from, fail


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check the home, store, lock, modes and free disk")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument(
        "--clear",
        action="store_true",
        help="forget the notes about unrecovered documents (after you have dealt with them)",
    )
    p.set_defaults(run=run)


def line(check: dict) -> str:
    if check["ok"]:
        note = f": {check['note']}" if check.get("note") else ""
        return f"ok       {check['check']}{note}"
    return f"PROBLEM  {check['check']}: {check['problem']}\n         → {check['fix']}"


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    if args.clear:
        try:
            (config.home / "store" / NOTES).unlink(missing_ok=True)
        except (OSError, StoreError) as exc:
            fail(f"could not clear the notes: {exc}")
        print("Cleared the notes about unrecovered documents.")
    checks = examine(config.home)
    print(f"Roos home: {config.home}")
    for check in checks:
        print(line(check))
    problems = [c for c in checks if not c["ok"]]
    print("All is well." if not problems else f"{len(problems)} problem(s): see the → lines.")
    return 1 if problems else 0
