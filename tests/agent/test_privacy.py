"""Data stays the user's: retention, export, forgetting a person, and the audit trail.

A demanding user (and the law) expects that what Roos no longer needs is gone from the disk,
not merely hidden: these tests read the store's files, snapshots included.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from agent import privacy
from agent.pipeline import reanalyze
from agent.privacy import audit_id
from agent.server.app import create_app
from agent.server.keys import STORE
from agent.store import TABLES, SyncStore
from tests.support.agent import ROOS, AgentProcess

NOW = datetime.now(UTC)
LONG_AGO = (NOW - timedelta(days=430)).isoformat(timespec="seconds")
LAST_MONTH = (NOW - timedelta(days=40)).isoformat(timespec="seconds")


def doc(n: int, text: str, name: str, published: str, profile_url: str | None = None) -> dict:
    return {
        "id": f"urn:li:activity:74{n:017d}",
        "source": "linkedin",
        "kind": "comment",
        "url": f"https://www.linkedin.com/feed/update/urn:li:activity:74{n:017d}/",
        "text": text,
        "author": {"name": name, "profile_url": profile_url},
        "published_at": published,
        "seen_at": published,
    }


def on_disk(store_folder: Path, needle: str) -> list[str]:
    """Every file of the store (snapshots and all) that still holds `needle`."""
    raw = needle.encode()
    return [str(p) for p in store_folder.rglob("*") if p.is_file() and raw in p.read_bytes()]


async def ingest(api, docs: list[dict]) -> None:
    resp = await api.post("/api/analyze", json={"items": docs})
    assert resp.status == 200, await resp.text()


# -- retention ----------------------------------------------------------------------------------
@pytest.mark.both_stores
async def test_retention_summarises_and_deletes_what_saw_no_interaction_for_a_year(
    api, server, vlotbank_profile
):
    assert (await api.put("/api/profile", json=vlotbank_profile)).status == 200
    gone_alone = doc(1, "VlotPay rekende dubbel, schandalig!", "Oud Persoon", LONG_AGO)
    gone_but_known = doc(2, "Zonnewind rente is laag", "Blijf Persoon", LONG_AGO)
    still_known = doc(3, "Zonnewind is toch prima", "Blijf Persoon", LAST_MONTH)
    answered_lately = doc(4, "Waarom werkt VlotPay niet in Spanje?", "Vroeger Persoon", LONG_AGO)
    await ingest(api, [gone_alone, gone_but_known, still_known, answered_lately])
    reply = {"item_id": answered_lately["id"], "answered_at": LAST_MONTH, "text": "Opgelost via DM"}
    assert (await api.post("/api/replies", json=reply)).status == 200
    # A profile change re-analyses items; that is not an interaction and renews nothing.
    assert (
        await api.put(
            "/api/profile", json={"watch_terms": ["VlotPay", "Zonnewind", "VlotPas", "Vlotje"]}
        )
    ).status == 200
    await reanalyze(server.app, gone_alone["id"])

    removed = await privacy.run_retention(server.app)

    store = server.app[STORE]
    assert removed["items"] == 2 and removed["people"] == 1
    assert await store.get("items", gone_alone["id"]) is None
    assert await store.get("items", gone_but_known["id"]) is None
    assert await store.get("suggestions", gone_alone["id"]) is None
    for kept in (still_known, answered_lately):
        assert await store.get("items", kept["id"]) is not None
    people = {p["name"]: p for p in (await store.find("people"))[0]}
    assert "Oud Persoon" not in people
    assert [i["item_id"] for i in people["Blijf Persoon"]["interactions"]] == [still_known["id"]]

    month = LONG_AGO[:7]
    totals = {t["id"]: t for t in (await store.find("monthly_totals"))[0]}
    everything = totals[f"{month}|linkedin|*"]
    assert (
        everything["items"] == 2
        and everything["positive"] + everything["negative"] + everything["neutral"] == 2
    )
    assert totals[f"{month}|linkedin|VlotPay"]["items"] == 1
    assert totals[f"{month}|linkedin|Zonnewind"]["items"] == 1

    audit = [a for a in (await store.find("audit"))[0] if a["action"] == "retention"]
    assert audit and sorted(audit[0]["ids"]) == sorted(
        audit_id(i) for i in (gone_alone["id"], gone_but_known["id"])
    )
    if hasattr(server.app[STORE].sync, "folder"):  # TinyDB: not even in a snapshot file
        folder = server.app[STORE].sync.folder
        assert on_disk(folder, "schandalig") == [] and on_disk(folder, "Oud Persoon") == []

    again = await privacy.run_retention(server.app)
    assert not any(again.values())
    assert (await store.get("monthly_totals", f"{month}|linkedin|*"))["items"] == 2


@pytest.mark.both_stores
async def test_a_shorter_retention_setting_is_respected(api, server, vlotbank_profile):
    assert (
        await api.put("/api/profile", json={**vlotbank_profile, "retention_months": 1})
    ).status == 200
    await ingest(api, [doc(5, "VlotPay was traag", "Een Persoon", LAST_MONTH)])
    assert (await privacy.run_retention(server.app))["items"] == 1


async def test_the_agent_runs_retention_by_itself(aiohttp_server, config, monkeypatch):
    monkeypatch.setattr(privacy, "FIRST_RUN_AFTER", 0.0)
    store = SyncStore(config.home / "store").open()
    old = {**doc(6, "Heel oud bericht", "Oud", LONG_AGO), "analysis": {}}
    store.upsert("items", [old])
    app = create_app(config)
    await aiohttp_server(app, host="127.0.0.1", port=config.port)
    for _ in range(200):
        if await app[STORE].get("items", old["id"]) is None:
            break
        await asyncio.sleep(0.05)
    assert await app[STORE].get("items", old["id"]) is None


# -- export ----------------------------------------------------------------------------------
JAN = {"name": "Jan de Vries", "profile_url": "https://www.linkedin.com/in/jan-de-vries-nl/"}


@pytest.mark.both_stores
async def test_export_everything_and_everything_about_one_person(api, server):
    mine = doc(
        7,
        "Hoe krijg ik de VlotPay app weer aan de praat?",
        JAN["name"],
        LAST_MONTH,
        JAN["profile_url"],
    )
    other = doc(8, "Zonnewind is mooi", "Iemand Anders", LAST_MONTH)
    await ingest(api, [mine, other])
    ratio = {"account": JAN["profile_url"], "name": JAN["name"], "followers": 300, "following": 200}
    assert (await api.post("/api/follow-ratio", json=ratio)).status == 200

    everything = (await (await api.get("/api/export")).json())["export"]
    assert set(everything["tables"]) == set(TABLES) and everything["scope"] == "all"
    assert {i["id"] for i in everything["tables"]["items"]} == {mine["id"], other["id"]}

    one = (await (await api.get("/api/export/person?person=jan de vries")).json())["export"]
    assert one["person"]["name"] == JAN["name"]
    assert [i["id"] for i in one["items"]] == [mine["id"]]
    assert one["source_urls"] == sorted([JAN["profile_url"], mine["url"]])
    assert len(one["follow_snapshots"]) == 1 and one["suggestions"]

    audit = (await server.app[STORE].find("audit", lambda a: a["action"] == "export"))[0]
    assert sorted(a.get("scope") for a in audit) == ["all", "person"]
    assert all("Jan" not in json.dumps(a) for a in audit)
    assert any(a["ids"] == [audit_id(one["person"]["id"])] for a in audit)


@pytest.mark.both_stores
async def test_a_name_that_fits_several_people_is_refused(api):
    twins = [
        doc(9, "VlotPay ok", "Sam Smit", LAST_MONTH, "https://www.linkedin.com/in/sam-smit-1/"),
        doc(10, "VlotPay top", "Sam Smit", LAST_MONTH, "https://www.linkedin.com/in/sam-smit-2/"),
    ]
    await ingest(api, twins)
    resp = await api.post("/api/forget", json={"person": "Sam Smit"})
    body = await resp.json()
    assert resp.status == 409 and "linkedin.com/in/sam-smit-1" in body["error"]
    assert (await api.get("/api/export/person?person=Niemand")).status == 404
    by_url = await api.post("/api/forget", json={"person": "https://linkedin.com/in/sam-smit-2"})
    assert by_url.status == 200 and (await by_url.json())["id"] == "linkedin.com/in/sam-smit-2"


# -- forget ----------------------------------------------------------------------------------
async def test_forgetting_a_person_removes_them_from_every_table_and_snapshot(api, server):
    words = "Mijn VlotPas is gestolen in Utrecht"
    mine = doc(11, words, JAN["name"], LAST_MONTH, JAN["profile_url"])
    again = {**mine, "text": words + " (bijgewerkt)"}
    other = doc(12, "Zonnewind blijft mooi", "Iemand Anders", LAST_MONTH)
    await ingest(api, [mine, other])
    await ingest(api, [again])  # a second write leaves the first version in a .bak snapshot
    assert (
        await api.post("/api/replies", json={"item_id": mine["id"], "text": "Bel ons even"})
    ).status == 200
    ratio = {"account": JAN["profile_url"], "name": JAN["name"], "followers": 300, "following": 200}
    assert (await api.post("/api/follow-ratio", json=ratio)).status == 200
    folder = server.app[STORE].sync.folder
    assert on_disk(folder, "gestolen in Utrecht")

    resp = await api.post("/api/forget", json={"person": JAN["profile_url"]})
    assert resp.status == 200, await resp.text()

    for needle in ("gestolen in Utrecht", "Jan de Vries", "Bel ons even"):
        assert on_disk(folder, needle) == [], needle
    # Not even the audit log names them: it keeps a hash of the id, as proof of the forgetting.
    assert on_disk(folder, "jan-de-vries-nl") == []
    store = server.app[STORE]
    assert await store.get("items", other["id"]) is not None
    forgot = (await store.find("audit", lambda a: a["action"] == "forget"))[0]
    assert forgot[0]["ids"][0] == audit_id("linkedin.com/in/jan-de-vries-nl")
    assert "jan-de-vries" not in json.dumps(forgot)  # the log proves it, without naming anyone
    # The same words from someone else are new, not a duplicate of what was forgotten.
    echo = doc(13, words + " (bijgewerkt)", "Nieuwe Persoon", LAST_MONTH)
    result = (await (await api.post("/api/analyze", json={"items": [echo]})).json())["results"][0]
    assert "duplicate_of" not in result


# -- the command line ------------------------------------------------------------------------
def roos(*args: str, home: Path, port: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROOS_HOME": str(home)}
    if port:
        env["ROOS_PORT"] = str(port)
    return subprocess.run([str(ROOS), *args], env=env, capture_output=True, text=True, timeout=60)


def stored_person(home: Path) -> None:
    """A store with Jan and one of his comments, written the way the agent would."""
    store = SyncStore(home / "store").open()
    item = {
        **doc(14, "VlotPay faalt bij het afrekenen", JAN["name"], LAST_MONTH, JAN["profile_url"]),
        "person_id": "linkedin.com/in/jan-de-vries-nl",
    }
    store.upsert("items", [item])
    store.upsert("items", [{**item, "text": item["text"] + "!"}])
    store.upsert(
        "people",
        [
            {
                "id": "linkedin.com/in/jan-de-vries-nl",
                **JAN,
                "interactions": [{"item_id": item["id"]}],
            }
        ],
    )


def test_export_and_forget_without_a_running_agent(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    stored_person(home)
    out = tmp_path / "all.json"
    done = roos("export", "--out", str(out), home=home)
    assert done.returncode == 0, done.stderr
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert json.loads(out.read_text())["tables"]["people"][0]["name"] == JAN["name"]

    person = roos("export", "--person", "Jan de Vries", home=home)
    assert person.returncode == 0, person.stderr
    assert JAN["profile_url"] in json.loads(person.stdout)["source_urls"]

    assert roos("forget", "Piet", home=home).returncode == 1
    forgot = roos("forget", "jan de vries", home=home)
    assert forgot.returncode == 0, forgot.stderr
    assert "Forgot linkedin.com/in/jan-de-vries-nl" in forgot.stdout
    assert on_disk(home / "store", "afrekenen") == []
    audit = SyncStore(home / "store").open().find("audit")[0]
    assert sorted(a["action"] for a in audit) == ["export", "export", "forget"]


def test_open_export_and_forget_go_through_the_running_agent(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    with AgentProcess(home) as agent:
        comment = doc(
            15, "VlotPay: geld kwijt na overboeking", JAN["name"], LAST_MONTH, JAN["profile_url"]
        )
        assert agent.call("POST", "/api/analyze", {"items": [comment]})[0] == 200

        opened = roos("open", "--print", home=home, port=agent.port)
        assert opened.returncode == 0, opened.stderr
        url = opened.stdout.strip()
        assert url.startswith(f"{agent.base}/login#code=") and agent.token not in url
        code = url.split("#code=")[1]
        login = agent.call(
            "POST", "/api/session", {"code": code}, token=False, headers={"Origin": agent.base}
        )
        assert login[0] == 200

        person = roos("export", "--person", JAN["profile_url"], home=home, port=agent.port)
        assert person.returncode == 0, person.stderr
        assert json.loads(person.stdout)["items"][0]["url"] == comment["url"]

        forgot = roos("forget", JAN["name"], home=home, port=agent.port)
        assert forgot.returncode == 0, forgot.stderr
        assert agent.call("GET", "/api/people/linkedin.com/in/jan-de-vries-nl")[0] == 404

    assert roos("open", "--print", home=home).returncode == 1


@pytest.mark.parametrize(
    "months,expected", [(12, "2025-11-23"), (1, "2026-10-23"), (13, "2025-10-23")]
)
def test_months_before_counts_calendar_months(months, expected):
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    assert privacy.months_before(now, months).date().isoformat() == expected
    assert (
        privacy.months_before(datetime(2026, 3, 31, tzinfo=UTC), 1).date().isoformat()
        == "2026-02-28"
    )
