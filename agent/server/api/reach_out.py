"""Reach out: suggestions built from what Roos listens to. Roos suggests; the human acts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from ...analysis import outreach
from ...analysis.relevance import RelevanceScorer
from ...store import SyncStore
from ..errors import ApiError
from ..keys import PROFILE, SERVICES, STORE
from ..requests import ok
from ..routing import Param, Route

SECTIONS = ("follow", "blogs", "share", "comment", "discussions", "rhythm")
SCORER = "relevance_scorer"
RESULT = {"type": "object", "required": ["ok"], "properties": {"ok": {"const": True}}}


def scorer_for(app: web.Application) -> RelevanceScorer:
    """One scorer per profile, so its word cache is shared across requests."""
    services = app[SERVICES]
    profile = app[PROFILE].current
    cached = services.get(SCORER)
    if cached is None or cached[0] is not profile:
        cached = (profile, RelevanceScorer(profile))
        services[SCORER] = cached
    return cached[1]


def latest_own_ratio(snapshots: list[dict[str, Any]]) -> dict[str, int] | None:
    # A followers-only page (our company page) has no following count: no ratio to keep.
    own = [s for s in snapshots if s.get("own") and s.get("following") is not None]
    if not own:
        return None
    last = max(own, key=lambda s: s["at"])
    return {"followers": last["followers"], "following": last["following"]}


def build(
    tx: SyncStore,
    profile: dict,
    scorer: RelevanceScorer,
    now: datetime,
    wanted: tuple[str, ...],
    lang: str,
) -> dict[str, Any]:
    """Runs on the store's thread: one consistent read of everything the suggestions need."""
    items, _ = tx.find("items")
    result: dict[str, Any] = {}
    if "follow" in wanted:
        people = {p["id"]: p for p in tx.find("people")[0]}
        own = latest_own_ratio(tx.find("follow_snapshots")[0])
        result["follow"] = outreach.people_to_follow(items, people, scorer, now, own)
    if "blogs" in wanted:
        result["blogs"] = outreach.blogs_to_follow(
            items, tx.find("sources")[0], profile, scorer, now
        )
    if {"share", "rhythm"} & set(wanted):
        result["share"] = outreach.worth_sharing(items, profile, scorer, now)
    if "comment" in wanted:
        result["comment"] = outreach.comment_helpfully(items, profile, now)
    if "discussions" in wanted:
        result["discussions"] = outreach.discussions_to_start(items, profile)
    if "rhythm" in wanted:
        result["rhythm"] = outreach.rhythm_status(
            tx.find("own_posts")[0], profile, now, result["share"], lang
        )
        if "share" not in wanted:
            del result["share"]
    return result


async def _suggestions(request: web.Request, wanted: tuple[str, ...]) -> dict[str, Any]:
    app = request.app
    profile = app[PROFILE].current
    scorer = scorer_for(app)
    lang = request.query.get("lang") or profile.get("report", {}).get("lang", "nl")
    now = datetime.now(UTC)
    return await app[STORE].transact(lambda tx: build(tx, profile, scorer, now, wanted, lang))


async def get_all(request: web.Request) -> web.Response:
    return ok(await _suggestions(request, SECTIONS))


async def get_section(request: web.Request) -> web.Response:
    section = request.match_info["section"]
    if section not in SECTIONS:
        raise ApiError(404, f"No such suggestions: choose one of {', '.join(SECTIONS)}.")
    return ok(await _suggestions(request, (section,)))


LANG = Param("lang", {"enum": ["nl", "en"]}, "Language of messages (default: the profile's).")
ROUTES = [
    Route(
        "GET",
        "/api/reach-out",
        get_all,
        "All reach-out suggestions: people to follow (within the ratio rule), blogs to follow, "
        "worth sharing, comment helpfully, discussions to start, rhythm.",
        response=RESULT,
        tag="reach-out",
        params=(LANG,),
    ),
    Route(
        "GET",
        "/api/reach-out/{section}",
        get_section,
        "One kind of reach-out suggestion: follow, blogs, share, comment, discussions or rhythm.",
        response=RESULT,
        tag="reach-out",
        params=(LANG,),
    ),
]
