"""Event-loop health under load: the agent keeps its loop responsive while it is busy.

A real `roos serve` with ROOS_DEBUG_LAG=1 runs a 10 ms timer in its own loop and
records how late each wake-up came (agent/server/api/debug.py). Here fifty clients
post batches while ten WebSocket clients listen. The test checks that the probe
measures and that nothing was lost: every batch acknowledged, every item stored,
every listener told of every item. How large the lag may be is a benchmark figure
(bench/api.py), not a test assertion: tests do not judge wall-clock time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import aiohttp
import pytest

from tests.support.agent import AgentProcess, make_item

CLIENTS = 50
LISTENERS = 10
BATCHES = 3
BATCH = 10


@pytest.fixture
def probed_agent(tmp_path) -> Iterator[AgentProcess]:
    with AgentProcess(tmp_path / "home", env={"ROOS_DEBUG_LAG": "1"}) as agent:
        yield agent


async def listen(session, agent: AgentProcess, ready: asyncio.Event, want: set[str]) -> set[str]:
    seen: set[str] = set()
    async with session.ws_connect(f"{agent.base}/ws", max_msg_size=0) as ws:
        await ws.send_json({"type": "hello", "token": agent.token})
        assert (await ws.receive_json(timeout=10))["type"] == "welcome"
        ready.set()
        while not want <= seen:
            message = await ws.receive_json(timeout=60)
            if message["type"] == "item.new":
                seen.add(message["data"]["id"])
    return seen


async def client(session, agent: AgentProcess, n: int) -> list[str]:
    acknowledged = []
    for b in range(BATCHES):
        items = [make_item((n * BATCHES + b) * BATCH + k) for k in range(BATCH)]
        async with session.post(f"{agent.base}/api/items", json={"items": items}) as resp:
            assert resp.status == 200, await resp.text()
            acknowledged += (await resp.json())["ids"]
    return acknowledged


async def test_under_fifty_writers_and_ten_listeners_the_probe_measures_and_nothing_is_lost(
    probed_agent,
):
    agent = probed_agent
    headers = {"Authorization": f"Bearer {agent.token}"}
    want = {make_item(i)["id"] for i in range(CLIENTS * BATCHES * BATCH)}
    async with aiohttp.ClientSession(headers=headers) as session:
        async with session.delete(f"{agent.base}/api/debug/loop-lag") as resp:
            assert resp.status == 200 and (await resp.json())["tick_ms"] == 10
        readies = [asyncio.Event() for _ in range(LISTENERS)]
        listeners = [asyncio.create_task(listen(session, agent, r, want)) for r in readies]
        await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), 30)

        writes = await asyncio.gather(*(client(session, agent, n) for n in range(CLIENTS)))
        heard = await asyncio.wait_for(asyncio.gather(*listeners), 120)

        async with session.get(f"{agent.base}/api/debug/loop-lag") as resp:
            lag = await resp.json()
        async with session.get(f"{agent.base}/api/items?limit=1") as resp:
            total = (await resp.json())["total"]

    acknowledged = {i for batch in writes for i in batch}
    assert acknowledged == want
    assert total == len(want)
    assert all(seen == want for seen in heard)
    assert lag["ok"] is True and lag["samples"] > 0
    assert 0 <= lag["p50_ms"] <= lag["p95_ms"] <= lag["p99_ms"] <= lag["max_ms"]


async def test_without_the_debug_variable_there_is_no_probe(api):
    resp = await api.get("/api/debug/loop-lag")
    body = await resp.json()
    assert resp.status == 404 and "ROOS_DEBUG_LAG=1" in body["error"]
    assert (await api.delete("/api/debug/loop-lag")).status == 404


async def test_the_probe_answers_only_with_the_token(anon):
    assert (await anon.get("/api/debug/loop-lag")).status == 401
