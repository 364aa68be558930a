"""`roos sources add <url> | list | remove <id|url>`: what Roos listens to.

Like `roos scrape`, this asks the running agent when there is one and otherwise
opens the home itself (agent/cli/scrape_cmd.py `local_agent`); both end in
agent/sources/registry.py. Adding a LinkedIn group explains what reading it
means and asks before switching it on.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime

from ..config import Config
from ..home import prepare_home
from .common import config_from, fail
from .running import agent_running, call_agent
from .scrape_cmd import confirm_linkedin, local_agent, say

KINDS = ("linkedin_group", "blog", "feed")  # agent/sources/registry.py KINDS, kept light to import


def register(sub: argparse._SubParsersAction) -> None:
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--home", help="data folder (env ROOS_HOME)")
    where.add_argument("--port", type=int, help="port of the running agent (env ROOS_PORT)")
    p = sub.add_parser("sources", help="list, add or remove the blogs, feeds and groups Roos reads")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="every source with its state", parents=[where])
    add = actions.add_parser("add", help="follow a blog, feed or LinkedIn group", parents=[where])
    add.add_argument("url")
    add.add_argument("--kind", choices=KINDS, help="skip working out what it is")
    add.add_argument("--interval", type=int, help="minutes between reads")
    add.add_argument("--yes", action="store_true", help="confirm reading a LinkedIn group")
    remove = actions.add_parser("remove", help="stop following a source", parents=[where])
    remove.add_argument("source", help="its id or URL")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    prepare_home(config.home)
    running = agent_running(config)
    lines = _via_agent(config, args) if running else asyncio.run(_direct(config, args))
    print("\n".join(lines))
    return 0


def describe(source: dict) -> str:
    state = source["state"]
    status = "on" if source["enabled"] else "off"
    line = f"{source['id']}  {source['kind'] or '?':<14} {status:<3}  {source['url']}"
    if state["last_run"]:
        line += f"\n    last run {state['last_run']}: {state['items_found']} new"
    if state["blocked_until"]:
        line += f"\n    blocked until {state['blocked_until']} ({state['blocked_reason']})"
    elif state.get("last_problems"):
        line += "".join(f"\n    {say(p['en'], p['nl'])}" for p in state["last_problems"])
    elif state["last_error"]:
        line += f"\n    {state['last_error']}"
    return line


def listing(sources: list[dict]) -> list[str]:
    return [describe(s) for s in sources] or [say("No sources yet.", "Nog geen bronnen.")]


def _source_key(key: str) -> str:
    from ..sources import registry
    from ..sources.discover import UnsupportedUrl

    if key.startswith("src_"):
        return key
    try:
        return registry.source_id(registry.canonical_url(key))
    except UnsupportedUrl as exc:
        fail(say(exc.en, exc.nl))
        raise AssertionError from exc


def _via_agent(config: Config, args: argparse.Namespace) -> list[str]:
    if args.action == "list":
        return listing(call_agent(config, "GET", "/api/sources")["sources"])
    if args.action == "remove":
        answer = call_agent(config, "DELETE", f"/api/sources/{_source_key(args.source)}")
        return [say("Removed: ", "Verwijderd: ") + answer["source"]["url"]]
    body = {"url": args.url, "kind": args.kind, "interval_minutes": args.interval}
    source = call_agent(config, "POST", "/api/sources", {k: v for k, v in body.items() if v})
    source = source["source"]
    if source["kind"] == "linkedin_group" and confirm_linkedin(args.yes):
        changes = {"enabled": True, "confirm": True}
        source = call_agent(config, "PATCH", f"/api/sources/{source['id']}", changes)["source"]
    return [describe(source)]


async def _direct(config: Config, args: argparse.Namespace) -> list[str]:
    from ..server.keys import PROFILE, SERVICES, STORE
    from ..sources import registry
    from ..sources.discover import UnsupportedUrl
    from ..sources.scheduler import RUNNER

    now = datetime.now(UTC)
    async with local_agent(config) as app:
        store = app[STORE]
        try:
            if args.action == "list":
                return listing(await registry.list_sources(store))
            if args.action == "remove":
                gone = await registry.remove_source(store, app[PROFILE], _source_key(args.source))
                return [say("Removed: ", "Verwijderd: ") + gone["url"]]
            polite = app[SERVICES][RUNNER].polite
            record = await registry.add_source(
                store, polite, args.url, now, kind=args.kind, interval_minutes=args.interval
            )
            if record["kind"] == "linkedin_group" and confirm_linkedin(args.yes):
                changes = {"enabled": True, "confirm": True}
                record = await registry.change_source(store, record["id"], changes, now)
        except (registry.SourceError, UnsupportedUrl) as exc:
            fail(say(exc.en, exc.nl))
            raise AssertionError from exc
        return [describe(registry.public(record))]
