"""/api/openapi.json documents exactly the routes the server serves."""

from __future__ import annotations

import re

from agent.server.guards import ROUTE_INDEX


def route_pairs(app) -> set[tuple[str, str]]:
    pairs = set()
    for route in app.router.routes():
        if route.method in ("HEAD", "OPTIONS") or route.resource is None:
            continue
        path = re.sub(r"{(\w+):[^}]*}", r"{\1}", route.resource.canonical)
        pairs.add((route.method.lower(), path))
    return pairs


async def test_every_route_is_documented_and_nothing_else(api, server):
    doc = await (await api.get("/api/openapi.json")).json()
    documented = {(m, p) for p, ops in doc["paths"].items() for m in ops}
    assert documented == route_pairs(server.app)
    assert doc["openapi"].startswith("3.")
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op["summary"], (method, path)
            route = server.app[ROUTE_INDEX].get((method.upper(), path)) or next(
                r
                for (m, p), r in server.app[ROUTE_INDEX].items()
                if m == method.upper() and re.sub(r"{(\w+):[^}]*}", r"{\1}", p) == path
            )
            assert bool(op.get("security")) == route.auth, (method, path)
