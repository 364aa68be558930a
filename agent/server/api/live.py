"""The WebSocket endpoint (authenticated by its first message, not by a header)."""

from __future__ import annotations

from ..routing import Route
from ..ws import websocket

ROUTES = [
    Route(
        "GET",
        "/ws",
        websocket,
        'Live events. Send {"type": "hello", "token": "..."} first (closed with 4401 otherwise '
        'within 5 s); then receive {"type": "item.new" | "item.updated" | ..., "data": {...}}.',
        auth=False,
        tag="live",
        produces="websocket",
    ),
]
