"""`roos import FILE [--map text=Reactie] [--source linkedin] [--kind comment] [--dry-run]`:
past messages from a CSV or JSON-lines file, so the inbox, listening and reports have data on
day one. Shows the column mapping it chose, then a progress bar; the items go through the same
analysis as everything else (via the running agent, or in-process under the home lock).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from ..home import prepare_home
from ..import_rows import ImportProblem, batches, guess_mapping, items_from, read_rows
from .common import config_from, fail
from .running import agent_running, call_agent
from .scrape_cmd import local_agent, progress, say

BATCH = 200  # the most POST /api/analyze takes at once


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import past messages from a CSV or JSON-lines file")
    p.add_argument("file", help="a .csv file, or .jsonl with one JSON object a line")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="which column holds a field (text, author, date, url, source, kind, id, ...)",
    )
    p.add_argument(
        "--source",
        default="web",
        choices=["linkedin", "blog", "x", "web"],
        help="where the messages came from, when the file does not say (web)",
    )
    p.add_argument(
        "--kind",
        default="comment",
        choices=["post", "comment", "reply"],
        help="what the rows are, when the file does not say (comment)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="show the mapping and count, store nothing"
    )
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--port", type=int, help="port of the running agent (env ROOS_PORT)")
    p.set_defaults(run=run)


def _given(pairs: list[str]) -> dict[str, str]:
    given = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            fail(f"--map {pair}: write it as FIELD=COLUMN, for example --map text=Reactie")
        given[field.strip()] = column.strip()
    return given


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        fail(say(f"{path}: no such file", f"{path}: dat bestand bestaat niet"))
    try:
        rows = read_rows(path)
        if not rows:
            fail(say(f"{path} holds no rows", f"{path} bevat geen rijen"))
        mapping = guess_mapping(list(rows[0]), _given(args.map))
    except (ImportProblem, UnicodeDecodeError) as exc:
        fail(str(exc))
    items, skipped = items_from(rows, mapping, args.source, args.kind)
    shown = ", ".join(f"{field} ← {column!r}" for field, column in mapping.items())
    print(say(f"Columns: {shown}", f"Kolommen: {shown}"), file=sys.stderr)
    if skipped:
        print(
            say(
                f"{skipped} row(s) without text are skipped.",
                f"{skipped} rij(en) zonder tekst overgeslagen.",
            ),
            file=sys.stderr,
        )
    if args.dry_run:
        print(
            say(
                f"{len(items)} item(s) would be imported.",
                f"{len(items)} bericht(en) zouden worden geïmporteerd.",
            )
        )
        return 0
    config = config_from(args)
    prepare_home(config.home)
    if agent_running(config):
        stored = _via_agent(config, items)
    else:
        stored = asyncio.run(_direct(config, items))
    print(
        say(
            f"{stored} item(s) imported from {path.name}.",
            f"{stored} bericht(en) geïmporteerd uit {path.name}.",
        )
    )
    return 0


def _via_agent(config, items: list[dict]) -> int:
    done = 0
    progress(0, len(items), "")
    for batch in batches(items, BATCH):
        answer = call_agent(config, "POST", "/api/analyze", {"items": batch, "store": True})
        done += len(answer["results"])
        progress(done, len(items), "")
    return done


async def _direct(config, items: list[dict]) -> int:
    from ..pipeline import ingest

    done = 0
    async with local_agent(config) as app:
        progress(0, len(items), "")
        for batch in batches(items, BATCH):
            done += len(await ingest(app, batch))
            progress(done, len(items), "")
    return done
