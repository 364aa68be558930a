"""One route table: every endpoint is declared once, with its schemas.

The aiohttp router and /api/openapi.json are both built from ROUTES, so the
documentation cannot drift from what the server actually serves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Param:
    name: str
    schema: dict
    description: str = ""
    where: str = "query"
    required: bool = False


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    handler: Handler
    summary: str
    auth: bool = True
    request: dict | None = None
    response: dict | None = None
    params: tuple[Param, ...] = field(default_factory=tuple)
    tag: str = "api"
    # "json" endpoints answer JSON; "page"/"websocket"/"file" are documented but not JSON.
    produces: str = "json"
    # Error statuses this route adds to the ones every route may answer (e.g. 409).
    errors: tuple[int, ...] = ()
    # Media types a "file" route answers with (documented as they are sent).
    media: tuple[str, ...] = ()


def add_routes(app: web.Application, routes: Iterable[Route]) -> None:
    for r in routes:
        app.router.add_route(r.method, r.path, r.handler)


def find_route(routes: Iterable[Route], request: web.Request) -> Route | None:
    info = request.match_info.route
    resource = info.resource
    canonical = resource.canonical if resource is not None else None
    for r in routes:
        if r.path == canonical and (r.method == request.method or r.method == "*"):
            return r
        if r.path == canonical and request.method == "HEAD" and r.method == "GET":
            return r
    return None
