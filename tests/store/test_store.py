"""The store keeps every acknowledged write, whatever happens to the process or the disk."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest

from agent.store import HomeLock, StoreError, SyncStore, meta, shards
from agent.store import db as store_db


def docs(n: int, start: int = 0, **fields) -> list[dict]:
    return [
        {"id": f"urn:li:activity:{i}", "text": f"post {i}", **fields}
        for i in range(start, start + n)
    ]


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def small_shards(monkeypatch):
    monkeypatch.setattr(shards, "SHARD_CAP", 10)
    monkeypatch.setattr(store_db, "SHARD_CAP", 10)


def test_posting_an_item_twice_updates_it_and_never_duplicates(folder):
    store = SyncStore(folder).open()
    store.upsert("items", docs(3))
    store.upsert("items", [{"id": "urn:li:activity:1", "text": "edited", "lang": "nl"}])
    assert store.count("items") == 3
    assert store.get("items", "urn:li:activity:1") == {
        "id": "urn:li:activity:1",
        "text": "edited",
        "lang": "nl",
    }
    reopened = SyncStore(folder).open()
    assert reopened.count("items") == 3
    assert reopened.get("items", "urn:li:activity:1")["text"] == "edited"


def test_fields_not_sent_again_are_kept(folder):
    store = SyncStore(folder).open()
    store.upsert("items", [{"id": "a", "text": "x", "analysis": {"intent": "praise"}}])
    store.upsert("items", [{"id": "a", "text": "y"}])
    assert store.get("items", "a") == {"id": "a", "text": "y", "analysis": {"intent": "praise"}}


def test_a_write_rewrites_only_the_shard_it_touches(folder, small_shards):
    store = SyncStore(folder).open()
    store.upsert("items", docs(35))
    files = sorted((folder / "items").glob("*.json"))
    assert len(files) == 4  # 10 + 10 + 10 + 5
    before = {f.name: f.stat().st_mtime_ns for f in files}
    store.upsert("items", [{"id": "urn:li:activity:3", "text": "changed"}])
    after = {f.name: f.stat().st_mtime_ns for f in sorted((folder / "items").glob("*.json"))}
    changed = [name for name in before if before[name] != after[name]]
    assert changed == [files[0].name]


def test_a_batch_spanning_shards_is_written_once_per_shard(folder, small_shards, monkeypatch):
    store = SyncStore(folder).open()
    store.upsert("items", docs(20))
    writes = []
    real = shards.write_json
    monkeypatch.setattr(shards, "write_json", lambda p, v: (writes.append(p.name), real(p, v)))
    store.upsert("items", [{"id": f"urn:li:activity:{i}", "text": "new"} for i in (1, 2, 15, 16)])
    assert len(writes) == 2 and len(set(writes)) == 2  # two shards touched, each written once


def test_queries_filter_sort_and_page(folder):
    store = SyncStore(folder).open()
    store.upsert("items", docs(30))
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


def test_delete_removes_from_disk(folder):
    store = SyncStore(folder).open()
    store.upsert("people", [{"id": "p1", "name": "Jan"}, {"id": "p2", "name": "Els"}])
    assert store.delete("people", ["p1", "unknown"]) == 1
    assert SyncStore(folder).open().get("people", "p1") is None


def test_a_failed_transaction_changes_nothing(folder):
    store = SyncStore(folder).open()
    store.upsert("items", docs(2))

    def half_done(tx):
        tx.upsert("items", [{"id": "urn:li:activity:0", "text": "half"}])
        raise ValueError("boom")

    with pytest.raises(ValueError):
        store.transact(half_done)
    assert store.get("items", "urn:li:activity:0")["text"] == "post 0"
    assert SyncStore(folder).open().get("items", "urn:li:activity:0")["text"] == "post 0"


def test_disk_full_fails_clearly_keeps_old_data_and_recovers(folder, monkeypatch):
    store = SyncStore(folder).open()
    store.upsert("items", docs(5))
    real_write = os.write

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(StoreError, match="disk is full"):
        store.upsert("items", docs(5, start=100))
    assert store.count("items") == 5  # memory agrees with disk
    assert not list(folder.rglob("*.tmp"))
    monkeypatch.setattr(os, "write", real_write)
    store.upsert("items", docs(5, start=100))
    assert SyncStore(folder).open().count("items") == 10


def test_leftover_temp_files_are_cleaned_at_start(folder):
    SyncStore(folder).open().upsert("items", docs(1))
    leftover = folder / "items" / ".2026-11-0000.json.1234.tmp"
    leftover.write_bytes(b'{"_default": {"1": {"id": "half')
    SyncStore(folder).open()
    assert not leftover.exists()


def test_a_corrupt_file_is_moved_aside_and_the_last_good_snapshot_restored(folder, caplog):
    store = SyncStore(folder).open()
    store.upsert("items", docs(3))
    store.upsert("items", docs(1, start=3))  # the snapshot (.bak) now holds the first three
    shard = next((folder / "items").glob("*.json"))
    shard.write_bytes(b'{"_default": {"1": {"id": "urn:li:act')  # truncated by a crash of the disk
    reopened = SyncStore(folder).open()
    assert reopened.count("items") == 3
    assert list((folder / "items").glob("*.corrupt-*"))
    assert "moved it aside" in caplog.text and "snapshot" in caplog.text


def test_a_foreign_file_is_refused_not_read(folder):
    store = SyncStore(folder).open()
    store.upsert("items", docs(1))
    shard = next((folder / "items").glob("*.json"))
    shard.unlink()
    (folder / "items" / f"{shard.stem}.json.bak").unlink(missing_ok=True)
    shard.write_text(json.dumps({"users": [1, 2, 3]}))
    with pytest.raises(StoreError, match="not a Roos store file"):
        SyncStore(folder).open()
    assert list((folder / "items").glob("*.corrupt-*"))  # kept, not deleted


def test_a_store_from_a_newer_roos_is_refused_and_left_untouched(folder):
    SyncStore(folder).open()
    card = folder / "meta.json"
    card.write_text(json.dumps({"format": "roos-store", "schema_version": 99}))
    before = card.read_bytes()
    with pytest.raises(StoreError, match="newer Roos"):
        SyncStore(folder).open()
    assert card.read_bytes() == before


def test_migrations_run_once_on_start(folder, monkeypatch):
    SyncStore(folder).open().upsert("items", [{"id": "a", "author": "Jan"}])
    monkeypatch.setattr(meta, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(
        meta.MIGRATIONS,
        2,
        lambda table, doc: (
            {**doc, "author": {"name": doc["author"]}}
            if isinstance(doc.get("author"), str)
            else doc
        ),
    )
    assert SyncStore(folder).open().get("items", "a")["author"] == {"name": "Jan"}
    assert json.loads((folder / "meta.json").read_text())["schema_version"] == 2


def test_files_are_private(folder):
    SyncStore(folder).open().upsert("items", docs(1))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for f in (folder / "items").glob("*.json"):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600


def test_two_agents_cannot_share_a_home(tmp_path):
    with HomeLock(tmp_path), pytest.raises(StoreError, match="already uses"):
        HomeLock(tmp_path).acquire()
    HomeLock(tmp_path).acquire()  # free again once the first let go


def test_big_documents_roll_over_to_a_new_shard_by_size(folder, monkeypatch):
    """Analysed items are a few KiB each: a shard is capped by bytes too, so a write stays small."""
    monkeypatch.setattr(shards, "SHARD_BYTES", 20_000)
    store = SyncStore(folder).open()
    for n in range(30):
        store.upsert("items", docs(1, start=n, text="x" * 2000))
    sizes = [f.stat().st_size for f in (folder / "items").glob("*.json")]
    assert len(sizes) >= 3 and max(sizes) < 20_000 + 2_100
    assert SyncStore(folder).open().count("items") == 30


def test_a_group_commit_undoes_only_the_transaction_that_failed(folder):
    store = SyncStore(folder).open()

    def add(doc_id):
        return lambda tx: tx.upsert("items", [{"id": doc_id, "text": "ok"}])

    def half_then_fail(tx):
        tx.upsert("items", [{"id": "half", "text": "never"}])
        raise ValueError("boom")

    outcomes = store.transact_group([add("a"), half_then_fail, add("b")])
    assert [ok for ok, _ in outcomes] == [True, False, True]
    assert isinstance(outcomes[1][1], ValueError)
    reopened = SyncStore(folder).open()
    assert reopened.get("items", "a") and reopened.get("items", "b")
    assert reopened.get("items", "half") is None


def test_a_failed_group_flush_acknowledges_nobody(folder, monkeypatch):
    store = SyncStore(folder).open()

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    outcomes = store.transact_group(
        [lambda tx: tx.upsert("items", [{"id": "a"}]), lambda tx: tx.upsert("items", [{"id": "b"}])]
    )
    assert all(not ok and isinstance(err, StoreError) for ok, err in outcomes)
    assert store.count("items") == 0


async def test_concurrent_writers_share_their_fsyncs(folder, monkeypatch):
    """Twenty clients at once: every one acknowledged after its write is durable, in few flushes."""
    import asyncio

    from agent.store import Store

    store = await Store(folder).open()
    flushes = []
    real = shards.write_json
    monkeypatch.setattr(shards, "write_json", lambda p, v: (flushes.append(p.name), real(p, v))[1])
    results = await asyncio.gather(
        *(store.transact(lambda tx, n=n: tx.upsert("items", [{"id": f"c{n}"}])) for n in range(20))
    )
    assert [r for r in results] == [[f"c{n}"] for n in range(20)]
    assert len(flushes) < 20
    store.close()
    assert SyncStore(folder).open().count("items") == 20
