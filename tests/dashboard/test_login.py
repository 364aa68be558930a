"""Getting in: a one-time code from the token holder, swapped for an HttpOnly session cookie.

These run against the app on a real aiohttp server (the `server` fixture); the same login in a
real browser is in test_pages.py.
"""

from __future__ import annotations

import json
import re

import aiohttp
import pytest

from agent.server import sessions as sessions_module
from agent.server.keys import SERVICES, TOKEN


def own(server) -> str:
    return f"http://127.0.0.1:{server.port}"


@pytest.fixture
async def anon(server):
    """A client that keeps no cookies: each request carries exactly the headers a test gives."""
    async with aiohttp.ClientSession(own(server), cookie_jar=aiohttp.DummyCookieJar()) as client:
        yield client


async def new_code(api) -> dict:
    resp = await api.post("/api/session/code", json={})
    assert resp.status == 200, await resp.text()
    return await resp.json()


async def log_in(anon, server, code: str, origin: str | None = None):
    return await anon.post(
        "/api/session", json={"code": code}, headers={"Origin": origin or own(server)}
    )


async def session_cookie(anon, api, server) -> str:
    code = (await new_code(api))["code"]
    resp = await log_in(anon, server, code)
    assert resp.status == 200, await resp.text()
    morsel = resp.cookies[f"roos_session_{server.port}"]
    return f"{morsel.key}={morsel.value}"


async def test_the_login_link_carries_a_one_time_code_in_the_fragment_never_the_token(api, server):
    answer = await new_code(api)
    token = server.app[TOKEN].value
    assert answer["url"] == f"{own(server)}/login#code={answer['code']}"
    assert token not in answer["url"] and answer["expires_in"] == 60
    assert answer["code"] != (await new_code(api))["code"]


async def test_only_the_token_holder_gets_a_code(anon, api, server):
    assert (await anon.post("/api/session/code", json={})).status == 401
    cookie = await session_cookie(anon, api, server)
    with_session = await anon.post(
        "/api/session/code", json={}, headers={"Cookie": cookie, "Origin": own(server)}
    )
    assert with_session.status == 403


async def test_a_code_buys_an_httponly_strict_session_that_opens_the_api(anon, api, server):
    code = (await new_code(api))["code"]
    resp = await log_in(anon, server, code)
    assert resp.status == 200
    header = resp.headers["Set-Cookie"]
    assert "HttpOnly" in header and "SameSite=Strict" in header and "Path=/" in header
    assert code not in header
    cookie = header.split(";", 1)[0]
    assert (await anon.get("/api/inbox")).status == 401
    assert (await anon.get("/api/inbox", headers={"Cookie": cookie})).status == 200


async def test_a_code_works_once(anon, api, server):
    code = (await new_code(api))["code"]
    assert (await log_in(anon, server, code)).status == 200
    again = await log_in(anon, server, code)
    assert again.status == 401 and "used or expired" in (await again.json())["error"]
    assert "Set-Cookie" not in again.headers


async def test_an_expired_code_is_refused(anon, api, server):
    clock = {"now": 1000.0}
    server.app[SERVICES]["sessions"].clock = lambda: clock["now"]
    code = (await new_code(api))["code"]
    clock["now"] += sessions_module.CODE_SECONDS + 1
    assert (await log_in(anon, server, code)).status == 401
    fresh = (await new_code(api))["code"]
    clock["now"] += sessions_module.CODE_SECONDS - 1
    assert (await log_in(anon, server, fresh)).status == 200


async def test_a_session_ends_after_twelve_hours_and_at_logout(anon, api, server):
    clock = {"now": 1000.0}
    server.app[SERVICES]["sessions"].clock = lambda: clock["now"]
    cookie = await session_cookie(anon, api, server)
    clock["now"] += sessions_module.SESSION_SECONDS + 1
    assert (await anon.get("/api/inbox", headers={"Cookie": cookie})).status == 401

    cookie = await session_cookie(anon, api, server)
    headers = {"Cookie": cookie, "Origin": own(server)}
    out = await anon.delete("/api/session", json={}, headers=headers)
    assert out.status == 200 and "Max-Age=0" in out.headers["Set-Cookie"]
    assert (await anon.get("/api/inbox", headers={"Cookie": cookie})).status == 401


async def test_the_login_itself_only_comes_from_the_agents_own_page(anon, api, server):
    for origin in ("https://evil.example", f"http://127.0.0.1:{server.port + 1}"):
        code = (await new_code(api))["code"]
        assert (await log_in(anon, server, code, origin)).status == 403
    code = (await new_code(api))["code"]
    no_origin = await anon.post("/api/session", json={"code": code})
    assert no_origin.status == 403
    form = await anon.post(
        "/api/session",
        data=f"code={code}",
        headers={"Origin": own(server), "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert form.status == 415


async def test_a_session_counts_only_for_requests_from_the_agents_own_pages(anon, api, server):
    cookie = await session_cookie(anon, api, server)
    item = {"items": [], "store": False}

    async def post(headers: dict) -> int:
        resp = await anon.post("/api/analyze", json=item, headers={"Cookie": cookie, **headers})
        return resp.status

    assert await post({"Origin": own(server)}) == 200
    assert await post({"Referer": f"{own(server)}/"}) == 200
    # A write without Origin or Referer, or from another site, is refused (CSRF).
    assert await post({}) == 401
    assert await post({"Referer": "https://evil.example/page"}) == 401
    assert await post({"Origin": "https://evil.example"}) == 403
    # Another local port is "same-site" for cookies; Fetch Metadata still gives it away.
    assert await post({"Origin": own(server), "Sec-Fetch-Site": "same-site"}) == 401
    read = await anon.get("/api/inbox", headers={"Cookie": cookie, "Sec-Fetch-Site": "cross-site"})
    assert read.status == 401
    forged = await anon.get("/api/inbox", headers={"Cookie": f"roos_session_{server.port}=guess"})
    assert forged.status == 401


async def test_the_websocket_accepts_the_session_in_place_of_the_token(anon, api, server):
    cookie = await session_cookie(anon, api, server)
    ws = await anon.ws_connect("/ws", headers={"Cookie": cookie, "Origin": own(server)})
    await ws.send_str(json.dumps({"type": "hello"}))
    assert json.loads((await ws.receive(timeout=5)).data)["type"] == "welcome"
    await ws.close()

    stranger = await anon.ws_connect("/ws", headers={"Origin": own(server)})
    await stranger.send_str(json.dumps({"type": "hello"}))
    await stranger.receive(timeout=5)
    assert stranger.close_code == 4401


@pytest.mark.parametrize("path", ["/", "/login", "/dashboard/js/app.js", "/dashboard/i18n/nl.json"])
async def test_pages_and_assets_carry_a_strict_content_security_policy(anon, server, path):
    resp = await anon.get(path)
    assert resp.status == 200
    csp = resp.headers["Content-Security-Policy"]
    for rule in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        f"connect-src 'self' ws://127.0.0.1:{server.port} ws://localhost:{server.port}",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ):
        assert rule in csp, rule
    assert "unsafe" not in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize(
    "path",
    [
        "/dashboard/../privacy.py",
        "/dashboard/%2e%2e/privacy.py",
        "/dashboard/__init__.py",
        "/dashboard/hours.py",
        "/dashboard/__pycache__/hours.cpython-311.pyc",
        "/dashboard/js/",
        "/dashboard/nope.js",
    ],
)
async def test_only_dashboard_files_are_served(anon, path):
    resp = await anon.get(path)
    assert resp.status in (401, 404), path
    assert "import" not in await resp.text()


async def test_the_pages_hold_no_data_and_no_inline_script_or_style(anon):
    for path in ("/", "/login"):
        html = await (await anon.get(path)).text()
        assert "<script>" not in html and "<style" not in html
        assert not re.search(r"\s(style|on[a-z]+)\s*=", html)
