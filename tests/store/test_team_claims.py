"""No double answers: while Fatima has the reply box open, the others see she is answering."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agent.team.claims import CLAIM_SECONDS, take_claim
from tests.store.test_team_roles import team_agents
from tests.support.agent import make_item


async def test_a_claim_shows_who_is_answering_until_it_is_given_back(
    tmp_path, team_db, vlotbank_profile
):
    team_db.join("Fatima")
    team_db.join("Joost")
    item = make_item(7, text="VlotPay rekent twee keer af, al sinds gisteren! Schandalig.")
    async with team_agents(tmp_path, team_db, ["Fatima", "Joost"]) as a:
        assert (await a["Fatima"].put("/api/profile", json=vlotbank_profile)).status == 200
        assert (await a["Fatima"].post("/api/items", json={"items": [item]})).status == 200
        mine = await (await a["Fatima"].post("/api/claims", json={"item_id": item["id"]})).json()
        assert mine["mine"] and mine["claim"]["member"] == "Fatima"
        theirs = await (await a["Joost"].post("/api/claims", json={"item_id": item["id"]})).json()
        assert not theirs["mine"] and theirs["claim"]["member"] == "Fatima"
        listed = await (await a["Joost"].get("/api/claims")).json()
        assert [c["member"] for c in listed["claims"]] == ["Fatima"]
        inbox = await (await a["Joost"].get("/api/inbox")).json()  # "Fatima is answering"
        assert [e["answering"] for e in inbox["items"] if e["id"] == item["id"]] == ["Fatima"]
        own = await (await a["Fatima"].get("/api/inbox")).json()
        assert [e["answering"] for e in own["items"] if e["id"] == item["id"]] == [None]
        # Joost cannot give back Fatima's claim; she can, and then it is his turn.
        gone = await (await a["Joost"].delete(f"/api/claims/{item['id']}")).json()
        assert gone["released"] is False
        assert (await (await a["Fatima"].delete(f"/api/claims/{item['id']}")).json())["released"]
        again = await (await a["Joost"].post("/api/claims", json={"item_id": item["id"]})).json()
        assert again["mine"]
        missing = await a["Joost"].post("/api/claims", json={"item_id": "urn:li:activity:1"})
        assert missing.status == 404


async def test_alone_a_claim_keeps_two_tabs_of_one_user_apart(api):
    item = make_item(8)
    assert (await api.post("/api/items", json={"items": [item]})).status == 200
    first = await (await api.post("/api/claims", json={"item_id": item["id"]})).json()
    assert first["mine"] and first["claim"]["member"] == "me"
    assert [c["item_id"] for c in (await (await api.get("/api/claims")).json())["claims"]] == [
        item["id"]
    ]


def test_a_claim_expires_by_itself():
    now = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
    held, mine = take_claim(None, "i", "Fatima", now)
    assert mine
    assert take_claim(held, "i", "Joost", now + timedelta(seconds=CLAIM_SECONDS - 1)) == (
        held,
        False,
    )
    later, mine = take_claim(held, "i", "Joost", now + timedelta(seconds=CLAIM_SECONDS + 1))
    assert mine and later["member"] == "Joost"
