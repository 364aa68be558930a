"""The `roos` command. Each subcommand lives in its own module and registers itself here."""

from __future__ import annotations

import argparse
import os
import sys

from . import (
    doctor_cmd,
    export_cmd,
    forget_cmd,
    import_cmd,
    init_cmd,
    login_cmd,
    open_cmd,
    report_cmd,
    scrape_cmd,
    serve,
    sources_cmd,
    store_cmd,
    team_cmd,
    token_cmd,
    watch_cmd,
)

COMMANDS = (
    serve,
    init_cmd,
    token_cmd,
    report_cmd,
    open_cmd,
    export_cmd,
    forget_cmd,
    sources_cmd,
    scrape_cmd,
    import_cmd,
    login_cmd,
    doctor_cmd,
    watch_cmd,
    team_cmd,
    store_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roos",
        description="Roos: the local companion agent of the Roos browser extension.",
    )
    parser.add_argument("--home", help="Roos's data folder (env ROOS_HOME)")
    parser.add_argument("--verbose", action="store_true", default=None, help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Everything Roos creates is the user's alone (0700 folders, 0600 files), whatever the
    # shell's umask: the home holds what people wrote. `roos report --mode` opts out.
    os.umask(0o077)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return args.run(args) or 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
