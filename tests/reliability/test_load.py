"""Load: twenty clients write at once while one WebSocket client stops reading.

A client that stops reading must not make the agent hold every event for it: the
hub drops a client whose oldest unsent event has waited a few seconds, or whose outbox
grew too large (agent/server/ws.py). The slow client here is a real TCP socket with a tiny receive
buffer that, after its hello, reads nothing at all; when it finally reads, it finds
fewer events than were sent and the close frame 1008 "too slow". Meanwhile a healthy
listener hears of every item, and every item the agent acknowledged is stored.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import struct
import time
from collections.abc import Iterator

import aiohttp
import pytest

from tests.support.agent import AgentProcess, make_item

WRITERS = 20
LOAD_SECONDS = 8  # bounded: tests stay well under 15 s of load
BATCH = 25
POLICY_VIOLATION = 1008
WORDS = "Vlotbank heeft de app vernieuwd en ik vind het overzicht nu veel prettiger. "


class SilentClient:
    """A WebSocket client on a raw socket: says hello, then stops reading."""

    def __init__(self, agent: AgentProcess) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.connect(("127.0.0.1", agent.port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{agent.port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(4096)
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 101"), head
        self.send_text(json.dumps({"type": "hello", "token": agent.token}))

    def send_text(self, text: str) -> None:
        payload, mask = text.encode(), os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        length = len(payload)
        header = struct.pack("!BB", 0x81, 0x80 | length) if length < 126 else None
        if header is None:
            header = struct.pack("!BBH", 0x81, 0x80 | 126, length)
        self.sock.sendall(header + mask + masked)

    def read_everything(self, timeout: float = 60) -> tuple[list[dict], int | None]:
        """Read until the server closes: (the text messages, the close code)."""
        self.sock.settimeout(timeout)
        messages, close_code = [], None
        while close_code is None:
            frame = self._frame()
            if frame is None:
                break
            opcode, payload = frame
            if opcode == 0x1:
                messages.append(json.loads(payload))
            elif opcode == 0x8:
                close_code = struct.unpack("!H", payload[:2])[0] if payload else 1005
        self.sock.close()
        return messages, close_code

    def _need(self, n: int) -> bool:
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                return False
            self.buffer += chunk
        return True

    def _frame(self) -> tuple[int, bytes] | None:
        if not self._need(2):
            return None
        opcode, length = self.buffer[0] & 0x0F, self.buffer[1] & 0x7F
        start = 2
        if length == 126:
            self._need(4)
            (length,) = struct.unpack("!H", self.buffer[2:4])
            start = 4
        elif length == 127:
            self._need(10)
            (length,) = struct.unpack("!Q", self.buffer[2:10])
            start = 10
        if not self._need(start + length):
            return None
        payload, self.buffer = self.buffer[start : start + length], self.buffer[start + length :]
        return opcode, payload


@pytest.fixture
def agent(tmp_path) -> Iterator[AgentProcess]:
    with AgentProcess(tmp_path / "home") as process:
        yield process


async def writer(session, agent: AgentProcess, n: int, until: float) -> list[str]:
    acknowledged, batch = [], 0
    while time.monotonic() < until:
        first = (n * 10_000 + batch) * BATCH
        items = [make_item(first + k, text=WORDS * 150 + str(first + k)) for k in range(BATCH)]
        async with session.post(f"{agent.base}/api/items", json={"items": items}) as resp:
            assert resp.status == 200, await resp.text()
            acknowledged += (await resp.json())["ids"]
        batch += 1
    return acknowledged


async def healthy_listener(
    session, agent: AgentProcess, ready: asyncio.Event, expected: asyncio.Future
) -> set[str]:
    """Reads every event until it has heard of every item in `expected` (once that is known)."""
    seen: set[str] = set()
    async with session.ws_connect(f"{agent.base}/ws", max_msg_size=0) as ws:
        await ws.send_json({"type": "hello", "token": agent.token})
        assert (await ws.receive_json(timeout=10))["type"] == "welcome"
        ready.set()
        while not (expected.done() and expected.result() <= seen):
            try:
                message = await ws.receive_json(timeout=1)
            except TimeoutError:
                continue
            if message["type"] == "item.new":
                seen.add(message["data"]["id"])
    return seen


async def test_a_client_that_stops_reading_is_dropped_and_no_acknowledged_item_is_lost(agent):
    silent = await asyncio.to_thread(SilentClient, agent)
    headers = {"Authorization": f"Bearer {agent.token}"}
    async with aiohttp.ClientSession(headers=headers) as session:
        ready, expected = asyncio.Event(), asyncio.get_running_loop().create_future()
        listening = asyncio.create_task(healthy_listener(session, agent, ready, expected))
        await asyncio.wait_for(ready.wait(), 10)
        until = time.monotonic() + LOAD_SECONDS
        writes = await asyncio.gather(*(writer(session, agent, n, until) for n in range(WRITERS)))
        acknowledged = {i for batch in writes for i in batch}
        expected.set_result(acknowledged)
        heard = await asyncio.wait_for(listening, 60)
        async with session.get(f"{agent.base}/api/items?limit=1") as resp:
            total = (await resp.json())["total"]

    messages, close_code = await asyncio.to_thread(silent.read_everything)
    told = {m["data"]["id"] for m in messages if m["type"] == "item.new"}
    assert close_code == POLICY_VIOLATION  # dropped as "too slow"
    assert messages[0]["type"] == "welcome"
    print(f"slow client told of {len(told)} of {len(acknowledged)} items before it was dropped")
    assert len(told) < len(acknowledged)  # it was not sent everything, so nothing piled up
    assert heard == acknowledged  # the healthy listener missed nothing
    assert total == len(acknowledged)
