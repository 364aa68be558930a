"""API: latency and throughput of a real `roos serve` on loopback, beside bare aiohttp.

Both servers run as their own processes and are measured by the same client in the
same run: the agent (with the invented Vlotbank profile and ROOS_DEBUG_LAG=1) and a
bare aiohttp server that answers "hello" and relays a posted message to its
WebSocket clients (`python -m bench.api --bare PORT`), the floor any aiohttp app
stands on. Figures:

- latency of GET /api/health and of POST /api/analyze with 1 and 100 items (p50, p95,
  p99 of sequential calls), against the bare server's hello;
- requests per second with 20 concurrent clients, against the bare hello;
- time from POST /api/items until each of 10 WebSocket clients has the item.new event,
  against the bare server relaying a post to 10 clients;
- the agent's event-loop lag (p99 of a 10 ms timer inside the agent) while 50 clients
  post batches and 10 listen, against the same probe at rest.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from itertools import count
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.support.agent import AgentProcess, free_port, make_item

from .common import percentile, row

PROFILE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "profile_vlotbank.json"
CLIENTS = 20
RPS_SECONDS = 5.0
LISTENERS = 10
TEXTS = [
    "Al drie dagen kan ik niet inloggen bij Vlotbank, wat is er aan de hand?",
    "Wat een fijne service van Vlotbank, binnen tien minuten een rekening geopend!",
    "Does anyone know if VlotPay works abroad? Asking for a trip to Spain.",
    "Zonnewind sparen: iemand ervaring mee? Ik twijfel nog tussen Spaarhuis en Vlotbank.",
]
_ids = count(1)


def fresh_items(n: int) -> list[dict]:
    """Items never seen before (new ids), with texts that exercise the whole analysis."""
    return [make_item(next(_ids), text=TEXTS[k % len(TEXTS)]) for k in range(n)]


# -- the bare aiohttp baseline ------------------------------------------------------------------
def bare_app() -> web.Application:
    clients: set[web.WebSocketResponse] = set()

    async def hello(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def relay(request: web.Request) -> web.Response:
        message = await request.text()
        for ws in list(clients):
            await ws.send_str(message)
        return web.json_response({"ok": True})

    async def socket(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        clients.add(ws)
        try:
            async for _ in ws:
                pass
        finally:
            clients.discard(ws)
        return ws

    app = web.Application()
    app.router.add_get("/", hello)
    app.router.add_post("/relay", relay)
    app.router.add_get("/ws", socket)
    return app


@contextmanager
def bare_server():
    """The bare aiohttp server in a process of its own; yields (base URL, pid)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bench.api", "--bare", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with __import__("urllib.request").request.urlopen(base + "/", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(10)


# -- measuring ----------------------------------------------------------------------------------
async def latencies(session, method: str, url: str, calls: int, body=None) -> list[float]:
    times = []
    for _ in range(calls):
        payload = body() if callable(body) else body
        start = time.perf_counter()
        async with session.request(method, url, json=payload) as resp:
            await resp.read()
            assert resp.status == 200, (url, resp.status)
        times.append(time.perf_counter() - start)
    return times


async def per_second(session, method: str, url: str, body=None) -> float:
    done = 0
    until = time.perf_counter() + RPS_SECONDS

    async def one_client() -> None:
        nonlocal done
        while time.perf_counter() < until:
            payload = body() if callable(body) else body
            async with session.request(method, url, json=payload) as resp:
                await resp.read()
                assert resp.status == 200, (url, resp.status)
            done += 1

    start = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(CLIENTS)))
    return done / (time.perf_counter() - start)


async def fan_out(session, ws_url: str, hello: dict | None, post, rounds: int) -> list[float]:
    """Seconds from sending a post until every one of LISTENERS sockets has the message."""
    sockets = []
    for _ in range(LISTENERS):
        ws = await session.ws_connect(ws_url, max_msg_size=0)
        if hello:
            await ws.send_json(hello)
            await ws.receive_json(timeout=10)  # welcome
        sockets.append(ws)

    async def until_marked(ws, marker: str) -> None:
        while marker not in (await ws.receive(timeout=30)).data:
            pass

    times = []
    for n in range(rounds):
        marker = f"fan-out-{n}-{time.monotonic_ns()}"
        start = time.perf_counter()
        waiting = [asyncio.create_task(until_marked(ws, marker)) for ws in sockets]
        await post(marker)
        await asyncio.gather(*waiting)
        times.append(time.perf_counter() - start)
    for ws in sockets:
        await ws.close()
    return times


async def loop_lag_under_load(session, agent: AgentProcess) -> tuple[dict, dict]:
    lag_url = f"{agent.base}/api/debug/loop-lag"
    await (await session.delete(lag_url)).read()
    await asyncio.sleep(2)
    rest = await (await session.get(lag_url)).json()
    await (await session.delete(lag_url)).read()
    hello = {"type": "hello", "token": agent.token}
    listeners = [await session.ws_connect(f"{agent.base}/ws") for _ in range(LISTENERS)]
    for ws in listeners:
        await ws.send_json(hello)

    async def drain(ws) -> None:
        async for _ in ws:
            pass

    draining = [asyncio.create_task(drain(ws)) for ws in listeners]

    async def writer() -> None:
        for _ in range(4):
            async with session.post(
                f"{agent.base}/api/items", json={"items": fresh_items(10)}
            ) as resp:
                assert resp.status == 200

    await asyncio.gather(*(writer() for _ in range(50)))
    busy = await (await session.get(lag_url)).json()
    for ws in listeners:
        await ws.close()
    await asyncio.gather(*draining, return_exceptions=True)
    return rest, busy


def ms(seconds: float) -> float:
    return seconds * 1000


async def measure(agent: AgentProcess, bare: str) -> list[dict]:
    rows = []
    auth = {"Authorization": f"Bearer {agent.token}"}
    connector = aiohttp.TCPConnector(limit=CLIENTS + LISTENERS + 60)
    async with aiohttp.ClientSession(headers=auth, connector=connector) as session:
        await latencies(session, "GET", f"{agent.base}/api/health", 50)  # warm up
        await latencies(session, "POST", f"{agent.base}/api/analyze", 10, lambda: _batch(1))
        floor = await latencies(session, "GET", f"{bare}/", 300)
        health = await latencies(session, "GET", f"{agent.base}/api/health", 300)
        one = await latencies(session, "POST", f"{agent.base}/api/analyze", 200, lambda: _batch(1))
        hundred = await latencies(
            session, "POST", f"{agent.base}/api/analyze", 30, lambda: _batch(100)
        )
        base_p50 = ms(percentile(floor, 50))
        rows.append(
            row(
                "GET /api/health latency p50",
                ms(percentile(health, 50)),
                base_p50,
                "ms",
                baseline_name="bare aiohttp hello",
            )
        )
        for name, times in (("1 item", one), ("100 items", hundred)):
            for p in (50, 95, 99):
                rows.append(
                    row(
                        f"POST /api/analyze {name} latency p{p}",
                        ms(percentile(times, p)),
                        ms(percentile(floor, p)),
                        "ms",
                        baseline_name=f"bare aiohttp hello p{p}",
                        note=f"{len(times)} sequential calls, stored",
                    )
                )

        bare_rps = await per_second(session, "GET", f"{bare}/")
        health_rps = await per_second(session, "GET", f"{agent.base}/api/health")
        analyze_rps = await per_second(
            session, "POST", f"{agent.base}/api/analyze", lambda: _batch(1)
        )
        for name, value in (("GET /api/health", health_rps), ("POST /api/analyze 1", analyze_rps)):
            rows.append(
                row(
                    f"requests/s, {CLIENTS} clients, {name}",
                    value,
                    bare_rps,
                    "req/s",
                    baseline_name="bare aiohttp hello, same clients",
                    better="higher",
                    note=f"{RPS_SECONDS:.0f} s each",
                )
            )

        async def post_agent(marker: str) -> None:
            body = {"items": [make_item(next(_ids), text=f"Vlotbank {marker}")]}
            async with session.post(f"{agent.base}/api/items", json=body) as resp:
                assert resp.status == 200

        async def post_bare(marker: str) -> None:
            async with session.post(f"{bare}/relay", data=json.dumps({"m": marker})) as resp:
                assert resp.status == 200

        bare_fan = await fan_out(session, bare.replace("http", "ws") + "/ws", None, post_bare, 100)
        hello = {"type": "hello", "token": agent.token}
        ours_fan = await fan_out(
            session, agent.base.replace("http", "ws") + "/ws", hello, post_agent, 100
        )
        for p in (50, 99):
            rows.append(
                row(
                    f"WebSocket fan-out to {LISTENERS} clients p{p}",
                    ms(percentile(ours_fan, p)),
                    ms(percentile(bare_fan, p)),
                    "ms",
                    baseline_name="bare aiohttp relay to 10 sockets",
                    note="POST /api/items (1 item, stored) until all have item.new",
                )
            )

        rest, busy = await loop_lag_under_load(session, agent)
        rows.append(
            row(
                "event-loop lag p99, 50 writers + 10 listeners",
                busy["p99_ms"],
                rest["p99_ms"],
                "ms",
                baseline_name="same probe, agent at rest",
                note=f"10 ms timer inside the agent; max {busy['max_ms']:.0f} ms",
            )
        )
    return rows


def _batch(n: int) -> dict:
    return {"items": fresh_items(n)}


def run() -> list[dict]:
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="roos-bench-api-") as tmp:
        agent = AgentProcess(Path(tmp) / "home", env={"ROOS_DEBUG_LAG": "1"}).start()
        try:
            status, answer = agent.call("PUT", "/api/profile", profile)
            assert status == 200, answer
            with bare_server() as (bare, _):
                return asyncio.run(measure(agent, bare))
        finally:
            agent.stop()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--bare"]:
        web.run_app(
            bare_app(), host="127.0.0.1", port=int(sys.argv[2]), print=None, access_log=None
        )
    else:
        for line in run():
            print(line)
