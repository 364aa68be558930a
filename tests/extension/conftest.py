"""Fixtures for the browser tests: one real agent and one real Chromium per test module.

A browser start costs seconds, so each module shares one (module scope) and
its tests are written to leave the page in a state the next one can use.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Playwright, Worker, sync_playwright

from tests.support.agent import AgentProcess

from .harness import CHROMIUM, launch, pair, put_profile, serve_fixtures, service_worker


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    here = Path(__file__).parent
    for item in items:
        if "browser" in item.keywords and here in item.path.parents:
            item.add_marker(skip)


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentProcess]:
    """A real agent with an invented organisation (Vlotbank) in a temporary home."""
    home = tmp_path_factory.mktemp("agent") / "home"
    process = AgentProcess(home).start()
    put_profile(process)
    yield process
    process.stop()


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def context(
    playwright: Playwright, agent: AgentProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    """Chromium with Roos, LinkedIn served from fixtures, paired with the agent."""
    ctx = launch(playwright, tmp_path_factory.mktemp("chromium"))
    service_worker(ctx)
    serve_fixtures(ctx)
    status = pair(ctx, agent.base, agent.token)
    assert status.startswith("Connected"), status
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def worker(context: BrowserContext) -> Worker:
    return service_worker(context)
