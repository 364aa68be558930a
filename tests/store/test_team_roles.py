"""Roles and the one team profile: admin, member and read-only members' own agents."""

from __future__ import annotations

import asyncio
import contextlib

import aiohttp
from aiohttp.test_utils import TestServer

from agent.config import Config
from agent.server.app import create_app
from agent.server.keys import TOKEN
from tests.support.agent import free_port, make_item


@contextlib.asynccontextmanager
async def team_agents(tmp_path, team_db, names):
    """Each member's agent, with a client that carries that agent's token."""
    agents = {}
    async with contextlib.AsyncExitStack() as stack:
        for name in names:
            config = Config(
                port=free_port(),
                home=tmp_path / name,
                scheduler=False,
                store_url=team_db.url,
                store_schema=team_db.schema,
                member=name,
            )
            server = TestServer(create_app(config), host="127.0.0.1", port=config.port)
            await server.start_server()
            stack.push_async_callback(server.close)
            token = server.app[TOKEN].value
            session = aiohttp.ClientSession(
                base_url=f"http://127.0.0.1:{config.port}",
                headers={"Authorization": f"Bearer {token}"},
            )
            stack.push_async_callback(session.close)
            agents[name] = session
        yield agents


async def status(request) -> int:
    async with request as resp:
        return resp.status


async def test_each_role_may_do_its_own_work_and_no_more(tmp_path, team_db):
    for name in ("Fatima", "Joost", "Kim"):
        team_db.join(name)
    team_db.sql("UPDATE members SET role = 'read-only' WHERE name = 'Kim'")
    async with team_agents(tmp_path, team_db, ["Fatima", "Joost", "Kim", "Stranger"]) as a:
        item = make_item(1, text="Kan iemand mij helpen met VlotPay?")
        assert await status(a["Joost"].post("/api/items", json={"items": [item]})) == 200
        path = f"/api/items/{item['id']}"
        assert await status(a["Joost"].patch(path, json={"note": "Klant belt morgen"})) == 200
        resp = await a["Kim"].get(path)
        noted = (await resp.json())["item"]
        assert noted["notes"][0]["noted_by"] == "Joost" and noted["noted_by"] == "Joost"

        # Management reads the dashboard and reports, and changes nothing.
        assert await status(a["Kim"].get("/api/inbox")) == 200
        resp = await a["Kim"].patch(path, json={"assignee": "Kim"})
        assert resp.status == 403 and "read-only" in (await resp.json())["error"]
        assert await status(a["Kim"].post("/api/items", json={"items": [make_item(2)]})) == 403

        # A member does the daily work, not the profile or the sources.
        assert await status(a["Joost"].put("/api/profile", json={"name": "Joost BV"})) == 403
        new_source = {"url": "https://vlot.example/blog", "kind": "blog"}
        assert await status(a["Joost"].post("/api/sources", json=new_source)) == 403

        # An agent whose member never joined is told how to.
        resp = await a["Stranger"].get("/api/inbox")
        assert resp.status == 403 and "roos team join" in (await resp.json())["error"]


async def test_the_admin_changes_the_one_team_profile_and_every_agent_takes_it(tmp_path, team_db):
    team_db.join("Fatima")
    team_db.join("Joost")
    async with team_agents(tmp_path, team_db, ["Fatima", "Joost"]) as a:
        resp = await a["Fatima"].put(
            "/api/profile", json={"organisation": {"name": "Vlotbank", "aliases": ["Vlot"]}}
        )
        assert resp.status == 200, await resp.text()
        for _ in range(100):  # the change travels by LISTEN/NOTIFY, not by polling
            profile = (await (await a["Joost"].get("/api/profile")).json())["profile"]
            if profile["organisation"]["name"] == "Vlotbank":
                break
            await asyncio.sleep(0.05)
        assert profile["organisation"]["aliases"] == ["Vlot"]
        assert team_db.sql(
            "SELECT profile#>>'{organisation,name}', changed_by FROM team_profile"
        ) == [("Vlotbank", "Fatima")]
        toml = (tmp_path / "Joost" / "profile.toml").read_text(encoding="utf-8")
        assert 'name = "Vlotbank"' in toml  # profile.toml is the team profile's copy
