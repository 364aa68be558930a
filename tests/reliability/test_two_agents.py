"""Two agents, one home: the second refuses to start, and the first is unharmed.

Two writers on one store would each keep their own copy in memory and overwrite
each other's shards. The home lock (agent/store/lock.py) lets one agent in;
`roos serve` on a home in use exits with code 3 and names the pid holding it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from tests.support.agent import ROOS, AgentProcess, free_port, make_item

HOME_IN_USE = 3


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under folder, by relative path: equal means byte-identical."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def serve(home: Path, port: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROOS_HOME": str(home), "ROOS_PORT": str(port), "ROOS_SCHEDULER": "0"}
    return subprocess.run(
        [str(ROOS), "serve"], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def stored_ids(agent: AgentProcess) -> set[str]:
    status, body = agent.call("GET", "/api/items?limit=500")
    assert status == 200, body
    return {item["id"] for item in body["items"]}


def test_a_second_agent_on_the_same_home_refuses_and_the_first_carries_on(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as first:
        status, _ = first.call("POST", "/api/items", {"items": [make_item(1), make_item(2)]})
        assert status == 200
        before = snapshot(home / "store")

        for port in (free_port(), first.port):  # another port, and the very same one
            second = serve(home, port)
            assert second.returncode == HOME_IN_USE, second.stderr
            assert "Another Roos agent" in second.stderr
            assert f"pid {first.proc.pid}" in second.stderr
            assert str(home) in second.stderr

        assert snapshot(home / "store") == before
        status, _ = first.call("POST", "/api/items", {"items": [make_item(3)]})
        assert status == 200
        assert stored_ids(first) == {make_item(n)["id"] for n in (1, 2, 3)}


def test_the_home_is_free_again_once_the_first_agent_is_gone_even_after_a_sigkill(tmp_path):
    home = tmp_path / "home"
    first = AgentProcess(home).start()
    first.call("POST", "/api/items", {"items": [make_item(1)]})
    first.kill()  # no clean shutdown: the kernel drops the lock with the process
    with AgentProcess(home) as next_one:
        assert stored_ids(next_one) == {make_item(1)["id"]}
