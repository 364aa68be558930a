"""The team on one inbox: two members' agents (two homes, two ports) share one database.

Fatima's agent and Joost's agent are real `roos serve` processes. What one sees or does
reaches the other's live listeners; two answers to one item cannot both be stored; killing
an agent mid-ingest loses nothing it acknowledged.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time

import aiohttp
import pytest

from tests.support.agent import AgentProcess, make_item


@pytest.fixture
def two_agents(tmp_path, team_db):
    team_db.join("Fatima")  # first: admin
    team_db.join("Joost")
    agents = []
    for name in ("Fatima", "Joost"):
        home = tmp_path / name.lower()
        home.mkdir()
        agents.append(AgentProcess(home, env=team_db.env(member=name)).start())
    yield agents
    for agent in agents:
        agent.stop()


async def listen(agent: AgentProcess, session: aiohttp.ClientSession):
    ws = await session.ws_connect(agent.base + "/ws")
    await ws.send_str(json.dumps({"type": "hello", "token": agent.token}))
    welcome = json.loads((await ws.receive(timeout=10)).data)
    assert welcome["type"] == "welcome"
    return ws


async def next_event(ws, type_: str, item_id: str, timeout: float = 10) -> dict:
    while True:
        message = json.loads((await ws.receive(timeout=timeout)).data)
        if (
            message["type"] == type_
            and (message["data"].get("id") or message["data"].get("item_id")) == item_id
        ):
            return message["data"]


def test_what_one_member_sees_and_does_reaches_the_others_dashboard(two_agents):
    fatima, joost = two_agents
    complaint = make_item(1, text="Mijn VlotPas werkt al drie dagen niet, schandalig!")

    async def story():
        async with aiohttp.ClientSession() as session:
            ws = await listen(fatima, session)
            loop = asyncio.get_running_loop()
            # Joost's extension sees a new complaint: Fatima's dashboard hears of it.
            status, _ = await loop.run_in_executor(
                None, joost.call, "POST", "/api/items", {"items": [complaint]}
            )
            assert status == 200
            seen = await next_event(ws, "item.new", complaint["id"])
            assert seen["text"] == complaint["text"] and seen["analysis"]["sentiment"]
            # Joost assigns it to Fatima: her agent's listeners get the assignment, with who did it.
            status, body = await loop.run_in_executor(
                None, joost.call, "PATCH", f"/api/items/{complaint['id']}", {"assignee": "Fatima"}
            )
            assert status == 200, body
            assigned = await next_event(ws, "item.updated", complaint["id"])
            assert assigned["assignee"] == "Fatima" and assigned["assigned_by"] == "Joost"
            # Both agents read the same store.
            status, item = fatima.call("GET", f"/api/items/{complaint['id']}")
            assert item["item"]["assigned_by"] == "Joost"
            await ws.close()

    asyncio.run(story())


def test_two_answers_to_one_item_at_once_one_wins_and_the_other_is_told(two_agents):
    fatima, joost = two_agents
    item = make_item(2, text="Waarom is mijn rekening geblokkeerd?")
    assert fatima.call("POST", "/api/items", {"items": [item]})[0] == 200
    results: dict[str, tuple] = {}
    start = threading.Barrier(2)

    def answer(agent: AgentProcess, name: str) -> None:
        start.wait()
        results[name] = agent.call(
            "POST", "/api/replies", {"item_id": item["id"], "text": f"{name} hier"}
        )

    threads = [
        threading.Thread(target=answer, args=(a, n))
        for a, n in zip(two_agents, ("Fatima", "Joost"), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted(status for status, _ in results.values())
    assert statuses == [200, 409], results
    winner = next(n for n, (s, _) in results.items() if s == 200)
    loser = next(n for n, (s, _) in results.items() if s == 409)
    assert f"{winner} already answered" in results[loser][1]["error"]
    status, stored = joost.call("GET", f"/api/items/{item['id']}")
    assert stored["item"]["answered_by"] == winner
    # Marking it answered again (the dashboard's button) says who and stores nothing twice.
    other = fatima if loser == "Fatima" else joost
    status, body = other.call("PATCH", f"/api/items/{item['id']}", {"status": "answered"})
    assert status == 409 and winner in body["error"]


def test_killing_an_agent_mid_ingest_loses_nothing_it_acknowledged(two_agents):
    fatima, joost = two_agents
    acknowledged: list[str] = []
    stop = threading.Event()

    def keep_posting() -> None:
        n = 100
        while not stop.is_set():
            batch = [make_item(n + k) for k in range(20)]
            n += 20
            try:
                status, body = fatima.call("POST", "/api/items", {"items": batch}, timeout=10)
            except OSError:
                return  # killed while we waited: this batch was never acknowledged
            if status == 200:
                acknowledged.extend(body["ids"])

    poster = threading.Thread(target=keep_posting)
    poster.start()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 60 and poster.is_alive() and time.monotonic() < deadline:
        threading.Event().wait(0.05)
    fatima.kill()
    stop.set()
    poster.join()
    status, body = joost.call("GET", "/api/items?limit=500")
    assert status == 200
    stored = {i["id"] for i in body["items"]}
    assert set(acknowledged) <= stored and len(acknowledged) >= 60
