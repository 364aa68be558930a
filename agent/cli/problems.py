"""What an OS error at start-up means for the user, in words that say what to do.

`roos serve` used to report every OSError as "cannot listen on 127.0.0.1:PORT", so a full
disk, a missing permission or a file where a folder belongs all looked like a busy port.
"""

from __future__ import annotations

import errno
from pathlib import Path


class ListenError(OSError):
    """The port could not be bound (the one error that is about listening)."""


def _first_non_folder(path: Path) -> Path:
    """The part of `path` that exists but is not a folder (what ENOTDIR trips over)."""
    for part in [*reversed(path.parents), path]:
        if part.exists() and not part.is_dir():
            return part
    return path


def describe(exc: OSError) -> str:
    path = Path(exc.filename) if exc.filename else None
    where = f" {path}" if path else ""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full: could not write{where}. Free some space and start Roos again."
    if code == errno.EEXIST and path is not None and path.exists() and not path.is_dir():
        return f"{path} should be a folder but is a file. Move it out of the way and start again."
    if code == errno.ENOTDIR and path is not None:
        blocker = _first_non_folder(path)
        return (
            f"{blocker} should be a folder but is a file. Move it out of the way and start again."
        )
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"no permission to use{where}. Check who owns it and its modes "
            "(`roos doctor` lists what to fix)."
        )
    if code == errno.EROFS:
        return f"the disk of{where} is read-only. Pass a writable --home."
    if code == errno.EISDIR and path is not None:
        return f"{path} should be a file but is a folder. Move it out of the way and start again."
    return f"cannot use{where}: {exc.strerror or exc}."
