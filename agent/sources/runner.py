"""Run one source end to end: scrape → pipeline.ingest → state → events.

The scheduler, `POST /api/sources/run` and `roos scrape` all come here, so a
source behaves the same whoever starts it. A source that fails records its error
and the next one goes on. Everything found goes through pipeline.ingest (which
deduplicates by id and links near-duplicates); a new item that is a complaint,
a question or about the organisation is also pushed as an `alert` event so the
extension can notify at once. When LinkedIn pushes back, every LinkedIn group is
marked blocked, the user is told (events table + `source.blocked`), and nothing
is retried until the block has passed.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import orjson
from aiohttp import web

from agent import pipeline, privacy
from agent.home import write_private
from agent.server.keys import CONFIG, HUB, PROFILE, STORE
from agent.sources import netguard, registry
from agent.sources.blogs import ScrapeResult, scrape_blog
from agent.sources.discover import UnsupportedUrl, classify_url, linkedin_group_url
from agent.sources.known import KnownIds
from agent.sources.linkedin_groups import GroupScraper, LinkedInBlocked, NotNow, iso
from agent.sources.polite import PoliteClient

log = logging.getLogger("roos.sources")

JITTER = 0.1  # next runs are spread ±10% around the interval


def alert_reason(analysis: Mapping) -> str | None:
    """Why an item deserves an immediate notification, if it does."""
    if analysis.get("intent") in ("complaint", "question"):
        return analysis["intent"]
    return "mention" if analysis.get("about_us") else None


def summarise(source: Mapping, items: list[dict], analyses: list[dict]) -> dict:
    reasons = [alert_reason(a) for a in analyses]
    return {
        "source_id": source.get("id"),
        "url": source["url"],
        "kind": source.get("kind"),
        "new": len(items),
        "mentions": sum(bool(a.get("about_us")) for a in analyses),
        "complaints": reasons.count("complaint"),
        "questions": reasons.count("question"),
        "errors": [],
        "problems": [],
        "skipped": None,
        "blocked": None,
    }


def known_ids_for(kind: str, url: str) -> Callable[[dict], bool]:
    """Which stored items belong to this source (seen here or through the extension)."""
    if kind == "linkedin_group":
        group = (linkedin_group_url(url) or url).rstrip("/").rsplit("/", 1)[-1]
        return lambda item: (item.get("group") or {}).get("id") == group
    host = urlsplit(url).netloc
    return lambda item: (
        item.get("source") == "blog" and urlsplit(item.get("url", "")).netloc == host
    )


HTTP_STATE = "http-state.json"


def load_http_state(home: Path, polite: PoliteClient) -> None:
    """ETags, Last-Modified dates and resting hosts survive a restart: an unchanged feed
    then still costs one small conditional request."""
    path = home / HTTP_STATE
    try:
        state = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return
    except (OSError, orjson.JSONDecodeError):
        log.warning("Ignoring a damaged %s; feeds are fetched in full once.", HTTP_STATE)
        return
    if isinstance(state, dict):
        polite.load_state(state)


def save_http_state(home: Path, polite: PoliteClient) -> None:
    write_private(home / HTTP_STATE, orjson.dumps(polite.get_state()).decode())


class Runner:
    def __init__(
        self,
        app: web.Application,
        polite: PoliteClient,
        groups: GroupScraper,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
    ) -> None:
        self.app, self.polite, self.groups, self.clock = app, polite, groups, clock
        self.rng = rng or random.Random()

    async def run_source(self, source: dict) -> dict:
        """Scrape a stored source once and record how it went."""
        now = self.clock()
        try:
            source = await self._resolve_kind(source)
            summary = await self._scrape(source, now)
        except UnsupportedUrl as exc:
            summary = {**summarise(source, [], []), "errors": [str(exc)], "problems": [exc.problem]}
        record = await self.app[STORE].patch(
            registry.TABLE, source["id"], self._state_after(source, summary, now)
        )
        if record:
            self.app[HUB].publish("source.updated", registry.public(record))
        return summary

    def _state_after(self, source: dict, summary: dict, now: datetime) -> dict:
        """The fields a run changes. A skip (hours, budget) is not a run; a block set its own."""
        minutes = source["interval_minutes"] * self.rng.uniform(1 - JITTER, 1 + JITTER)
        next_run = iso(now + timedelta(minutes=minutes))
        if summary["skipped"]:
            return {"last_skipped": summary["skipped"], "next_run": next_run}
        state = {
            "last_run": iso(now),
            "items_found": summary["new"],
            "last_error": "; ".join(summary["errors"])[:2000] or None,
            "last_problems": summary.get("problems")[:20] or None,
            "last_skipped": None,
        }
        if not summary["blocked"]:
            state.update(next_run=next_run, blocked_until=None, blocked_reason=None)
        return state

    async def run_url(self, url: str, *, confirm: bool = False) -> dict:
        """One scrape of any URL: a known source runs as itself, anything else just once."""
        url = registry.canonical_url(url)
        stored = await self.app[STORE].get(registry.TABLE, registry.source_id(url))
        if stored:
            if stored.get("kind") == "linkedin_group" and not (stored["enabled"] or confirm):
                raise registry.NeedsConfirmation()
            return await self.run_source(stored)
        kind = "linkedin_group" if linkedin_group_url(url) else "blog"
        if kind == "linkedin_group" and not confirm:
            raise registry.NeedsConfirmation()
        return await self._scrape({"url": url, "kind": kind}, self.clock())

    async def run_all(self) -> list[dict]:
        sources, _ = await self.app[STORE].find(registry.TABLE, lambda s: s.get("enabled"))
        return [await self.run_source(source) for source in sources]

    async def _resolve_kind(self, source: dict) -> dict:
        """A profile source listed without a kind is looked at once, and remembered."""
        if source.get("kind"):
            return source
        found = await classify_url(source["url"], self.polite)
        details = {k: found[k] for k in registry.DETAILS if found.get(k)}
        return await self.app[STORE].patch(
            registry.TABLE, source["id"], {"kind": found["kind"], **details}
        )

    async def _scrape(self, source: dict, now: datetime) -> dict:
        store = self.app[STORE]
        belongs = known_ids_for(source["kind"], source["url"])
        stored = {item["id"] for item in (await store.find("items", belongs))[0]}
        entries, _ = await store.find("audit", privacy.RETENTION_ENTRIES)
        retired = privacy.ids_retired_by(entries)
        known = KnownIds(stored, retired, privacy.audit_id)
        try:
            if source["kind"] == "linkedin_group":
                hours = self.app[PROFILE].current.get("business_hours") or {}
                result = await self.groups.scrape(source, known, now, hours)
            else:
                with netguard.source(source["url"]):  # what it links is judged against it
                    result = await scrape_blog(source, self.polite, known, now)
        except NotNow as exc:
            return {**summarise(source, [], []), "skipped": str(exc)}
        except LinkedInBlocked as exc:
            await self.block(source, exc)
            return {**summarise(source, [], []), "blocked": exc.reason, "errors": [str(exc)]}
        except Exception as exc:  # one broken source must not stop the others
            log.exception("Scraping %s failed", source["url"])
            return {**summarise(source, [], []), "errors": [f"{type(exc).__name__}: {exc}"]}
        return await self._ingest(source, result)

    async def _ingest(self, source: dict, result: ScrapeResult) -> dict:
        analyses = await pipeline.ingest(self.app, result.items)
        # Only now that the items are stored may the validators say "seen": saved earlier,
        # a 304 after a crash would hide posts that never reached the store.
        save_http_state(self.app[CONFIG].home, self.polite)
        hub = self.app[HUB]
        for item, analysis in zip(result.items, analyses, strict=True):
            reason = alert_reason(analysis)
            if reason:
                hub.publish("alert", {"item": item, "analysis": analysis, "reason": reason})
        return {
            **summarise(source, result.items, analyses),
            "errors": list(result.errors),
            "problems": list(result.problems),
        }

    async def block(self, source: Mapping, blocked: LinkedInBlocked) -> None:
        """Mark every LinkedIn group blocked and tell the user, once."""
        store, now = self.app[STORE], self.clock()
        groups, _ = await store.find(registry.TABLE, lambda s: s.get("kind") == "linkedin_group")
        fields = {"blocked_until": blocked.until, "blocked_reason": blocked.reason}
        await store.upsert(
            registry.TABLE, [{**g, **fields, "next_run": blocked.until} for g in groups]
        )
        event = {
            "id": f"source.blocked|{iso(now)}|{source['url'][:200]}",
            "type": "source.blocked",
            "source_id": source.get("id"),
            "url": source["url"],
            "reason": blocked.reason,
            "message": blocked.text,
            "blocked_until": blocked.until,
            "at": iso(now),
        }
        await store.upsert("events", [event])
        self.app[HUB].publish("source.blocked", event)
        log.warning("LinkedIn reading paused until %s: %s", blocked.until, blocked)
