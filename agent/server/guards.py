"""Every request is checked, in this order, before any handler runs.

Localhost agents are a favourite target (DNS rebinding, cross-site requests from
any web page the user visits), and browsers do not protect loopback for us:

1. Host must name this agent on loopback (defeats DNS rebinding).
2. Origin, when sent, must be the extension or the agent itself (defeats CSRF);
   ``Origin: null`` and preflights from anyone else are refused.
3. The bearer token (or a dashboard session) must match, in constant time.
4. State-changing requests must be JSON: a plain web page can send text/plain
   and forms without a preflight, but not application/json.
5. Bodies are capped.
"""

from __future__ import annotations

import functools
import hmac
import logging
import re

from aiohttp import web

from ..config import EXTENSION_ORIGIN
from .errors import error_response
from .keys import CONFIG, PROFILE, SERVICES, TOKEN
from .requests import query_problem

log = logging.getLogger("roos.guards")

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ROUTE_INDEX = web.AppKey("route_index", dict)


def allowed_hosts(port: int) -> frozenset[str]:
    return frozenset(f"{h}:{port}" for h in ("127.0.0.1", "localhost", "[::1]"))


def allowed_origins(request: web.Request) -> set[str]:
    app = request.app
    extra = app[PROFILE].current.get("allowed_extension_ids", [])
    return {EXTENSION_ORIGIN, *(f"chrome-extension://{i}" for i in extra), *app[CONFIG].own_origins}


def bearer_ok(request: web.Request) -> bool:
    header = request.headers.get("Authorization", "")
    scheme, _, supplied = header.partition(" ")
    if scheme.lower() != "bearer" or not supplied:
        return False
    return hmac.compare_digest(supplied.strip().encode(), request.app[TOKEN].value.encode())


def authenticated(request: web.Request) -> bool:
    if bearer_ok(request):
        return True
    sessions = request.app[SERVICES].get("sessions")
    return bool(sessions and sessions.valid(request))


def route_for(request: web.Request):
    resource = request.match_info.route.resource
    if resource is None:
        return None
    index = request.app[ROUTE_INDEX]
    method = "GET" if request.method == "HEAD" else request.method
    found = index.get((method, resource.canonical))
    if found is None:
        # aiohttp's canonical path drops a parameter's regex ("/x/{id:.+}" → "/x/{id}").
        found = next(
            (
                r
                for (m, p), r in index.items()
                if m == method and canonical(p) == resource.canonical
            ),
            None,
        )
    return found


@functools.cache
def canonical(path: str) -> str:
    return re.sub(r"{(\w+):[^}]*}", r"{\1}", path)


def cors_headers(origin: str) -> dict[str, str]:
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
        "Access-Control-Allow-Headers": "Authorization, Content-Type",
        "Access-Control-Max-Age": "600",
        "Vary": "Origin",
    }


@web.middleware
async def guard_middleware(request: web.Request, handler) -> web.StreamResponse:
    config = request.app[CONFIG]
    if request.host not in allowed_hosts(config.port):
        log.warning("Refused a request for foreign Host %r", request.host[:100])
        return error_response(403, "Host not allowed: Roos answers only on 127.0.0.1.")

    origin = request.headers.get("Origin")
    if origin is not None and origin not in allowed_origins(request):
        return error_response(403, "Origin not allowed.")
    if request.method == "OPTIONS":
        if origin is None:
            return error_response(403, "Preflight without an allowed Origin.")
        return web.Response(status=204, headers=cors_headers(origin))

    route = route_for(request)
    if (route is None or route.auth) and not authenticated(request):
        return error_response(
            401, "Missing or wrong token: pair with the token that `roos token` prints."
        )

    if route is not None:
        problem = query_problem(route.params, request.query)
        if problem:
            return error_response(400, problem)

    # POST is the one write a web page can send without a preflight, so it is always
    # checked; a DELETE, PUT or PATCH without a body has nothing to mistype. A request
    # no endpoint takes (route None) reads no body and gets its 404 or 405 from the router.
    needs_json = request.method == "POST" or request.body_exists
    if route is not None and request.method in WRITE_METHODS and needs_json:
        if request.content_type != "application/json":
            return error_response(415, "Send JSON: Content-Type must be application/json.")
        length = request.content_length
        if length is not None and length > config.max_body:
            return error_response(
                413, f"The request body is too large (limit {config.max_body} bytes)."
            )

    response = await handler(request)
    if origin is not None and not response.prepared:
        response.headers.update({"Access-Control-Allow-Origin": origin, "Vary": "Origin"})
    return response
