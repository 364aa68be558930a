"""Scrapers once per team: two members' agents both running, a source is read once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from aiohttp.test_utils import TestServer

from agent.config import Config
from agent.server.app import create_app
from agent.server.keys import STORE
from agent.sources.scheduler import Scheduler
from agent.team.leases import may_read
from tests.support.agent import free_port


class CountingRunner:
    """Reads take a while (a blog, politely); each read is counted and sets next_run."""

    def __init__(self, app, reads: list) -> None:
        self.app, self.reads = app, reads

    async def run_source(self, source: dict) -> dict:
        self.reads.append(source["id"])
        await asyncio.sleep(0.3)
        later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
        await self.app[STORE].patch("sources", source["id"], {"next_run": later})
        return {"id": source["id"]}


async def test_a_source_is_read_by_one_agent_while_both_run(tmp_path, team_db):
    team_db.join("Fatima")
    team_db.join("Joost")
    servers = []
    for name in ("Fatima", "Joost"):
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
        servers.append(server)
    try:
        blog = {
            "id": "blog:vlotblog",
            "kind": "blog",
            "url": "https://vlot.example/blog",
            "enabled": True,
        }
        await servers[0].app[STORE].upsert("sources", [blog])
        reads: list[str] = []
        schedulers = [Scheduler(s.app, CountingRunner(s.app, reads)) for s in servers]
        await asyncio.gather(*(s.run_due() for s in schedulers))
        assert reads == ["blog:vlotblog"]
        await asyncio.gather(*(s.run_due() for s in schedulers))  # not due for anyone now
        assert reads == ["blog:vlotblog"]
        assert team_db.sql("SELECT count(*) FROM leases") == [(0,)]  # given back
    finally:
        for server in servers:
            await server.close()


def test_a_linkedin_group_is_read_only_with_the_login_of_who_opted_it_in():
    group = {"kind": "linkedin_group", "opted_in_by": "Fatima"}
    assert may_read(group, "Fatima") and not may_read(group, "Joost")
    assert may_read({"kind": "blog", "opted_in_by": "Fatima"}, "Joost")
    assert may_read(group, None)  # alone: the one user's login
