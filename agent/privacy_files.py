"""Forget and retention reach every file in the home, not only the store's tables.

After the store has forgotten a person (agent/privacy.py), their traces may remain in two
more places: the monthly reports (HOME/reports, rebuilt or removed, agent/reports/reach.py)
and the copies of damaged files set aside as ``*.corrupt-*`` (scrubbed,
agent/store/asides.py). The audit log records which reports were rebuilt or removed and how
many copies were scrubbed, by month and count only.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from pathlib import Path

from aiohttp import web

from .privacy import audit, last_activity
from .reports import reach
from .reports.months import Month
from .reports.service import make_report
from .server.keys import CONFIG, PROFILE, STORE
from .store import SyncStore
from .store.asides import scrub_asides

log = logging.getLogger("roos.privacy")


def trace_in(tx: SyncStore, pid: str) -> tuple[reach.Trace, set[str], set[str]]:
    """Before forgetting: what the person left (for reports), their ids and account links."""
    person = tx.get("people", pid) or {"id": pid}
    items, _ = tx.find("items", lambda i: i.get("person_id") == pid)
    ids = {pid, *(i["id"] for i in items)}
    accounts = {pid, person.get("profile_url")} - {None}
    return reach.trace_of(person, items), ids, accounts


def person_drop(pid: str, ids: set[str], accounts: set[str]):
    def drop(_table: str, doc: dict) -> bool:
        return (
            doc.get("id") in ids
            or doc.get("person_id") == pid
            or doc.get("item_id") in ids
            or doc.get("account") in accounts
            or doc.get("url") in accounts
        )

    return drop


def aged_drop(cutoff: datetime):
    def drop(table: str, doc: dict) -> bool:
        if table != "items":
            return False
        at = last_activity(doc, {})
        return at is not None and at < cutoff

    return drop


async def _rebuild(app: web.Application, months: list[Month]) -> dict:
    home, profile = app[CONFIG].home, app[PROFILE].current
    done: dict[str, list[str]] = {"rebuilt": [], "removed": []}
    for month in months:
        try:
            for lang in reach.langs_of(home, month, profile):
                await make_report(app, month, lang)
            await asyncio.to_thread(reach.drop_legacy, home, month)
            done["rebuilt"].append(month.key)
        except Exception as exc:  # Chromium missing, disk full: never leave the old one behind
            log.warning("Could not rebuild the report of %s (%s); removed it.", month.key, exc)
            await asyncio.to_thread(reach.remove, home, month)
            done["removed"].append(month.key)
    return done


def _log(tx: SyncStore, reason: str, done: dict, scrubbed: list[str]) -> None:
    if done["rebuilt"] or done["removed"] or scrubbed:
        audit(tx, "reports", [], reason=reason, **done, scrubbed_copies=len(scrubbed))


async def after_forget(app: web.Application, pid: str, trace: tuple) -> dict:
    """In the agent, once the store has forgotten the person: reports and set-aside copies."""
    found, ids, accounts = trace
    home, profile = app[CONFIG].home, app[PROFILE].current
    scrubbed = await asyncio.to_thread(
        scrub_asides, home, person_drop(pid, ids, accounts), found.needles
    )
    months = await asyncio.to_thread(reach.held, home, found, profile)
    done = await _rebuild(app, months)
    await app[STORE].transact(lambda tx: _log(tx, "forget", done, scrubbed))
    return {**done, "scrubbed_copies": scrubbed}


def after_forget_sync(home: Path, tx: SyncStore, profile: dict, pid: str, trace: tuple) -> dict:
    found, ids, accounts = trace
    scrubbed = scrub_asides(home, person_drop(pid, ids, accounts), found.needles)
    done = reach.rebuild_sync(home, tx, profile, reach.held(home, found, profile))
    tx.transact(lambda t: _log(t, "forget", done, scrubbed))
    return {**done, "scrubbed_copies": scrubbed}


async def after_retention(app: web.Application, cutoff: datetime, removed_any: bool) -> dict:
    """Reports wholly past the retention period go; those reading across it are rebuilt when
    the store lost items to it (not every day for nothing: each costs a Chromium run)."""
    home, profile = app[CONFIG].home, app[PROFILE].current
    scrubbed = await asyncio.to_thread(scrub_asides, home, aged_drop(cutoff), [])
    gone, stale = await asyncio.to_thread(reach.aged, home, cutoff, profile)
    for month in gone:
        await asyncio.to_thread(reach.remove, home, month)
    done = await _rebuild(app, stale if removed_any else [])
    done["removed"] = [m.key for m in gone] + done["removed"]
    await app[STORE].transact(lambda tx: _log(tx, "retention", done, scrubbed))
    return {**done, "scrubbed_copies": scrubbed}
