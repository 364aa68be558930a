"""Desktop notifications for urgent items, through `notify-send` where the desktop has it.

The text is already inert (see terminal.inert) and goes to notify-send as an argument, never
through a shell. A notification that fails must not stop the watch: it is fire-and-forget.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess

from .lines import Line
from .terminal import inert
from .words import say

BODY = 200


class Notifier:
    def __init__(self, lang: str, program: str | None = None) -> None:
        self.lang = lang
        self.program = program or shutil.which("notify-send")
        self._running: list[subprocess.Popen] = []

    @property
    def available(self) -> bool:
        return self.program is not None

    def __call__(self, line: Line) -> None:
        if not self.program:
            return
        args = [
            self.program,
            "--app-name=Roos",
            "--urgency=critical",
            say(self.lang, "notify_title"),
            inert(line.excerpt, BODY),
        ]
        self._running = [p for p in self._running if p.poll() is None]  # reap finished ones
        with contextlib.suppress(OSError):
            self._running.append(
                subprocess.Popen(
                    args,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
