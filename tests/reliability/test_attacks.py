"""Attacks on the local agent: nothing a web page or a stranger sends changes anything.

Any page the user visits can aim requests at 127.0.0.1, and a DNS-rebinding page can
even make the browser believe the agent is its own origin. Here a real `roos serve`
is attacked from outside (foreign Host also through `curl --resolve`, foreign and
null Origins, text/plain and form posts, no or a wrong token, a WebSocket from a page)
and from a real Chromium: an attacker page on another port of 127.0.0.1 and the same
page as http://evil.test (Chromium's --host-resolver-rules maps it to 127.0.0.1) try a
no-cors POST, a beacon, an auto-submitted form, an <img> GET and WebSockets. After
every attack the store folder is byte-identical (every file hashed).

So that "nothing changed" proves the guards and not a browser that never sent
anything, the same page is also aimed at an unguarded server on loopback, which
records what really arrives.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web

from agent.config import EXTENSION_ORIGIN
from tests.reliability.test_two_agents import snapshot
from tests.support.agent import AgentProcess, free_port, make_item

CHROMIUM = Path("/usr/bin/chromium")
ATTACK_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Win een fiets!</title></head>
<body><h1>Gefeliciteerd, u heeft gewonnen</h1><iframe name="sink" hidden></iframe>
<script>
const target = new URLSearchParams(location.search).get("target");
const item = {id: "urn:li:activity:6666666666666666666", source: "linkedin", kind: "post",
  url: "https://evil.test/", text: "ingebroken", author: {name: "Aanvaller"},
  seen_at: "2026-01-01T00:00:00Z"};
const body = JSON.stringify({items: [item]});
const results = {};
async function attempt(name, run) {
  try { results[name] = await run(); } catch (e) { results[name] = "error " + e.name; }
}
function socket(token) {
  return new Promise(done => {
    let opened = false;
    const ws = new WebSocket(target.replace(/^http/, "ws") + "/ws");
    ws.onopen = () => { opened = true; ws.send(JSON.stringify({type: "hello", token})); };
    ws.onclose = e => done((opened ? "opened " : "refused ") + e.code);
    setTimeout(() => done("timeout"), 8000);
  });
}
function form(action, enctype, name, value) {
  return new Promise(done => {
    const sink = document.querySelector("iframe");
    sink.onload = () => done("submitted");
    const f = Object.assign(document.createElement("form"),
      {method: "POST", action, enctype, target: "sink"});
    f.append(Object.assign(document.createElement("input"), {name, value}));
    document.body.append(f);
    f.submit();
    setTimeout(() => done("timeout"), 8000);
  });
}
(async () => {
  await attempt("no-cors post", () => fetch(target + "/api/items",
    {method: "POST", mode: "no-cors", body, headers: {"Content-Type": "text/plain"}})
    .then(r => r.type));
  await attempt("json post", () => fetch(target + "/api/items",
    {method: "POST", body, headers: {"Content-Type": "application/json"}}).then(r => r.status));
  await attempt("read", () => fetch(target + "/api/items", {credentials: "include"})
    .then(r => r.status));
  await attempt("beacon", () => navigator.sendBeacon(target + "/api/items",
    new Blob([body], {type: "text/plain"})));
  await attempt("img", () => new Promise(done => {
    const img = new Image();
    img.onload = () => done("load"); img.onerror = () => done("error");
    img.src = target + "/api/items?via=img";
  }));
  await attempt("text form", () => form(target + "/api/items", "text/plain",
    body.slice(0, -1) + ', "x": "', '"}'));
  await attempt("url form", () => form(target + "/api/analyze",
    "application/x-www-form-urlencoded", "items", body));
  await attempt("socket guessing", () => socket("0000"));
  await attempt("socket without token", () => socket(""));
  await fetch("/report", {method: "POST", body: JSON.stringify(results)});
})();
</script></body></html>
"""


class Attacker:
    """One aiohttp app on two loopback ports, in a thread of its own.

    ``page_port`` serves the attack page and takes its report; ``sham_port`` stands for
    an unguarded local service and records every request that reaches it.
    """

    def __init__(self) -> None:
        self.page_port, self.sham_port = free_port(), free_port()
        self.reports: list[dict] = []
        self.reached: list[tuple[str, str, str, bytes]] = []
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.url.port == self.page_port:
            if request.path == "/attack.html":
                return web.Response(text=ATTACK_PAGE, content_type="text/html")
            if request.path == "/report":
                self.reports.append(json.loads(await request.read()))
            return web.Response(text="ok")
        self.reached.append(
            (request.method, request.path_qs, request.content_type, await request.read())
        )
        return web.Response(text="ok")

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        for port in (self.page_port, self.sham_port):
            site = web.TCPSite(self._runner, "127.0.0.1", port)
            self._loop.run_until_complete(site.start())
        self._ready.set()
        self._loop.run_forever()

    def __enter__(self) -> Attacker:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def report(self, count: int, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while len(self.reports) < count:
            assert time.monotonic() < deadline, "the attack page never reported back"
            time.sleep(0.05)
        return self.reports[count - 1]


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentProcess]:
    home = tmp_path_factory.mktemp("attacked") / "home"
    with AgentProcess(home) as process:
        status, _ = process.call("POST", "/api/items", {"items": [make_item(1), make_item(2)]})
        assert status == 200
        yield process


@pytest.fixture
def untouched(agent: AgentProcess) -> Iterator[None]:
    """Every test here ends with the store exactly as it began."""
    before = snapshot(agent.home / "store")
    yield
    assert snapshot(agent.home / "store") == before


def raw(agent: AgentProcess, method: str, path: str, headers: dict, body: bytes = b"") -> int:
    request = urllib.request.Request(agent.base + path, data=body or None, method=method)
    for name, value in headers.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as refused:
        return refused.code


def bearer(agent: AgentProcess) -> dict:
    return {"Authorization": f"Bearer {agent.token}"}


BATCH = json.dumps({"items": [make_item(99, text="ingebroken")]}).encode()
JSON = {"Content-Type": "application/json"}


def test_a_foreign_host_is_refused_even_with_the_token(agent, untouched):
    for host in ("evil.test", "127.0.0.1.evil.test", "localhost.", "0.0.0.0", "127.0.0.2"):
        headers = {**bearer(agent), **JSON, "Host": f"{host}:{agent.port}"}
        assert raw(agent, "POST", "/api/items", headers, BATCH) == 403, host
        assert raw(agent, "GET", "/api/items", headers) == 403, host
    assert raw(agent, "GET", "/api/health", {"Host": "127.0.0.1"}) == 403  # no port: not us


def test_dns_rebinding_through_curl_resolve_is_refused(agent, untouched):
    url = f"http://evil.test:{agent.port}/api/items"
    pin = f"evil.test:{agent.port}:127.0.0.1"
    for extra in ([], ["-X", "POST", "-H", "Content-Type: application/json", "-d", BATCH]):
        answer = subprocess.run(
            ["curl", "-s", "--resolve", pin, "-H", f"Authorization: Bearer {agent.token}"]
            + [str(a) if isinstance(a, str) else a.decode() for a in extra]
            + ["-w", "\n%{http_code}", url],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        body, status = answer.stdout.rsplit("\n", 1)
        assert status == "403" and "Host not allowed" in json.loads(body)["error"]


def test_foreign_and_null_origins_are_refused_even_with_the_token(agent, untouched):
    for origin in (
        "https://evil.test",
        "null",
        f"http://127.0.0.1:{agent.port + 1}",
        "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        f"http://evil.test:{agent.port}",
    ):
        headers = {**bearer(agent), **JSON, "Origin": origin}
        assert raw(agent, "POST", "/api/items", headers, BATCH) == 403, origin
        assert raw(agent, "GET", "/api/items", headers) == 403, origin
        preflight = {"Origin": origin, "Access-Control-Request-Method": "POST"}
        assert raw(agent, "OPTIONS", "/api/items", preflight) == 403, origin
    allowed = {**bearer(agent), "Origin": EXTENSION_ORIGIN}
    assert raw(agent, "GET", "/api/items", allowed) == 200  # the extension itself is fine


def test_plain_text_and_form_posts_are_refused_even_with_the_token(agent, untouched):
    for ctype in (
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "text/plain; charset=utf-8",
        "application/json-seq",
    ):
        headers = {**bearer(agent), "Content-Type": ctype}
        for path in ("/api/items", "/api/analyze", "/api/replies", "/api/own-posts"):
            assert raw(agent, "POST", path, headers, BATCH) == 415, (ctype, path)


def test_no_token_or_a_wrong_token_is_refused(agent, untouched):
    for headers in (
        {},
        {"Authorization": "Bearer "},
        {"Authorization": "Bearer " + "0" * 64},
        {"Authorization": f"Bearer {agent.token[:-1]}"},
        {"Authorization": f"Basic {agent.token}"},
        {"Authorization": agent.token},
        {"Cookie": f"token={agent.token}"},
    ):
        assert raw(agent, "POST", "/api/items", {**JSON, **headers}, BATCH) == 401, headers
        assert raw(agent, "GET", "/api/items", headers) == 401, headers
    assert raw(agent, "GET", f"/api/items?token={agent.token}", {}) == 401


async def test_a_websocket_from_a_web_page_or_without_the_token_is_refused(agent, untouched):
    import aiohttp

    async with aiohttp.ClientSession() as session:
        for origin in ("https://evil.test", "null", f"http://127.0.0.1:{agent.port + 1}"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"{agent.base}/ws", headers={"Origin": origin})
            assert refused.value.status == 403
        for hello in ({"type": "hello", "token": "0" * 64}, {"type": "hello"}, {"token": 1}):
            ws = await session.ws_connect(f"{agent.base}/ws")
            await ws.send_json(hello)
            closing = await ws.receive(timeout=10)
            assert closing.type == aiohttp.WSMsgType.CLOSE and closing.data == 4401


@pytest.mark.browser
def test_attacker_pages_in_chromium_change_nothing(agent, untouched):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with Attacker() as attacker, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=MAP evil.test 127.0.0.1",
            ],
        )
        page = browser.new_context().new_page()
        sham = f"http://127.0.0.1:{attacker.sham_port}"
        runs = [
            (f"http://127.0.0.1:{attacker.page_port}", sham),  # control: an unguarded target
            (f"http://127.0.0.1:{attacker.page_port}", agent.base),  # another port on loopback
            (f"http://evil.test:{attacker.page_port}", agent.base),  # a "public" site
            (f"http://evil.test:{attacker.page_port}", f"http://evil.test:{agent.port}"),  # rebound
        ]
        reports = []
        for n, (site, target) in enumerate(runs, start=1):
            page.goto(f"{site}/attack.html?target={target}")
            reports.append(attacker.report(n))

        # Rebinding taken to the end: the browser itself believes it is on the agent's origin.
        shown = page.goto(f"http://evil.test:{agent.port}/api/items")
        assert shown is not None and shown.status == 403
        assert "Host not allowed" in page.text_content("body")
        browser.close()

    control, *attacks = reports
    arrived = {(method, path.split("?")[0], ctype) for method, path, ctype, _ in attacker.reached}
    # The browser really sends these to a loopback service...
    assert ("POST", "/api/items", "text/plain") in arrived  # no-cors fetch, beacon, form
    assert ("POST", "/api/analyze", "application/x-www-form-urlencoded") in arrived
    assert ("GET", "/api/items", "application/octet-stream") in arrived  # the <img>
    assert any(body and b"ingebroken" in body for *_, body in attacker.reached)
    assert control["no-cors post"] == "opaque"
    # ...and against the agent every one of them is turned away.
    for report in attacks:
        assert report["json post"].startswith("error"), report  # the preflight is refused
        assert report["read"].startswith("error"), report
        assert report["socket guessing"].startswith("refused"), report
        assert report["socket without token"].startswith("refused"), report
    log = (agent.home.parent / f"agent-{agent.port}.log").read_text()
    assert f"foreign Host 'evil.test:{agent.port}'" in log  # the rebound page did reach it
    status, body = agent.call("GET", "/api/items")
    assert status == 200 and body["total"] == 2


def test_the_store_fingerprint_does_notice_a_real_write(agent):
    """The byte-identical checks above can fail: one accepted write changes the fingerprint."""
    before = snapshot(agent.home / "store")
    status, _ = agent.call("POST", "/api/items", {"items": [make_item(3)]})
    assert status == 200
    assert snapshot(agent.home / "store") != before
