"""`roos watch` as a real process next to a real agent, its output read line by line."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path

from tests.support.agent import ROOS, AgentProcess


class WatchProcess:
    def __init__(self, agent: AgentProcess, *args: str, env: dict | None = None) -> None:
        self.agent = agent
        self.args = args
        self.env = {
            **os.environ,
            "ROOS_HOME": str(agent.home),
            "ROOS_PORT": str(agent.port),
            "LANG": "en_US.UTF-8",
            "LC_ALL": "",
            "PYTHONUNBUFFERED": "1",
            "PYTHONIOENCODING": "utf-8",
            **(env or {}),
        }
        self.out: queue.Queue[str] = queue.Queue()
        self.err: queue.Queue[str] = queue.Queue()

    def start(self) -> WatchProcess:
        self.proc = subprocess.Popen(
            [str(ROOS), "watch", *self.args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        for stream, sink in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=_pump, args=(stream, sink), daemon=True).start()
        return self

    def wait_status(self, words: str, timeout: float = 20) -> str:
        """The next status line (stderr) containing `words`; fails after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"no status line with {words!r}"
            line = self.err.get(timeout=left)
            if words in line:
                return line

    def lines(self, count: int, timeout: float = 20) -> list[str]:
        got: list[str] = []
        deadline = time.monotonic() + timeout
        while len(got) < count:
            left = deadline - time.monotonic()
            assert left > 0, f"only {len(got)} of {count} lines: {got}"
            got.append(self.out.get(timeout=left).rstrip("\n"))
        return got

    def quiet_for(self, seconds: float) -> list[str]:
        """Whatever is printed within `seconds` (to show that nothing more is)."""
        time.sleep(seconds)
        extra = []
        while not self.out.empty():
            extra.append(self.out.get_nowait())
        return extra

    def interrupt(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> WatchProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _pump(stream, sink: queue.Queue) -> None:
    for line in stream:
        sink.put(line)


def fake_notify_send(folder: Path) -> Path:
    """A notify-send that writes its arguments to a file, one per line."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "notify-send"
    log = folder / "notified.txt"
    script.write_text(f'#!/bin/sh\nfor a in "$@"; do echo "$a" >> {log}; done\n')
    script.chmod(0o755)
    return log
