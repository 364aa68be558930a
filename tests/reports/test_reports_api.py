"""The dashboard asks the agent for October's report and downloads it, over real HTTP."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

import pytest

from agent.reports.pdf import CHROMIUM
from agent.server.keys import PROFILE, STORE, TOKEN

from .fixture_month import store_month

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed"),
]


@pytest.fixture
async def october_api(vlot_api, server):
    """The paired client, with the invented October in the agent's store."""
    profile = server.app[PROFILE].current
    await server.app[STORE].transact(lambda tx: store_month(tx, profile))
    return vlot_api


async def hello(api, server):
    ws = await api.ws_connect("/ws")
    await ws.send_json({"type": "hello", "token": server.app[TOKEN].value})
    assert (await ws.receive_json(timeout=30))["type"] == "welcome"
    return ws


async def test_making_october_s_report_returns_its_files_and_announces_it(october_api, server):
    ws = await hello(october_api, server)
    resp = await october_api.post("/api/reports", json={"month": "2026-10", "lang": "en"})
    assert resp.status == 200, await resp.text()
    report = (await resp.json())["report"]
    assert report["month"] == "2026-10" and report["lang"] == "en" and not report["empty"]
    assert report["summary"][0].startswith("In October 2026 Vlotbank was mentioned 23 times")
    assert report["figures"]["response"]["complaints"]["received"] == 10
    assert report["download_url"] == "/api/reports/2026-10/report.pdf?lang=en"
    home = server.app[PROFILE].path.parent
    for kind in ("html", "pdf", "csv"):
        assert Path(report["files"][kind]) == home / "reports" / "2026-10" / "en" / f"report.{kind}"
        assert Path(report["files"][kind]).stat().st_size > 0
    event = await ws.receive_json(timeout=30)
    assert event["type"] == "report.ready" and event["data"]["month"] == "2026-10"
    assert event["data"]["download_url"] == report["download_url"]
    await ws.close()

    listed = await (await october_api.get("/api/reports")).json()
    assert [r["month"] for r in listed["reports"]] == ["2026-10"]
    assert "figures" not in listed["reports"][0]


async def test_the_files_are_served_with_their_own_content_types(october_api):
    resp = await october_api.post("/api/reports", json={"month": "2026-10", "lang": "nl"})
    assert resp.status == 200, await resp.text()

    pdf = await october_api.get("/api/reports/2026-10/report.pdf")
    assert pdf.status == 200 and pdf.content_type == "application/pdf"
    assert (await pdf.read()).startswith(b"%PDF")
    assert 'filename="roos-2026-10-nl.pdf"' in pdf.headers["Content-Disposition"]

    html = await october_api.get("/api/reports/2026-10/report.html")
    assert (
        html.content_type == "text/html"
        and "default-src 'none'" in html.headers["Content-Security-Policy"]
    )
    assert "Maandrapport oktober 2026" in await html.text()

    sheet = await october_api.get("/api/reports/2026-10/report.csv")
    assert sheet.content_type == "text/csv"
    rows = list(csv.DictReader(io.StringIO((await sheet.read()).decode("utf-8-sig"))))
    assert sum(1 for r in rows if r["bedoeling"] == "complaint") == 10


async def test_a_month_keeps_its_dutch_and_its_english_report(october_api):
    for lang in ("nl", "en"):
        resp = await october_api.post("/api/reports", json={"month": "2026-10", "lang": lang})
        assert resp.status == 200, await resp.text()
    listed = await (await october_api.get("/api/reports")).json()
    assert [(r["month"], r["lang"]) for r in listed["reports"]] == [
        ("2026-10", "nl"),
        ("2026-10", "en"),
    ]
    dutch = await (await october_api.get("/api/reports/2026-10/report.html?lang=nl")).text()
    english = await (await october_api.get("/api/reports/2026-10/report.html?lang=en")).text()
    assert "Maandrapport oktober 2026" in dutch and "October 2026" in english
    bad = await october_api.get("/api/reports/2026-10/report.html?lang=de")
    assert bad.status == 400 and "lang" in (await bad.json())["error"]


async def test_two_reports_asked_at_once_both_arrive(october_api):
    first, second = await asyncio.gather(
        october_api.post("/api/reports", json={"month": "2026-10", "lang": "nl"}),
        october_api.post("/api/reports", json={"month": "2026-09", "lang": "en"}),
    )
    assert first.status == second.status == 200
    listed = await (await october_api.get("/api/reports")).json()
    assert [(r["month"], r["lang"]) for r in listed["reports"]] == [
        ("2026-10", "nl"),
        ("2026-09", "en"),
    ]


async def test_wrong_months_and_files_are_refused_with_a_reason(api):
    future = await api.post("/api/reports", json={"month": "2999-01"})
    assert future.status == 400 and "has not started" in (await future.json())["error"]
    shape = await api.post("/api/reports", json={"month": "oktober"})
    assert shape.status == 400 and "month" in (await shape.json())["error"]
    missing = await api.get("/api/reports/2026-10/report.pdf")
    assert missing.status == 404 and "POST /api/reports" in (await missing.json())["error"]
    for path in ("/api/reports/2026-10/profile.toml", "/api/reports/..%2F..%2Ftoken/report.pdf"):
        assert (await api.get(path)).status == 404
    assert (await api.get("/api/reports")).status == 200


async def test_reports_need_the_token(anon):
    assert (await anon.get("/api/reports")).status == 401
    assert (await anon.post("/api/reports", json={"month": "2026-10"})).status == 401
    assert (await anon.get("/api/reports/2026-10/report.pdf")).status == 401
