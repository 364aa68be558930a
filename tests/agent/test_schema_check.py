"""The fast body check says "valid" only where jsonschema does, so errors read as before."""

from __future__ import annotations

import copy
import random

from jsonschema import Draft202012Validator

from agent.schemas import schema
from agent.server import requests
from agent.server.api.analyze import ANALYZE, PATCH_ITEM
from agent.server.schema_check import compile_check
from tests.support.agent import make_item

# Values a client might send by mistake (or on purpose) in place of a field.
ODD = [None, True, False, 0, -1, 3.0, 2.5, "", "x" * 5000, [], [1], {}, {"name": 1}, "post"]


def _mutations(body: dict, rng: random.Random, n: int) -> list[dict]:
    """Bodies with one or two fields replaced, removed or added, anywhere in the tree."""
    found = []
    for _ in range(n):
        mutated = copy.deepcopy(body)
        for _ in range(rng.choice((1, 2))):
            node = mutated
            while True:
                keys = list(node) if isinstance(node, dict) else list(range(len(node)))
                if not keys:
                    break
                key = rng.choice(keys)
                child = node[key]
                if isinstance(child, dict | list) and child and rng.random() < 0.6:
                    node = child
                    continue
                action = rng.random()
                if action < 0.7:
                    node[key] = copy.deepcopy(rng.choice(ODD))
                elif isinstance(node, dict) and action < 0.85:
                    del node[key]
                elif isinstance(node, dict):
                    node[rng.choice(("extra", "lang", "depth", "group", "context"))] = rng.choice(
                        ODD
                    )
                break
        found.append(mutated)
    return found


def test_a_broken_batch_is_named_as_jsonschema_names_it():
    rng = random.Random(17)
    items = [make_item(n, lang="nl", depth=1, parent_id=None) for n in range(3)]
    items[1]["context"] = {"kind": "reaction", "actors": [{"name": "Ann", "profile_url": None}]}
    items[2]["group"] = {"id": "g1", "name": None}
    body = {"items": items, "store": False}
    registry = requests._registry()
    reference = Draft202012Validator(ANALYZE, registry=registry)
    fast = compile_check(ANALYZE, schema)
    assert fast is not None and fast(body)
    wrong = 0
    for mutated in _mutations(body, rng, 1500):
        valid = reference.is_valid(mutated)
        assert fast(mutated) <= valid, mutated  # never a yes that jsonschema refuses
        message = requests.validate(ANALYZE, mutated)
        assert (message is None) == valid
        wrong += not valid
    assert wrong > 500  # the mutations do reach the rules


def test_a_correction_is_checked_as_strictly():
    rng = random.Random(5)
    body = {"sentiment": "negative", "about_us": True, "assignee": None, "status": "open"}
    reference = Draft202012Validator(PATCH_ITEM)
    fast = compile_check(PATCH_ITEM, schema)
    assert fast is not None and fast(body)
    for mutated in _mutations(body, rng, 500):
        assert fast(mutated) <= reference.is_valid(mutated), mutated
    assert not fast({}) and not fast({**body, "colour": "red"})


def test_a_schema_with_keywords_it_does_not_know_gets_no_fast_check():
    assert compile_check({"type": "string", "pattern": "^a"}, schema) is None
    assert compile_check({"type": "string", "format": "date-time"}, schema) is None
    assert compile_check({"enum": [[1, 2]]}, schema) is None
