"""The WebSocket hub: live events to the extension and the dashboard.

Clients prove themselves with their first message ``{"type": "hello", "token"}``
within 5 seconds. Each client has its own outbox. A burst (a group commit of many
batches announces thousands of items at once) must not cost a healthy listener its
connection, but a client that stops reading must not grow the agent's memory: it is
dropped once its oldest unsent message has waited STALL_SECONDS, or its outbox holds
more than MAX_QUEUED_BYTES.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import time
from collections import deque
from dataclasses import dataclass, field

import orjson
from aiohttp import WSCloseCode, WSMsgType, web

from .keys import HUB, SERVICES, TOKEN

log = logging.getLogger("roos.ws")

HELLO_TIMEOUT = 5.0
MAX_MESSAGE = 64 * 1024
STALL_SECONDS = 5.0
MAX_QUEUED_BYTES = 64 * 1024 * 1024
CLOSE_UNAUTHORIZED = 4401
# Messages sent before the sender gives the loop back: a burst of a hundred events to ten
# clients would otherwise be a thousand writes in one stretch of the loop.
SEND_SLICE = 16


@dataclass(eq=False)
class Client:
    ws: web.WebSocketResponse
    outbox: deque[tuple[float, str]] = field(default_factory=deque)
    queued_bytes: int = 0
    wake: asyncio.Event = field(default_factory=asyncio.Event)

    def push(self, message: str) -> None:
        self.outbox.append((time.monotonic(), message))
        self.queued_bytes += len(message)
        self.wake.set()

    def stalled(self, now: float) -> bool:
        """Not reading: the oldest message waits too long, or too much waits."""
        if not self.outbox:
            return False
        return now - self.outbox[0][0] > STALL_SECONDS or self.queued_bytes > MAX_QUEUED_BYTES


class Hub:
    def __init__(self) -> None:
        self.clients: set[Client] = set()
        self.dropped = 0
        self._closing: set[asyncio.Task] = set()

    def publish(self, type_: str, data: dict) -> None:
        message = orjson.dumps({"type": type_, "data": data}).decode()
        now = time.monotonic()
        for client in list(self.clients):
            client.push(message)
            if client.stalled(now):
                self.dropped += 1
                log.warning("Dropping a WebSocket client that stopped reading.")
                self.clients.discard(client)
                task = asyncio.ensure_future(
                    client.ws.close(code=WSCloseCode.POLICY_VIOLATION, message=b"too slow")
                )
                self._closing.add(task)
                task.add_done_callback(self._closing.discard)

    async def close_all(self) -> None:
        for client in list(self.clients):
            await client.ws.close(code=WSCloseCode.GOING_AWAY, message=b"agent stopping")
        self.clients.clear()


async def _hello_ok(request: web.Request, ws: web.WebSocketResponse) -> bool:
    try:
        msg = await ws.receive(timeout=HELLO_TIMEOUT)
    except TimeoutError:
        return False
    if msg.type != WSMsgType.TEXT:
        return False
    try:
        hello = orjson.loads(msg.data)
    except orjson.JSONDecodeError:
        return False
    if not isinstance(hello, dict) or hello.get("type") != "hello":
        return False
    token = hello.get("token")
    if isinstance(token, str) and hmac.compare_digest(
        token.encode(), request.app[TOKEN].value.encode()
    ):
        return True
    sessions = request.app[SERVICES].get("sessions")
    return bool(sessions and sessions.valid(request))


async def _sender(client: Client) -> None:
    while True:
        await client.wake.wait()
        client.wake.clear()
        sent = 0
        while client.outbox:
            _, message = client.outbox[0]
            await client.ws.send_str(message)  # waits while the socket's buffer is full
            client.outbox.popleft()
            client.queued_bytes -= len(message)
            sent += 1
            if sent % SEND_SLICE == 0:
                await asyncio.sleep(0)


async def websocket(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse(heartbeat=25.0, max_msg_size=MAX_MESSAGE)
    await ws.prepare(request)
    if not await _hello_ok(request, ws):
        await ws.close(code=CLOSE_UNAUTHORIZED, message=b"hello with a valid token first")
        return ws
    hub = request.app[HUB]
    client = Client(ws)
    hub.clients.add(client)
    await ws.send_str(orjson.dumps({"type": "welcome", "data": {"api": 1}}).decode())
    sender = asyncio.create_task(_sender(client))
    try:
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            with contextlib.suppress(orjson.JSONDecodeError):
                incoming = orjson.loads(msg.data)
                if isinstance(incoming, dict) and incoming.get("type") == "ping":
                    client.push('{"type":"pong","data":{}}')
    finally:
        hub.clients.discard(client)
        sender.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sender
    return ws
