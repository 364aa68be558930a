"""Past messages from a file, so there is data on day one: CSV or JSON lines, mapped to items.

A CSV export of page comments or a spreadsheet of earlier mentions rarely uses Roos's names
for its columns, so each item field (text, author, date, url, source, ...) is looked for under
the usual names in Dutch and English, case and punctuation ignored; `--map text=Reactie`
says it outright. Every row becomes an item as the extension would send it (the shared item
schema); a row without text is skipped and counted. Ids are stable (the row's own id, else a
hash of what it says), so importing the same file twice stores nothing twice.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

FIELDS = {
    "id": ("id", "messageid", "commentid", "urn"),
    "text": (
        "text",
        "message",
        "bericht",
        "comment",
        "commentaar",
        "reactie",
        "content",
        "body",
        "tekst",
        "mention",
        "vermelding",
    ),
    "author": ("author", "authorname", "name", "naam", "auteur", "from", "van", "user", "username"),
    "profile_url": ("authorurl", "profileurl", "profile", "profiel", "authorlink"),
    "date": (
        "date",
        "datum",
        "publishedat",
        "createdat",
        "created",
        "time",
        "tijd",
        "timestamp",
        "posted",
        "geplaatst",
    ),
    "url": ("url", "link", "permalink", "postlink"),
    "source": ("source", "bron", "platform", "network", "netwerk", "channel", "kanaal"),
    "kind": ("kind", "type", "soort"),
    "parent_id": ("parentid", "parent", "inreplyto"),
}
SOURCES = {
    "linkedin": "linkedin",
    "blog": "blog",
    "x": "x",
    "twitter": "x",
    "web": "web",
    "website": "web",
    "wordpress": "blog",
}
KINDS = {
    "post": "post",
    "comment": "comment",
    "reactie": "comment",
    "reply": "reply",
    "antwoord": "reply",
    "bericht": "post",
}
DATE_FORMATS = ("%d-%m-%Y %H:%M", "%d-%m-%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M")


class ImportProblem(ValueError):
    """A file Roos cannot import, with the reason."""


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def read_rows(path: Path) -> list[dict]:
    """The file's rows as dicts: JSON lines (one object a line) or CSV (delimiter sniffed)."""
    raw = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json") or raw.lstrip().startswith("{"):
        rows = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise ImportProblem(f"line {number} is no JSON: {exc}") from None
            if not isinstance(row, dict):
                raise ImportProblem(f"line {number} is no JSON object")
            rows.append(row)
        return rows
    try:
        dialect = csv.Sniffer().sniff(raw[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [dict(row) for row in csv.DictReader(io.StringIO(raw), dialect=dialect)]


def guess_mapping(columns: list[str], given: dict[str, str] | None = None) -> dict[str, str]:
    """Item field → column name, from the usual names, with `given` winning."""
    by_key = {_key(c): c for c in columns}
    mapping = {}
    for field, names in FIELDS.items():
        found = next((by_key[n] for n in names if n in by_key), None)
        if found:
            mapping[field] = found
    for field, column in (given or {}).items():
        if field not in FIELDS:
            raise ImportProblem(f"--map {field}=…: fields are {', '.join(FIELDS)}")
        if column not in columns:
            raise ImportProblem(f"--map {field}={column}: the file has no column {column!r}")
        mapping[field] = column
    if "text" not in mapping:
        raise ImportProblem(
            f"no column with the text (columns: {', '.join(columns)}); say which with --map text=…"
        )
    return mapping


def parse_date(value: object) -> str | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = None
        for pattern in DATE_FORMATS:
            try:
                moment = datetime.strptime(text, pattern)
                break
            except ValueError:
                continue
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def to_item(row: dict, mapping: dict[str, str], source: str, kind: str, now: str) -> dict | None:
    get = lambda field: str(row.get(mapping[field]) or "").strip() if field in mapping else ""  # noqa: E731
    text = get("text")
    if not text:
        return None
    published = parse_date(get("date"))
    chosen = SOURCES.get(get("source").casefold(), source)
    digest = hashlib.sha256(
        "|".join((chosen, get("url"), get("author"), published or "", text)).encode()
    )
    item = {
        "id": get("id") or f"import:{digest.hexdigest()[:24]}",
        "source": chosen,
        "kind": KINDS.get(get("kind").casefold(), kind),
        "url": get("url"),
        "text": text[:200_000],
        "author": {"name": get("author")[:500]},
        "published_at": published,
        "seen_at": published or now,
    }
    if get("profile_url").startswith(("http://", "https://")):
        item["author"]["profile_url"] = get("profile_url")
    if get("parent_id"):
        item["parent_id"] = get("parent_id")
    return item


def items_from(
    rows: list[dict], mapping: dict[str, str], source: str, kind: str
) -> tuple[list[dict], int]:
    now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    items, skipped = [], 0
    for row in rows:
        item = to_item(row, mapping, source, kind, now)
        if item is None:
            skipped += 1
        else:
            items.append(item)
    return items, skipped


def batches(items: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
