"""A deleted agent.lock does not let a second agent into a home in use.

The probe deleted agent.lock under a running agent and started a second one on the same
home: both ran, and 150 of the second agent's acknowledged items were lost after a
restart. The lock that counts is now on the home folder itself, which cannot be deleted
from under the agent; the second agent refuses (exit 3), naming the first.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from agent.store import StoreError
from agent.store.lock import HomeLock
from tests.reliability.test_two_agents import HOME_IN_USE, serve, snapshot, stored_ids
from tests.support.agent import AgentProcess, free_port, make_item


def test_deleting_the_lock_file_does_not_let_a_second_agent_in(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as first:
        assert first.call("POST", "/api/items", {"items": [make_item(1)]})[0] == 200
        (home / "agent.lock").unlink()
        before = snapshot(home / "store")

        second = serve(home, free_port())

        assert second.returncode == HOME_IN_USE, second.stderr
        assert "Another Roos agent" in second.stderr and str(home) in second.stderr
        assert snapshot(home / "store") == before
        assert first.call("POST", "/api/items", {"items": [make_item(2)]})[0] == 200
        assert stored_ids(first) == {make_item(n)["id"] for n in (1, 2)}


def test_when_agent_lock_names_a_live_process_using_the_home_the_agent_refuses(tmp_path):
    """In doubt, refuse: the locks are free, but agent.lock names a live process with the
    home's files open (an older Roos whose lock file was replaced, say)."""
    home = tmp_path / "home"
    (home / "store").mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; f = open(sys.argv[1], 'a'); time.sleep(60)",
            str(home / "store" / "meta.json"),
        ]
    )
    try:
        deadline = time.monotonic() + 10
        while not any(
            os.readlink(f"/proc/{holder.pid}/fd/{fd}").startswith(str(home))
            for fd in os.listdir(f"/proc/{holder.pid}/fd")
        ):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        (home / "agent.lock").write_text(str(holder.pid))
        with pytest.raises(StoreError, match=f"pid {holder.pid}"):
            HomeLock(home).acquire()
    finally:
        holder.kill()
        holder.wait()
    with HomeLock(home):  # once it is gone, the home is free
        assert (home / "agent.lock").read_text() == str(os.getpid())
