"""Durable file primitives: every write lands atomically or not at all.

A write goes to a temp file in the same folder, is fsynced, keeps the previous
version as a hard-linked ``.bak`` snapshot, replaces the target with
``os.replace`` and finally fsyncs the folder so the rename itself survives a
power cut. Only then may a caller acknowledge the write.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import orjson

TMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"


class StoreError(Exception):
    """A storage problem with a message meant for the user."""


class DiskFullError(StoreError):
    """No room left to save: nothing was changed; the same write works once there is room."""


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _tmp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` durably; on failure the old file is untouched."""
    tmp = _tmp_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_backup and path.exists():
            # A hard link costs no copy: .bak keeps pointing at the previous inode.
            link_tmp = tmp.with_name(tmp.name + BACKUP_SUFFIX)
            os.link(path, link_tmp)
            os.replace(link_tmp, backup_path(path))
            # When .bak already was this inode (a scrubbed snapshot), rename(2) does nothing
            # and leaves link_tmp behind, which would make the next write's link fail.
            link_tmp.unlink(missing_ok=True)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        for leftover in (tmp, tmp.with_name(tmp.name + BACKUP_SUFFIX)):
            leftover.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(
                f"The disk is full: could not save {path.name}. Nothing was changed; "
                "free some space and try again."
            ) from exc
        raise StoreError(f"Could not save {path.name}: {exc.strerror or exc}") from exc


def write_json(path: Path, value: object, *, keep_backup: bool = True) -> int:
    """Write ``value`` as JSON durably; returns the bytes written."""
    data = orjson.dumps(value)
    atomic_write(path, data, keep_backup=keep_backup)
    return len(data)


def read_json(path: Path) -> object:
    return orjson.loads(path.read_bytes())


def remove_leftover_temps(folder: Path) -> list[Path]:
    """Temp files are only ever half-written writes of a crashed process."""
    removed = []
    for tmp in folder.rglob(f".*{TMP_SUFFIX}*"):
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed
