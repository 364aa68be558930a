"""`roos export [--out FILE] [--person X]`: everything Roos keeps, as JSON.

Without --person: every table and the profile. With --person (an id, profile URL or exact
name): everything about that one person with the source URLs, for a data-subject request.
Each export is logged in the audit table, by id only. The file is written private (0600).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

import orjson

from .. import privacy
from ..home import prepare_home, write_private
from ..profile import ProfileManager
from .common import config_from, fail
from .running import agent_running, call_agent, direct_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write everything Roos keeps (or about one person) as JSON")
    p.add_argument("--out", help="file to write (default: print to the terminal)")
    p.add_argument("--person", help="only this person: id, profile URL or exact name")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--port", type=int, help="port of the running agent (env ROOS_PORT)")
    p.set_defaults(run=run)


def _direct(config, person: str | None) -> dict:
    profile = ProfileManager(config.home).load()
    with direct_store(config) as tx:
        if person is None:
            return privacy.export_all(tx, profile)
        return privacy.export_person(tx, one_person(tx, person)) or {}


def one_person(tx, query: str) -> str:
    try:
        return privacy.pick_person(tx.find("people")[0], query)
    except privacy.NotOnePerson as exc:
        fail(str(exc))
        raise AssertionError from exc  # unreachable: fail() exits


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    prepare_home(config.home)
    if agent_running(config):
        path = "/api/export"
        if args.person:
            path = f"/api/export/person?{urlencode({'person': args.person})}"
        dump = call_agent(config, "GET", path)["export"]
    else:
        dump = _direct(config, args.person)
    text = orjson.dumps(dump, option=orjson.OPT_INDENT_2).decode()
    if args.out:
        write_private(Path(args.out).expanduser(), text + "\n")
        print(f"Wrote {args.out}.", file=sys.stderr)
    else:
        print(text)
    return 0
