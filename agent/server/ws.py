"""The WebSocket hub: live events to the extension and the dashboard.

Clients prove themselves with their first message ``{"type": "hello", "token"}``
within 5 seconds. Each client has a bounded queue; one that stops reading is
dropped rather than allowed to grow the agent's memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from dataclasses import dataclass, field

import orjson
from aiohttp import WSCloseCode, WSMsgType, web

from .keys import HUB, SERVICES, TOKEN

log = logging.getLogger("roos.ws")

HELLO_TIMEOUT = 5.0
MAX_MESSAGE = 64 * 1024
QUEUE_LIMIT = 256
CLOSE_UNAUTHORIZED = 4401


@dataclass(eq=False)
class Client:
    ws: web.WebSocketResponse
    queue: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))


class Hub:
    def __init__(self) -> None:
        self.clients: set[Client] = set()
        self.dropped = 0
        self._closing: set[asyncio.Task] = set()

    def publish(self, type_: str, data: dict) -> None:
        message = orjson.dumps({"type": type_, "data": data}).decode()
        for client in list(self.clients):
            try:
                client.queue.put_nowait(message)
            except asyncio.QueueFull:
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
        message = await client.queue.get()
        await client.ws.send_str(message)


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
                    client.queue.put_nowait('{"type":"pong","data":{}}')
    except asyncio.QueueFull:
        pass
    finally:
        hub.clients.discard(client)
        sender.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sender
    return ws
