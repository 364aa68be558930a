"""`roos watch`: the delay from ingest to the printed line, beside the hub's own fan-out.

A real agent (invented Vlotbank profile) and the real `roos watch --json` process. Items are
posted one at a time; for each, the bench records when a raw WebSocket client of the hub (in
this process) has its `item.new` — the hub's fan-out latency, the floor — and when the watch
process has printed its line (read from its stdout pipe). Both clocks start when the POST is
sent, so the difference is what the watch adds: its own socket, JSON parsing, the line and the
pipe.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from tests.support.agent import AgentProcess, make_item
from tests.watch.watching import WatchProcess

from .common import percentile, row

PROFILE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "profile_vlotbank.json"
ITEMS = 60
TEXT = "Al twee dagen doet VlotPay het niet bij Vlotbank, wanneer is dit opgelost?"


async def measure(agent: AgentProcess, watch: WatchProcess) -> tuple[list[float], list[float]]:
    hub_times, watch_times = [], []
    headers = {"Authorization": f"Bearer {agent.token}"}
    async with aiohttp.ClientSession(headers=headers) as session:
        ws = await session.ws_connect(f"ws://127.0.0.1:{agent.port}/ws")
        await ws.send_json({"type": "hello", "token": agent.token})
        assert (await ws.receive_json())["type"] == "welcome"
        for n in range(ITEMS):
            item = make_item(900_000 + n, text=TEXT)
            start = time.perf_counter()
            async with session.post(f"{agent.base}/api/analyze", json={"items": [item]}) as resp:
                assert resp.status == 200
            while True:
                event = await ws.receive_json(timeout=10)
                if event["type"] == "item.new" and event["data"]["id"] == item["id"]:
                    hub_times.append(time.perf_counter() - start)
                    break
            line = await asyncio.to_thread(watch.out.get, True, 10)
            watch_times.append(time.perf_counter() - start)
            assert json.loads(line)["data"]["id"] == item["id"]
        await ws.close()
    return hub_times, watch_times


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp, AgentProcess(Path(tmp) / "home") as agent:
        agent.call("PUT", "/api/profile", json.loads(PROFILE.read_text()))
        with WatchProcess(agent, "--json") as watch:
            watch.wait_status("Connected")
            hub, printed = asyncio.run(measure(agent, watch))
    ms = 1000
    return [
        row(
            "roos watch: POST /api/analyze → line printed, p50",
            statistics.median(printed) * ms,
            statistics.median(hub) * ms,
            "ms",
            baseline_name="hub fan-out to a raw WebSocket client, p50",
        ),
        row(
            "roos watch: POST /api/analyze → line printed, p95",
            percentile(printed, 95) * ms,
            percentile(hub, 95) * ms,
            "ms",
            baseline_name="hub fan-out to a raw WebSocket client, p95",
        ),
    ]
