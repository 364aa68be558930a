"""Roles, enforced on the API in team mode (each member's own agent asks the team database).

read-only members (management) see the dashboard and reports; members do the daily work;
only admins change the profile, the team and the sources, export everything or forget a
person. Alone, on TinyDB, there are no roles: the one user is the admin.
"""

from __future__ import annotations

from aiohttp import web

from ..server.errors import ApiError
from ..server.guards import route_for
from ..server.keys import CONFIG, SERVICES, STORE
from ..store.backend import team_mode
from .members import RoleCache, role_of

ROLE_CACHE = "team_role"
READ_ONLY_ALLOWED = {("POST", "/api/reports")}
ADMIN_ONLY_PREFIXES = ("/api/sources", "/api/forget", "/api/export", "/api/people-merge")


def allowed(role: str, method: str, path: str) -> bool:
    if role == "admin":
        return True
    if role == "read-only":
        return method in ("GET", "HEAD", "OPTIONS") or (method, path) in READ_ONLY_ALLOWED
    if path == "/api/profile" and method != "GET":
        return False
    if path.startswith("/api/people/") and method == "DELETE":
        return False
    if path.startswith("/api/export"):
        return False
    return method in ("GET", "HEAD") or not path.startswith(ADMIN_ONLY_PREFIXES)


async def current_role(app: web.Application) -> str:
    cache: RoleCache = app[SERVICES].setdefault(ROLE_CACHE, RoleCache())
    if not cache.fresh():
        store = app[STORE]
        member = app[CONFIG].member
        role = await store.on_connection(lambda conn: role_of(conn, member))
        cache.set(role)
    return cache.role or "none"


@web.middleware
async def role_middleware(request: web.Request, handler):
    app = request.app
    path = request.path
    if not team_mode(app[CONFIG]) or not path.startswith("/api/"):
        return await handler(request)
    route = route_for(request)
    if route is None or not route.auth:  # public (health, openapi) or a 404 to come
        return await handler(request)
    role = await current_role(app)
    if role == "none":
        raise ApiError(
            403,
            "This agent is not a member of the team: run `roos team join URL --as NAME`.",
        )
    if not allowed(role, request.method, path):
        raise ApiError(403, f"Your role in the team is {role}: an admin can do this.")
    return await handler(request)
