"""Copies set aside (``*.corrupt-*``) are scrubbed too when a person is forgotten or ages out.

A damaged file is kept aside byte-identical so nothing is lost, but it still holds what
people wrote. Forget and retention read each copy document by document (as recovery does),
drop what they removed, and write the rest back; a copy left with nothing is deleted. An
unreadable tail is kept unless it mentions what is being removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import orjson

from .files import atomic_write
from .recover import TABLE, readable_docs

log = logging.getLogger("roos.store")

Drop = Callable[[str, dict], bool]  # (table, document) -> remove it?


def scrub_asides(home: Path, drop: Drop, needles: list[str]) -> list[str]:
    """Scrub every set-aside copy in the home; returns the ones changed (relative paths)."""
    changed = []
    marks = [n.encode() for n in needles]
    for aside in sorted(home.rglob("*.corrupt-*")):
        if not aside.is_file():
            continue
        raw = aside.read_bytes()
        in_store = aside.parent.parent.name == "store" and aside.name.split(".")[1] == "json"
        if in_store:
            docs, rest = readable_docs(raw)
            keep = {k: d for k, d in docs.items() if not drop(aside.parent.name, d)}
            tail = rest.encode()
            if any(m in tail for m in marks):
                tail = b""
            if len(keep) == len(docs) and tail == rest.encode():
                continue
            if not keep and not tail.strip():
                aside.unlink()
            else:
                atomic_write(aside, orjson.dumps({TABLE: keep}) + b"\n" + tail, keep_backup=False)
        elif any(m in raw for m in marks):
            aside.unlink()  # a profile or token copy that names them: nothing to keep
        else:
            continue
        changed.append(str(aside.relative_to(home)))
        log.info("Scrubbed the set-aside copy %s.", aside.name)
    return changed
