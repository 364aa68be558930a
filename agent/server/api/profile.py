"""The organisation profile over HTTP: read it, or change some keys of it."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from ...dashboard.profile_problem import explain
from ...profile import ProfileError, merge, with_defaults
from ...schemas import schema
from ..errors import ApiError
from ..keys import PROFILE, SERVICES
from ..requests import json_object, ok
from ..routing import Route

log = logging.getLogger("roos.profile")

PROFILE_RESPONSE = {
    "type": "object",
    "required": ["ok", "profile"],
    "properties": {
        "ok": {"const": True},
        "profile": {"type": "object"},
        "problem": {"type": ["string", "null"]},
        "problem_detail": {"type": ["object", "null"]},
    },
}


def partial(full: dict) -> dict:
    """The schema of a partial update: no key is required, at the top or one level down.

    PUT merges objects one level deep into the current profile, so {"organisation":
    {"story": ...}} is complete; the merged result is checked against the full schema.
    """
    properties = {
        key: {k: v for k, v in sub.items() if k != "required"}
        for key, sub in full.get("properties", {}).items()
    }
    return {
        **{k: v for k, v in full.items() if k != "required"},
        "properties": properties,
    }


async def get_profile(request: web.Request) -> web.Response:
    manager = request.app[PROFILE]
    return ok(
        {
            "profile": manager.current,
            "problem": manager.problem,
            "problem_detail": explain(manager.problem),
        }
    )


async def put_profile(request: web.Request) -> web.Response:
    changes = await json_object(request)
    manager = request.app[PROFILE]
    services = request.app[SERVICES]
    try:
        candidate = with_defaults(merge(manager.current, changes))
        # What reads the profile (the analyzer, the matchers) is built before anything is
        # saved: a profile it cannot use is refused, never half applied.
        for check in services.get("profile_checks", []):
            check(candidate)
        profile = manager.update(changes)
    except ProfileError as exc:
        raise ApiError(400, str(exc)) from None
    except (TypeError, ValueError) as exc:
        log.warning("Refused a profile the analysis cannot use: %s", exc)
        raise ApiError(400, f"The profile cannot be used: {exc}") from None
    follow_up = notify_profile_listeners(request.app, profile)
    if follow_up:
        # What the new profile sets in motion (its sources in the sources table) is done when
        # the answer comes, so the page the user reloads next already shows it.
        await asyncio.wait(follow_up, timeout=SETTLE_SECONDS)
    return ok({"profile": profile, "problem": None})


def notify_profile_listeners(app: web.Application, profile: dict) -> list[asyncio.Future]:
    """Tell every feature; one failing never stops the others (the profile is saved).

    A listener may return a task for work it started; those are handed back to the caller."""
    started: list[asyncio.Future] = []
    for listener in app[SERVICES].get("profile_listeners", []):
        try:
            result = listener(profile)
        except Exception:
            log.exception("A feature could not take the new profile")
            continue
        if isinstance(result, asyncio.Future):
            started.append(result)
    return started


SETTLE_SECONDS = 5.0

ROUTES = [
    Route(
        "GET",
        "/api/profile",
        get_profile,
        "The organisation profile in use.",
        response=PROFILE_RESPONSE,
        tag="profile",
    ),
    Route(
        "PUT",
        "/api/profile",
        put_profile,
        "Change some keys of the profile (validated; the keys you leave out stay as they are).",
        request=partial(schema("profile")),
        response=PROFILE_RESPONSE,
        tag="profile",
    ),
]
