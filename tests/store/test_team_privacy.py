"""Forgetting a person works the same on the team's database: every row goes, and the
database files are vacuumed so the deleted texts do not linger in dead rows."""

from __future__ import annotations

import pytest

from agent.server.keys import STORE
from tests.support.agent import make_item

pytestmark = pytest.mark.both_stores

JAN = "https://www.linkedin.com/in/jan-de-vries-nl/"


async def test_forgetting_a_person_removes_them_from_the_store(api, server, store_backend, request):
    mine = make_item(
        1,
        text="Mijn VlotPas is gestolen in Utrecht",
        author={"name": "Jan de Vries", "profile_url": JAN},
    )
    other = make_item(2, text="Zonnewind blijft mooi", author={"name": "Iemand Anders"})
    assert (await api.post("/api/items", json={"items": [mine, other]})).status == 200
    assert (
        await api.post("/api/replies", json={"item_id": mine["id"], "text": "Bel ons even"})
    ).status == 200

    resp = await api.post("/api/forget", json={"person": JAN})
    assert resp.status == 200, await resp.text()

    store = server.app[STORE]
    assert await store.get("items", mine["id"]) is None
    assert await store.get("items", other["id"]) is not None
    assert (await store.find("replies"))[1] == 0
    assert [p["name"] for p in (await store.find("people"))[0]] == ["Iemand Anders"]
    if store_backend == "postgresql":
        db = request.getfixturevalue("team_db")
        vacuumed = db.sql(
            "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = %s AND last_vacuum IS NOT NULL",
            (db.schema,),
        )
        assert vacuumed[0][0] >= 3  # items, people, replies at least
        left = db.sql("SELECT count(*) FROM items WHERE strpos(doc::text, 'gestolen') > 0")
        assert left == [(0,)]
