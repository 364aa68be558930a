"""Half-written files of a crash are removed when the agent starts, and not made by a failure.

The probe found `.report.html.part` after a disk-full report and `.profile.toml.<pid>.tmp`
after a kill -9; neither was ever cleaned up. Now the agent removes such leftovers when it
starts (it holds the home lock, so nobody else is writing them), and a report write that
fails removes its own partial file.
"""

from __future__ import annotations

import errno
import os

import pytest

from agent.reports import files
from tests.support.agent import AgentProcess


def test_leftovers_of_a_crash_are_removed_on_start_and_nothing_else(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as agent:
        assert agent.call("PUT", "/api/profile", {"retention_months": 10})[0] == 200
    month = home / "reports" / "2026-10"
    month.mkdir(parents=True)
    (month / "report.html").write_text("<p>a finished report</p>")
    leftovers = [
        month / ".report.html.part",
        month / ".report.pdf.part",
        home / ".profile.toml.4242.tmp",
        home / ".token.777.tmp",
    ]
    for path in leftovers:
        path.write_text("half")
    before = {
        p: p.read_bytes()
        for p in home.rglob("*")
        if p.is_file() and p not in leftovers and p.parent.name != "logs" and p.name != "agent.lock"
    }

    with AgentProcess(home):
        pass

    assert [p for p in leftovers if p.exists()] == []
    changed = [p.name for p, data in before.items() if p.read_bytes() != data]
    assert changed == []


def test_a_report_write_that_fails_leaves_no_partial_file(tmp_path, monkeypatch):
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OSError):
        files.write_private(tmp_path / "report.html", b"<p>" * 1000)
    assert list(tmp_path.iterdir()) == []
