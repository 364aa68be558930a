"""Team store: PostgreSQL beside the embedded TinyDB store, on the same invented data.

Per size: ingest rate (batches of 500, each durable), the inbox page query (the inbox's own
query: items waiting for a reply, most urgent first, 50 a page, with the total), the people page (most
interactions first, 500), the monthly report's gathering and figures, and the live event
latency from agent A's ingest to agent B's WebSocket (two real agents on one database; its
baseline is agent A's own WebSocket, which is all one TinyDB agent can offer).

Needs a PostgreSQL: ROOS_TEST_PG (./scripts/bench starts a throw-away, durable cluster).
Sizes: ROOS_BENCH_TEAM_SIZES (default "100000"; add 1000000 for the 1M rows). TinyDB holds
everything in memory, so it is measured up to ROOS_BENCH_TEAM_TINYDB_MAX (100000).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

from agent.reports.build import draft, gather
from agent.reports.months import Month
from agent.server.api.inbox import inbox_query
from agent.store import SyncStore
from agent.store.pg import PgSyncStore
from agent.store.query import Q

from .common import percentile, row

BATCH = 500
PAGE_RUNS = 40
INTENTS = ("complaint", "question", "praise", "other")
MEMBERS = ("fatima", "joost", "kim", None)


def make_items(n: int, start: int = 0) -> list[dict]:
    docs = []
    for i in range(start, start + n):
        month = 1 + i % 12
        answered = i % 50 != 0  # a year's items: nearly all dealt with, 2% still open
        docs.append(
            {
                "id": f"urn:li:activity:{7300000000000000000 + i}",
                "source": "linkedin" if i % 3 else "blog",
                "kind": "comment",
                "text": f"Bericht {i} over VlotPay en de service van Vlotbank.",
                "author": {"name": f"Auteur {i % 9973}"},
                "person_id": f"linkedin.com/in/auteur-{i % 9973}",
                "seen_at": f"2026-{month:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
                "assignee": MEMBERS[i % 4],
                "status": "answered" if answered else "open",
                "answered": answered,
                "analysis": {
                    "intent": INTENTS[i % 4],
                    "needs_reply": i % 4 < 2,
                    "urgency": round((i * 7919 % 1000) / 1000, 3),
                    "sentiment": {"label": ("negative", "neutral", "positive")[i % 3]},
                },
            }
        )
    return docs


def make_people(n: int) -> list[dict]:
    return [
        {
            "id": f"linkedin.com/in/auteur-{p}",
            "name": f"Auteur {p}",
            "last_seen": f"2026-11-{1 + p % 28:02d}T10:00:00Z",
            "interactions": [{"item_id": f"i{p}-{k}"} for k in range(p % 7)],
        }
        for p in range(min(n // 10, 9973))
    ]


def p95(fn, runs: int = PAGE_RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return percentile(times, 95) * 1000


def measure(store, n: int) -> dict:
    start = time.perf_counter()
    for i in range(0, n, BATCH):
        store.upsert("items", make_items(min(BATCH, n - i), i))
    rate = n / (time.perf_counter() - start)
    store.upsert("people", make_people(n))
    if isinstance(store, PgSyncStore):  # what autovacuum does after a bulk load
        store.connection().execute("VACUUM ANALYZE")
    inbox = inbox_query("open")  # what GET /api/inbox asks the store
    figures = {
        "ingest": rate,
        "inbox": p95(lambda: store.find("items", inbox, sort="urgency", reverse=True, limit=50)),
        "people": p95(
            lambda: store.find(
                "people",
                Q.present("interactions"),
                sort=("interactions", "last_seen"),
                reverse=True,
                limit=500,
            )
        ),
    }
    profile = {"business_hours": {}, "targets": {}}
    start = time.perf_counter()
    for _ in range(3):
        draft(Month(2026, 11), "nl", profile, gather(store, Month(2026, 11), profile))
    figures["report"] = (time.perf_counter() - start) / 3
    return figures


def tinydb_figures(n: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="roos-bench-team-"))
    try:
        return measure(SyncStore(folder / "store").open(), n)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def pg_figures(url: str, n: int) -> dict:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    store = PgSyncStore(url, schema).open()
    try:
        return measure(store, n)
    finally:
        store.close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


async def _latency(sender, listener, events: int = 40) -> list[float]:
    import aiohttp

    from tests.support.agent import make_item

    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(listener.base + "/ws")
        await ws.send_str(json.dumps({"type": "hello", "token": listener.token}))
        await ws.receive(timeout=10)
        loop = asyncio.get_running_loop()
        took = []
        for n in range(events):
            item = make_item(n, id=f"urn:li:activity:{uuid.uuid4().int % 10**19}")
            start = time.perf_counter()
            await loop.run_in_executor(None, sender.call, "POST", "/api/items", {"items": [item]})
            while True:
                message = json.loads((await ws.receive(timeout=10)).data)
                if message["type"] == "item.new" and message["data"]["id"] == item["id"]:
                    break
            took.append((time.perf_counter() - start) * 1000)
        await ws.close()
    return took


def live_latency(url: str) -> tuple[float, float]:
    """p95 ms: A's ingest → B's WebSocket (team), and → A's own WebSocket (the baseline)."""
    from tests.support.agent import AgentProcess
    from tests.support.pg import TeamDb

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    db = TeamDb(url, schema)
    folder = Path(tempfile.mkdtemp(prefix="roos-bench-live-"))
    agents = []
    try:
        db.join("fatima")
        db.join("joost")
        for name in ("fatima", "joost"):
            (folder / name).mkdir()
            agents.append(AgentProcess(folder / name, env=db.env(member=name)).start())
        a, b = agents
        team = asyncio.run(_latency(a, b))
        own = asyncio.run(_latency(a, a))
        return percentile(team, 95), percentile(own, 95)
    finally:
        for agent in agents:
            agent.stop()
        shutil.rmtree(folder, ignore_errors=True)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def run() -> list[dict]:
    url = os.environ.get("ROOS_TEST_PG")
    if not url:
        return [row("team store: no PostgreSQL (ROOS_TEST_PG unset)", float("nan"), None, "")]
    sizes = [int(s) for s in os.environ.get("ROOS_BENCH_TEAM_SIZES", "100000").split(",")]
    tiny_max = int(os.environ.get("ROOS_BENCH_TEAM_TINYDB_MAX", "100000"))
    rows = []
    team, own = live_latency(url)
    rows.append(
        row(
            "live event p95, agent A ingest → agent B WebSocket",
            team,
            own,
            "ms",
            baseline_name="A's own WebSocket (one agent)",
            note="aim < 200 ms",
        )
    )
    for n in sizes:
        pg = pg_figures(url, n)
        tiny = tinydb_figures(n) if n <= tiny_max else None
        label = f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"
        base = "embedded TinyDB store" if tiny else "TinyDB not run at this size (memory)"
        pick = (lambda k, t=tiny: t[k]) if tiny else (lambda k: None)
        rows += [
            row(
                f"team store ingest, {label} items",
                pg["ingest"],
                pick("ingest"),
                "items/s",
                baseline_name=base,
                better="higher",
            ),
            row(
                f"team store inbox page p95, {label}",
                pg["inbox"],
                pick("inbox"),
                "ms",
                baseline_name=base,
                note="aim < 50 ms at 1M",
            ),
            row(
                f"team store people page p95, {label}",
                pg["people"],
                pick("people"),
                "ms",
                baseline_name=base,
            ),
            row(
                f"team store monthly report build, {label}",
                pg["report"],
                pick("report"),
                "s",
                baseline_name=base,
            ),
        ]
    return rows
