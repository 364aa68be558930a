"""`roos serve` says what is really wrong when it cannot start.

Every OS error used to come out as "cannot listen on 127.0.0.1:PORT" (exit 5): a full
disk and a `store/people` that is a file looked like a busy port. Now only a port that
cannot be bound says so (exit 5); a problem with the home, the store or the disk names
the path and what to do (exit 4), without a traceback.
"""

from __future__ import annotations

import socket
import subprocess

import pytest

from tests.reliability.test_disk_full import TinyDisk, mount_tmpfs
from tests.reliability.test_two_agents import serve
from tests.support.agent import AgentProcess, free_port, make_item

STORE_PROBLEM, CANNOT_LISTEN = 4, 5


def made_home(tmp_path, name: str = "home"):
    home = tmp_path / name
    with AgentProcess(home) as agent:
        assert agent.call("POST", "/api/items", {"items": [make_item(1)]})[0] == 200
    return home


def test_a_store_folder_that_is_a_file_is_named(tmp_path):
    home = made_home(tmp_path)
    people = home / "store" / "people"
    for child in people.iterdir():
        child.unlink()
    people.rmdir()
    people.write_text("not a folder")

    refused = serve(home, free_port())

    assert refused.returncode == STORE_PROBLEM, refused.stderr
    assert f"{people} should be a folder but is a file" in refused.stderr
    assert "cannot listen" not in refused.stderr and "Traceback" not in refused.stderr


def test_a_busy_port_is_still_reported_as_one(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        refused = serve(tmp_path / "home", taken.getsockname()[1])
    assert refused.returncode == CANNOT_LISTEN
    assert "cannot listen on 127.0.0.1" in refused.stderr and "in use" in refused.stderr


def test_a_full_disk_at_start_says_the_disk_is_full(tmp_path):
    mount = tmp_path / "disk"
    if not mount_tmpfs(mount):
        pytest.skip("needs a small tmpfs (root); the store's own 507 is tested in test_disk_full")
    try:
        home = made_home(mount)
        (home / "agent.lock").unlink()
        disk = TinyDisk(mount)
        disk.fill()

        refused = serve(home, free_port())

        assert refused.returncode == STORE_PROBLEM, refused.stderr
        assert "the disk is full" in refused.stderr.lower()
        assert "Free some space" in refused.stderr
        assert "cannot listen" not in refused.stderr and "Traceback" not in refused.stderr
        disk.free()
        with AgentProcess(home) as agent:  # and once there is room, it starts as before
            assert agent.call("GET", "/api/items")[1]["total"] == 1
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
