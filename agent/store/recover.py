"""Reading what is left of a damaged shard, and what its snapshot adds.

A shard is ``{"_default": {"1": {...}, "2": {...}}}``. A truncated or partly overwritten
file is still readable document by document up to the damage, so instead of throwing the
whole file away for its older ``.bak``, every complete document before the damage is kept
and the snapshot only fills in documents the damaged file no longer shows. Ids seen in the
unreadable rest that neither copy holds are reported as lost, never dropped silently.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .files import write_json

TABLE = "_default"
_HEADER = re.compile(r'\s*\{\s*"_roos"\s*:\s*\{\s*"documents"\s*:\s*(\d+)\s*\}\s*,')
_HEAD = re.compile(r'\s*"_default"\s*:\s*\{\s*')
_WS = re.compile(r"\s*")
_ID = re.compile(r'"id"\s*:\s*"((?:[^"\\]|\\.){1,4096})"')


@dataclass
class Recovered:
    """The merged shard and how it came together."""

    data: dict
    from_file: int = 0
    from_backup: int = 0
    unreadable_bytes: int = 0
    lost_ids: list[str] = field(default_factory=list)
    lost: int = 0  # at least this many documents are in neither copy

    @property
    def documents(self) -> int:
        return len(self.data[TABLE])


def declared_count(raw: bytes) -> int | None:
    """How many documents the shard's header says it holds (None for older shards)."""
    header = _HEADER.match(raw[:200].decode("utf-8", errors="replace"))
    return int(header.group(1)) if header else None


def readable_docs(raw: bytes) -> tuple[dict[str, dict], str]:
    """The complete documents before the damage (by TinyDB doc id), and the unread rest."""
    text = raw.decode("utf-8", errors="replace")
    header = _HEADER.match(text)
    if header is None:
        header = re.compile(r"\s*\{").match(text)
        if header is None:
            return {}, text
    head = _HEAD.match(text, header.end())
    if head is None:
        return {}, text
    decoder = json.JSONDecoder()
    docs: dict[str, dict] = {}
    pos = head.end()
    while True:
        start = pos
        try:
            key, pos = decoder.raw_decode(text, pos)
            pos = _WS.match(text, pos).end()
            if not isinstance(key, str) or text[pos : pos + 1] != ":":
                return docs, text[start:]
            pos = _WS.match(text, pos + 1).end()
            doc, pos = decoder.raw_decode(text, pos)
        except ValueError:
            return docs, text[start:]
        if not (key.isdigit() and isinstance(doc, dict) and isinstance(doc.get("id"), str)):
            return docs, text[start:]
        docs[key] = doc
        pos = _WS.match(text, pos).end()
        if text[pos : pos + 1] != ",":
            return docs, text[pos:].strip().removeprefix("}").strip().removeprefix("}").strip()
        pos = _WS.match(text, pos + 1).end()


def recover(damaged: bytes, backup: bytes | None) -> Recovered:
    """Every readable document of ``damaged``, plus those only the snapshot still holds."""
    docs, rest = readable_docs(damaged)
    merged = dict(docs)
    seen = {doc["id"] for doc in docs.values()}
    from_backup = 0
    if backup is not None:
        older, _ = readable_docs(backup)
        next_key = max((int(k) for k in merged), default=0) + 1
        for key, doc in older.items():
            if doc["id"] in seen:
                continue
            if key in merged:
                key, next_key = str(next_key), next_key + 1
            merged[key] = doc
            next_key = max(next_key, int(key) + 1)
            seen.add(doc["id"])
            from_backup += 1
    mentioned = dict.fromkeys(_ID.findall(rest))
    lost_ids = [i for i in mentioned if i not in seen]
    expected = declared_count(damaged) or 0
    return Recovered(
        data={TABLE: merged},
        from_file=len(docs),
        from_backup=from_backup,
        unreadable_bytes=len(rest.encode("utf-8", errors="replace")),
        lost_ids=lost_ids,
        lost=max(expected - len(docs) - from_backup, len(lost_ids)),
    )


NOTES = "recovery.json"


def read_notes(store_folder: Path) -> list[dict]:
    """What earlier recoveries could not bring back (shown by the dashboard and `roos doctor`)."""
    try:
        notes = orjson.loads((store_folder / NOTES).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return []
    return [n for n in notes if isinstance(n, dict)] if isinstance(notes, list) else []


def add_note(store_folder: Path, note: dict) -> None:
    write_json(store_folder / NOTES, [*read_notes(store_folder), note], keep_backup=False)
