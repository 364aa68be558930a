"""The home folder: private (0700), with a 0600 token made on first start."""

from __future__ import annotations

import logging
import os
import re
import secrets
import stat
import time
from pathlib import Path

TOKEN_FILE = "token"
log = logging.getLogger("roos.home")


def prepare_home(home: Path) -> Path:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(home, 0o700)
    (home / "logs").mkdir(mode=0o700, exist_ok=True)
    return home


def loose_modes(home: Path) -> list[tuple[Path, int]]:
    """Everything in the home that others may read or enter, with its mode. Symbolic links are
    left out: their own mode is always 0777 and chmod would follow them."""
    loose = []
    for path in [home, *home.rglob("*")]:
        try:
            mode = path.lstat().st_mode
        except OSError:
            continue
        if not stat.S_ISLNK(mode) and stat.S_IMODE(mode) & 0o077:
            loose.append((path, mode))
    return loose


def tighten_modes(home: Path) -> int:
    """Make everything in the home private (an older Roos, or a copy, may have left 0644):
    folders 0700, files 0600. Returns how many were changed."""
    changed = 0
    for path, mode in loose_modes(home):
        wanted = 0o700 if stat.S_ISDIR(mode) else stat.S_IMODE(mode) & 0o700 or 0o600
        os.chmod(path, wanted)
        changed += 1
    if changed:
        log.info("Made %d files and folders in %s private again (0700/0600).", changed, home)
    return changed


# Half-written copies a crash (kill -9, a full disk) can leave: ".profile.toml.<pid>.tmp"
# from write_private below, ".report.html.part" from agent/reports/files.py. The store
# cleans its own folder when it opens.
LEFTOVERS = ((".", ".*.tmp"), ("reports", "*/.*.part"), ("reports", ".*.part"))


def remove_leftovers(home: Path) -> list[Path]:
    """Remove half-written files of an earlier crash; only while holding the home lock."""
    removed = []
    for folder, pattern in LEFTOVERS:
        for path in (home / folder).glob(pattern):
            if path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
                removed.append(path)
                log.info("Removed a half-written file from an earlier crash: %s", path.name)
    return removed


def write_private(path: Path, text: str) -> None:
    """Create the file 0600 from the first byte, atomically."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a half-written copy must not linger (or fill the disk)
        raise


TOKEN_SHAPE = re.compile(r"[0-9a-f]{32,128}")


def read_token(home: Path) -> str | None:
    """The token on file; a damaged or foreign one is moved aside (a new one is then made).

    A truncated token would still "work" but be guessable, and a foreign file is not ours
    to use as a secret: either way the user pairs again with a fresh token.
    """
    path = home / TOKEN_FILE
    if not path.exists():
        return None
    raw = path.read_bytes().strip()
    if not raw:
        return None
    token = raw.decode("ascii", errors="replace")
    if TOKEN_SHAPE.fullmatch(token):
        return token
    aside = path.with_name(f"{TOKEN_FILE}.corrupt-{int(time.time())}")
    path.replace(aside)
    log.warning(
        "The token file was damaged or not Roos's; moved it aside to %s. A new token is made: "
        "pair the extension again with `roos token`.",
        aside.name,
    )
    return None


def ensure_token(home: Path) -> str:
    token = read_token(home)
    if token is None:
        token = rotate_token(home)
    os.chmod(home / TOKEN_FILE, 0o600)
    return token


def rotate_token(home: Path) -> str:
    token = secrets.token_hex(32)
    write_private(home / TOKEN_FILE, token + "\n")
    return token


class TokenKeeper:
    """The agent's current token; follows `roos token --rotate` without a restart."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.value = ensure_token(home)

    def refresh(self) -> None:
        token = read_token(self.home)
        if token:
            self.value = token
