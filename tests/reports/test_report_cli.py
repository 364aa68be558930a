"""`roos report`: with the agent running it asks the agent, without it reads the store itself."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from agent.profile import ProfileManager
from agent.reports.pdf import CHROMIUM
from agent.store import SyncStore
from tests.support.agent import ROOS, AgentProcess

from .conftest import vlot_profile
from .fixture_month import store_month

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed"),
]


def roos(*args: str, home: Path, port: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROOS_HOME": str(home)}
    if port:
        env["ROOS_PORT"] = str(port)
    return subprocess.run([str(ROOS), *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def october_home(tmp_path: Path) -> Path:
    """A home with the Vlotbank profile and October in its store, no agent running."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    profile = ProfileManager(home)
    profile.update(vlot_profile())
    store_month(SyncStore(home / "store").open(), profile.current)
    return home


def test_without_an_agent_the_command_writes_the_report_itself(october_home, tmp_path):
    out = tmp_path / "out"
    result = roos(
        "report", "--month", "2026-10", "--lang", "en", "--out", str(out), home=october_home
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("In October 2026 Vlotbank was mentioned 23 times")
    assert f"pdf: {out / 'report.pdf'}" in result.stdout
    assert len(PdfReader(out / "report.pdf").pages) >= 2
    assert (out / "report.csv").read_text(encoding="utf-8-sig").startswith("id,source,")
    # The home keeps its copy too, so the agent lists it once it runs.
    assert (october_home / "reports" / "2026-10" / "en" / "report.json").is_file()


def test_with_the_agent_running_the_command_asks_it_and_downloads_the_files(october_home, tmp_path):
    out = tmp_path / "out"
    with AgentProcess(october_home) as agent:
        result = roos(
            "report", "--month", "2026-10", "--out", str(out), home=october_home, port=agent.port
        )
        assert result.returncode == 0, result.stderr
        status, listed = agent.call("GET", "/api/reports")
    assert result.stdout.startswith("In oktober 2026 werd Vlotbank 23 keer genoemd")
    assert status == 200 and ("2026-10", "nl") in [
        (r["month"], r["lang"]) for r in listed["reports"]
    ]
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "Maandrapport oktober 2026" in (out / "report.html").read_text(encoding="utf-8")
    assert (october_home / "reports" / "2026-10" / "nl" / "report.pdf").is_file()


def test_a_month_that_has_not_started_is_refused_with_a_reason(october_home):
    result = roos("report", "--month", "2999-01", home=october_home)
    assert result.returncode == 1 and "has not started yet" in result.stderr
