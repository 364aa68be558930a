"""`roos open [--print]`: open the dashboard in the browser, logged in.

The agent hands out a one-time code (single use, 60 seconds) for the token this command reads
from the home; the code travels in the URL's fragment, which browsers never send to a server,
and the login page swaps it for a session cookie. The token itself never enters a URL.
"""

from __future__ import annotations

import argparse
import webbrowser

from .common import config_from, fail
from .running import agent_running, call_agent


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open the dashboard in your browser, logged in")
    p.add_argument("--print", action="store_true", help="print the login URL instead")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--port", type=int, help="port of the running agent (env ROOS_PORT)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    if not agent_running(config):
        fail("Roos is not running: start it with `roos serve` (or ./scripts/run) first.")
    url = call_agent(config, "POST", "/api/session/code", {})["url"]
    if args.print:
        print(url)
        return 0
    if webbrowser.open(url):
        print("Opened the Roos dashboard in your browser (the login link works once, for 60 s).")
    else:
        print(f"Open this address in your browser within 60 seconds:\n{url}")
    return 0
