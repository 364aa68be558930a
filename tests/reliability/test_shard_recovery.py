"""A damaged shard gives back everything still readable, and names what it could not.

The probe truncated a 520-document shard whose snapshot (.bak) held 320: the agent used to
start with the snapshot alone, 200 acknowledged items fewer, and only logged a warning.
Now every complete document before the damage is read back, the snapshot fills in the
rest, and an id seen in the unreadable tail that no copy holds is noted as lost
(store/recovery.json, shown by `roos doctor` and the dashboard), never dropped silently.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from agent.store import SyncStore
from agent.store.recover import read_notes


def doc(n: int) -> dict:
    return {"id": f"urn:li:activity:{n}", "text": f"Bericht {n} over Vlotbank", "n": n}


def shard_of_520_with_a_snapshot_of_320(folder: Path) -> Path:
    store = SyncStore(folder).open()
    store.upsert("items", [doc(n) for n in range(320)])
    store.upsert("items", [doc(n) for n in range(320, 520)])  # the .bak now holds 320
    (shard,) = (folder / "items").glob("*.json")
    return shard


def test_a_truncated_shard_gives_back_every_readable_item_and_names_the_rest(tmp_path):
    folder = tmp_path / "store"
    shard = shard_of_520_with_a_snapshot_of_320(folder)
    whole = shard.read_bytes()
    shard.write_bytes(whole[: len(whole) * 9 // 10])

    store = SyncStore(folder).open()
    back = {d["id"] for d in store.find("items")[0]}
    assert {doc(n)["id"] for n in range(320)} <= back
    assert len(back) > 450  # nine tenths of the file: about 468 complete documents
    (note,) = read_notes(folder)
    # Every acknowledged item is back or counted as lost (the shard's header said 520).
    assert note["lost"] == 520 - len(back) > 0
    assert note["from_backup"] + note["from_file"] == len(back)
    (aside,) = shard.parent.glob(f"{shard.name}.corrupt-*")
    assert aside.read_bytes() == whole[: len(whole) * 9 // 10]  # kept byte-identical


def test_a_shard_overwritten_in_the_middle_keeps_the_documents_before_the_damage(tmp_path):
    folder = tmp_path / "store"
    shard = shard_of_520_with_a_snapshot_of_320(folder)
    whole = bytearray(shard.read_bytes())
    middle = len(whole) * 3 // 4
    whole[middle : middle + 64] = b"\0" * 64  # a torn sector
    shard.write_bytes(bytes(whole))

    store = SyncStore(folder).open()
    assert store.count("items") > 380
    assert orjson.loads(shard.read_bytes())  # the recovered shard is whole JSON again
    store.upsert("items", [doc(999)])
    assert SyncStore(folder).open().count("items") == store.count("items")
