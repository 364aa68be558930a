"""Everything in the home is the user's alone: folders 0700, files 0600, as the README says.

The probe found reports/ at 0755, report.pdf at 0644 and `roos report --out` copies at
0644. Now report files get their modes whatever the umask, every `roos` command sets the
umask to 077, the agent makes an older home private again when it starts, and --out
copies are 0600 unless the user asks for another mode (`--mode 644`).
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from agent.sources.browser import CHROMIUM
from tests.support.agent import ROOS, AgentProcess, make_item

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Chromium")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def loose(home: Path) -> list[str]:
    """Everything in the home others could read, with its mode."""
    return [
        f"{p.relative_to(home)} {mode(p):04o}"
        for p in [home, *home.rglob("*")]
        if not p.is_symlink() and mode(p) & 0o077
    ]


@needs_chromium
async def test_a_report_made_by_the_agent_is_private_whatever_the_umask(api, server, home):
    previous = os.umask(0o022)  # a typical shell's umask
    try:
        made = await api.post("/api/reports", json={"month": "2026-10"})
        assert made.status == 200, await made.text()
    finally:
        os.umask(previous)
    month = home / "reports" / "2026-10"
    folder = month / "nl"  # one folder per language (the profile's, Dutch by default)
    assert [p.name for p in month.iterdir()] == ["nl"]
    assert {p.name: mode(p) for p in folder.iterdir()} == {
        "report.html": 0o600,
        "report.csv": 0o600,
        "report.pdf": 0o600,
        "report.json": 0o600,
    }
    assert mode(home / "reports") == mode(month) == mode(folder) == 0o700


@needs_chromium
def test_roos_report_out_copies_are_private_unless_asked(tmp_path):
    home, out, shared = tmp_path / "home", tmp_path / "out", tmp_path / "shared"
    env = {**os.environ, "ROOS_HOME": str(home), "ROOS_SCHEDULER": "0"}

    def report(*args: str) -> None:
        done = subprocess.run(
            [str(ROOS), "report", "--month", "2026-10", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr

    previous = os.umask(0o022)
    try:
        report("--out", str(out))
    finally:
        os.umask(previous)
    report("--out", str(shared), "--mode", "644")
    assert {p.name: mode(p) for p in out.iterdir()} == dict.fromkeys(
        ("report.html", "report.csv", "report.pdf"), 0o600
    )
    assert {mode(p) for p in shared.iterdir()} == {0o644}
    assert loose(home) == []


def test_the_agent_makes_an_older_home_private_and_keeps_it_so(tmp_path):
    home = tmp_path / "home"
    (home / "reports" / "2026-09").mkdir(parents=True)
    for folder in (home, home / "reports", home / "reports" / "2026-09"):
        folder.chmod(0o755)
    (home / "reports" / "2026-09" / "report.pdf").write_bytes(b"%PDF-1.4")
    (home / "reports" / "2026-09" / "report.pdf").chmod(0o644)
    previous = os.umask(0o022)  # the agent is started from a typical shell
    try:
        with AgentProcess(home) as agent:
            assert agent.call("POST", "/api/items", {"items": [make_item(1)]})[0] == 200
            assert agent.call("PUT", "/api/profile", {"retention_months": 11})[0] == 200
    finally:
        os.umask(previous)
    assert loose(home) == []


def test_doctor_and_start_up_agree_on_what_is_loose_and_a_symlink_is_not(tmp_path):
    """A link's own mode is always 0777: neither start-up nor `roos doctor` may count it."""
    from agent.doctor import check_modes
    from agent.home import prepare_home, tighten_modes

    home = prepare_home(tmp_path / "home")
    (home / "notes.txt").write_text("x")
    (home / "notes.txt").chmod(0o644)
    (home / "latest").symlink_to(home / "notes.txt")
    assert "notes.txt (0644)" in str(check_modes(home))
    assert tighten_modes(home) == 1
    assert check_modes(home)["ok"] is True
