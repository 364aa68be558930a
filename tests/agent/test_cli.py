"""What a newcomer types: roos, roos init, roos token, roos serve (twice)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.support.agent import ROOS, AgentProcess


def roos(*args: str, home: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROOS_HOME": str(home)}
    return subprocess.run(
        [str(ROOS), *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def test_roos_without_a_command_shows_help(tmp_path):
    result = roos(home=tmp_path)
    assert result.returncode == 0 and "serve" in result.stdout and "token" in result.stdout


def test_the_token_is_32_random_bytes_private_and_rotatable(tmp_path):
    first = roos("token", home=tmp_path).stdout.strip()
    assert len(first) == 64 and int(first, 16) >= 0
    assert stat.S_IMODE((tmp_path / "token").stat().st_mode) == 0o600
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700
    assert roos("token", home=tmp_path).stdout.strip() == first
    rotated = roos("token", "--rotate", home=tmp_path).stdout.strip().splitlines()[-1]
    assert rotated != first and (tmp_path / "token").read_text().strip() == rotated


def test_init_writes_a_commented_example_once(tmp_path):
    assert roos("init", home=tmp_path).returncode == 0
    text = (tmp_path / "profile.toml").read_text()
    assert text.startswith("#") and "Vlotbank" in text
    again = roos("init", home=tmp_path)
    assert again.returncode != 0 and "already exists" in again.stderr


def test_a_second_agent_on_the_same_home_refuses_to_start(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with AgentProcess(home) as first:
        second = subprocess.run(
            [str(ROOS), "serve", "--port", str(first.port + 1)],
            env={**os.environ, "ROOS_HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert second.returncode == 3
        assert "Another Roos agent" in second.stderr
        assert first.call("GET", "/api/items")[0] == 200  # the first one is unharmed


def test_the_agent_listens_on_loopback_only_and_never_logs_the_token(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with AgentProcess(home) as agent:
        agent.call("GET", "/api/items")
        agent.call("GET", "/api/items", token=False)
        listening = _listening_addresses(agent.port)
        token = agent.token
    assert listening == {"0100007F"}, listening  # 127.0.0.1 in /proc/net/tcp notation
    logs = "".join(p.read_text() for p in (home / "logs").glob("*.log*"))
    assert "listening" in logs and token not in logs


def _listening_addresses(port: int) -> set[str]:
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:
                found.add(address)
    return found


def test_a_bad_port_is_a_clear_error(tmp_path):
    result = subprocess.run(
        [str(ROOS), "serve", "--port", "70000"],
        env={**os.environ, "ROOS_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0 and "port must be between" in result.stderr


def test_the_module_entry_point_matches_the_console_script():
    result = subprocess.run(
        [sys.executable, "-m", "agent.cli.main", "--help"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0 and "roos" in result.stdout


def test_stopping_the_agent_closes_live_connections_going_away(tmp_path):
    import asyncio
    import json
    import signal

    import aiohttp

    home = tmp_path / "home"
    home.mkdir()
    agent = AgentProcess(home).start()

    async def listen_then_stop() -> int | None:
        async with aiohttp.ClientSession() as session:
            ws = await session.ws_connect(agent.base + "/ws")
            await ws.send_str(json.dumps({"type": "hello", "token": agent.token}))
            await ws.receive(timeout=10)  # welcome
            os.killpg(agent.proc.pid, signal.SIGTERM)
            await ws.receive(timeout=30)
            return ws.close_code

    assert asyncio.run(listen_then_stop()) == 1001  # GOING_AWAY
    assert agent.proc.wait(30) == 0
