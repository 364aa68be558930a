"""/api/openapi.json is true where the fuzzer found it loose.

Either the agent accepts what the document allows, or the document says what is refused:
empty follower counts (now refused by the schema), `keep` equal to `merge` (accepted: a
no-op), months that have not begun (the schema says they get 400), the media types of a
report's files (as sent: HTML, PDF, CSV), and POST /api/session/code (its empty JSON
body is documented).
"""

from __future__ import annotations

from datetime import UTC, datetime

from jsonschema import Draft202012Validator

from tests.reliability.test_fuzz_api import documented_api

DOC = documented_api()


def request_schema(path: str, method: str = "post") -> dict:
    return DOC["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]


async def test_an_empty_follower_count_is_refused_by_the_document_and_the_agent(api):
    valid = Draft202012Validator(request_schema("/api/follow-ratio")).is_valid
    assert not valid({"account": "https://www.linkedin.com/in/x/", "followers": ""})
    assert valid({"account": "https://www.linkedin.com/in/x/", "followers": "1.234 volgers"})
    resp = await api.post("/api/follow-ratio", json={"account": "x", "followers": ""})
    assert resp.status == 400


async def test_merging_a_person_with_themselves_is_accepted_as_a_no_op(api):
    item = {
        "id": "urn:li:activity:7400000000000000042",
        "source": "linkedin",
        "kind": "comment",
        "url": "https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000042/",
        "text": "Vlotbank, waar blijft mijn pas?",
        "author": {"name": "Ria Zelf", "profile_url": "https://www.linkedin.com/in/ria-zelf/"},
        "seen_at": "2026-11-23T10:00:00Z",
    }
    assert (await api.post("/api/items", json={"items": [item]})).status == 200
    people = (await (await api.get("/api/people")).json())["people"]
    (ria,) = [p for p in people if p["name"] == "Ria Zelf"]
    resp = await api.post("/api/people-merge", json={"keep": ria["id"], "merge": ria["id"]})
    assert resp.status == 200
    assert (await resp.json())["person"]["id"] == ria["id"]
    after = (await (await api.get("/api/people")).json())["people"]
    assert [p["id"] for p in after] == [p["id"] for p in people]


async def test_a_month_that_has_not_begun_is_refused_as_the_document_says(api):
    month = request_schema("/api/reports")["properties"]["month"]
    assert "refused with 400" in month["description"]
    resp = await api.post("/api/reports", json={"month": f"{datetime.now(UTC).year + 1}-01"})
    assert resp.status == 400 and "has not started" in (await resp.json())["error"]


def test_report_files_are_documented_with_the_media_types_they_are_sent_with():
    content = DOC["paths"]["/api/reports/{month}/{file}"]["get"]["responses"]["200"]["content"]
    assert set(content) == {
        "text/html; charset=utf-8",
        "application/pdf",
        "text/csv; charset=utf-8",
    }


async def test_a_login_code_takes_the_documented_empty_json_body(api):
    assert request_schema("/api/session/code") == {
        "type": "object",
        "additionalProperties": False,
        "maxProperties": 0,
    }
    assert (await api.post("/api/session/code", json={})).status == 200
    refused = await api.post("/api/session/code", json={"extra": 1})
    assert refused.status == 400
    bodiless = await api.post("/api/session/code")
    assert bodiless.status == 415  # documented: POST bodies are JSON
    assert "415" in DOC["paths"]["/api/session/code"]["post"]["responses"]
