"""shared/examples is the contract by example: every endpoint and every live event has one,
and each still obeys the schemas the agent enforces (re-record with record_examples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.schemas import schema
from agent.server.registry import all_routes
from agent.server.requests import validate

from .record_examples import slug

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"
JSON_ROUTES = [r for r in all_routes() if r.produces == "json"]
EVENTS = [
    "welcome",
    "pong",
    "item.new",
    "item.updated",
    "item.answered",
    "own_post.new",
    "extractor.miss",
    "person.forgotten",
    "source.updated",
    "source.blocked",
    "alert",
    "report.ready",
    "item.claimed",
    "item.released",
]


def example(route) -> dict:
    path = EXAMPLES / "http" / f"{slug(route.method, route.path)}.json"
    assert path.exists(), f"no example for {route.method} {route.path}: run record_examples"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("route", JSON_ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_every_endpoint_has_an_example_that_obeys_its_schemas(route):
    found = example(route)
    assert (found["method"], found["route"]) == (route.method, route.path)
    if route.request is not None:
        assert validate(route.request, found["request"]) is None
    if route.response is not None:
        assert validate(route.response, found["response"]) is None
    if route.path != "/api/openapi.json":  # the OpenAPI document is not wrapped in {ok: ...}
        assert found["response"].get("ok") is True


@pytest.mark.parametrize("name", EVENTS)
def test_every_live_event_has_an_example(name):
    event = json.loads((EXAMPLES / "events" / f"{name}.json").read_text(encoding="utf-8"))
    assert event["type"] == name and isinstance(event["data"], dict)
    if name in ("item.new", "item.updated"):
        item = {
            k: v
            for k, v in event["data"].items()
            if k
            not in (
                "analysis",
                "person_id",
                "analyzed_at",
                "corrections",
                "assignee",
                "status",
                "answered",
                "answered_at",
            )
        }
        assert validate(schema("item"), item) is None
        assert "sentiment" in event["data"]["analysis"]


def test_no_example_leaks_a_token_or_a_home_folder():
    for path in EXAMPLES.rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert "/tmp/" not in text and "Bearer " not in text, path


@pytest.mark.parametrize("name", EVENTS)
def test_every_live_event_example_obeys_the_event_schema(name):
    event = json.loads((EXAMPLES / "events" / f"{name}.json").read_text(encoding="utf-8"))
    assert validate(schema("events"), event) is None


def test_the_event_schema_refuses_an_item_event_without_its_analysis():
    event = json.loads((EXAMPLES / "events" / "item.new.json").read_text(encoding="utf-8"))
    del event["data"]["analysis"]
    assert validate(schema("events"), event) is not None
    assert validate(schema("events"), {"type": "item.nieuw", "data": {}}) is not None
