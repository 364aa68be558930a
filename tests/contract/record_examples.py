"""Record shared/examples: one real request/response per endpoint, and every live event.

Run it after changing the API: `.venv/bin/python -m tests.contract.record_examples`.
It plays a short day of a social media manager against an in-process agent with a
throw-away home and the invented Vlotbank profile, and writes what went over the wire.
tests/contract/test_examples.py checks the committed examples against the schemas, so an
example cannot silently drift from the contract.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import tempfile
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from agent.config import Config
from agent.server.app import create_app
from agent.server.keys import TOKEN
from tests.support.agent import free_port

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "shared" / "examples"
PROFILE = json.loads((ROOT / "tests" / "fixtures" / "profile_vlotbank.json").read_text())
NOW = "2026-11-23T09:12:00Z"
COMPLAINT = {
    "id": "urn:li:activity:7401000000000000001",
    "source": "linkedin",
    "kind": "comment",
    "url": "https://www.linkedin.com/feed/update/urn:li:activity:7401000000000000000/",
    "text": "Al drie dagen werkt VlotPay niet en niemand reageert. Schandalig!",
    "author": {
        "name": "Sanne de Boer",
        "profile_url": "https://www.linkedin.com/in/sanne-de-boer/",
        "headline": "Eigenaar Bakkerij De Boer",
    },
    "published_at": "2026-11-23T08:40:00Z",
    "seen_at": NOW,
    "parent_id": "urn:li:activity:7401000000000000000",
    "reactions": 2,
}
PRAISE = {
    "id": "urn:li:activity:7401000000000000002",
    "source": "linkedin",
    "kind": "post",
    "url": "https://www.linkedin.com/feed/update/urn:li:activity:7401000000000000002/",
    "text": "Top service van Vlotbank vandaag, binnen tien minuten geholpen!",
    "author": {"name": "J. de Boer"},
    "seen_at": NOW,
    "reactions": 14,
    "comments_count": 1,
}
# Events only the scrapers raise: written from the code that sends them.
HAND_WRITTEN_EVENTS = {
    "alert": {
        "type": "alert",
        "data": {"item": COMPLAINT, "analysis": {"intent": "complaint"}, "reason": "complaint"},
    },
    "source.blocked": {
        "type": "source.blocked",
        "data": {
            "id": "source.blocked|2026-11-23T09:30:00Z|https://www.linkedin.com/groups/9990001/",
            "type": "source.blocked",
            "url": "https://www.linkedin.com/groups/9990001/",
            "reason": "login_wall",
            "until": "2026-11-24T09:30:00Z",
            "message": {
                "en": "LinkedIn showed a login page: run `roos login linkedin` again.",
                "nl": "LinkedIn toonde een inlogpagina: voer `roos login linkedin` opnieuw uit.",
            },
            "at": "2026-11-23T09:30:00Z",
        },
    },
    # Team mode: a colleague started answering an item, and stopped (agent/team/claims.py).
    "item.claimed": {
        "type": "item.claimed",
        "data": {
            "item_id": "urn:li:activity:7401000000000000001",
            "member": "Fatima",
            "expires_at": "2026-11-23T16:28:20Z",
        },
    },
    "item.released": {
        "type": "item.released",
        "data": {"item_id": "urn:li:activity:7401000000000000001", "member": "Fatima"},
    },
}


def slug(method: str, path: str) -> str:
    path = re.sub(r"{(\w+)(?::[^}]*)?}", r"_\1_", path.removeprefix("/api/"))
    return f"{method.lower()}_{re.sub(r'[^a-z0-9_]+', '-', path.lower()).strip('-')}"


class Recorder:
    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.seen: dict[str, dict] = {}

    async def call(
        self,
        method: str,
        template: str,
        path: str | None = None,
        body=None,
        headers: dict | None = None,
    ) -> dict:
        resp = await self.client.request(method, path or template, json=body, headers=headers)
        answer = await resp.json()
        assert resp.status < 300, (method, path, answer)
        self.seen[slug(method, template)] = {
            "method": method,
            "route": template,
            "path": path or template,
            "request": body,
            "status": resp.status,
            "response": answer,
        }
        return answer


async def day(rec: Recorder, token: str, port: int) -> None:
    c = rec.call
    await c("GET", "/api/health")
    await c("GET", "/api/doctor")
    await rec.client.put("/api/profile", json=PROFILE)
    await c("PUT", "/api/profile", body={"targets": {"posts_per_day": 3, "weekends": True}})
    await c("GET", "/api/profile")
    await c("POST", "/api/items", body={"items": [PRAISE]})
    await rec.client.post(
        "/api/items",
        json={
            "items": [
                {
                    **PRAISE,
                    "id": "https://groenegeldzaken.example/p/12#comment-3",
                    "source": "blog",
                    "kind": "comment",
                    "author": {"name": "S. de Boer"},
                    "text": "Mooi verhaal, Vlotbank!",
                }
            ]
        },
    )
    await c("GET", "/api/items", "/api/items?source=linkedin&limit=1")
    await c("POST", "/api/analyze", body={"items": [COMPLAINT], "store": True})
    item = f"/api/items/{COMPLAINT['id']}"
    await c("GET", "/api/items/{id:.+}", item)
    await c("PATCH", "/api/items/{id:.+}", item, {"intent": "complaint", "assignee": "bram"})
    await c(
        "POST",
        "/api/drafts/check",
        body={
            "text": "Wij van Vlotbank lanceren vandaag VlotPay Zakelijk!",
            "context": {"kind": "post"},
        },
    )
    own = "https://www.linkedin.com/in/anna-de-wit/"
    await c(
        "POST",
        "/api/follow-ratio",
        body={"account": own, "followers": "1.234 volgers", "following": "987", "own": True},
    )
    await c("GET", "/api/follow-ratio", f"/api/follow-ratio?account={own}")
    await c(
        "POST",
        "/api/replies",
        body={
            "item_id": COMPLAINT["id"],
            "by": "bram",
            "text": "Hoi Sanne, wat vervelend! Stuur je ons een DM?",
        },
    )
    await c(
        "POST", "/api/own-posts", body={"text": "Vijf tips om je administratie op orde te krijgen."}
    )
    await c("GET", "/api/own-posts")
    await c(
        "POST",
        "/api/extractor-miss",
        body={
            "url": "https://www.linkedin.com/feed/",
            "hints": {},
            "report_id": "2026-11-23-1x3kq9z",
            "page": "feed",
            "version": "0.1.0",
            "counts": {
                "containers": 20,
                "cards": 18,
                "read": 15,
                "pending": 2,
                "unknown": 2,
                "unreadable": 1,
                "skipped": {"promoted": 1, "job": 1},
            },
            "card_kinds": {"plain": 9, "wrapped:comment": 3, "wrapped:reaction": 2},
        },
    )
    await c("GET", "/api/events")
    await c("GET", "/api/stats/today")
    await c("GET", "/api/people", "/api/people?flag=critic")
    await c("GET", "/api/people-merge-candidates")
    sanne, j = "linkedin.com/in/sanne-de-boer", "name:j de boer"
    await c("GET", "/api/people/{id:.+}", f"/api/people/{sanne}")
    await c("GET", "/api/reach-out/{section}", "/api/reach-out/rhythm?lang=nl")
    await c("GET", "/api/reach-out", "/api/reach-out?lang=nl")
    group = "https://www.linkedin.com/groups/9990001/"
    added = await c("POST", "/api/sources", body={"url": group, "kind": "linkedin_group"})
    sid = added["source"]["id"]
    await c("GET", "/api/sources")
    await c("PATCH", "/api/sources/{id}", f"/api/sources/{sid}", {"interval_minutes": 180})
    await c("POST", "/api/sources/run", body={"all": True})
    await c(
        "DELETE",
        "/api/sources/{id}",
        f"/api/sources/{sid}",
        headers={"Content-Type": "application/json"},
    )
    await c("GET", "/api/inbox")
    item_path = "/api/inbox/item?id=" + COMPLAINT["id"].replace(":", "%3A")
    await c("GET", "/api/inbox/item", item_path)
    note = {
        "item_id": COMPLAINT["id"],
        "text": "Sanne belde ook al; Bram pakt het op.",
        "by": "bram",
    }
    await c("POST", "/api/inbox/notes", body=note)
    await c(
        "POST",
        "/api/inbox/bulk",
        body={"ids": [PRAISE["id"]], "action": "assign", "assignee": "sanne"},
    )
    await c("GET", "/api/start")
    await c("GET", "/api/team")
    for page in ("listening", "valuable", "follow", "people"):
        await c("GET", f"/api/insights/{page}")
    await c("GET", "/api/export/person", f"/api/export/person?person={sanne}")
    code = await c("POST", "/api/session/code", body={})
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    session = await rec.client.post("/api/session", json={"code": code["code"]}, headers=origin)
    rec.seen[slug("POST", "/api/session")] = {
        "method": "POST",
        "route": "/api/session",
        "path": "/api/session",
        "request": {"code": code["code"]},
        "status": session.status,
        "response": await session.json(),
    }
    await c("DELETE", "/api/session", headers={"Content-Type": "application/json"})
    await c(
        "DELETE",
        "/api/people/{id:.+}",
        f"/api/people/{j}",
        headers={"Content-Type": "application/json"},
    )
    await c("POST", "/api/people-merge", body={"keep": sanne, "merge": "name:s de boer"})
    await c("GET", "/api/export")
    await c("POST", "/api/forget", body={"person": sanne})
    await c("POST", "/api/reports", body={"month": "2026-10", "lang": "nl"})
    await c("GET", "/api/reports")
    await c("GET", "/api/debug/loop-lag")
    await c("DELETE", "/api/debug/loop-lag", headers={"Content-Type": "application/json"})
    spec = await c("GET", "/api/openapi.json")
    rec.seen[slug("GET", "/api/openapi.json")]["response"] = {
        **{k: spec[k] for k in ("openapi", "info", "servers")},
        "paths": {"/api/health": spec["paths"]["/api/health"]},
        "components": "… (shortened: the full document has every endpoint)",
    }


async def record() -> None:
    os.environ["ROOS_DEBUG_LAG"] = "1"  # so the debug probe has an example too
    home = Path(tempfile.mkdtemp(prefix="roos-examples-"))
    port = free_port()
    app = create_app(Config(port=port, home=home, scheduler=False))
    server = TestServer(app, host="127.0.0.1", port=port)
    async with TestClient(server) as client:
        token = app[TOKEN].value
        client.session.headers["Authorization"] = f"Bearer {token}"
        events: dict[str, dict] = {}
        ws = await client.ws_connect("/ws")
        await ws.send_json({"type": "hello", "token": token})

        async def listen() -> None:
            async for msg in ws:
                event = json.loads(msg.data)
                events.setdefault(event["type"], event)

        listener = asyncio.create_task(listen())
        await ws.send_json({"type": "ping"})
        rec = Recorder(client)
        await day(rec, token, port)
        await asyncio.sleep(0.5)
        listener.cancel()
    events.update(HAND_WRITTEN_EVENTS)
    write(OUT / "http", rec.seen, home)
    write(OUT / "events", events, home)


def write(folder: Path, examples: dict[str, dict], home: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    for name, example in sorted(examples.items()):
        text = json.dumps(example, indent=2, ensure_ascii=False).replace(str(home), "$ROOS_HOME")
        (folder / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    print(f"{len(examples)} examples in {folder.relative_to(ROOT)}")


if __name__ == "__main__":
    asyncio.run(record())
