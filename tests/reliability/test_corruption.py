"""A damaged or foreign file in the home: refused with a clear message, never silently used.

What the user sees, file by file (the home of a real `roos serve`):

- a store shard that is truncated or not Roos's is moved aside (``*.corrupt-<time>``,
  byte-identical, so nothing is lost) and replaced by every document still readable in
  it merged with its last good snapshot (``.bak``; see test_shard_recovery.py);
  with no snapshot the agent stops once (exit 4) naming the file, and starts without it;
- a damaged meta.json is moved aside and rebuilt; one from a newer Roos stops the agent
  (exit 4) and is left untouched, as is the whole store;
- a broken profile.toml keeps the last good profile in use and is reported, and is
  kept aside (not overwritten) when the profile is next saved from the extension;
- a damaged profile.last-good.json is moved aside;
- a damaged or foreign token is moved aside and a new one made (pair again).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import orjson

from agent.store import SyncStore
from agent.store.meta import SCHEMA_VERSION
from tests.reliability.test_two_agents import serve, snapshot, stored_ids
from tests.support.agent import AgentProcess, free_port, make_item

STORE_PROBLEM = 4


def ids(*numbers: int) -> set[str]:
    return {make_item(n)["id"] for n in numbers}


def post(agent: AgentProcess, *numbers: int) -> None:
    status, body = agent.call("POST", "/api/items", {"items": [make_item(n) for n in numbers]})
    assert status == 200, body


def only_shard(home: Path, table: str) -> Path:
    (shard,) = (home / "store" / table).glob("*.json")
    return shard


def set_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


def agent_log(agent: AgentProcess) -> str:
    return (agent.home.parent / f"agent-{agent.port}.log").read_text(errors="replace")


def test_a_truncated_store_file_is_set_aside_and_its_last_good_snapshot_restored(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as agent:
        post(agent, 1, 2, 3)
        post(agent, 4)  # the snapshot (.bak) now holds 1-3
    shard = only_shard(home, "items")
    damaged = shard.read_bytes()[: shard.stat().st_size // 2]
    shard.write_bytes(damaged)

    with AgentProcess(home) as agent:
        assert stored_ids(agent) == ids(1, 2, 3)
        post(agent, 5)
        assert stored_ids(agent) == ids(1, 2, 3, 5)
    (aside,) = set_aside(shard)
    assert aside.read_bytes() == damaged
    log = agent_log(agent)
    assert "is damaged" in log and aside.name in log and "more from its snapshot" in log


def test_a_foreign_store_file_without_snapshot_stops_the_agent_once_and_is_kept(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as agent:
        post(agent, 1)
    shard = only_shard(home, "items")
    foreign = b'{"playlist": ["not", "a", "roos", "store"]}'
    shard.write_bytes(foreign)

    refused = serve(home, free_port())
    assert refused.returncode == STORE_PROBLEM
    assert shard.name in refused.stderr and "is not a Roos store file" in refused.stderr
    assert "moved aside" in refused.stderr
    assert "Traceback" not in refused.stderr
    (aside,) = set_aside(shard)
    assert aside.read_bytes() == foreign

    with AgentProcess(home) as agent:  # started again: the other tables are all there
        assert stored_ids(agent) == set()
        status, body = agent.call("GET", "/api/people")
        assert status == 200 and body["total"] == 1


def test_a_damaged_or_foreign_meta_file_is_set_aside_and_rebuilt(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as agent:
        post(agent, 1, 2)
    meta = home / "store" / "meta.json"
    for bad in (meta.read_bytes()[:7], b'{"format": "someone-elses-app", "schema_version": 1}'):
        meta.write_bytes(bad)
        with AgentProcess(home) as agent:
            assert stored_ids(agent) == ids(1, 2)
        assert orjson.loads(meta.read_bytes())["schema_version"] == SCHEMA_VERSION
        assert bad in [p.read_bytes() for p in set_aside(meta)]


def test_a_store_from_a_newer_roos_is_refused_and_left_untouched(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as agent:
        post(agent, 1)
    meta = home / "store" / "meta.json"
    newer = {**orjson.loads(meta.read_bytes()), "schema_version": SCHEMA_VERSION + 1}
    meta.write_bytes(orjson.dumps(newer))
    before = snapshot(home / "store")

    refused = serve(home, free_port())
    assert refused.returncode == STORE_PROBLEM
    assert "newer Roos" in refused.stderr and "Upgrade Roos" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert snapshot(home / "store") == before


def test_a_broken_profile_edit_keeps_the_last_good_profile_and_is_never_overwritten(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as agent:
        status, _ = agent.call("PUT", "/api/profile", {"organisation": {"name": "Vlotbank"}})
        assert status == 200
    broken = b'[organisation]\nname = "Vlotbank\nstory = 12\n'  # an unclosed string
    (home / "profile.toml").write_bytes(broken)

    with AgentProcess(home) as agent:
        status, body = agent.call("GET", "/api/profile")
        assert status == 200 and body["profile"]["organisation"]["name"] == "Vlotbank"
        assert "profile.toml" in body["problem"]
        status, _ = agent.call("PUT", "/api/profile", {"organisation": {"story": "Sinds 1999"}})
        assert status == 200
    (aside,) = set_aside(home / "profile.toml")
    assert aside.read_bytes() == broken
    assert 'story = "Sinds 1999"' in (home / "profile.toml").read_text()


def test_a_damaged_last_good_profile_is_set_aside_and_the_agent_starts(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home) as agent:
        agent.call("PUT", "/api/profile", {"organisation": {"name": "Vlotbank"}})
    last_good = home / "profile.last-good.json"
    for bad in (last_good.read_bytes()[:10], b"[1, 2, 3]", b'"just a string"'):
        last_good.write_bytes(bad)
        with AgentProcess(home) as agent:
            status, body = agent.call("GET", "/api/profile")
            assert status == 200
            assert body["profile"]["organisation"]["name"] == "Vlotbank"  # from profile.toml
        assert bad in [p.read_bytes() for p in set_aside(last_good)]


def test_a_damaged_or_foreign_token_is_set_aside_and_replaced(tmp_path):
    home = tmp_path / "home"
    AgentProcess(home).start().stop()
    token_file = home / "token"
    original = token_file.read_text().strip()
    for bad in (original[:6].encode(), b"\xff\xfe\x00 not a token \x01", b"<html>hi</html>"):
        token_file.write_bytes(bad)
        with AgentProcess(home) as agent:
            fresh = token_file.read_text().strip()
            assert re.fullmatch(r"[0-9a-f]{64}", fresh)
            assert agent.call("GET", "/api/items")[0] == 200
            stale = agent.call(
                "GET",
                "/api/items",
                token=False,
                headers={"Authorization": f"Bearer {bad.decode('latin-1').strip()}"},
            )
            assert stale[0] in (400, 401)  # 400: a NUL byte is no valid header at all
        assert bad in [p.read_bytes() for p in set_aside(token_file)]
        assert "pair the extension again" in agent_log(agent)


def test_a_snapshot_that_already_is_the_current_file_does_not_break_later_writes(tmp_path):
    """Forgetting a person points every .bak at its current file (no old texts stay on
    disk); the writes after that must still work, and leave no temp files behind."""
    store = SyncStore(tmp_path / "store").open()
    store.upsert("items", [make_item(1)])
    store.upsert("items", [make_item(2)])
    shard = next((tmp_path / "store" / "items").glob("*.json"))
    backup = shard.with_name(shard.name + ".bak")
    backup.unlink()
    os.link(shard, backup)  # what scrubbing the snapshots does

    for n in (3, 4, 5):
        store.upsert("items", [make_item(n)])
    assert store.count("items") == 5
    assert [p.name for p in shard.parent.iterdir() if p.name.startswith(".")] == []
    assert len(orjson.loads(backup.read_bytes())["_default"]) == 4
