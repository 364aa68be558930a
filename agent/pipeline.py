"""Ingest: everything Roos sees (extension, scrapers, CLI) takes this one path.

analyse → store → push events. An item, its author's person record and its
reply suggestions are written in one transaction on the store's writer thread,
so a batch is durable (or not written at all) before anyone is told, and two
batches never race on the same person.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime

from aiohttp import web

from .analysis.neardup import NearDuplicateIndex
from .analysis.people import person_id, record_interaction
from .analysis.pipeline import Analyzer
from .server.keys import HUB, PROFILE, SERVICES, STORE
from .store import SyncStore

ANALYZER = "analyzer"
PUBLISH_SLICE = 20  # events announced before giving the event loop back
DUPLICATES = "duplicates"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def setup(app: web.Application) -> None:
    """Build the analyzer for the profile, and rebuild it whenever the profile changes."""
    services = app[SERVICES]
    services[ANALYZER] = Analyzer(app[PROFILE].current)
    services[DUPLICATES] = DuplicateLinker()
    services["profile_listeners"].append(
        lambda profile: services.__setitem__(ANALYZER, Analyzer(profile))
    )
    services.setdefault("profile_checks", []).append(Analyzer)


class DuplicateLinker:
    """Near-duplicate index, filled lazily from the store on first use."""

    def __init__(self) -> None:
        self.index = NearDuplicateIndex()
        self.loaded = False
        self.lock = threading.Lock()

    def link(self, tx: SyncStore, item: dict) -> str | None:
        with self.lock:
            if not self.loaded:
                for doc in tx.find("items", sort=_oldest_first)[0]:
                    self.index.add(doc["id"], doc.get("text") or "")
                self.loaded = True
            canonical = self.index.add(item["id"], item.get("text") or "")
        return canonical if canonical != item["id"] else None


def _oldest_first(item: dict) -> tuple[str, str]:
    return (item.get("seen_at") or "", item["id"])


def _own_post_ids(tx: SyncStore) -> set[str]:
    posts, _ = tx.find("own_posts")
    return {p["id"] for p in posts} | {p.get("item_id") for p in posts if p.get("item_id")}


def analyze_in(
    tx: SyncStore,
    analyzer: Analyzer,
    linker: DuplicateLinker | None,
    items: list[dict],
    store: bool,
) -> tuple[list[dict], set[str]]:
    """Runs on the writer thread: analyse each item with its author's history, then persist."""
    ours = _own_post_ids(tx)
    targets = analyzer.profile.get("targets") or {}
    results, known, people, docs, suggestions = [], set(), {}, [], []
    for item in items:
        stored = tx.get("items", item["id"])
        if stored:
            known.add(item["id"])
            # What the user decided (corrections, answered, assignee) survives a re-scan,
            # and so does when Roos first saw it (retention ages items by that).
            first = stored.get("first_seen_at") or stored.get("seen_at")
            item = {**stored, **item, "analysis": stored.get("analysis")}
            if first:
                item["first_seen_at"] = first
        pid = person_id(item.get("author") or {})
        person = people.get(pid) or tx.get("people", pid)
        hint = item.get("parent_id") in ours
        result = analyzer.analyze(item, person, about_us_hint=hint)
        person = record_interaction(person, item, result, targets)
        result["author"] = {
            "id": pid,
            "flag": person.get("flag"),
            "interactions": len(person.get("interactions") or []),
        }
        people[pid] = person
        if linker and store:
            duplicate_of = linker.link(tx, item)
            if duplicate_of:
                result["duplicate_of"] = duplicate_of
        results.append(result)
        analysis = {k: v for k, v in result.items() if k != "suggestions"}
        docs.append({**item, "person_id": pid, "analysis": analysis, "analyzed_at": now_iso()})
        if result["suggestions"]:
            suggestions.append(
                {"id": item["id"], "suggestions": result["suggestions"], "created_at": now_iso()}
            )
    if store:
        tx.upsert("items", docs)
        tx.upsert("people", list(people.values()))
        if suggestions:
            tx.upsert("suggestions", suggestions)
    return results, known


async def ingest(
    app: web.Application, items: list[dict], *, analyze: bool = True, store: bool = True
) -> list[dict]:
    """Analyse and store items idempotently by id; announce them. Returns the analyses."""
    if not items:
        return []
    # The last copy of an id within one batch wins, as it would across batches.
    unique = list({item["id"]: item for item in items}.values())
    services = app[SERVICES]
    analyzer = services[ANALYZER]
    linker = services.get(DUPLICATES)
    try:
        results, known = await app[STORE].transact(
            lambda tx: analyze_in(tx, analyzer, linker, unique, store)
        )
    except Exception:
        # The batch was not stored (disk full...): the duplicate index must forget its texts,
        # so it is rebuilt from the store on next use.
        if linker is not None and store:
            services[DUPLICATES] = DuplicateLinker()
        raise
    if store:
        hub = app[HUB]
        for n, (item, result) in enumerate(zip(unique, results, strict=True), start=1):
            event = "item.updated" if item["id"] in known else "item.new"
            hub.publish(event, {**item, "analysis": result})
            if n % PUBLISH_SLICE == 0:
                # A group commit can wake fifty batches at once: announcing them all in one
                # stretch would stall the loop (and every other request) for half a second.
                await asyncio.sleep(0)
    return results if analyze else [{"id": r["id"]} for r in results]


async def reanalyze(app: web.Application, item_id: str) -> dict | None:
    """Analyse one stored item again (after a correction) and store the result."""
    item = await app[STORE].get("items", item_id)
    if item is None:
        return None
    fields = {k: v for k, v in item.items() if k not in ("analysis", "analyzed_at", "person_id")}
    results = await ingest(app, [fields])
    return {**(await app[STORE].get("items", item_id) or {}), "analysis": results[0]}
