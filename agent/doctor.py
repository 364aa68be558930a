"""`roos doctor` and GET /api/doctor: is the home healthy, and if not, what to do.

Read-only: every check looks, none repairs (the agent repairs on start; the user decides
about what could not be repaired). Each check answers a plain dict
``{"check", "ok", "problem", "fix", "details"}``; ``details`` carries the numbers the
dashboard needs to say the same in Dutch or English.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import orjson

from .home import loose_modes
from .store.db import TABLES
from .store.lock import LOCK_FILE, is_locked
from .store.meta import SCHEMA_VERSION
from .store.recover import read_notes

LOW_DISK = 200 * 1024 * 1024  # below this a day of scraping and a report may not fit
SHOWN = 5


def _check(
    name: str, problem: str | None = None, fix: str | None = None, note: str = "", **details
) -> dict:
    return {
        "check": name,
        "ok": problem is None,
        "problem": problem,
        "fix": fix,
        "note": note,
        "details": details,
    }


def check_home(home: Path) -> dict:
    if not home.exists():
        return _check("home", f"{home} does not exist", "Start the agent once: `roos serve`.")
    if not home.is_dir():
        return _check("home", f"{home} is not a folder", "Move it away, or pass another --home.")
    if home.stat().st_uid != os.getuid():
        return _check("home", f"{home} belongs to another user", f"chown -R $USER {home}")
    if not os.access(home, os.W_OK):
        return _check("home", f"{home} is not writable", f"chmod u+rwx {home}")
    return _check("home")


def check_modes(home: Path) -> dict:
    """Everything in the home is private: folders 0700, files 0600 (or tighter)."""
    loose = [
        f"{path.relative_to(home) if path != home else '.'} ({stat.S_IMODE(mode):04o})"
        for path, mode in loose_modes(home)
    ]
    if not loose:
        return _check("modes")
    shown = ", ".join(loose[:SHOWN]) + (
        f" and {len(loose) - SHOWN} more" if len(loose) > SHOWN else ""
    )
    return _check(
        "modes",
        f"{len(loose)} files or folders can be read by other users: {shown}",
        f"chmod -R go-rwx {home} (the agent also tightens them when it starts)",
        count=len(loose),
    )


def check_lock(home: Path) -> dict:
    if not is_locked(home):
        return _check("lock", note="no agent is running on this home", running=False)
    try:
        holder = (home / LOCK_FILE).read_text(errors="replace").strip()[:20] or "?"
    except OSError:
        holder = "?"
    return _check("lock", note=f"an agent (pid {holder}) is running on this home", running=True)


def check_store(home: Path, deep: bool = True) -> dict:
    """`deep` parses every shard: for `roos doctor`; the running agent has read them all."""
    store = home / "store"
    if not store.exists():
        return _check("store", note="no store yet")
    if not store.is_dir():
        return _check("store", f"{store} is a file, not a folder", f"Move {store} away.")
    problems = []
    for table in TABLES:
        folder = store / table
        if folder.exists() and not folder.is_dir():
            problems.append(f"store/{table} is a file, not a folder (move it away)")
    meta = store / "meta.json"
    if meta.exists():
        try:
            version = orjson.loads(meta.read_bytes()).get("schema_version")
        except (OSError, orjson.JSONDecodeError, AttributeError):
            version = None
        if isinstance(version, int) and version > SCHEMA_VERSION:
            problems.append("the store was written by a newer Roos (upgrade Roos)")
    damaged = []
    for shard in sorted(store.glob("*/*.json")) if deep else []:
        try:
            orjson.loads(shard.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            damaged.append(str(shard.relative_to(home)))
    if damaged:
        problems.append(
            f"{len(damaged)} store files are damaged ({', '.join(damaged[:SHOWN])}); "
            "the agent recovers what it can from them when it starts"
        )
    lost = [n for n in read_notes(store) if n.get("lost") or n.get("unrecovered")]
    for note in lost:
        what = (
            "could not be read at all"
            if note.get("unrecovered")
            else (
                f"lost {note['lost']} documents (recovered {note.get('from_file', 0)} from the "
                f"file and {note.get('from_backup', 0)} from its snapshot)"
            )
        )
        problems.append(
            f"store/{note.get('file')} {what}; the damaged copy is kept as {note.get('aside')}"
        )
    if not problems:
        return _check("store")
    fix = "Keep the *.corrupt-* copies (they hold what could not be read) and a backup of the home"
    if lost:
        fix += "; once you have, `roos doctor --clear` stops the notice on the dashboard"
    return _check(
        "store",
        "; ".join(problems),
        fix + ".",
        lost=sum(int(n.get("lost") or 0) for n in lost),
        files=[n.get("file") for n in lost],
        unrecovered=sum(1 for n in lost if n.get("unrecovered")),
    )


def check_disk(home: Path) -> dict:
    try:
        free = shutil.disk_usage(home if home.exists() else home.parent).free
    except OSError as exc:
        return _check("disk", f"cannot tell the free space: {exc.strerror}", None)
    mib = free // (1024 * 1024)
    if free < LOW_DISK:
        return _check(
            "disk",
            f"only {mib} MiB free on the disk of {home}",
            "Free some space: saving refuses (507) when the disk is full, losing nothing.",
            free_mib=mib,
        )
    return _check("disk", free_mib=mib)


def check_leftovers(home: Path) -> dict:
    left = [p for pattern in (".*.part", ".*.tmp", ".*.tmp.bak") for p in home.rglob(pattern)]
    if not left:
        return _check("leftovers")
    names = ", ".join(str(p.relative_to(home)) for p in left[:SHOWN])
    return _check(
        "leftovers",
        f"{len(left)} half-written files from an interrupted write: {names}",
        "Start the agent: it removes them (or delete them by hand while it is stopped).",
        count=len(left),
    )


CHECKS = (check_home, check_lock, check_store, check_modes, check_disk, check_leftovers)


def examine(home: Path, deep: bool = True) -> list[dict]:
    if not home.is_dir():
        return [check_home(home)]
    return [check_store(home, deep) if check is check_store else check(home) for check in CHECKS]
