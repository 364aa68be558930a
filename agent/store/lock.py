"""One agent per home: advisory locks held for the life of the process.

The lock that counts is on the home folder itself (flock on a descriptor of the folder):
unlike a lock file it cannot be deleted from under the agent, and a second agent that
finds the folder locked refuses to start. ``agent.lock`` is still written (and locked, so
an older Roos sees it too), but only to tell who holds the home. When in doubt the agent
refuses: the folder changed between opening and locking it, or ``agent.lock`` names a
live process that has files of this home open.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .files import StoreError

LOCK_FILE = "agent.lock"


def _holder(path: Path) -> str:
    try:
        return path.read_text(errors="replace").strip()[:64]
    except OSError:
        return ""


def _uses_home(pid_text: str, home: Path) -> bool:
    """True when that live process (not this one) has files of this home open."""
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    inside = str(home.resolve()) + os.sep
    try:
        fds = os.listdir(f"/proc/{pid_text}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{pid_text}/fd/{fd}")
        except OSError:
            continue
        if target.startswith(inside) or target == inside[:-1]:
            return True
    return False


class HomeLock:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / LOCK_FILE
        self._fds: list[int] = []

    def _refuse(self, why: str = "") -> StoreError:
        holder = _holder(self.path) or "another process"
        self.release()
        return StoreError(
            f"Another Roos agent (pid {holder}) already uses {self.home}{why}. "
            "Stop it first, or start this one with another --home."
        )

    def acquire(self) -> None:
        folder = os.open(self.home, os.O_RDONLY | os.O_DIRECTORY)
        self._fds.append(folder)
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise self._refuse() from None
        if os.fstat(folder).st_ino != os.stat(self.home).st_ino:
            raise self._refuse(" (the folder was replaced while starting)")
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        self._fds.append(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise self._refuse() from None
        if _uses_home(_holder(self.path), self.home):
            raise self._refuse(" (its lock file was replaced; it may still be writing)")
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())

    def release(self) -> None:
        for fd in reversed(self._fds):
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        self._fds = []

    def __enter__(self) -> HomeLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def is_locked(home: Path) -> bool:
    """True while an agent holds the home (used by CLI commands to pick their path)."""
    if not home.is_dir():
        return False
    for path, flags in ((home, os.O_RDONLY | os.O_DIRECTORY), (home / LOCK_FILE, os.O_RDWR)):
        try:
            fd = os.open(path, flags)
        except FileNotFoundError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    return False
