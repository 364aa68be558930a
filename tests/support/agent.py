"""A real agent process for tests: started with `roos serve` on a free port and a temp home."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROOS = Path(sys.executable).parent / "roos"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AgentProcess:
    def __init__(self, home: Path, port: int | None = None, env: dict | None = None) -> None:
        self.home = Path(home)
        self.port = port or free_port()
        self.env = {
            **os.environ,
            "ROOS_HOME": str(self.home),
            "ROOS_PORT": str(self.port),
            "ROOS_SCHEDULER": "0",
            **(env or {}),
        }
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return (self.home / "token").read_text().strip()

    def start(self, wait: float = 30.0) -> AgentProcess:
        self.log = open(self.home.parent / f"agent-{self.port}.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [str(ROOS), "serve"],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"agent exited with {self.proc.returncode}")
            try:
                if self.call("GET", "/api/health", token=False)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("agent did not answer /api/health in time")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        if getattr(self, "log", None):
            self.log.close()

    def kill(self) -> None:
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.log.close()

    def call(
        self,
        method: str,
        path: str,
        body: object = None,
        *,
        token: bool = True,
        headers: dict | None = None,
        timeout: float = 30,
    ) -> tuple[int, object]:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {self.token}")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
                return r.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, json.loads(raw)
            except ValueError:
                return e.code, raw.decode(errors="replace")

    def __enter__(self) -> AgentProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def make_item(n: int, **fields: object) -> dict:
    item = {
        "id": f"urn:li:activity:{7200000000000000000 + n}",
        "source": "linkedin",
        "kind": "post",
        "url": f"https://www.linkedin.com/feed/update/urn:li:activity:{7200000000000000000 + n}/",
        "text": f"Bericht {n} over Vlotbank",
        "author": {"name": f"Auteur {n % 37}"},
        "seen_at": "2026-11-23T10:00:00Z",
    }
    item.update(fields)
    return item
