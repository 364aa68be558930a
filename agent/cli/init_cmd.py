"""`roos init`: write a commented example profile.toml to start from."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..home import prepare_home, write_private
from ..profile import PROFILE_FILE, parse_toml, with_defaults
from .common import config_from, fail

EXAMPLE = Path(__file__).resolve().parent.parent / "profile_example.toml"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="write an example profile.toml to edit")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--force", action="store_true", help="overwrite an existing profile.toml")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    prepare_home(config.home)
    target = config.home / PROFILE_FILE
    if target.exists() and not args.force:
        fail(f"{target} already exists; use --force to replace it with the example")
    text = EXAMPLE.read_text(encoding="utf-8")
    with_defaults(parse_toml(text))  # the example itself must always be valid
    write_private(target, text)
    print(f"Wrote {target}. Edit it to describe your organisation.")
    return 0
