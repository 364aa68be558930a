"""`roos token [--rotate]`: print (or replace) the token the extension pairs with."""

from __future__ import annotations

import argparse

from ..home import ensure_token, prepare_home, rotate_token
from ..store import is_locked
from .common import config_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("token", help="print the pairing token")
    p.add_argument("--rotate", action="store_true", help="replace the token with a new one")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    prepare_home(config.home)
    if args.rotate:
        token = rotate_token(config.home)
        if is_locked(config.home):
            print(
                "# The running agent switches to this token within seconds; re-pair the extension."
            )
    else:
        token = ensure_token(config.home)
    print(token)
    return 0
