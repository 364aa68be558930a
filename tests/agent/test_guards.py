"""Every request is checked before any handler runs, on every route the app has.

The list of routes is read from the running app's route table, so a new route
that forgets a check fails here.
"""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from agent.config import EXTENSION_ORIGIN
from agent.server.guards import ROUTE_INDEX

SAMPLE = {"id": "x", "item_id": "x", "name": "x"}


def concrete(path: str) -> str:
    """Fill path parameters ({id}) with a sample value."""
    import re

    return re.sub(r"{(\w+)(?::[^}]*)?}", "sample", path)


def guarded_routes(server) -> list[tuple[str, str]]:
    return sorted(
        (method, concrete(path))
        for (method, path), route in server.app[ROUTE_INDEX].items()
        if route.auth
    )


def write_routes(server) -> list[tuple[str, str]]:
    return [(m, p) for m, p in guarded_routes(server) if m in ("POST", "PUT", "PATCH", "DELETE")]


async def test_every_guarded_route_refuses_a_caller_without_the_token(server, anon):
    routes = guarded_routes(server)
    assert len(routes) >= 4
    for method, path in routes:
        resp = await anon.request(method, path, json={})
        assert resp.status == 401, (method, path)
        body = await resp.json()
        assert body == {"ok": False, "error": body["error"], "status": 401}


async def test_a_wrong_token_is_refused_everywhere(server, anon):
    for method, path in guarded_routes(server):
        resp = await anon.request(method, path, json={}, headers={"Authorization": "Bearer nope"})
        assert resp.status == 401, (method, path)


async def test_a_foreign_host_is_refused_even_with_the_token(server, api):
    """DNS rebinding: evil.example resolves to 127.0.0.1, but its Host header gives it away."""
    for method, path in [*guarded_routes(server), ("GET", "/api/health")]:
        resp = await api.request(
            method, path, json={}, headers={"Host": f"evil.example:{server.port}"}
        )
        assert resp.status in (403, 421), (method, path)


async def test_an_origin_other_than_the_extension_is_refused(server, api):
    for origin in (
        "https://evil.example",
        "null",
        "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
        f"http://localhost:{server.port + 1}",
    ):
        for method, path in guarded_routes(server):
            resp = await api.request(method, path, json={}, headers={"Origin": origin})
            assert resp.status == 403, (origin, method, path)


async def test_the_extension_origin_is_allowed_but_never_with_a_wildcard(api):
    resp = await api.get("/api/items", headers={"Origin": EXTENSION_ORIGIN})
    assert resp.status == 200
    assert resp.headers["Access-Control-Allow-Origin"] == EXTENSION_ORIGIN
    assert "Access-Control-Allow-Private-Network" not in resp.headers


async def test_preflights_from_web_pages_are_refused(server, anon):
    for method, path in guarded_routes(server):
        resp = await anon.options(
            path,
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": method},
        )
        assert resp.status == 403
        assert "Access-Control-Allow-Origin" not in resp.headers
    ok = await anon.options(
        "/api/items", headers={"Origin": EXTENSION_ORIGIN, "Access-Control-Request-Method": "POST"}
    )
    assert ok.status == 204 and ok.headers["Access-Control-Allow-Origin"] == EXTENSION_ORIGIN


async def test_writes_must_be_json_so_web_pages_cannot_post_forms_or_text(server, api):
    for method, path in write_routes(server):
        for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data"):
            resp = await api.request(
                method, path, data=b'{"items": []}', headers={"Content-Type": ctype}
            )
            assert resp.status == 415, (method, path, ctype)


async def test_bodies_over_one_mebibyte_are_refused(api):
    big = b'{"items": "' + b"a" * (1024 * 1024 + 10) + b'"}'
    resp = await api.post("/api/items", data=big, headers={"Content-Type": "application/json"})
    assert resp.status == 413
    assert (await resp.json())["status"] == 413


async def test_bad_json_and_wrong_shapes_name_the_problem_and_change_nothing(api):
    resp = await api.post(
        "/api/items", data=b'{"items": [', headers={"Content-Type": "application/json"}
    )
    assert resp.status == 400 and "not valid JSON" in (await resp.json())["error"]
    resp = await api.post("/api/items", json={"items": [{"text": 5}]})
    body = await resp.json()
    assert resp.status == 400 and body["error"].startswith("items[0]")
    assert (await (await api.get("/api/items")).json())["total"] == 0


async def test_health_is_public_and_says_nothing_secret(anon, server):
    resp = await anon.get("/api/health")
    body = await resp.json()
    assert resp.status == 200 and body == {
        "ok": True,
        "name": "roos",
        "version": body["version"],
        "api": 1,
    }
    from agent.server.keys import TOKEN

    assert server.app[TOKEN].value not in await resp.text()


async def test_a_websocket_from_a_web_page_is_refused(anon):
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await anon.ws_connect("/ws", headers={"Origin": "https://evil.example"})
    assert refused.value.status == 403


async def test_a_websocket_that_does_not_say_hello_is_closed_with_4401(anon, monkeypatch):
    from agent.server import ws as ws_module

    monkeypatch.setattr(ws_module, "HELLO_TIMEOUT", 0.2)
    silent = await anon.ws_connect("/ws")
    msg = await silent.receive(timeout=5)
    assert msg.type == aiohttp.WSMsgType.CLOSE and silent.close_code == 4401
    wrong = await anon.ws_connect("/ws")
    await wrong.send_str(json.dumps({"type": "hello", "token": "nope"}))
    await wrong.receive(timeout=5)
    assert wrong.close_code == 4401


async def test_a_paired_websocket_hears_new_items_live(anon, api, server):
    from agent.server.keys import TOKEN

    ws = await anon.ws_connect("/ws", headers={"Origin": EXTENSION_ORIGIN})
    await ws.send_str(json.dumps({"type": "hello", "token": server.app[TOKEN].value}))
    assert json.loads((await ws.receive(timeout=5)).data)["type"] == "welcome"
    item = {
        "id": "urn:li:activity:1",
        "source": "linkedin",
        "kind": "post",
        "url": "https://x",
        "text": "Hallo Vlotbank",
        "author": {"name": "Sanne"},
        "seen_at": "2026-11-23T10:00:00Z",
    }
    await api.post("/api/items", json={"items": [item]})
    event = json.loads((await ws.receive(timeout=5)).data)
    assert event["type"] == "item.new" and event["data"]["id"] == "urn:li:activity:1"
    await api.post("/api/items", json={"items": [item]})
    assert json.loads((await ws.receive(timeout=5)).data)["type"] == "item.updated"
    await ws.send_str('{"type": "ping"}')
    assert json.loads((await ws.receive(timeout=5)).data)["type"] == "pong"
    await ws.close()


async def test_a_burst_is_no_reason_to_drop_a_listener_but_a_stalled_one_goes(server, monkeypatch):
    from agent.server import ws as ws_module
    from agent.server.keys import HUB

    hub = server.app[HUB]

    class Stuck:
        closed = False

        async def close(self, **kwargs):
            Stuck.closed = True

    client = ws_module.Client(Stuck())  # type: ignore[arg-type]
    hub.clients.add(client)
    clock = [1000.0]
    monkeypatch.setattr(ws_module.time, "monotonic", lambda: clock[0])
    for n in range(5000):  # a group commit announcing many batches at once
        hub.publish("item.new", {"n": n})
    assert client in hub.clients and hub.dropped == 0
    clock[0] += ws_module.STALL_SECONDS + 1  # nothing was read for longer than the limit
    hub.publish("item.new", {"n": "late"})
    await asyncio.sleep(0)
    assert client not in hub.clients and Stuck.closed and hub.dropped == 1
