"""Sources Roos listens to: records in the store's "sources" table, profile sources merged in.

A source is {id, url, kind, interval_minutes, enabled, origin, state}; its id is
derived from its URL, so the same address added twice (or listed in the profile
and added over the API) is one source. Sources listed in profile.toml
(`[[sources]]`) are copied into the table by `sync_profile`, so their run state
is kept like any other; the profile stays in charge of their settings.

A LinkedIn group is never read without the user's explicit yes: it is created
disabled, and switching it on needs `confirm` (LinkedIn's User Agreement restricts
automated access; the choice is the user's, see docs/linkedin.md). A group listed
in the profile is no exception. The API and the CLI (with or without a running
agent) both go through the functions here.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from datetime import datetime
from urllib.parse import urlsplit

from agent.profile import ProfileManager
from agent.sources.discover import UnsupportedUrl, classify_url, linkedin_group_url
from agent.sources.linkedin_groups import iso
from agent.sources.polite import PoliteClient
from agent.store import Store, SyncStore

log = logging.getLogger("roos.sources")

TABLE = "sources"
KINDS = ("linkedin_group", "blog", "feed")
DEFAULT_INTERVAL = {"linkedin_group": 120, "blog": 60, "feed": 60}
STATE_FIELDS = (
    "last_run",
    "items_found",
    "last_error",
    "last_problems",  # the same as translation keys: [{"key", "params", "en", "nl"}]
    "next_run",
    "blocked_until",
    "blocked_reason",
)
DETAILS = ("feed_url", "page", "title")  # what discover.classify_url found out


class SourceError(ValueError):
    """A source request Roos refuses; str() is English, `.nl` Dutch."""

    def __init__(self, en: str, nl: str) -> None:
        super().__init__(en)
        self.en, self.nl = en, nl


class NeedsConfirmation(SourceError):
    def __init__(self) -> None:
        super().__init__(
            "Reading a LinkedIn group automatically needs your explicit confirmation: LinkedIn's "
            "User Agreement restricts automated access, so the choice is yours. "
            'Send {"enabled": true, "confirm": true}, or answer yes in `roos sources add`.',
            "Een LinkedIn-groep automatisch lezen vraagt jouw uitdrukkelijke bevestiging: de "
            "gebruikersovereenkomst van LinkedIn beperkt geautomatiseerde toegang, dus de keuze "
            'is aan jou. Stuur {"enabled": true, "confirm": true}, of antwoord ja bij '
            "`roos sources add`.",
        )


class UnknownSource(SourceError):
    def __init__(self, key: str) -> None:
        super().__init__(f"No such source: {key}", f"Deze bron bestaat niet: {key}")


def source_id(url: str) -> str:
    """A short stable id for a canonical URL."""
    key = url.strip().rstrip("/").lower()
    return "src_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def canonical_url(url: str) -> str:
    """The address a source is known by; raises UnsupportedUrl for what Roos cannot follow."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        usable = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        usable = False
    if not usable:
        raise UnsupportedUrl("not_http", url=url)
    return linkedin_group_url(url) or url


def profile_source_id(entry: Mapping) -> str | None:
    """The id of a profile source; None when its URL is unusable."""
    try:
        return source_id(canonical_url(entry["url"]))
    except UnsupportedUrl:
        return None


def new_record(
    url: str,
    kind: str | None,
    now: datetime,
    *,
    interval_minutes: int | None = None,
    enabled: bool = True,
    origin: str = "api",
    details: Mapping | None = None,
) -> dict:
    """A fresh source; a LinkedIn group always starts disabled until the user confirms."""
    url = canonical_url(url)
    record = {
        "id": source_id(url),
        "url": url,
        "kind": kind,
        "interval_minutes": interval_minutes or DEFAULT_INTERVAL.get(kind or "blog", 60),
        "enabled": enabled and kind != "linkedin_group",
        "origin": origin,
        "created_at": iso(now),
        **{key: details[key] for key in DETAILS if details and details.get(key)},
    }
    return {**record, **{name: None for name in STATE_FIELDS}}


def apply_settings(record: dict, changes: Mapping, now: datetime) -> dict:
    """`enabled` / `interval_minutes` changes; switching a group on needs changes["confirm"]."""
    updated = dict(record)
    if changes.get("interval_minutes") is not None:
        updated["interval_minutes"] = int(changes["interval_minutes"])
    if changes.get("enabled") is not None:
        switching_on = bool(changes["enabled"]) and not record.get("enabled")
        if switching_on and record.get("kind") == "linkedin_group":
            if changes.get("confirm") is not True:
                raise NeedsConfirmation()
            updated["confirmed_at"] = iso(now)
        if switching_on:
            updated["next_run"] = None  # due at once
        updated["enabled"] = bool(changes["enabled"])
    return updated


def public(record: Mapping) -> dict:
    """The record as the API shows it: settings, details and a `state` object."""
    shown = {k: v for k, v in record.items() if k not in STATE_FIELDS}
    shown["state"] = {name: record.get(name) for name in STATE_FIELDS}
    return shown


def sync_profile(tx: SyncStore, profile: Mapping, now: datetime) -> list[str]:
    """Copy profile.toml's sources into the table (on the store's thread); returns their ids."""
    listed = []
    for entry in profile.get("sources") or []:
        if profile_source_id(entry) is None:
            log.warning("profile.toml: cannot follow source %r (not a web address)", entry["url"])
            continue
        url = canonical_url(entry["url"])
        kind = entry.get("kind") or ("linkedin_group" if linkedin_group_url(url) else None)
        record = tx.get(TABLE, source_id(url)) or new_record(url, kind, now, origin="profile")
        record = {**record, "origin": "profile", "kind": record.get("kind") or kind}
        if entry.get("interval_minutes"):
            record["interval_minutes"] = entry["interval_minutes"]
        # The profile may switch a group off, never on: that takes the user's confirmation.
        wanted = entry.get("enabled", True)
        record["enabled"] = wanted and (record["kind"] != "linkedin_group" or record["enabled"])
        tx.upsert(TABLE, [record])
        listed.append(record["id"])
    stale = tx.find(TABLE, lambda d: d.get("origin") == "profile" and d["id"] not in listed)[0]
    tx.delete(TABLE, [doc["id"] for doc in stale])
    return listed


async def list_sources(store: Store) -> list[dict]:
    docs, _ = await store.find(TABLE, sort=lambda s: (s.get("created_at") or "", s["id"]))
    return [public(doc) for doc in docs]


async def find_source(store: Store, key: str) -> dict:
    """A source by its id or its URL."""
    record = await store.get(TABLE, key)
    if record is None:
        try:
            record = await store.get(TABLE, source_id(canonical_url(key)))
        except UnsupportedUrl:
            record = None
    if record is None:
        raise UnknownSource(key)
    return record


async def add_source(
    store: Store,
    polite: PoliteClient,
    url: str,
    now: datetime,
    *,
    kind: str | None = None,
    interval_minutes: int | None = None,
    enabled: bool = True,
) -> dict:
    """Follow a URL: what it is (blog, feed, group) is worked out unless `kind` says so."""
    await _refuse_known(store, canonical_url(url))
    found = _as_told(url, kind) if kind else await classify_url(url, polite)
    await _refuse_known(store, found["url"])
    record = new_record(
        found["url"],
        kind or found["kind"],
        now,
        interval_minutes=interval_minutes,
        enabled=enabled,
        details=found,
    )
    await store.upsert(TABLE, [record])
    return record


def _as_told(url: str, kind: str) -> dict:
    """The user said what the URL is: believe them (no visit), within reason."""
    url = canonical_url(url)
    if kind == "linkedin_group" and not linkedin_group_url(url):
        raise UnsupportedUrl("linkedin_not_group")
    return {"kind": kind, "url": url, **({"feed_url": url} if kind == "feed" else {})}


async def _refuse_known(store: Store, url: str) -> None:
    if await store.get(TABLE, source_id(url)):
        raise SourceError(f"Roos already follows {url}.", f"Roos volgt {url} al.")


async def change_source(store: Store, key: str, changes: Mapping, now: datetime) -> dict:
    updated = apply_settings(await find_source(store, key), changes, now)
    await store.upsert(TABLE, [updated])
    return updated


async def remove_source(store: Store, profile: ProfileManager, key: str) -> dict:
    """Stop following a source; one from profile.toml is taken out of the profile too."""
    record = await find_source(store, key)
    if record.get("origin") == "profile":
        entries = profile.current.get("sources") or []
        profile.update({"sources": [e for e in entries if profile_source_id(e) != record["id"]]})
    await store.delete(TABLE, [record["id"]])
    return record
