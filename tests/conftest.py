"""Fixtures shared by the whole suite: an agent app on a real aiohttp server, profiles, items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.config import Config
from agent.server.app import create_app
from tests.support.agent import free_port
from tests.support.pg import team_db  # noqa: F401  (fixture)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def pytest_generate_tests(metafunc):
    """Modules marked both_stores run every test on TinyDB and on the team's PostgreSQL."""
    if "store_backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "both_stores"
    ):
        metafunc.parametrize("store_backend", ["tinydb", "postgresql"], indirect=True)


@pytest.fixture
def store_backend(request):
    return getattr(request, "param", "tinydb")


@pytest.fixture
def config(home: Path, store_backend: str, request) -> Config:
    if store_backend == "postgresql":
        db = request.getfixturevalue("team_db")
        db.join("Fatima")  # the first to join: admin
        return Config(
            port=free_port(),
            home=home,
            scheduler=False,
            store_url=db.url,
            store_schema=db.schema,
            member="Fatima",
        )
    return Config(port=free_port(), home=home, scheduler=False)


@pytest.fixture
async def server(aiohttp_server, config: Config):
    """The agent app on a real HTTP server bound to 127.0.0.1:config.port."""
    app = create_app(config)
    return await aiohttp_server(app, host="127.0.0.1", port=config.port)


@pytest.fixture
async def api(aiohttp_client, server):
    """A client that sends the token, as the paired extension does."""
    from agent.server.keys import TOKEN

    token = server.app[TOKEN].value
    return await aiohttp_client(server, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
async def anon(aiohttp_client, server):
    """A client with no token: a stranger, or a web page."""
    return await aiohttp_client(server)


@pytest.fixture
def vlotbank_profile() -> dict:
    """An invented organisation: Vlotbank, with products, knowledge base, team and targets."""
    return json.loads((FIXTURES / "profile_vlotbank.json").read_text(encoding="utf-8"))


@pytest.fixture
async def vlot_api(api, vlotbank_profile):
    """A paired client whose agent knows the Vlotbank profile."""
    resp = await api.put("/api/profile", json=vlotbank_profile)
    assert resp.status == 200, await resp.text()
    return api
