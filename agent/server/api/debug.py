"""Debug only: how late does the agent's event loop wake up? (ROOS_DEBUG_LAG=1)

Every handler, the WebSocket hub and the scheduler share one event loop, so a slow
piece of synchronous work shows up as everyone's latency. With ROOS_DEBUG_LAG=1 a
task asks to be woken every 10 ms and records how much later than asked it was
woken; GET /api/debug/loop-lag reports the percentiles and DELETE starts a new
measurement. Without the variable nothing runs and the endpoint answers 404. It is
for benchmarks and tests (bench/api.py, tests/reliability/test_loop_lag.py), not a
user setting.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import deque
from collections.abc import AsyncIterator

from aiohttp import web

from ..errors import ApiError
from ..requests import ok
from ..routing import Route

ENV = "ROOS_DEBUG_LAG"
TICK = 0.010
KEEP = 100_000  # about 17 minutes of samples; older ones fall off
PROBE = web.AppKey("loop_lag_probe", "LagProbe")


class LagProbe:
    def __init__(self) -> None:
        self.samples: deque[float] = deque(maxlen=KEEP)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            asked = loop.time() + TICK
            await asyncio.sleep(TICK)
            self.samples.append(max(loop.time() - asked, 0.0))

    def summary(self) -> dict:
        ordered = sorted(self.samples)

        def ms(p: float) -> float:
            return round(ordered[min(int(len(ordered) * p), len(ordered) - 1)] * 1000, 3)

        if not ordered:
            return {"samples": 0, "p50_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0, "max_ms": 0.0}
        return {
            "samples": len(ordered),
            "p50_ms": ms(0.50),
            "p95_ms": ms(0.95),
            "p99_ms": ms(0.99),
            "max_ms": round(ordered[-1] * 1000, 3),
        }


def enabled() -> bool:
    return os.environ.get(ENV, "") == "1"


async def probe_ctx(app: web.Application) -> AsyncIterator[None]:
    if not enabled():
        yield
        return
    probe = LagProbe()
    app[PROBE] = probe
    task = asyncio.create_task(probe.run())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def _probe(request: web.Request) -> LagProbe:
    probe = request.app.get(PROBE)
    if probe is None:
        raise ApiError(404, f"The loop-lag probe is off: start the agent with {ENV}=1.")
    return probe


async def get_lag(request: web.Request) -> web.Response:
    return ok({"tick_ms": TICK * 1000, **_probe(request).summary()})


async def reset_lag(request: web.Request) -> web.Response:
    probe = _probe(request)
    probe.samples.clear()
    return ok({"tick_ms": TICK * 1000, **probe.summary()})


LAG = {
    "type": "object",
    "required": ["ok", "tick_ms", "samples", "p50_ms", "p95_ms", "p99_ms", "max_ms"],
    "properties": {
        "ok": {"const": True},
        "tick_ms": {"type": "number"},
        "samples": {"type": "integer", "minimum": 0},
        **{k: {"type": "number", "minimum": 0} for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms")},
    },
}
ROUTES = [
    Route(
        "GET",
        "/api/debug/loop-lag",
        get_lag,
        f"Debug ({ENV}=1 only, else 404): how late the event loop woke up for a 10 ms timer, "
        "as percentiles over the samples since the start or the last reset.",
        response=LAG,
        tag="debug",
    ),
    Route(
        "DELETE",
        "/api/debug/loop-lag",
        reset_lag,
        f"Debug ({ENV}=1 only, else 404): forget the samples so far (start a measurement).",
        response=LAG,
        tag="debug",
    ),
]
