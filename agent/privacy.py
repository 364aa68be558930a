"""Data stays the user's: retention, export, the right to be forgotten, and an audit trail.

- Retention: items without interaction for ``retention_months`` (12 by default) are summarised
  into ``monthly_totals`` and deleted with their suggestions and replies; people left without
  interactions go too. An item's age is when Roos *first saw* it (never its publication date:
  a 2019 post first read today is new to the user) and its last interaction: answered, or a
  comment under it first seen; never when it was last *analysed*, so a profile change (which
  re-analyses) renews nothing. The hashed ids in the retention audit record are how a scrape
  recognises a retired item seen again (``retired_ids``): not new, no second alert.
  ``retention_ctx`` runs this daily in the agent; ``run_retention`` is the same for tests.
- Export: everything as JSON, or everything about one person with the source URLs.
- Forget: ``forget_in`` removes a person and their texts from every table; the
  store's ``.bak`` snapshots are then re-pointed at the current files so no older copy of a
  deleted text stays on disk.
- Audit: exports, merges, deletions and retention runs are logged in the ``audit`` table by
  hashed id only.

Monthly totals: one document per month, source and watch term, id ``"YYYY-MM|source|term"``,
with ``items``, ``positive``, ``negative``, ``neutral``; term ``"*"`` counts every item once.
"""

from __future__ import annotations

import asyncio
import calendar
import contextlib
import hashlib
import logging
import os
import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime

from aiohttp import web

from .analysis.people import person_id
from .analysis.times import to_datetime
from .dashboard.listening import label_of, terms_of, when
from .pipeline import DUPLICATES, DuplicateLinker, now_iso
from .server.keys import HUB, PROFILE, SERVICES, STORE
from .store import TABLES, SyncStore
from .store.files import fsync_dir
from .store.query import Q

log = logging.getLogger("roos.privacy")

RETENTION_EVERY = 24 * 3600.0
FIRST_RUN_AFTER = 60.0
EXPORT_FORMAT = 1


def audit_id(value: str) -> str:
    """Ids in the audit log are hashed: a person id is their profile slug, and a forgotten
    person must not stay readable in the log that proves they were forgotten. Hash an id to
    check whether it is there."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]


def audit(tx: SyncStore, action: str, ids: list[str], **extra: object) -> None:
    at = now_iso()
    hashed = [audit_id(i) for i in ids]
    entry = {
        "id": f"{action}|{at}|{secrets.token_hex(4)}",
        "action": action,
        "ids": hashed,
        "at": at,
    }
    tx.upsert("audit", [{**entry, **extra}])


# -- retention ---------------------------------------------------------------------------------
def months_before(now: datetime, months: int) -> datetime:
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day)


def first_seen(item: dict) -> datetime | None:
    """When Roos first saw the item; publication only for items stored before Roos kept it."""
    for key in ("first_seen_at", "seen_at", "published_at"):
        at = to_datetime(item.get(key))
        if at is not None:
            return at
    return None


def last_activity(
    item: dict, answered: dict[str, datetime], replies_seen: dict[str, datetime] | None = None
) -> datetime | None:
    times = [
        first_seen(item),
        to_datetime(item.get("answered_at")),
        answered.get(item["id"]),
        (replies_seen or {}).get(item["id"]),
    ]
    known = [t for t in times if t is not None]
    return max(known) if known else None


def _replies_seen(items: list[dict]) -> dict[str, datetime]:
    """Per item, when the newest comment under it was first seen: a live thread keeps its post."""
    latest: dict[str, datetime] = {}
    for item in items:
        parent, at = item.get("parent_id"), first_seen(item)
        if parent and at and at > latest.get(parent, datetime.min.replace(tzinfo=UTC)):
            latest[parent] = at
    return latest


# A store query, so the team's PostgreSQL answers it in SQL; on TinyDB it is a plain filter.
RETENTION_ENTRIES = Q.eq("action", "retention")


def ids_retired_by(entries: list[dict]) -> set[str]:
    """Hashed ids (audit_id) of every item the retention audit entries name."""
    return {hashed for entry in entries for hashed in entry.get("ids") or []}


def retired_ids(tx: SyncStore) -> set[str]:
    """Hashed ids (audit_id) of every item retention removed."""
    entries, _ = tx.find("audit", RETENTION_ENTRIES)
    return ids_retired_by(entries)


def monthly_rows(items: list[dict]) -> list[dict]:
    rows: dict[str, dict] = {}
    for item in items:
        at = when(item)
        month = at.strftime("%Y-%m") if at else "unknown"
        source = item.get("source") or "web"
        for term in ["*", *terms_of(item)]:
            key = f"{month}|{source}|{term}"
            row = rows.setdefault(
                key,
                {"id": key, "month": month, "source": source, "term": term, "items": 0}
                | {"positive": 0, "negative": 0, "neutral": 0},
            )
            row["items"] += 1
            row[label_of(item)] += 1
    return list(rows.values())


def _add_totals(tx: SyncStore, rows: list[dict]) -> None:
    merged = []
    for row in rows:
        old = tx.get("monthly_totals", row["id"]) or {}
        counts = ("items", "positive", "negative", "neutral")
        merged.append({**row, **{k: row[k] + int(old.get(k) or 0) for k in counts}})
    tx.upsert("monthly_totals", merged)


def _prune_people(tx: SyncStore, gone: set[str]) -> list[str]:
    """Drop deleted items from people's interactions; delete people left with none."""
    people, _ = tx.find(
        "people", lambda p: any(i["item_id"] in gone for i in p.get("interactions") or [])
    )
    emptied, kept = [], []
    for person in people:
        rest = [i for i in person.get("interactions") or [] if i["item_id"] not in gone]
        if not rest and not person.get("followed"):
            emptied.append(person["id"])
            continue
        times = [i["at"] for i in rest if i.get("at")]
        kept.append(
            {
                **person,
                "interactions": rest,
                "first_seen": min(times, default=None),
                "last_seen": max(times, default=None),
            }
        )
    tx.upsert("people", kept)
    tx.delete("people", emptied)
    return emptied


def apply_retention(tx: SyncStore, months: int, now: datetime) -> dict:
    cutoff = months_before(now, months)
    replies, _ = tx.find("replies")
    answered: dict[str, datetime] = {}
    for reply in replies:
        at = to_datetime(reply.get("answered_at"))
        if at and at > answered.get(reply.get("item_id"), datetime.min.replace(tzinfo=UTC)):
            answered[reply["item_id"]] = at
    everything, _ = tx.find("items")
    replies_seen = _replies_seen(everything)
    old = [i for i in everything if (last_activity(i, answered, replies_seen) or now) < cutoff]
    gone = {i["id"] for i in old}
    _add_totals(tx, monthly_rows(old))
    stale = cutoff.isoformat()
    old_snaps, _ = tx.find("follow_snapshots", lambda s: (s.get("at") or stale) < stale)
    old_events, _ = tx.find("events", lambda e: (e.get("at") or stale) < stale)
    removed = {
        "items": tx.delete("items", sorted(gone)),
        "suggestions": tx.delete("suggestions", sorted(gone)),
        "replies": tx.delete("replies", [r["id"] for r in replies if r.get("item_id") in gone]),
        "people": len(_prune_people(tx, gone)),
        "follow_snapshots": tx.delete("follow_snapshots", [s["id"] for s in old_snaps]),
        "events": tx.delete("events", [e["id"] for e in old_events]),
    }
    if any(removed.values()):
        audit(tx, "retention", sorted(gone), cutoff=stale)
    return removed


def scrub_backups(tx: SyncStore) -> int:
    """Point every shard's ``.bak`` snapshot at its current file, so deleted texts leave disk.

    Runs on the store's writer thread after the deleting transaction has been flushed; the
    current file is a good, fsynced version, so crash safety is kept."""
    if hasattr(tx, "scrub"):  # the team's PostgreSQL: VACUUM clears the deleted rows' copies
        return tx.scrub()
    count = 0
    for bak in tx.folder.rglob("*.json.bak"):
        current = bak.with_name(bak.name.removesuffix(".bak"))
        if current.exists():
            link = bak.with_name(f".{bak.name}.{os.getpid()}.tmp")
            os.link(current, link)
            os.replace(link, bak)
            # rename(2) is a no-op when bak already is this inode; do not leave link behind.
            link.unlink(missing_ok=True)
        else:
            bak.unlink()
        fsync_dir(bak.parent)
        count += 1
    return count


# -- export and forget -------------------------------------------------------------------------
def export_all(tx: SyncStore, profile: dict) -> dict:
    tables = {name: tx.find(name)[0] for name in TABLES}
    audit(tx, "export", [], scope="all")
    return {
        "roos_export": EXPORT_FORMAT,
        "exported_at": now_iso(),
        "scope": "all",
        "profile": profile,
        "tables": tables,
    }


def export_person(tx: SyncStore, pid: str) -> dict | None:
    person = tx.get("people", pid)
    if person is None:
        return None
    items, _ = tx.find(
        "items", lambda i: i.get("person_id") == pid, sort=lambda i: i.get("seen_at") or ""
    )
    ids = {i["id"] for i in items}
    accounts = {pid, person.get("profile_url")} - {None}
    snapshots, _ = tx.find(
        "follow_snapshots", lambda s: s.get("account") in accounts or s.get("url") in accounts
    )
    urls = sorted({u for u in [person.get("profile_url"), *(i.get("url") for i in items)] if u})
    audit(tx, "export", [pid], scope="person")
    return {
        "roos_export": EXPORT_FORMAT,
        "exported_at": now_iso(),
        "scope": "person",
        "person": person,
        "items": items,
        "suggestions": tx.find("suggestions", lambda s: s["id"] in ids)[0],
        "replies": tx.find("replies", lambda r: r.get("item_id") in ids)[0],
        "follow_snapshots": snapshots,
        "source_urls": urls,
    }


def resolve_person(people: list[dict], query: str) -> list[dict]:
    """People meant by ``query``: an id, a profile URL, or a name (any case; may be several)."""
    query = query.strip()
    exact = [p for p in people if p["id"] == query]
    if exact:
        return exact
    if "/" in query:
        key = person_id({"profile_url": query})
        return [p for p in people if p["id"] == key]
    folded = query.casefold()
    return [p for p in people if (p.get("name") or "").strip().casefold() == folded]


class NotOnePerson(LookupError):
    """The words name nobody, or several people (forgetting must never guess)."""

    def __init__(self, found: list[dict]) -> None:
        self.status = 409 if found else 404
        names = "; ".join(f"{p['id']} ({p.get('name')})" for p in found[:10])
        super().__init__(
            f"Several people are called that; name one by id: {names}"
            if found
            else "No person with that id, profile URL or name."
        )


def pick_person(people: list[dict], query: str) -> str:
    """The id of the one person ``query`` names; raises NotOnePerson otherwise."""
    found = resolve_person(people, query)
    if len(found) != 1:
        raise NotOnePerson(found)
    return found[0]["id"]


async def forget(app: web.Application, pid: str) -> dict | None:
    """Forget a person in the running agent: every table, the snapshots, the duplicate index."""
    from . import privacy_files  # it builds reports, which need this module's neighbours

    store = app[STORE]
    trace = await store.transact(lambda tx: privacy_files.trace_in(tx, pid))
    removed = await store.transact(lambda tx: forget_in(tx, pid))
    if removed is None:
        return None
    await store.transact(scrub_backups)
    # The near-duplicate index holds fingerprints of the texts: rebuild it from what is left.
    app[SERVICES][DUPLICATES] = DuplicateLinker()
    # Reports and set-aside copies hold them too (the audit log says which were rebuilt).
    removed["reports"] = await privacy_files.after_forget(app, pid, trace)
    app[HUB].publish("person.forgotten", {"id": pid})
    return removed


def forget_in(tx: SyncStore, pid: str) -> dict | None:
    """Remove a person and everything they wrote from every table (the right to be forgotten)."""
    person = tx.get("people", pid)
    if person is None:
        return None
    items, _ = tx.find("items", lambda i: i.get("person_id") == pid)
    item_ids = [i["id"] for i in items]
    wrote = set(item_ids)
    account_urls = {person.get("profile_url"), pid} - {None}
    removed = {
        "people": tx.delete("people", [pid]),
        "items": tx.delete("items", item_ids),
        "suggestions": tx.delete("suggestions", item_ids),
        "replies": tx.delete(
            "replies", [r["id"] for r in tx.find("replies", lambda r: r.get("item_id") in wrote)[0]]
        ),
        "follow_snapshots": tx.delete(
            "follow_snapshots",
            [
                s["id"]
                for s in tx.find(
                    "follow_snapshots",
                    lambda s: s.get("account") in account_urls or s.get("url") in account_urls,
                )[0]
            ],
        ),
    }
    audit(tx, "forget", [pid, *item_ids])  # hashed ids only, never names or words
    return removed


# -- the daily job -----------------------------------------------------------------------------
async def run_retention(app: web.Application, now: datetime | None = None) -> dict:
    months = int(app[PROFILE].current.get("retention_months") or 12)
    moment = now or datetime.now(UTC)
    store = app[STORE]
    removed = await store.transact(lambda tx: apply_retention(tx, months, moment))
    if any(removed.values()):
        await store.transact(scrub_backups)
        app[SERVICES][DUPLICATES] = DuplicateLinker()
        log.info("Retention (%d months): removed %s", months, removed)
    from . import privacy_files

    reached = await privacy_files.after_retention(
        app, months_before(moment, months), any(removed.values())
    )
    if any(reached.values()):
        removed["reports"] = reached
    return removed


async def retention_ctx(app: web.Application) -> AsyncIterator[None]:
    async def daily() -> None:
        await asyncio.sleep(FIRST_RUN_AFTER)
        while True:
            try:
                await run_retention(app)
            except Exception:
                log.exception("The retention run failed; it will be tried again tomorrow.")
            await asyncio.sleep(RETENTION_EVERY)

    task = asyncio.create_task(daily())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
