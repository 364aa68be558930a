"""A misbehaving local client cannot exhaust the agent: idle timeouts and a connection cap.

The probe opened 1,200 half-open connections and every one was held for over 40 s. Now a
connection idle (or still without a complete request head) for 15 s is closed, a body
must arrive within 30 s (408), and connections over the cap get a 503 at once while the
ones in use carry on. The timeouts are shortened here so the test stays bounded; the
real agent's defaults are tested through `roos serve` itself.
"""

from __future__ import annotations

import asyncio
import socket
import time

import aiohttp
import pytest

from agent.server import limits, requests
from agent.server.app import create_app
from agent.server.keys import TOKEN
from tests.support.agent import AgentProcess

BOUND = 10.0  # seconds any single wait may take before the test gives up


async def closed_by_server(reader: asyncio.StreamReader) -> bytes:
    """Everything the server sent until it hung up (bounded)."""
    return await asyncio.wait_for(reader.read(), BOUND)


@pytest.fixture
async def limited(config, monkeypatch):
    monkeypatch.setattr(requests, "BODY_SECONDS", 0.5)
    app = create_app(config)
    runner = limits.runner(app, idle=0.5, cap=20)
    await runner.setup()
    await aiohttp.web.TCPSite(runner, "127.0.0.1", config.port).start()
    yield config, app
    await runner.cleanup()


async def test_silent_and_slow_connections_are_closed_and_the_cap_holds(limited):
    config, _ = limited
    opened = [await asyncio.open_connection("127.0.0.1", config.port) for _ in range(20)]
    opened[0][1].write(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1")  # a head never finished

    extra = [await asyncio.open_connection("127.0.0.1", config.port) for _ in range(5)]
    refusals = await asyncio.gather(*(closed_by_server(r) for r, _ in extra))
    assert all(answer.startswith(b"HTTP/1.1 503") for answer in refusals)
    assert all(b"Too many connections" in answer for answer in refusals)

    left = await asyncio.gather(*(closed_by_server(r) for r, _ in opened))
    assert left == [b""] * 20  # each silent one hung up on (within BOUND), none answered

    health = f"http://127.0.0.1:{config.port}/api/health"
    async with aiohttp.ClientSession() as session, session.get(health) as resp:
        assert resp.status == 200  # and the agent answers as before
    for _, writer in opened + extra:
        writer.close()


async def test_a_body_that_trickles_in_gets_408(limited):
    config, app = limited
    reader, writer = await asyncio.open_connection("127.0.0.1", config.port)
    writer.write(
        b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
        b'Authorization: Bearer %s\r\nContent-Length: 1000\r\n\r\n{"items": ['
        % (config.port, app[TOKEN].value.encode())
    )
    answer = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), BOUND)
    assert answer.startswith(b"HTTP/1.1 408")
    writer.close()


def test_the_real_agent_refuses_connections_over_its_cap(tmp_path):
    with AgentProcess(tmp_path / "home") as agent:
        held = []
        try:
            for _ in range(limits.MAX_CONNECTIONS):
                held.append(socket.create_connection(("127.0.0.1", agent.port), timeout=BOUND))
            time.sleep(0.2)  # let the agent accept them all
            with socket.create_connection(("127.0.0.1", agent.port), timeout=BOUND) as one_more:
                assert one_more.recv(4096).startswith(b"HTTP/1.1 503")
        finally:
            for sock in held:
                sock.close()
        deadline = time.monotonic() + BOUND
        while agent.call("GET", "/api/health", token=False)[0] != 200:
            assert time.monotonic() < deadline
