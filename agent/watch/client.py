"""`roos watch`'s connection: the agent's WebSocket, kept open across agent restarts.

The token is read from the home on every (re)connection, never taken from the command line
(where `ps` would show it), so a `roos token --rotate` is picked up by itself. The agent sends
nothing before the hello, so the first thing we wait for is its `welcome`; a 4401 close means
the token was refused. Between attempts we back off exponentially with jitter, and say so once
per outage, not once per attempt.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from ..home import read_token
from .lines import Follower, Line
from .words import say

HELLO_TIMEOUT = 5.0
CLOSE_UNAUTHORIZED = 4401
MAX_MESSAGE = 16 * 1024 * 1024  # a burst of analysed items can be large; the agent is ours


@dataclass
class Backoff:
    """0.5 s, 1 s, 2 s … up to `cap`, each with up to 25% jitter; reset once connected."""

    first: float = 0.5
    cap: float = 15.0
    attempt: int = 0

    def next(self) -> float:
        delay = min(self.cap, self.first * 2**self.attempt)
        self.attempt += 1
        return round(delay * (1 + random.uniform(0, 0.25)), 1)

    def reset(self) -> None:
        self.attempt = 0


@dataclass
class Watch:
    home: Path
    port: int
    follower: Follower
    out: TextIO
    err: TextIO
    as_json: bool = False
    on_urgent: Callable[[Line], None] | None = None
    backoff: Backoff | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def tell(self, key: str, **values: object) -> None:
        """Status lines go to stderr, so stdout stays the events alone (pipe-friendly)."""
        print(say(self.follower.lang, key, **values), file=self.err, flush=True)

    async def run(self) -> None:
        """Follow events until cancelled (Ctrl-C)."""
        backoff = self.backoff or Backoff()
        self.tell("connecting", url=self.url)
        ever_connected, complained = False, False
        while True:
            token = read_token(self.home)
            problem: str | None = "no_token" if not token else None
            if token:
                try:
                    async with connect(
                        self.url, open_timeout=HELLO_TIMEOUT, max_size=MAX_MESSAGE
                    ) as ws:
                        await ws.send(json.dumps({"type": "hello", "token": token}))
                        welcome = json.loads(await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT))
                        if welcome.get("type") != "welcome":
                            raise ConnectionError("no welcome")
                        self.tell(
                            "reconnected" if ever_connected else "connected",
                            only=self.follower.only,
                        )
                        ever_connected, complained = True, False
                        backoff.reset()
                        async for raw in ws:
                            self.handle(raw)
                    problem = "lost"
                except ConnectionClosed as exc:
                    refused = exc.rcvd is not None and exc.rcvd.code == CLOSE_UNAUTHORIZED
                    problem = "refused" if refused else "lost"
                except (
                    OSError,
                    TimeoutError,
                    InvalidHandshake,
                    InvalidURI,
                    ConnectionError,
                    ValueError,
                ):
                    problem = "lost" if ever_connected else "waiting"
            delay = backoff.next()
            if problem == "lost" and complained:
                problem = None  # still the same outage: said once is enough
            if problem:
                self.tell(problem, url=self.url, seconds=delay, home=self.home)
                complained = complained or problem in ("lost", "waiting")
            await asyncio.sleep(delay)

    def handle(self, raw: str | bytes) -> None:
        try:
            event = json.loads(raw)
        except ValueError:
            return
        if not isinstance(event, dict):
            return
        line = self.follower.line(event)
        if line is None:
            return
        if self.as_json:
            # ensure_ascii: every control character in third-party text is escaped as \\uXXXX,
            # so the JSON stream is as inert in a terminal as the readable one.
            print(json.dumps(event, ensure_ascii=True, separators=(",", ":")), file=self.out)
        else:
            print(line.text, file=self.out)
        self.out.flush()
        if line.urgent and self.on_urgent is not None:
            self.on_urgent(line)
