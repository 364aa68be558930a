"""Forget and retention reach every file in the home: reports and set-aside copies too.

The probe ingested items by a person, made the month's report, ran `roos forget` and found
the name, the texts and an account number still in reports/<month>/report.{html,csv,json}
(and served by GET /api/reports/<month>/report.html), in a ``*.corrupt-*`` copy, and in
reports older than the retention period. Now a report that held the person is rebuilt
without them (the audit log says which), copies set aside are scrubbed, and retention
removes the reports it has outlived.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime

from agent import privacy
from agent.server.keys import CONFIG, STORE
from tests.support.agent import ROOS, AgentProcess

JAN = {"name": "Jan Verraad", "profile_url": "https://www.linkedin.com/in/jan-verraad-7f2/"}
ACCOUNT = "NL91VLOT0417164300"
OCTOBER = "2026-10"


def item(n: int, author: dict, text: str) -> dict:
    return {
        "id": f"urn:li:activity:75{n:017d}",
        "source": "linkedin",
        "kind": "comment",
        "url": f"https://www.linkedin.com/feed/update/urn:li:activity:75{n:017d}/",
        "text": text,
        "author": author,
        "published_at": f"{OCTOBER}-1{n}T10:00:00Z",
        "seen_at": f"{OCTOBER}-1{n}T10:00:00Z",
    }


def holding(home, needle: str) -> list[str]:
    raw = needle.encode()
    return sorted(
        str(p.relative_to(home)) for p in home.rglob("*") if p.is_file() and raw in p.read_bytes()
    )


async def test_forgetting_a_person_rebuilds_the_reports_and_scrubs_set_aside_copies(
    vlot_api, server
):
    api, home = vlot_api, server.app[CONFIG].home
    other = {"name": "Els Blijft", "profile_url": "https://www.linkedin.com/in/els-blijft/"}
    items = [
        item(1, JAN, f"Vlotbank, mijn rekening {ACCOUNT} is geblokkeerd!"),
        item(2, JAN, "Nog steeds geen antwoord van Vlotbank over mijn rekening"),
        item(3, other, "Vlotbank heeft me snel geholpen, dank!"),
    ]
    assert (await api.post("/api/items", json={"items": items})).status == 200
    made = await api.post("/api/reports", json={"month": OCTOBER, "lang": "nl"})
    assert made.status == 200, await made.text()
    (shard,) = (home / "store" / "items").glob("*.json")
    shutil.copyfile(shard, shard.with_name(f"{shard.name}.corrupt-1700000000"))
    assert holding(home / "reports", ACCOUNT) and holding(home / "reports", JAN["name"])
    before = await (await api.get(f"/api/reports/{OCTOBER}/report.html")).text()
    assert JAN["name"] in before

    forgot = await api.post("/api/forget", json={"person": JAN["name"]})
    assert forgot.status == 200
    answer = await forgot.json()

    for needle in (JAN["name"], ACCOUNT, JAN["profile_url"], "Nog steeds geen antwoord"):
        assert holding(home, needle) == [], needle
    assert holding(home / "reports", other["name"])  # rebuilt, not wiped
    served = await api.get(f"/api/reports/{OCTOBER}/report.html")
    page = await served.text()
    assert served.status == 200 and JAN["name"] not in page
    assert answer["removed"]["reports"]["rebuilt"] == [OCTOBER]
    aside = shard.with_name(f"{shard.name}.corrupt-1700000000")
    assert other["name"].encode() in aside.read_bytes()  # the rest of the copy is kept
    audit, _ = await server.app[STORE].find("audit", lambda a: a["action"] == "reports")
    assert [(a["reason"], a["rebuilt"], a["scrubbed_copies"]) for a in audit] == [
        ("forget", [OCTOBER], 1)
    ]


async def test_retention_removes_reports_it_has_outlived(api, server):
    home = server.app[CONFIG].home
    assert (await api.post("/api/items", json={"items": [item(1, JAN, "Vlotbank?")]})).status == 200
    old = home / "reports" / "2024-03"
    old.mkdir(parents=True)
    (old / "report.html").write_text(f"<p>{JAN['name']}</p>")
    (old / "report.json").write_text('{"month": "2024-03", "lang": "nl"}')

    await privacy.run_retention(server.app, now=datetime(2026, 11, 20, tzinfo=UTC))

    assert not old.exists()
    audit, _ = await server.app[STORE].find("audit", lambda a: a["action"] == "reports")
    assert [(a["reason"], a["removed"]) for a in audit] == [("retention", ["2024-03"])]


def test_roos_forget_without_an_agent_rebuilds_the_report_too(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "ROOS_HOME": str(home), "ROOS_SCHEDULER": "0"}

    def roos(*args: str) -> str:
        done = subprocess.run(
            [str(ROOS), *args], env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    with AgentProcess(home) as agent:
        items = [item(1, JAN, f"Rekening {ACCOUNT} geblokkeerd, Vlotbank!")]
        assert agent.call("POST", "/api/items", {"items": items})[0] == 200
    roos("report", "--month", OCTOBER)
    assert holding(home / "reports", ACCOUNT)

    said = roos("forget", JAN["profile_url"])

    assert f"Rebuilt the reports of {OCTOBER} without them." in said
    for needle in (JAN["name"], ACCOUNT):
        assert holding(home, needle) == [], needle
    assert (home / "reports" / OCTOBER / "nl" / "report.pdf").exists()
