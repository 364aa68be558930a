"""Sources Roos listens to: records in the store's "sources" table, profile sources merged in.

A source is {id, url, kind, interval_minutes, enabled, origin, state}; its id is
derived from its URL, so the same address added twice (or listed in the profile
and added over the API) is one source. Sources listed in profile.toml
(`[[sources]]`) are copied into the table by `sync_profile`, so their run state
can be kept like any other; the profile stays in charge of their settings.

A LinkedIn group is never read without the user's explicit yes: it is created
disabled, and enabling it needs `confirm` (LinkedIn's User Agreement restricts
automated access; the choice is the user's, see docs/linkedin.md). A group listed
in the profile is no exception.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from datetime import datetime

from urllib.parse import urlsplit

from agent.sources.discover import UnsupportedUrl, linkedin_group_url
from agent.sources.linkedin_groups import iso
from agent.store import SyncStore

log = logging.getLogger("roos.sources")

TABLE = "sources"
KINDS = ("linkedin_group", "blog", "feed")
DEFAULT_INTERVAL = {"linkedin_group": 120, "blog": 60, "feed": 60}
STATE_FIELDS = (
    "last_run",
    "items_found",
    "last_error",
    "next_run",
    "blocked_until",
    "blocked_reason",
)
DETAILS = ("feed_url", "page", "title")  # what discover.classify_url found out


class NeedsConfirmation(Exception):
    """Enabling a LinkedIn group without the user's explicit confirmation."""

    en = (
        "Reading a LinkedIn group automatically needs your explicit confirmation: LinkedIn's "
        "User Agreement restricts automated access, so the choice is yours. "
        'Send {"enabled": true, "confirm": true} or answer yes in `roos sources add`.'
    )
    nl = (
        "Een LinkedIn-groep automatisch lezen vraagt jouw uitdrukkelijke bevestiging: de "
        "gebruikersovereenkomst van LinkedIn beperkt geautomatiseerde toegang, dus de keuze is "
        'aan jou. Stuur {"enabled": true, "confirm": true} of antwoord ja in `roos sources add`.'
    )

    def __init__(self) -> None:
        super().__init__(self.en)


def source_id(url: str) -> str:
    """A short stable id for a URL (the canonical one, for LinkedIn groups)."""
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
    """The id of a profile source, None when its URL is unusable (reported when it runs)."""
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
    """`enabled` / `interval_minutes` changes; enabling a group needs changes["confirm"]."""
    updated = dict(record)
    if changes.get("interval_minutes") is not None:
        updated["interval_minutes"] = int(changes["interval_minutes"])
    if changes.get("enabled") is not None:
        wants = bool(changes["enabled"])
        if wants and not record.get("enabled") and record.get("kind") == "linkedin_group":
            if changes.get("confirm") is not True:
                raise NeedsConfirmation()
            updated["confirmed_at"] = iso(now)
        updated["enabled"] = wants
        if wants and not record.get("enabled"):
            updated["next_run"] = None  # run soon after being switched on
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
        stored = tx.get(TABLE, source_id(url))
        record = stored or new_record(url, kind, now, origin="profile")
        record = {**record, "origin": "profile", "kind": record.get("kind") or kind}
        if entry.get("interval_minutes"):
            record["interval_minutes"] = entry["interval_minutes"]
        wanted = entry.get("enabled", True)
        # The profile may switch a group off, never on: that takes the user's confirmation.
        record["enabled"] = wanted and (kind != "linkedin_group" or bool(record.get("enabled")))
        tx.upsert(TABLE, [record])
        listed.append(record["id"])
    gone = [
        doc["id"]
        for doc in tx.find(TABLE, lambda d: d.get("origin") == "profile")[0]
        if doc["id"] not in listed
    ]
    tx.delete(TABLE, gone)
    return listed
