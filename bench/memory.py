"""Memory: the agent's resident size at rest, with 100k items, and over a busy day.

The store keeps every shard in memory (reads never touch the disk), so the agent's
size grows with what it holds; what must not grow is the rest. Measured from
/proc/<pid>/status (VmRSS) of real processes:

- a fresh agent at rest, against a bare aiohttp server at rest (the floor);
- an agent whose home holds 100k analysed items (written straight into the store
  beforehand, shaped like the pipeline stores them) once it has served a request;
- a day of steady mixed traffic compressed into a minute: analysis of batches, draft
  checks, replies, own posts, reads of the inbox figures, five WebSocket listeners. The
  items cycle through a fixed set of 3000, so after the first pass the data stops
  growing and so should the agent: the figure is the growth over the second half.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import time
from pathlib import Path

import aiohttp

from agent.store import SyncStore
from tests.support.agent import AgentProcess, make_item

from .api import PROFILE, TEXTS, bare_server
from .common import row

ITEMS = 100_000
DAY_SECONDS = 60
POOL = 3000
MiB = 1024 * 1024


def rss(pid: int) -> float:
    """Resident set size in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / MiB
    raise RuntimeError(f"no VmRSS for pid {pid}")


def profiled(home: Path, **env: str) -> AgentProcess:
    agent = AgentProcess(home, env=env or None).start()
    status, answer = agent.call("PUT", "/api/profile", json.loads(PROFILE.read_text()))
    assert status == 200, answer
    return agent


def templates(home: Path) -> tuple[list[dict], list[dict]]:
    """Items and people exactly as the pipeline stores them, from a real agent."""
    agent = profiled(home)
    try:
        batch = [make_item(n, text=TEXTS[n % len(TEXTS)]) for n in range(40)]
        assert agent.call("POST", "/api/analyze", {"items": batch})[0] == 200
        items = agent.call("GET", "/api/items?limit=100")[1]["items"]
        people = agent.call("GET", "/api/people")[1]["people"]
    finally:
        agent.stop()
    return items, people


def prefill(home: Path, items: list[dict], people: list[dict], count: int) -> None:
    store = SyncStore(home / "store").open()
    rng = random.Random(5)
    for start in range(0, count, 1000):
        docs = []
        for n in range(start, start + 1000):
            doc = json.loads(json.dumps(items[n % len(items)]))
            doc["id"] = make_item(1_000_000 + n)["id"]
            doc["text"] = f"{doc['text']} ({rng.randrange(10**9)})"
            docs.append(doc)
        store.upsert("items", docs)
    store.upsert("people", people)


async def day(agent: AgentProcess, seconds: float) -> list[tuple[float, float]]:
    """Steady mixed traffic; returns (seconds since start, RSS MiB) every 5 s."""
    pid = agent.proc.pid
    auth = {"Authorization": f"Bearer {agent.token}"}
    samples: list[tuple[float, float]] = []
    start = time.monotonic()
    until = start + seconds
    async with aiohttp.ClientSession(headers=auth) as session:
        listeners = [await session.ws_connect(f"{agent.base}/ws", max_msg_size=0) for _ in range(5)]
        for ws in listeners:
            await ws.send_json({"type": "hello", "token": agent.token})

        async def listen(ws) -> None:
            async for _ in ws:
                pass

        listening = [asyncio.create_task(listen(ws)) for ws in listeners]

        async def call(method: str, path: str, body=None) -> None:
            async with session.request(method, agent.base + path, json=body) as resp:
                await resp.read()
                assert resp.status in (200, 404), (path, resp.status)

        async def worker(w: int) -> None:
            rng, turn = random.Random(w), 0
            while time.monotonic() < until:
                first = (w * 7919 + turn * 10) % POOL
                ids = [(first + k) % POOL for k in range(10)]
                items = [make_item(n, text=TEXTS[n % len(TEXTS)] + f" #{n}") for n in ids]
                await call("POST", "/api/analyze", {"items": items})
                await call("POST", "/api/drafts/check", {"text": rng.choice(TEXTS)})
                reply = {"item_id": items[0]["id"], "answered_at": "2026-11-23T12:00:00Z"}
                await call("POST", "/api/replies", reply)
                post = {"id": f"own:{turn % 50}", "text": rng.choice(TEXTS)}
                await call("POST", "/api/own-posts", post)
                await call("GET", "/api/stats/today")
                await call("GET", "/api/items?limit=50")
                turn += 1

        async def sampler() -> None:
            while time.monotonic() < until:
                samples.append((time.monotonic() - start, rss(pid)))
                await asyncio.sleep(5)
            samples.append((time.monotonic() - start, rss(pid)))

        await asyncio.gather(sampler(), *(worker(w) for w in range(4)))
        for ws in listeners:
            await ws.close()
        await asyncio.gather(*listening, return_exceptions=True)
    return samples


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="roos-bench-memory-") as tmp:
        folder = Path(tmp)
        with bare_server() as (_, bare_pid):
            time.sleep(1)
            bare = rss(bare_pid)

        agent = profiled(folder / "rest")
        time.sleep(2)
        at_rest = rss(agent.proc.pid)
        samples = asyncio.run(day(agent, DAY_SECONDS))
        agent.stop()

        items, people = templates(folder / "templates")
        big = folder / "big"
        prefill(big, items, people, ITEMS)
        agent = profiled(big)
        # The first write loads the near-duplicate index over every stored text.
        agent.call("POST", "/api/analyze", {"items": [make_item(1, text=TEXTS[0])]})
        agent.call("GET", "/api/items?limit=50")
        with_items = rss(agent.proc.pid)
        agent.stop()

    half = [mib for t, mib in samples if t >= DAY_SECONDS / 2]
    growth = half[-1] - half[0]
    note = f"RSS every 5 s: {', '.join(f'{mib:.0f}' for _, mib in samples)} MiB"
    return [
        row("agent RSS at rest", at_rest, bare, "MiB", baseline_name="bare aiohttp server"),
        row(
            f"agent RSS with {ITEMS // 1000}k items",
            with_items,
            bare,
            "MiB",
            baseline_name="bare aiohttp server",
            note=f"{(with_items - at_rest) * MiB / ITEMS / 1024:.1f} KiB per item over rest",
        ),
        row(
            f"agent RSS after a day in {DAY_SECONDS} s",
            samples[-1][1],
            at_rest,
            "MiB",
            baseline_name="the same agent at rest",
            note=f"4 clients + 5 listeners, {POOL} items cycling",
        ),
        row(
            "agent RSS growth over the second half of the day",
            growth,
            None,
            "MiB",
            note=note,
        ),
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
