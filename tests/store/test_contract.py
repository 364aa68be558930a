"""The store contract, held by both backends: the embedded TinyDB store and the team's
PostgreSQL database answer every call the same way."""

from __future__ import annotations

import asyncio

import pytest

from agent.store import StoreError, SyncStore
from agent.store.pg import PgStore, PgSyncStore, PgTx
from agent.store.query import Q

BACKENDS = ["tinydb", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path):
    """opens() -> a fresh SyncStore-like handle on the same data (a restart of the agent)."""
    if request.param == "tinydb":
        return lambda: SyncStore(tmp_path / "store").open()
    db = request.getfixturevalue("team_db")
    return lambda: PgSyncStore(db.url, db.schema).open()


@pytest.fixture
def async_backend(request, backend, tmp_path):
    from agent.store import Store

    if request.node.callspec.params["backend"] == "tinydb":
        return lambda: Store(tmp_path / "store")
    db = request.getfixturevalue("team_db")
    return lambda: PgStore(db.url, db.schema)


def items(n: int, start: int = 0, **fields) -> list[dict]:
    return [
        {"id": f"urn:li:activity:{i}", "text": f"post {i}", **fields}
        for i in range(start, start + n)
    ]


def test_posting_an_item_twice_updates_it_and_never_duplicates(backend):
    store = backend()
    store.upsert("items", items(3))
    store.upsert("items", [{"id": "urn:li:activity:1", "text": "edited", "lang": "nl"}])
    assert store.count("items") == 3
    assert store.get("items", "urn:li:activity:1") == {
        "id": "urn:li:activity:1",
        "text": "edited",
        "lang": "nl",
    }
    assert backend().get("items", "urn:li:activity:1")["text"] == "edited"


def test_fields_not_sent_again_are_kept_and_a_batch_merges_in_order(backend):
    store = backend()
    store.upsert("items", [{"id": "a", "text": "x", "analysis": {"intent": "praise"}}])
    store.upsert("items", [{"id": "a", "text": "y"}, {"id": "a", "lang": "nl"}])
    assert store.get("items", "a") == {
        "id": "a",
        "text": "y",
        "lang": "nl",
        "analysis": {"intent": "praise"},
    }


def test_upsert_by_another_key_and_patch_and_delete(backend):
    store = backend()
    assert store.upsert("people", [{"urn": "p1", "name": "Jan"}], key="urn") == ["p1"]
    assert store.patch("people", "p1", {"flag": "fan"}) == {
        "urn": "p1",
        "id": "p1",
        "name": "Jan",
        "flag": "fan",
    }
    assert store.patch("people", "nobody", {"flag": "fan"}) is None
    assert store.has("people", "p1") and not store.has("people", "p2")
    assert store.delete("people", ["p1", "unknown"]) == 1
    assert backend().get("people", "p1") is None


def test_unknown_tables_are_refused(backend):
    with pytest.raises(StoreError, match="unknown table"):
        backend().get("nope", "a")


def test_callable_filters_sort_and_page_as_before(backend):
    store = backend()
    store.upsert("items", items(30))
    page, total = store.find(
        "items",
        lambda d: int(d["id"].rsplit(":", 1)[1]) % 2 == 0,
        sort=lambda d: d["id"],
        limit=5,
        offset=5,
    )
    assert total == 15
    assert [d["id"] for d in page] == sorted(
        f"urn:li:activity:{i}" for i in range(30) if i % 2 == 0
    )[5:10]


def inbox_docs() -> list[dict]:
    return [
        {
            "id": "i1",
            "source": "linkedin",
            "seen_at": "2026-11-02T09:00:00Z",
            "assignee": "fatima",
            "person_id": "p1",
            "analysis": {"intent": "complaint", "urgency": 0.9, "needs_reply": True},
            "text": "De app is STUK",
        },
        {
            "id": "i2",
            "source": "blog",
            "seen_at": "2026-11-03T09:00:00Z",
            "status": "answered",
            "person_id": "p2",
            "analysis": {"intent": "question", "urgency": 0.5, "needs_reply": True},
            "text": "Hoe werkt dit?",
        },
        {
            "id": "i3",
            "source": "linkedin",
            "seen_at": "2026-10-30T09:00:00Z",
            "answered": True,
            "person_id": "p1",
            "analysis": {"intent": None},
            "text": "Mooi",
        },
        {
            "id": "i4",
            "source": "linkedin",
            "published_at": "2026-12-01T08:00:00Z",
            "seen_at": "2026-12-01T09:00:00Z",
            "analysis": {
                "intent": "praise",
                "urgency": 0.1,
                "needs_reply": 1,
                "duplicate_of": "i1",
            },
            "text": "Top service",
            "author": {"name": "Els Stuk"},
        },
        {"id": "i5", "source": "x", "text": "zonder datum", "nested": {"n": 3}, "flag": False},
        {"id": "i6", "source": "x", "seen_at": "2026-12-02", "analysis": {"needs_reply": "ja"}},
    ]


QUERIES = {
    "eq": Q.eq("source", "linkedin"),
    "eq on the workflow column": Q.eq("workflow", "open"),
    "eq none": Q.eq("assignee", None),
    "eq nested number": Q.eq("nested.n", 3),
    "in": Q.in_("person_id", ["p1", "nobody"]),
    "in with none": Q.in_("analysis.intent", ["praise", None]),
    "range month": Q.range("month", lo="2026-11", hi="2026-12"),
    "range below, the missing included": Q.range("month", hi="2026-11"),
    "range on the id column": Q.range("id", lo="i3"),
    "range coalesced": Q.range(("published_at", "seen_at"), lo="2026-11-03"),
    "text": Q.text(("text", "author.name"), "stuk"),
    "present": Q.present("analysis.intent"),
    "waiting for a reply": Q.eq("waiting", True),
    "not waiting": Q.eq("waiting", False),
    "numeric column": Q.eq("urgency", 0.9) & Q.present("urgency"),
    "not": ~Q.eq("source", "linkedin"),
    "and": Q.eq("workflow", "open") & Q.present("analysis.intent") & ~Q.eq("assignee", "fatima"),
}


@pytest.mark.parametrize("name", list(QUERIES))
def test_a_query_means_the_same_on_both_backends_as_in_python(backend, name):
    store = backend()
    docs = inbox_docs()
    store.upsert("items", docs)
    query = QUERIES[name]
    expected = sorted(d["id"] for d in docs if query(d))
    found, total = store.find("items", query, sort="id")
    assert [d["id"] for d in found] == expected and total == len(expected)


def test_sorting_by_fields_pages_newest_first_with_the_missing_last(backend):
    store = backend()
    store.upsert("items", inbox_docs())
    page, total = store.find("items", sort=("seen_at", "id"), reverse=True, limit=3, offset=1)
    assert total == 6
    assert [d["id"] for d in page] == ["i4", "i2", "i1"]
    last, total = store.find("items", sort="seen_at", reverse=True, limit=3, offset=4)
    assert [d["id"] for d in last] == ["i3", "i5"] and total == 6


def test_a_failed_transaction_changes_nothing(backend):
    store = backend()
    store.upsert("items", items(2))

    def half_done(tx):
        tx.upsert("items", [{"id": "urn:li:activity:0", "text": "half"}])
        raise ValueError("boom")

    with pytest.raises(ValueError):
        store.transact(half_done)
    assert backend().get("items", "urn:li:activity:0")["text"] == "post 0"


def test_a_group_commit_undoes_only_the_transaction_that_failed(backend):
    store = backend()

    def add(doc_id):
        return lambda tx: tx.upsert("items", [{"id": doc_id, "text": "ok"}])

    def half_then_fail(tx):
        tx.upsert("items", [{"id": "half", "text": "never"}])
        raise ValueError("boom")

    outcomes = store.transact_group([add("a"), half_then_fail, add("b")])
    assert [ok for ok, _ in outcomes] == [True, False, True]
    assert isinstance(outcomes[1][1], ValueError)
    reopened = backend()
    assert reopened.get("items", "a") and reopened.get("items", "b")
    assert reopened.get("items", "half") is None


def test_an_item_its_person_and_its_suggestions_commit_together(backend):
    store = backend()

    def ingest(tx):
        tx.upsert("items", [{"id": "i1", "person_id": "p1"}])
        tx.upsert("people", [{"id": "p1", "interactions": [{"item": "i1"}]}])
        tx.upsert("suggestions", [{"id": "i1", "suggestions": ["Dank je!"]}])
        if tx.get("people", "p1")["interactions"][0]["item"] == "i1":
            raise RuntimeError("the suggestions step failed")

    with pytest.raises(RuntimeError):
        store.transact(ingest)
    reopened = backend()
    assert [reopened.count(t) for t in ("items", "people", "suggestions")] == [0, 0, 0]


async def test_concurrent_writers_are_each_acknowledged_once_durable(async_backend, backend):
    store = await async_backend().open()
    results = await asyncio.gather(
        *(store.transact(lambda tx, n=n: tx.upsert("items", [{"id": f"c{n}"}])) for n in range(20))
    )
    assert results == [[f"c{n}"] for n in range(20)]
    assert [d["id"] for d in (await store.find("items", sort="id"))[0]] == sorted(
        f"c{n}" for n in range(20)
    )
    store.close()
    assert backend().count("items") == 20


def test_text_holding_a_nul_character_is_stored_byte_for_byte(backend):
    store = backend()
    odd = {"id": "nul", "text": "a\x00b\ufffe0\ufffe", "path": "c:\\u0000", "k\x00": ["\ufffe\x00"]}
    store.upsert("items", [odd])
    assert backend().get("items", "nul") == odd
    assert store.find("items", Q.text(("text",), "b\ufffe0"))[1] == 1
    assert store.find("items", Q.eq("text", odd["text"]) & Q.in_("id", ["nul"]))[1] == 1


def test_postgresql_serves_page_queries_in_sql(team_db, monkeypatch):
    store = PgSyncStore(team_db.url, team_db.schema).open()
    store.upsert("items", inbox_docs())
    monkeypatch.setattr(
        PgTx, "_find_python", lambda *a: pytest.fail("loaded the table into Python")
    )
    page, total = store.find(
        "items", Q.eq("workflow", "open"), sort=("seen_at", "id"), reverse=True, limit=2
    )
    assert [d["id"] for d in page] == ["i6", "i4"] and total == 4


def test_a_team_database_from_a_newer_roos_is_refused_and_left_untouched(team_db):
    PgSyncStore(team_db.url, team_db.schema).open()
    team_db.sql("UPDATE roos_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer Roos"):
        PgSyncStore(team_db.url, team_db.schema).open()
    assert team_db.sql("SELECT value FROM roos_meta WHERE key = 'schema_version'") == [(99,)]


def test_the_schema_is_migrated_once_with_indexes_for_the_pages(team_db):
    PgSyncStore(team_db.url, team_db.schema).open()
    PgSyncStore(team_db.url, team_db.schema).open()
    indexes = {
        name
        for (name,) in team_db.sql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = %s AND tablename = 'items'",
            (team_db.schema,),
        )
    }
    for column in ("seen", "status", "waiting", "assignee", "person_id", "source", "month"):
        assert f"items_{column}" in indexes  # waiting orders by urgency


def test_a_lost_database_connection_is_reopened_and_the_write_goes_through(team_db):
    store = PgSyncStore(team_db.url, team_db.schema).open()
    store.upsert("items", items(1))
    (pid,) = store.connection().execute("SELECT pg_backend_pid()").fetchone()
    team_db.sql("SELECT pg_terminate_backend(%s)", (pid,))  # a restart, a network cut
    assert store.transact(lambda tx: tx.upsert("items", items(1, start=1))) == ["urn:li:activity:1"]
    assert backend_count(team_db) == 2


def backend_count(db) -> int:
    return db.sql("SELECT count(*) FROM items")[0][0]
