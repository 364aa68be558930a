"""Dashboard login: a one-time code exchanged for a session cookie.

The bearer token must never land in a tab's address bar, its history or a log. Whoever holds
the token (`roos open`, the extension's popup) asks ``POST /api/session/code`` for a code that is
random, single use and valid for 60 seconds, and opens ``/login#code=...``: a fragment is never
sent to a server. The login page posts the code from the agent's own origin and gets an
HttpOnly, SameSite=Strict cookie naming a random session kept in memory for 12 hours (a restart
logs everyone out, the safe default for a local tool). Codes and session ids are kept only as
SHA-256 digests, so looking one up reveals nothing through timing.

A browser attaches the cookie to any request for 127.0.0.1, whichever page made it, and pages
on other local ports even count as the same *site*. So a session only counts when the request
comes from the agent's own pages: Origin (when sent) must be the agent's, writes must carry
the agent's Origin or Referer, and Fetch Metadata (``Sec-Fetch-Site``) must not say another site.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from aiohttp import web

from .errors import ApiError
from .guards import WRITE_METHODS, bearer_ok
from .keys import CONFIG, SERVICES
from .requests import json_object, ok
from .routing import Route

CODE_SECONDS = 60
SESSION_SECONDS = 12 * 3600
SERVICE = "sessions"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


class Sessions:
    def __init__(
        self, own_origins: set[str], port: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.own_origins = frozenset(own_origins)
        # Cookies ignore ports: two agents on one machine must not overwrite each other's.
        self.cookie = f"roos_session_{port}"
        self.clock = clock
        self._codes: dict[str, float] = {}
        self._sessions: dict[str, float] = {}

    def new_code(self) -> str:
        self._prune()
        code = secrets.token_urlsafe(24)
        self._codes[_digest(code)] = self.clock() + CODE_SECONDS
        return code

    def redeem(self, code: str) -> str | None:
        """A new session id for a valid code; the code is spent even when it has expired."""
        expiry = self._codes.pop(_digest(code), None)
        if expiry is None or expiry < self.clock():
            return None
        session = secrets.token_urlsafe(32)
        self._sessions[_digest(session)] = self.clock() + SESSION_SECONDS
        return session

    def end(self, request: web.Request) -> None:
        session = request.cookies.get(self.cookie)
        if session:
            self._sessions.pop(_digest(session), None)

    def valid(self, request: web.Request) -> bool:
        session = request.cookies.get(self.cookie)
        if not session:
            return False
        expiry = self._sessions.get(_digest(session))
        if expiry is None or expiry < self.clock():
            return False
        return self.from_own_pages(request)

    def from_own_pages(self, request: web.Request) -> bool:
        if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            return False
        origin = request.headers.get("Origin")
        if origin is not None:
            return origin in self.own_origins
        if request.method in WRITE_METHODS:
            return origin_of(request.headers.get("Referer", "")) in self.own_origins
        return True

    def _prune(self) -> None:
        now = self.clock()
        for table in (self._codes, self._sessions):
            for key in [k for k, expiry in table.items() if expiry < now]:
                del table[key]


def setup(app: web.Application) -> None:
    config = app[CONFIG]
    app[SERVICES][SERVICE] = Sessions(config.own_origins, config.port)


def sessions_of(request: web.Request) -> Sessions:
    return request.app[SERVICES][SERVICE]


# POST is always JSON (agent/server/guards.py): the code takes an empty object, as
# `roos open` and the extension send it, and the document says so.
NO_FIELDS = {"type": "object", "additionalProperties": False, "maxProperties": 0}


async def post_code(request: web.Request) -> web.Response:
    await json_object(request, NO_FIELDS)
    if not bearer_ok(request):
        raise ApiError(403, "Only the token holder (roos open, the extension) can ask for a code.")
    code = sessions_of(request).new_code()
    port = request.app[CONFIG].port
    url = f"http://127.0.0.1:{port}/login#code={code}"
    return ok({"code": code, "expires_in": CODE_SECONDS, "url": url})


LOGIN = {
    "type": "object",
    "required": ["code"],
    "additionalProperties": False,
    "properties": {"code": {"type": "string", "minLength": 1, "maxLength": 200}},
}


async def post_session(request: web.Request) -> web.Response:
    sessions = sessions_of(request)
    if request.headers.get("Origin") not in sessions.own_origins:
        raise ApiError(403, "Log in from the agent's own login page.")
    body = await json_object(request, LOGIN)
    session = sessions.redeem(body["code"])
    if session is None:
        raise ApiError(401, "This login code is wrong, used or expired: run `roos open` again.")
    response = ok({"expires_in": SESSION_SECONDS})
    response.set_cookie(
        sessions.cookie,
        session,
        max_age=SESSION_SECONDS,
        path="/",
        httponly=True,
        samesite="Strict",
    )
    return response


async def delete_session(request: web.Request) -> web.Response:
    sessions = sessions_of(request)
    sessions.end(request)
    response = ok({})
    response.del_cookie(sessions.cookie, path="/")
    return response


OK = {"type": "object", "required": ["ok"], "properties": {"ok": {"const": True}}}
CODE = {
    "type": "object",
    "required": ["ok", "code", "expires_in", "url"],
    "properties": {
        "ok": {"const": True},
        "code": {"type": "string"},
        "expires_in": {"type": "integer"},
        "url": {"type": "string"},
    },
}
ROUTES = [
    Route(
        "POST",
        "/api/session/code",
        post_code,
        "A one-time login code for the dashboard (token only; single use, 60 s). "
        "Open the returned url: the code travels in the fragment, never to a server. "
        "The body is an empty JSON object.",
        request=NO_FIELDS,
        response=CODE,
        tag="dashboard",
    ),
    Route(
        "POST",
        "/api/session",
        post_session,
        "Exchange a login code for an HttpOnly session cookie (from the agent's own page only).",
        auth=False,
        request=LOGIN,
        response=OK,
        tag="dashboard",
    ),
    Route(
        "DELETE",
        "/api/session",
        delete_session,
        "Log out of the dashboard.",
        response=OK,
        tag="dashboard",
    ),
]
