"""Report files on disk: private (0600 in 0700 folders) and written whole or not at all.

Reports hold what people wrote and who they are, so they get the home's modes whatever
the umask. A write goes to ``.<name>.part`` first; a failed write (a full disk) removes
it, and the agent's start removes any left by a crash (agent/home.py).
"""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(folder: Path) -> Path:
    """Create `folder` and any missing parents 0700 (mkdir's mode skips the parents)."""
    missing = [p for p in [folder, *folder.parents] if not p.exists()]
    for path in reversed(missing):
        path.mkdir(mode=FOLDER_MODE, exist_ok=True)
        os.chmod(path, FOLDER_MODE)
    os.chmod(folder, FOLDER_MODE)
    return folder


def write_private(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.part")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(partial, FILE_MODE)  # an older .part may have had other modes
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def copy_out(source: Path, target: Path, mode: int = FILE_MODE) -> Path:
    """A copy for the user outside the home (`roos report --out`): 0600 unless asked."""
    write_private(target, source.read_bytes())
    os.chmod(target, mode)
    return target
