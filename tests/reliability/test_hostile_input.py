"""Hostile input: whatever people write (or an attacker sends), Roos keeps it as inert text.

Markup and script, texts at the size limits, JSON nested ten thousand deep, broken
UTF-8, control characters, right-to-left overrides and ten thousand emoji go through
analysis (/api/analyze), the store and the WebSocket. What is refused gets a clear 4xx
naming the problem; what is accepted is all there afterwards, byte for byte, and a
listening client receives it intact. At the end, a real Chromium shows the same texts
on the dashboard and in the LinkedIn overlay: as text, with no script run.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import orjson
import pytest

from agent.server.keys import TOKEN
from tests.support.agent import AgentProcess, make_item

# The API tests run on the team's PostgreSQL too (tests/conftest.py); the browser ones on TinyDB.
pytestmark = pytest.mark.both_stores

TEXT_LIMIT = 200_000  # shared/schema/item.json: text maxLength
BODY_LIMIT = 1024 * 1024  # ROOS_MAX_BODY default

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="window.__roosXss=1">',
    '"><svg onload=alert(document.cookie)>',
    "javascript:alert(1)",
    "{{constructor.constructor('alert(1)')()}}",
    "</textarea><script>alert(2)</script>",
    "<a href=\"javascript:alert('x')\">klik</a> &lt;b&gt; &amp;amp;",
]
RTL = "Vlotbank \u202egnalb si ne\u202c \u2066test\u2069 \u200f\u200e\u200b\u2060\ufeff einde"
CONTROL = "regel 1\r\nregel 2\ttab \x00 nul \x07 bel \x1b[31mrood\x1b[0m \x7f \u0085 \u2028 \u2029"
EMOJI = ("🏦👍🏽👨‍👩‍👧‍👦🇳🇱❤️‍🔥" * 2000)[: 10_000 * 2]  # ten thousand and more, ZWJ sequences


def hostile_items() -> list[dict]:
    texts = [*XSS, RTL, CONTROL, EMOJI]
    items = [
        make_item(
            100 + n,
            text=f"Vlotbank {text}",
            author={"name": text[:500], "headline": text[:2000]},
            url=f"https://www.linkedin.com/feed/update/{quote(text[:100])}/",
        )
        for n, text in enumerate(texts)
    ]
    # Ids are the source's: they may hold anything a URL path can carry.
    items.append(make_item(200, id="urn:li:comment:(a/b?c=d#e,ünï \u202e)", text=RTL))
    return items


async def listener(api, server):
    ws = await api.ws_connect("/ws", max_msg_size=0)
    await ws.send_json({"type": "hello", "token": server.app[TOKEN].value})
    assert (await ws.receive_json(timeout=5))["type"] == "welcome"
    return ws


async def heard(ws, count: int) -> dict[str, dict]:
    """The next `count` item events, by item id."""
    seen: dict[str, dict] = {}
    while len(seen) < count:
        message = orjson.loads((await ws.receive(timeout=15)).data)
        if message["type"] in ("item.new", "item.updated"):
            seen[message["data"]["id"]] = message["data"]
    return seen


async def fetch(api, item_id: str) -> dict:
    resp = await api.get("/api/items/" + quote(item_id, safe=""))
    assert resp.status == 200, (item_id, await resp.text())
    return (await resp.json())["item"]


async def post_raw(api, path: str, raw: bytes):
    return await api.post(path, data=raw, headers={"Content-Type": "application/json"})


async def refused(resp, status: int, *words: str) -> str:
    body = await resp.json()
    assert resp.status == status, body
    assert body == {"ok": False, "error": body["error"], "status": status}
    for word in words:
        assert word in body["error"]
    return body["error"]


async def test_markup_controls_rtl_and_emoji_are_analysed_stored_and_pushed_byte_for_byte(
    server, api
):
    items = hostile_items()
    ws = await listener(api, server)
    resp = await api.post("/api/analyze", json={"items": items})
    assert resp.status == 200, await resp.text()
    results = (await resp.json())["results"]
    assert [r["id"] for r in results] == [i["id"] for i in items]
    pushed = await heard(ws, len(items))
    for item in items:
        stored = await fetch(api, item["id"])
        for key in ("id", "text", "url", "author"):
            assert stored[key] == item[key], key
            assert pushed[item["id"]][key] == item[key], key
    listed = (await (await api.get("/api/items?limit=500")).json())["items"]
    assert {i["id"]: i["text"] for i in listed} == {i["id"]: i["text"] for i in items}
    await ws.close()


async def test_texts_up_to_the_limit_are_kept_whole_and_one_character_more_is_refused(server, api):
    ws = await listener(api, server)
    longest = [make_item(n, text="é" * (TEXT_LIMIT - 1) + str(n)) for n in range(2)]
    assert (await post_raw(api, "/api/items", orjson.dumps({"items": longest}))).status == 200
    pushed = await heard(ws, 2)
    for item in longest:
        assert (await fetch(api, item["id"]))["text"] == item["text"]
        assert pushed[item["id"]]["text"] == item["text"]
    too_long = make_item(9, text="a" * (TEXT_LIMIT + 1))
    await refused(
        await api.post("/api/items", json={"items": [too_long]}), 400, "items[0].text", "long"
    )
    assert (await api.get(f"/api/items/{too_long['id']}")).status == 404
    await ws.close()


async def test_a_body_of_exactly_one_mebibyte_is_taken_and_one_byte_more_is_refused(api):
    def body_of(size: int) -> bytes:
        items = [make_item(n, text="") for n in range(6)]
        empty = len(orjson.dumps({"items": items}))
        share, extra = divmod(size - empty, 6)
        for n, item in enumerate(items):
            item["text"] = "x" * (share + (extra if n == 0 else 0))
        raw = orjson.dumps({"items": items})
        assert len(raw) == size
        return raw

    taken = body_of(BODY_LIMIT)
    assert (await post_raw(api, "/api/items", taken)).status == 200
    for item in orjson.loads(taken)["items"]:
        assert (await fetch(api, item["id"]))["text"] == item["text"]
    over = body_of(BODY_LIMIT + 1)
    await refused(await post_raw(api, "/api/items", over), 413, "too large", str(BODY_LIMIT))


@pytest.mark.parametrize("depth", [10_000, 2_000, 300, 100])
async def test_deeply_nested_json_is_refused_clearly_and_changes_nothing(api, depth):
    nested = b"[" * depth + b"]" * depth
    item = orjson.dumps(make_item(1))[:-1] + b', "extra": ' + nested + b"}"
    for path in ("/api/items", "/api/analyze"):
        await refused(
            await post_raw(api, path, b'{"items": [' + item + b"]}"), 400, "nested too deeply"
        )
    assert (await (await api.get("/api/items")).json())["total"] == 0


async def test_modest_nesting_in_unknown_fields_is_kept(api):
    deep = {"level": 0}
    for n in range(1, 30):
        deep = {"level": n, "inner": deep}
    item = make_item(1, extra=deep)
    assert (await api.post("/api/items", json={"items": [item]})).status == 200
    assert (await fetch(api, item["id"]))["extra"] == deep


@pytest.mark.parametrize(
    "raw",
    [
        b'{"items": [{"id": "a", "text": "caf\xe9"}]}',  # Latin-1, not UTF-8
        b'{"items": [{"id": "a", "text": "\xff\xfe"}]}',
        b'{"items": [{"id": "a", "text": "\xed\xa0\x80"}]}',  # an encoded surrogate
        b'{"items": [{"id": "a", "text": "\\ud800 alone"}]}',  # an escaped lone surrogate
        b'{"items": [{"id": "a", "text": "raw \x01 control"}]}',  # JSON needs it escaped
        b"\xef\xbb\xbf" + b'{"items": []}',  # a byte order mark
    ],
)
async def test_invalid_text_encodings_are_refused_as_invalid_json(api, raw):
    for path in ("/api/items", "/api/analyze", "/api/drafts/check"):
        await refused(await post_raw(api, path, raw), 400, "not valid JSON")
    assert (await (await api.get("/api/items")).json())["total"] == 0


async def test_a_draft_full_of_markup_and_controls_is_checked_not_executed(api):
    for text in [*XSS, RTL, CONTROL, EMOJI]:
        resp = await api.post("/api/drafts/check", json={"text": text})
        assert resp.status == 200, await resp.text()
        assert (await resp.json())["ok"] is True


async def test_a_hostile_websocket_client_is_closed_and_the_others_keep_listening(server, api):
    calm = await listener(api, server)
    rude = await api.ws_connect("/ws")
    await rude.send_json({"type": "hello", "token": server.app[TOKEN].value})
    assert (await rude.receive_json(timeout=5))["type"] == "welcome"
    await rude.send_str("[" * 10_000 + "]" * 10_000)  # ignored, not parsed into a crash
    await rude.send_bytes(b"\xff\xfe not text")
    await rude.send_str("x" * (65 * 1024))  # over the 64 KiB message limit: closed
    closing = await rude.receive(timeout=5)
    assert closing.type.name in ("CLOSE", "CLOSED", "CLOSING")
    assert (await api.post("/api/items", json={"items": [make_item(1)]})).status == 200
    assert make_item(1)["id"] in await heard(calm, 1)
    await calm.close()


# -- where people read these texts: the dashboard and the LinkedIn overlay (real Chromium) --

CHROMIUM = Path("/usr/bin/chromium")
SHOWN = [XSS[0], XSS[1], RTL, EMOJI[:400]]  # what the pages must show as plain text
INJECTED = (
    "document.querySelectorAll('img[src=x], [onload], [onerror], iframe').length"
    " + [...document.scripts].filter(s => s.textContent.includes('alert')).length"
)


def needs_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")


@pytest.mark.browser
def test_the_dashboard_shows_rtl_controls_and_emoji_as_inert_text(tmp_path):
    needs_chromium()
    dashboard = pytest.importorskip(
        "tests.dashboard.conftest", reason="the dashboard (agent/dashboard) is not there yet"
    )
    from playwright.sync_api import sync_playwright

    docs = [
        dashboard.item(n, f"Vlotbank klacht: {text}", author=text[:200], hours=n + 1)
        for n, text in enumerate(SHOWN)
    ]
    with AgentProcess(tmp_path / "home") as agent:
        dashboard.seed(agent, docs, {d["id"]: ("complaint", "negative") for d in docs})
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=dashboard.ARGS
            )
            watched = dashboard.open_dashboard(browser.new_context(locale="en-GB"), agent)
            page = watched.page
            for name in ("inbox", "listening", "people"):
                page.goto(f"{agent.base}/#/{name}")
                page.wait_for_load_state("networkidle")
                assert watched.dialogs == [] and watched.problems == [], name
                assert page.evaluate(INJECTED) == 0, name
                assert page.evaluate("window.__roosXss") is None
            page.goto(f"{agent.base}/#/inbox")
            page.wait_for_function(
                "s => document.body.textContent.includes(s)", arg=SHOWN[0], timeout=15_000
            )
            text = page.evaluate("document.body.textContent")
            for shown in SHOWN:
                assert shown[:60] in text, shown[:60]
            assert page.evaluate(INJECTED) == 0 and watched.dialogs == []
            browser.close()


@pytest.mark.browser
def test_the_linkedin_overlay_reads_and_badges_hostile_posts_without_running_them(tmp_path):
    needs_chromium()
    harness = pytest.importorskip(
        "tests.extension.harness", reason="the extension test harness is not there yet"
    )
    from playwright.sync_api import sync_playwright

    urns = [harness.fresh_urn(n) for n in range(len(SHOWN))]
    posts = [
        harness.classic_post(urn, f"Auteur {text[:40]}", f"https://www.linkedin.com/in/h{n}/", text)
        for n, (urn, text) in enumerate(zip(urns, SHOWN, strict=True))
    ]
    address = "https://www.linkedin.com/feed/roos-hostile/"
    with AgentProcess(tmp_path / "home") as agent, sync_playwright() as p:
        harness.put_profile(agent)
        context = harness.launch(p, tmp_path / "chromium")
        harness.service_worker(context)
        harness.serve_fixtures(context, {address: harness.classic_feed(posts)})
        assert harness.pair(context, agent.base, agent.token).startswith("Connected")
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(address)
        page.wait_for_function(
            "n => document.querySelectorAll('[data-roos=\"badge\"]').length >= n",
            arg=len(posts),
            timeout=30_000,
        )
        assert dialogs == []
        assert page.evaluate(INJECTED) == 0
        assert page.evaluate("window.__roosXss") is None
        for urn, text in zip(urns, SHOWN, strict=True):
            status, body = agent.call("GET", "/api/items/" + quote(urn, safe=""))
            assert status == 200, body
            assert text in body["item"]["text"]
        context.close()
