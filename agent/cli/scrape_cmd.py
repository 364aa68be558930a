"""`roos scrape [URL|--all]`: read now, in the foreground, and say what was found.

It works whether or not the agent runs, never both at once: while an agent holds
the home it is asked over HTTP (POST /api/sources/run, one source at a time so
the progress bar moves); otherwise this process takes the home lock and starts
the same app without listening on a port (`local_agent`), so the same runner,
pipeline and rules apply. A URL that is not a source is read once. A LinkedIn
group that is not switched on is only read after the user says yes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import Config
from ..home import prepare_home, read_token
from .common import config_from, fail, held_home
from .running import agent_running, call_agent

if TYPE_CHECKING:
    from aiohttp import web

# The agent's app, the scrapers and Playwright are imported when a command needs them, so
# `roos --help` and the other commands start quickly.

RUN_TIMEOUT = 900  # a LinkedIn group is read slowly on purpose
NOTICE = (
    "LinkedIn's User Agreement restricts automated access, so this is your choice. Roos would "
    "open this group with your own LinkedIn session, in the background and only during business "
    "hours: a few scrolls, 'see more' and 'load more comments', at most 50 pages a day for all "
    "groups together, with pauses like a person's. It reads posts, comments and replies; it "
    "never posts, likes, follows or sends messages. If LinkedIn shows a login page or asks to "
    "slow down, Roos stops for at least 24 hours and tells you.",
    "De gebruikersovereenkomst van LinkedIn beperkt geautomatiseerde toegang, dus dit is jouw "
    "keuze. Roos opent deze groep dan met jouw eigen LinkedIn-sessie, op de achtergrond en alleen "
    "tijdens kantoortijd: een paar keer scrollen, 'meer' en 'meer reacties laden', hooguit 50 "
    "pagina's per dag voor alle groepen samen, met pauzes zoals een mens. Roos leest berichten, "
    "reacties en antwoorden; het plaatst, liket, volgt en stuurt nooit iets. Toont LinkedIn een "
    "inlogpagina of vraagt het om rustiger aan te doen, dan stopt Roos minstens 24 uur en meldt "
    "het je.",
)


def dutch() -> bool:
    return os.environ.get("LANG", "").lower().startswith("nl")


def say(english: str, dutch_text: str) -> str:
    return dutch_text if dutch() else english


def confirm_linkedin(yes: bool) -> bool:
    """Explain what reading a group means and ask; --yes answers for the user."""
    print(NOTICE[1] if dutch() else NOTICE[0], file=sys.stderr)
    if yes:
        return True
    try:
        answer = input(say("Read this LinkedIn group? [y/N] ", "Deze LinkedIn-groep lezen? [j/N] "))
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "j", "ja")


@asynccontextmanager
async def local_agent(config: Config) -> AsyncIterator[web.Application]:
    """The agent's app in this process, under the home lock, serving nothing and scheduling nothing."""
    from aiohttp import web

    from ..server.app import create_app

    with held_home(config):
        runner = web.AppRunner(create_app(replace(config, scheduler=False)), handle_signals=False)
        try:
            await runner.setup()
            yield runner.app
        finally:
            await runner.cleanup()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scrape", help="read a source, any blog/feed/group URL, or all sources now")
    p.add_argument("url", nargs="?", help="a source, or any blog, feed or LinkedIn group URL")
    p.add_argument("--all", action="store_true", help="every enabled source")
    p.add_argument("--yes", action="store_true", help="confirm reading a LinkedIn group")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--port", type=int, help="port of the running agent (env ROOS_PORT)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if bool(args.url) == bool(args.all):
        fail("give one URL, or --all")
    config = config_from(args)
    prepare_home(config.home)
    running = agent_running(config)
    return report(_via_agent(config, args) if running else asyncio.run(_direct(config, args)))


def progress(done: int, total: int, label: str) -> None:
    filled = round(20 * done / total) if total else 20
    bar = "#" * filled + "." * (20 - filled)
    print(f"[{bar}] {done}/{total} {label}", file=sys.stderr, flush=True)


def problems_said(run: dict) -> list[str]:
    """A run's problems in the user's language (translation keys); plain errors otherwise."""
    problems = run.get("problems") or []
    if problems and len(problems) == len(run["errors"]):
        return [say(problem["en"], problem["nl"]) for problem in problems]
    return [f"{run['url']}: {error}" for error in run["errors"]]


def report(runs: list[dict]) -> int:
    totals = {key: sum(run[key] for run in runs) for key in ("new", "mentions", "complaints")}
    errors = [error for run in runs for error in problems_said(run)]
    print(
        say(
            "{n} source(s) read: {new} new items, {mentions} mentions, {complaints} complaints, "
            "{errors} errors.",
            "{n} bron(nen) gelezen: {new} nieuwe items, {mentions} vermeldingen, "
            "{complaints} klachten, {errors} fouten.",
        ).format(n=len(runs), errors=len(errors), **totals)
    )
    for run in runs:
        if run.get("skipped"):
            print(f"  - {run['url']}: {run['skipped']}")
    for error in errors:
        print(f"  ! {error}")
    return 1 if errors else 0


def _needs_yes(url: str, sources: list[dict]) -> bool:
    from ..sources.discover import UnsupportedUrl, linkedin_group_url

    try:
        group = linkedin_group_url(url)
    except UnsupportedUrl as exc:
        fail(str(exc))
        raise AssertionError from exc
    return bool(group) and not any(s["url"] == group and s["enabled"] for s in sources)


def _ask(args: argparse.Namespace, sources: list[dict]) -> bool:
    """True when the run is confirmed; exits when a needed yes is not given."""
    if not _needs_yes(args.url, sources):
        return False
    if not confirm_linkedin(args.yes):
        fail(
            say("not confirmed: the group was not read", "niet bevestigd: de groep is niet gelezen")
        )
    return True


def _via_agent(config: Config, args: argparse.Namespace) -> list[dict]:
    sources = call_agent(config, "GET", "/api/sources")["sources"]
    if args.all:
        bodies = [{"url": s["url"]} for s in sources if s["enabled"]]
    else:
        bodies = [{"url": args.url, "confirm": _ask(args, sources)}]
    runs = []
    for done, body in enumerate(bodies):
        progress(done, len(bodies), body["url"])
        runs += _run_on_agent(config, body)["runs"]
    progress(len(bodies), len(bodies), say("done", "klaar"))
    return runs


def _run_on_agent(config: Config, body: dict) -> dict:
    """POST /api/sources/run, given the time a careful LinkedIn visit takes."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{config.port}/api/sources/run",
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Authorization": f"Bearer {read_token(config.home)}",
            "Content-Type": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=RUN_TIMEOUT) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        fail(json.loads(exc.read() or b"{}").get("error") or str(exc.reason))
    except OSError as exc:
        fail(f"the agent on port {config.port} does not answer ({exc})")
    raise AssertionError("unreachable: fail() exits")


async def _direct(config: Config, args: argparse.Namespace) -> list[dict]:
    from ..server.keys import SERVICES, STORE
    from ..sources import registry
    from ..sources.discover import UnsupportedUrl
    from ..sources.scheduler import RUNNER

    async with local_agent(config) as app:
        runner = app[SERVICES][RUNNER]
        stored = await registry.list_sources(app[STORE])
        if not args.all:
            confirm = _ask(args, stored)
            progress(0, 1, args.url)
            try:
                runs = [await runner.run_url(args.url, confirm=confirm)]
            except (registry.SourceError, UnsupportedUrl) as exc:
                fail(say(exc.en, exc.nl))
            progress(1, 1, say("done", "klaar"))
            return runs
        enabled = [await app[STORE].get(registry.TABLE, s["id"]) for s in stored if s["enabled"]]
        runs = []
        for done, source in enumerate(enabled):
            progress(done, len(enabled), source["url"])
            runs.append(await runner.run_source(source))
        progress(len(enabled), len(enabled), say("done", "klaar"))
        return runs
