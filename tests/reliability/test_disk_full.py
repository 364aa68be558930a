"""Disk full: a write fails with a clear answer, what was stored stays, and the agent
recovers by itself once there is room again.

The home lives on a 2 MiB tmpfs (the test runs as root where mounting is allowed),
filled to the last byte by a filler file, so every write really gets ENOSPC from the
kernel. Where mounting is not allowed, the store's os.write is made to fail with
ENOSPC instead (the same error, raised one level higher).
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.server.keys import TOKEN
from agent.store import files as store_files
from tests.support.agent import make_item

DISK_FULL = 507


class TinyDisk:
    """A 2 MiB tmpfs that can be filled up and emptied again."""

    def __init__(self, mount: Path) -> None:
        self.mount = mount
        self.filler = mount / "filler.bin"

    def fill(self) -> None:
        chunk = b"\0" * 65536
        with open(self.filler, "ab", buffering=0) as f:
            while True:
                try:
                    f.write(chunk)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    if len(chunk) == 1:
                        return
                    chunk = chunk[: len(chunk) // 2]

    def free(self) -> None:
        self.filler.unlink()


class SimulatedDisk:
    """Where tmpfs cannot be mounted: the store's writes fail with ENOSPC while 'full'."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        disk = self

        class Os:
            def __getattr__(self, name: str):
                return getattr(os, name)

            def write(self, fd: int, data) -> int:
                if disk.full:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                return os.write(fd, data)

        monkeypatch.setattr(store_files, "os", Os())

    def fill(self) -> None:
        self.full = True

    def free(self) -> None:
        self.full = False


def mount_tmpfs(path: Path) -> bool:
    path.mkdir()
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TinyDisk | SimulatedDisk]:
    mount = tmp_path / "disk"
    if mount_tmpfs(mount):
        yield TinyDisk(mount)
        subprocess.run(["umount", "-l", str(mount)], check=False)
    else:
        yield SimulatedDisk(monkeypatch)


@pytest.fixture
def home(disk, tmp_path: Path) -> Path:
    """The agent's home on the small disk (overrides the conftest's home)."""
    return disk.mount / "home" if isinstance(disk, TinyDisk) else tmp_path / "home"


async def listen(api, server):
    ws = await api.ws_connect("/ws", max_msg_size=0)
    await ws.send_json({"type": "hello", "token": server.app[TOKEN].value})
    assert (await ws.receive_json(timeout=5))["type"] == "welcome"
    return ws


async def new_item_ids(ws, expected: int) -> list[str]:
    seen = []
    while len(seen) < expected:
        message = await ws.receive_json(timeout=10)
        if message["type"] == "item.new":
            seen.append(message["data"]["id"])
    return seen


async def stored(api) -> dict[str, str]:
    body = await (await api.get("/api/items?limit=500")).json()
    return {item["id"]: item["text"] for item in body["items"]}


SAID = {
    1: "Vanochtend de app van Vlotbank geprobeerd en alles werkte in een keer.",
    2: "Waarom duurt een overboeking bij Vlotbank vandaag zo ontzettend lang?",
    3: "Mijn nieuwe pas kwam binnen twee dagen, netjes geregeld hoor.",
    4: "Heeft iemand al ervaring met sparen voor de kinderen bij Vlotbank?",
    5: "De helpdesk belde mij zelf terug, dat had ik niet verwacht.",
    6: "Storing bij het inloggen sinds vanmiddag, ligt het aan mij?",
}


def batch(*numbers: int) -> dict:
    return {"items": [make_item(n, text=SAID[n]) for n in numbers]}


async def test_a_full_disk_refuses_writes_clearly_keeps_the_data_and_recovers(disk, server, api):
    listener = await listen(api, server)
    assert (await api.post("/api/items", json=batch(1, 2, 3))).status == 200
    assert await new_item_ids(listener, 3) == [make_item(n)["id"] for n in (1, 2, 3)]
    before = await stored(api)

    disk.fill()
    refused = await api.post("/api/items", json=batch(4, 5))
    body = await refused.json()
    assert refused.status == DISK_FULL
    assert body == {"ok": False, "error": body["error"], "status": DISK_FULL}
    assert "disk is full" in body["error"] and "Nothing was changed" in body["error"]
    assert await stored(api) == before
    assert (await api.get(f"/api/items/{make_item(4)['id']}")).status == 404
    assert (await api.post("/api/analyze", json=batch(6))).status == DISK_FULL

    disk.free()  # no restart: the next write simply works
    assert (await api.post("/api/items", json=batch(4, 5))).status == 200
    # The listener heard of nothing while the disk was full, then of exactly 4 and 5.
    assert await new_item_ids(listener, 2) == [make_item(n)["id"] for n in (4, 5)]
    assert set(await stored(api)) == {make_item(n)["id"] for n in (1, 2, 3, 4, 5)}
    await listener.close()


async def test_an_item_refused_for_lack_of_space_leaves_no_trace_behind(disk, server, api):
    """The near-duplicate index must not remember a text that was never stored."""
    assert (await api.post("/api/items", json=batch(1))).status == 200
    disk.fill()
    assert (await api.post("/api/items", json=batch(2))).status == DISK_FULL
    disk.free()
    twin = make_item(3, text=batch(2)["items"][0]["text"])
    assert len(twin["text"].split()) >= 6  # long enough to count as a copy
    answer = await (await api.post("/api/analyze", json={"items": [twin]})).json()
    assert answer["results"][0].get("duplicate_of") is None


async def test_a_profile_change_on_a_full_disk_is_refused_and_the_old_profile_kept(
    disk, server, api, home
):
    if isinstance(disk, SimulatedDisk):
        pytest.skip("the simulated disk fails only the store's writes, not the profile's")
    saving = await api.put("/api/profile", json={"organisation": {"name": "Vlotbank"}})
    assert saving.status == 200
    saved = (home / "profile.toml").read_bytes()
    disk.fill()
    refused = await api.put("/api/profile", json={"organisation": {"name": "Andere Bank"}})
    assert refused.status == DISK_FULL
    assert "disk is full" in (await refused.json())["error"]
    disk.free()
    assert (home / "profile.toml").read_bytes() == saved
    profile = await (await api.get("/api/profile")).json()
    assert profile["profile"]["organisation"]["name"] == "Vlotbank"
    assert sorted(p.name for p in home.iterdir() if p.name.endswith(".tmp")) == []
