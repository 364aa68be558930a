"""API fuzzing: schemathesis throws generated requests at every documented endpoint.

The agent under test is a real `roos serve` process; the schema is the one it
serves at /api/openapi.json (checked below to be the document built from the
route table), and every request carries the token, as the paired extension's
do. Each operation gets a bounded number of examples, schema-valid and
schema-violating, and every answer must be a documented status whose body fits
the documented schema: never a 500, never an undocumented shape, never a hang
(each call has a timeout), and a request that breaks the schema is refused.

One check is left out on purpose: "a schema-valid request must be accepted".
The agent also refuses valid-looking input for reasons a schema cannot say (an
item id that does not exist, an address that is not a web page), with a
documented 400 or 404 that names the problem.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config._checks import NegativeDataRejectionConfig
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from agent.server.api.openapi import build_openapi
from agent.server.registry import all_routes
from tests.support.agent import AgentProcess, free_port

MAX_EXAMPLES = 15
CALL_TIMEOUT = 10


def documented_api() -> dict:
    """The document /api/openapi.json serves, built from the same route table as the router."""
    return build_openapi(all_routes())


schema = schemathesis.openapi.from_dict(documented_api())
# Query parameters the document does not name are ignored, as on any web server.
schema.config.generation.update(allow_extra_parameters=False)
# A schema-violating body may also be refused as too large (413, documented).
schema.config.checks.negative_data_rejection = NegativeDataRejectionConfig(
    expected_statuses=[400, 401, 403, 404, 405, 413, 415]
)


@pytest.fixture(scope="module")
def fuzzed_agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentProcess]:
    home: Path = tmp_path_factory.mktemp("fuzz") / "home"
    with AgentProcess(home) as agent:
        yield agent


@pytest.fixture(scope="module")
def nowhere() -> str:
    """A loopback address nobody listens on: where generated web addresses are sent."""
    return f"http://127.0.0.1:{free_port()}/"


def keep_off_the_internet(case, nowhere: str) -> None:
    """Endpoints that follow or fetch a web address get a dead loopback one instead.

    Tests never touch the real internet; what the fuzzer probes here is the
    agent's handling of the request, not somebody's web site.
    """
    body = case.body
    url = body.get("url") if isinstance(body, dict) else None
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        body["url"] = nowhere


def test_the_fuzzed_document_is_the_one_the_agent_serves(fuzzed_agent):
    status, served = fuzzed_agent.call("GET", "/api/openapi.json")
    assert status == 200
    assert served == json.loads(json.dumps(documented_api()))


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_request_gets_a_500_or_an_undocumented_answer(case, fuzzed_agent, nowhere):
    keep_off_the_internet(case, nowhere)
    case.call_and_validate(
        base_url=fuzzed_agent.base,
        headers={"Authorization": f"Bearer {fuzzed_agent.token}"},
        # Not judged here: "valid input must be accepted" (the agent rightly refuses some with
        # 400/404) and "invalid input must be refused" (an empty query parameter means "not
        # given", which schemathesis counts as invalid). What is: no 5xx, only documented
        # statuses, answers that match their schemas, no hang.
        excluded_checks=[positive_data_acceptance, negative_data_rejection],
        timeout=CALL_TIMEOUT,
    )
