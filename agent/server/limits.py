"""Limits on connections, so a misbehaving local client cannot exhaust the agent.

aiohttp keeps an idle connection (or one that never finishes its request head) open for
an hour by default; the probe held 1,200 half-open connections for over 40 s. Here:

- a connection that is idle, or has not sent a complete request head, for
  ``IDLE_SECONDS`` after it opened or after its last answer is closed;
- a request body must arrive within ``BODY_SECONDS`` (agent/server/requests.py, 408);
- at most ``MAX_CONNECTIONS`` connections at once: one more is answered 503 and closed
  at once, before any parsing, so the ones in use (the extension's WebSocket, the
  dashboard) carry on. Real use needs a handful.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web

log = logging.getLogger("roos.server")

IDLE_SECONDS = 15.0
MAX_CONNECTIONS = 200
MAX_HEADERS = 64
_BUSY_BODY = (
    b'{"ok": false, "error": "Too many connections to Roos at once; retry.", "status": 503}'
)
BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
    b"Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(_BUSY_BODY), _BUSY_BODY)
)


class _Busy(asyncio.Protocol):
    """Over the cap: answer 503 and hang up, without reading a byte."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        transport.write(BUSY)
        transport.close()


class _CappedServer:
    """aiohttp's Server (the protocol factory), refusing connections over the cap."""

    def __init__(self, server: web.Server, cap: int) -> None:
        self._server = server
        self._cap = cap
        self._warned = False

    def __call__(self) -> asyncio.Protocol:
        if len(self._server.connections) >= self._cap:
            if not self._warned:
                log.warning("More than %d connections at once: refusing new ones.", self._cap)
                self._warned = True
            return _Busy()
        self._warned = False
        return self._server()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._server, name)


class LimitedRunner(web.AppRunner):
    def __init__(self, app: web.Application, cap: int, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._cap = cap

    async def _make_server(self) -> web.Server:
        return _CappedServer(await super()._make_server(), self._cap)  # type: ignore[return-value]


def runner(
    app: web.Application, *, idle: float = IDLE_SECONDS, cap: int = MAX_CONNECTIONS
) -> web.AppRunner:
    """The AppRunner `roos serve` uses: timeouts and the connection cap in place."""
    return LimitedRunner(
        app,
        cap,
        access_log=None,
        handle_signals=False,
        keepalive_timeout=idle,
        max_headers=MAX_HEADERS,
    )
