"""How a CLI command reaches the data: through the running agent, or the store directly.

While an agent runs it owns the store (the home lock), so commands ask it over HTTP with the
token from HOME/token. Without an agent a command takes the lock itself and opens the store,
so the two can never write at the same time.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from ..config import Config
from ..home import read_token
from ..store import StoreError, SyncStore, is_locked
from ..store.backend import open_sync_store
from .common import fail, held_home

TIMEOUT = 120


def agent_running(config: Config) -> bool:
    return is_locked(config.home)


def call_agent(config: Config, method: str, path: str, body: dict | None = None) -> dict:
    """The agent's JSON answer; fails with the agent's own message when it refuses."""
    token = read_token(config.home)
    if not token:
        fail(f"no token in {config.home}; is this the agent's home?")
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{config.port}{path}", data=data, method=method
    )
    request.add_header("Authorization", f"Bearer {token}")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        try:
            message = json.loads(exc.read()).get("error") or exc.reason
        except ValueError:
            message = exc.reason
        fail(str(message))
    except OSError as exc:
        fail(
            f"the agent for {config.home} does not answer on port {config.port} ({exc}); "
            "pass the port it runs on with --port or ROOS_PORT"
        )
    raise AssertionError("unreachable: fail() exits")


@contextmanager
def direct_store(config: Config) -> Iterator[SyncStore]:
    """The store, opened by this process under the home lock (no agent is running)."""
    with held_home(config):
        try:
            yield open_sync_store(config)
        except StoreError as exc:
            fail(str(exc), code=4)
