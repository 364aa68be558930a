"""Retention on an old, busy blog: what Roos saw lately stays, what it retired never alerts twice.

The Ledger Lines' posts are from January 2024. A year and a half on, the post whose
thread is still alive (a comment first seen last month) stays with that comment;
comments Roos first saw long ago and nobody answered are summarised away, and when
the next scrape meets them on the page again they are known from their hashed ids.
"""

from datetime import UTC, datetime

import pytest

from agent.privacy import apply_retention, audit_id, retired_ids
from agent.sources.blogs import scrape_blog
from agent.sources.known import KnownIds
from agent.store import SyncStore
from tests.sources.blog_sites import BlogSite, FakeClock, polite_client

FIRST_READ = datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
NOW = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)
LAST_MONTH = "2025-08-05T10:00:00Z"


@pytest.fixture
async def ledger(aiohttp_server):
    site = BlogSite("ledger")
    await site.start(aiohttp_server)
    return site


async def read(site: BlogSite, path: str, known) -> list[dict]:
    async with polite_client(FakeClock()) as client:
        result = await scrape_blog({"url": site.url(path), "page": "post"}, client, known, NOW)
    return result.items


async def test_recent_interactions_stay_and_retired_comments_never_come_back_as_new(
    ledger, tmp_path
):
    async with polite_client(FakeClock()) as client:
        first = await scrape_blog({"url": ledger.url("/")}, client, set(), FIRST_READ)
    eighty = ledger.url("/eighty-questions/")
    close = ledger.url("/year-end-close/")
    late = next(i for i in first.items if i["id"].startswith(eighty + "#"))
    late = {**late, "seen_at": LAST_MONTH}  # a comment Roos first saw only last month
    items = [late if i["id"] == late["id"] else i for i in first.items]
    store = SyncStore(tmp_path / "store").open()
    store.transact(lambda tx: tx.upsert("items", items))

    removed = store.transact(lambda tx: apply_retention(tx, 12, NOW))

    kept = {i["id"] for i in store.transact(lambda tx: tx.find("items"))[0]}
    # Published in January 2024 and first seen then, but its thread was alive last month.
    assert kept == {eighty, late["id"]}
    assert removed["items"] == len(items) - 2
    retired = store.transact(retired_ids)
    assert audit_id(close) in retired and audit_id(late["id"]) not in retired

    known = KnownIds(kept, retired, audit_id)
    assert await read(ledger, "/year-end-close/", known) == []
    assert await read(ledger, "/eighty-questions/", known) == []


async def test_a_re_scan_keeps_when_roos_first_saw_an_item(tmp_path):
    from agent.pipeline import analyze_in

    class Analyzer:
        def __init__(self) -> None:
            self.profile: dict = {}

        def analyze(self, item, person, about_us_hint=False):
            return {"suggestions": [], "about_us": False}

    store = SyncStore(tmp_path / "store").open()
    item = {
        "id": "https://blog.example/post/#comment-7",
        "source": "blog",
        "kind": "comment",
        "url": "https://blog.example/post/#comment-7",
        "text": "Goede uitleg over de VlotPay-kosten.",
        "author": {"name": "Ineke"},
        "seen_at": "2024-01-05T10:00:00Z",
    }
    store.transact(lambda tx: analyze_in(tx, Analyzer(), None, [item], True))
    again = {**item, "seen_at": "2025-08-30T10:00:00Z"}
    store.transact(lambda tx: analyze_in(tx, Analyzer(), None, [again], True))
    stored = store.transact(lambda tx: tx.get("items", item["id"]))
    assert stored["first_seen_at"] == "2024-01-05T10:00:00Z"
    assert stored["seen_at"] == "2025-08-30T10:00:00Z"
