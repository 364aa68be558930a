"""Reliability figures (issue 14): what a hostile body costs the others, what a damaged
shard gives back.

- /api/health stall: the longest /api/health answer while the largest hostile bodies
  the agent accepts to read (1 MiB: 340 000 empty items; 200 items full of errors; an array
  of 20 000 arrays in a profile) are refused, next to the longest answer at rest, measured
  on the same agent in the same run.
- Items recovered from a truncated shard: a 520-item shard whose snapshot holds 320 is cut
  at nine tenths; the baseline is what the old behaviour kept (the snapshot alone).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import aiohttp
import orjson

from agent.store import SyncStore
from bench.common import row
from tests.support.agent import AgentProcess

HOSTILE = (
    ("POST", "/api/analyze", orjson.dumps({"items": [{}] * 340_000})),
    ("POST", "/api/analyze", orjson.dumps({"items": [{"id": "x" * 4000, "text": 5}] * 200})),
    ("PUT", "/api/profile", orjson.dumps({"knowledge": [[]] * 20_000})),
)
ROUNDS = 5


async def _poll(session: aiohttp.ClientSession, url: str, stop: asyncio.Event) -> list[float]:
    times = []
    while not stop.is_set():
        start = time.perf_counter()
        async with session.get(url) as resp:
            await resp.read()
        times.append(time.perf_counter() - start)
        await asyncio.sleep(0.001)
    return times


async def _stall(agent: AgentProcess) -> tuple[float, float, float]:
    headers = {"Authorization": f"Bearer {agent.token}", "Content-Type": "application/json"}
    async with aiohttp.ClientSession(headers=headers) as session:
        health = f"{agent.base}/api/health"
        stop = asyncio.Event()
        poller = asyncio.create_task(_poll(session, health, stop))
        await asyncio.sleep(1.0)
        stop.set()
        rest = max(await poller)
        stop = asyncio.Event()
        poller = asyncio.create_task(_poll(session, health, stop))
        refused = []
        for _ in range(ROUNDS):
            for method, path, body in HOSTILE:
                start = time.perf_counter()
                async with session.request(method, agent.base + path, data=body) as resp:
                    await resp.read()
                    assert resp.status == 400, resp.status
                refused.append(time.perf_counter() - start)
        stop.set()
        return max(await poller), rest, max(refused)


def _recovered(folder: Path) -> tuple[int, int]:
    store = SyncStore(folder).open()
    store.upsert("items", [{"id": f"i{n}", "text": f"Bericht {n}"} for n in range(320)])
    store.upsert("items", [{"id": f"i{n}", "text": f"Bericht {n}"} for n in range(320, 520)])
    (shard,) = (folder / "items").glob("*.json")
    whole = shard.read_bytes()
    shard.write_bytes(whole[: len(whole) * 9 // 10])
    return SyncStore(folder).open().count("items"), 320


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="roos-bench-reliability-") as tmp:
        agent = AgentProcess(Path(tmp) / "home").start()
        try:
            stall, rest, slowest = asyncio.run(_stall(agent))
        finally:
            agent.stop()
        recovered, snapshot_only = _recovered(Path(tmp) / "store")
    return [
        row(
            "/api/health stall while a maximal hostile body is refused",
            stall,
            rest,
            "s",
            baseline_name="longest /api/health answer at rest",
            note=f"1 MiB bodies, {ROUNDS} rounds; slowest refusal {slowest:.2f} s",
        ),
        row(
            "items recovered from a truncated shard (520, .bak 320)",
            recovered,
            snapshot_only,
            "items",
            baseline_name="the snapshot alone (old behaviour)",
            better="higher",
            note="cut at nine tenths of the file",
        ),
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
