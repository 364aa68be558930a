"""`roos watch [--only urgent|complaints|mentions|all] [--json] [--notify]`: live events.

For the social media manager who keeps a terminal open: every new item, answer and alert as one
line the moment the agent has it, coloured by urgency, without the dashboard tab. It waits for
an agent that is not running yet and follows it across restarts; Ctrl-C ends it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys

from ..watch.client import Watch
from ..watch.lines import FILTERS, Follower
from ..watch.notify import Notifier
from ..watch.words import LANGS, default_lang, say
from .common import config_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="print the agent's live events in this terminal")
    p.add_argument("--only", choices=FILTERS, default="all", help="which events to print")
    p.add_argument("--json", action="store_true", help="one JSON event per line (for pipes)")
    p.add_argument("--notify", action="store_true", help="desktop notification for urgent items")
    p.add_argument("--lang", choices=LANGS, help="language of the lines (default: your locale)")
    p.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour by urgency"
    )
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--port", type=int, help="port of the agent (env ROOS_PORT)")
    p.set_defaults(run=run)


def wants_colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    lang = args.lang or default_lang()
    follower = Follower(args.only, lang, colour=not args.json and wants_colour(args.color))
    notifier = Notifier(lang) if args.notify else None
    if notifier is not None and not notifier.available:
        print(say(lang, "no_notify"), file=sys.stderr)
        notifier = None
    watch = Watch(config.home, config.port, follower, sys.stdout, sys.stderr, args.json, notifier)
    return asyncio.run(_until_stopped(watch, lang))


async def _until_stopped(watch: Watch, lang: str) -> int:
    task = asyncio.ensure_future(watch.run())
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, task.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await task  # cancelling closes the socket on the way out (async with)
    print(say(lang, "stopped"), file=sys.stderr)
    return 0
