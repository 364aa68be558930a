"""The extension and the scrapers hand items to the agent; it keeps each once, by id."""

from __future__ import annotations

import jsonschema
import pytest

from agent.schemas import schema
from tests.support.agent import make_item

pytestmark = pytest.mark.both_stores  # the same story on the team's PostgreSQL


async def test_stored_items_are_acknowledged_with_their_ids(api):
    items = [make_item(n) for n in range(3)]
    resp = await api.post("/api/items", json={"items": items})
    assert resp.status == 200
    assert await resp.json() == {"ok": True, "stored": 3, "ids": [i["id"] for i in items]}


async def test_posting_the_same_item_again_updates_it(api):
    await api.post("/api/items", json={"items": [make_item(1)]})
    await api.post("/api/items", json={"items": [make_item(1, text="Aangepast bericht")]})
    body = await (await api.get("/api/items")).json()
    assert body["total"] == 1 and body["items"][0]["text"] == "Aangepast bericht"


async def test_a_batch_over_500_items_is_refused_whole(api):
    resp = await api.post("/api/items", json={"items": [make_item(n) for n in range(501)]})
    assert resp.status == 400 and "items" in (await resp.json())["error"]
    assert (await (await api.get("/api/items")).json())["total"] == 0


async def test_items_can_be_filtered_searched_and_paged(api):
    items = [
        make_item(
            n,
            source="blog" if n % 3 == 0 else "linkedin",
            seen_at=f"2026-11-{10 + n:02d}T08:00:00Z",
        )
        for n in range(12)
    ]
    items[4]["text"] = "Complimenten voor VlotPay!"
    await api.post("/api/items", json={"items": items})
    blog = await (await api.get("/api/items", params={"source": "blog"})).json()
    assert blog["total"] == 4
    found = await (await api.get("/api/items", params={"q": "vlotpay"})).json()
    assert [i["id"] for i in found["items"]] == [items[4]["id"]]
    recent = await (await api.get("/api/items", params={"since": "2026-11-20"})).json()
    assert recent["total"] == 2
    page = await (await api.get("/api/items", params={"limit": 5, "offset": 5})).json()
    assert page["total"] == 12 and len(page["items"]) == 5
    assert page["items"][0]["seen_at"] == "2026-11-16T08:00:00Z"  # newest first


async def test_bad_query_parameters_get_a_clear_error(api):
    for params, field in (
        ({"limit": "x"}, "limit"),
        ({"limit": 9999}, "limit"),
        ({"source": "myspace"}, "source"),
        ({"since": "gisteren"}, "since"),
    ):
        resp = await api.get("/api/items", params=params)
        assert resp.status == 400 and (await resp.json())["error"].startswith(field)


def test_the_shared_item_fixture_obeys_the_item_schema():
    jsonschema.validate(make_item(1), schema("item"))
