"""API fuzzing: schemathesis throws generated requests at every documented endpoint.

The agent under test is a real `roos serve` process; the schema is the one it
serves at /api/openapi.json (built from the same route table as the router), and
every request carries the token, as the paired extension's do. Each operation
gets a bounded number of examples, valid and invalid (negative mode), and every
answer must be a documented status with a body that fits the documented schema:
never a 500, never a hang (each call has a timeout).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from agent.server.api.openapi import build_openapi
from agent.server.registry import all_routes
from tests.support.agent import AgentProcess

MAX_EXAMPLES = 25
CALL_TIMEOUT = 10


@pytest.fixture(scope="module")
def fuzzed_agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentProcess]:
    home: Path = tmp_path_factory.mktemp("fuzz") / "home"
    with AgentProcess(home) as agent:
        yield agent


def documented_api() -> dict:
    """The document /api/openapi.json serves, built from the same route table as the router."""
    return build_openapi(all_routes())


schema = schemathesis.openapi.from_dict(documented_api())
schema.config.generation.update(max_examples=MAX_EXAMPLES, database="none")


def test_the_fuzzed_document_is_the_one_the_agent_serves(fuzzed_agent):
    status, served = fuzzed_agent.call("GET", "/api/openapi.json")
    assert status == 200
    assert served == documented_api()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_request_gets_a_500_or_an_undocumented_answer(case, fuzzed_agent):
    case.call_and_validate(
        base_url=fuzzed_agent.base,
        headers={"Authorization": f"Bearer {fuzzed_agent.token}"},
        timeout=CALL_TIMEOUT,
    )
