"""Wide arrays are refused at once, with a short message, and the agent keeps answering.

The probe posted 340 000 empty items (about 1 MB) to POST /api/analyze: the answer was a
400 after 28 s, /api/health waited as long, and the message echoed the whole array
(1.4 MB). Now array sizes are checked before any element is validated, validation stops
after a few errors, messages are capped, and large bodies are checked off the event loop.
(The stall itself is a benchmark figure: bench/api.py, "health stall while refused".)
"""

from __future__ import annotations

import asyncio

import orjson

from agent.server import requests

EMPTY_ITEMS = orjson.dumps({"items": [{}] * 340_000})


async def test_a_megabyte_of_empty_items_is_refused_by_its_size_with_a_short_message(api):
    assert len(EMPTY_ITEMS) < 1024 * 1024
    resp = await api.post(
        "/api/analyze", data=EMPTY_ITEMS, headers={"Content-Type": "application/json"}
    )
    body = await resp.json()
    assert resp.status == 400
    assert body["error"] == "items: at most 200 items, not 340000"


async def test_many_bad_elements_give_one_short_message(api):
    bad = [{"id": "x" * 2000, "text": 5, "kind": ["?"] * 50}] * 200
    resp = await api.post("/api/analyze", json={"items": bad})
    body = await resp.json()
    assert resp.status == 400
    assert len(body["error"]) <= requests.MAX_MESSAGE
    assert body["error"].startswith("items[0]")


async def test_an_array_wider_than_any_request_needs_is_refused_anywhere(api):
    resp = await api.put("/api/profile", json={"knowledge": [[]] * 20_000})
    assert resp.status == 400
    assert (await resp.json())["error"] == requests.TOO_WIDE


async def test_health_is_answered_while_a_hostile_body_is_checked(api, monkeypatch):
    """The big body is checked on a worker thread: the loop serves /api/health meanwhile."""
    checking, release = asyncio.Event(), asyncio.Event()
    loop = asyncio.get_running_loop()
    real = requests.parse_body

    def slow_parse(raw, schema):
        loop.call_soon_threadsafe(checking.set)
        asyncio.run_coroutine_threadsafe(release.wait(), loop).result(timeout=30)
        return real(raw, schema)

    monkeypatch.setattr(requests, "parse_body", slow_parse)
    headers = {"Content-Type": "application/json"}
    hostile = asyncio.create_task(api.post("/api/analyze", data=EMPTY_ITEMS, headers=headers))
    await checking.wait()
    health = await api.get("/api/health")
    assert health.status == 200  # answered while the body is still being checked
    assert not hostile.done()
    release.set()
    assert (await hostile).status == 400
