"""Figures for the dashboard's Listening, People, Be valuable and Follow ratio pages.

Thin handlers: read the tables, hand plain data to the pure modules in ``agent.dashboard``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from aiohttp import web

from ...analysis.follow_ratio import assess, unfollow_candidates
from ...dashboard.hours import zone
from ...dashboard.listening import listening
from ...dashboard.valuable import valuable
from ...store.query import Q
from ..errors import ApiError
from ..keys import PROFILE, STORE
from ..requests import ok, query_int
from ..routing import Param, Route

FLAGS = ("fan", "ambassador", "critic")


def _now_and_zone(request: web.Request):
    return datetime.now(UTC), zone(request.app[PROFILE].current.get("business_hours"))


async def get_listening(request: web.Request) -> web.Response:
    days = query_int(request, "days", 30, 1, 366)
    now, tz = _now_and_zone(request)
    items, _ = await request.app[STORE].find("items")
    profile = request.app[PROFILE].current
    figures = listening(
        items,
        now.astimezone(tz).date(),
        days,
        tz,
        request.query.get("q") or "",
        us=(profile.get("organisation") or {}).get("name") or "",
        competitors=profile.get("competitors") or [],
    )
    return ok(figures)


async def get_valuable(request: web.Request) -> web.Response:
    now, tz = _now_and_zone(request)
    store = request.app[STORE]
    posts, _ = await store.find("own_posts")
    comments, _ = await store.find("items", lambda i: bool(i.get("parent_id")))
    targets = request.app[PROFILE].current.get("targets") or {}
    return ok(valuable(posts, comments, now, tz, targets))


def accounts(snapshots: list[dict], lang: str) -> list[dict]:
    """One entry per tracked account: its history, and the verdict on its latest counts."""
    by_account: dict[str, list[dict]] = defaultdict(list)
    for snap in snapshots:
        by_account[snap["account"]].append(snap)
    rows = []
    for account, history in by_account.items():
        history.sort(key=lambda s: s.get("at") or "")
        latest = history[-1]
        verdict = assess(
            latest["followers"],
            latest["following"],
            history[:-1],
            own=bool(latest.get("own")),
            lang=lang,
        )
        rows.append(
            {
                "account": account,
                "name": latest.get("name"),
                "url": latest.get("url"),
                "own": bool(latest.get("own")),
                "history": [
                    {"at": s.get("at"), "followers": s["followers"], "following": s["following"]}
                    for s in history
                ],
                "verdict": verdict,
            }
        )
    rows.sort(key=lambda r: (not r["own"], (r["name"] or r["account"]).casefold()))
    return rows


async def get_follow(request: web.Request) -> web.Response:
    lang = request.query.get("lang") or "nl"
    if lang not in ("nl", "en"):
        raise ApiError(400, "lang: must be nl or en")
    store = request.app[STORE]
    snapshots, _ = await store.find("follow_snapshots")
    followed, _ = await store.find("people", lambda p: bool(p.get("followed")))
    return ok(
        {
            "accounts": accounts(snapshots, lang),
            # Whom to unfollow first: people we follow who have not interacted in 90 days.
            "unfollow": unfollow_candidates(followed, now=datetime.now(UTC))[:50],
        }
    )


def trend_of(person: dict) -> str:
    """Are their last three interactions warmer or colder than the ones before?"""
    scores = [float(i.get("compound") or 0.0) for i in person.get("interactions") or []]
    if len(scores) < 4:
        return "unknown"
    recent, before = scores[-3:], scores[:-3]
    change = sum(recent) / len(recent) - sum(before) / len(before)
    return "up" if change > 0.1 else "down" if change < -0.1 else "steady"


def person_row(person: dict) -> dict:
    interactions = person.get("interactions") or []
    return {
        "id": person["id"],
        "name": person.get("name"),
        "profile_url": person.get("profile_url"),
        "flag": person.get("flag"),
        "interactions": len(interactions),
        "positive": sum(1 for i in interactions if i.get("sentiment") == "positive"),
        "negative": sum(1 for i in interactions if i.get("sentiment") == "negative"),
        "last_seen": person.get("last_seen"),
        "trend": trend_of(person),
    }


async def get_people(request: web.Request) -> web.Response:
    flag = request.query.get("flag") or None
    if flag and flag not in FLAGS:
        raise ApiError(400, "flag: must be fan, ambassador or critic")
    people, total = await request.app[STORE].find(
        "people",
        Q.present("interactions") & (Q.eq("flag", flag) if flag else Q.all()),
        sort=("interactions", "last_seen"),
        reverse=True,
        limit=500,
    )
    return ok({"people": [person_row(p) for p in people], "total": total})


OBJECT = {"type": "object", "required": ["ok"], "properties": {"ok": {"const": True}}}
ROUTES = [
    Route(
        "GET",
        "/api/insights/listening",
        get_listening,
        "Mentions per day per watch term and source, sentiment split and weekly trend, the "
        "loudest threads, and items matching q.",
        response=OBJECT,
        tag="listen",
        params=(
            Param("days", {"type": "integer", "minimum": 1, "maximum": 366}, "Window (30)."),
            Param("q", {"type": "string"}, "Search text and authors."),
        ),
    ),
    Route(
        "GET",
        "/api/insights/valuable",
        get_valuable,
        "Own posts per day over four weeks against the target (gaps flagged), promotional "
        "share against the limit, and the posts that drew the most positive reactions.",
        response=OBJECT,
        tag="valuable",
    ),
    Route(
        "GET",
        "/api/insights/follow",
        get_follow,
        "Follower/following history of every tracked account, with the verdict on the latest.",
        response=OBJECT,
        tag="activate",
        params=(Param("lang", {"enum": ["nl", "en"]}, "Language of the advice."),),
    ),
    Route(
        "GET",
        "/api/insights/people",
        get_people,
        "Fans, ambassadors and critics with interactions, last seen and trend.",
        response=OBJECT,
        tag="activate",
        params=(Param("flag", {"enum": list(FLAGS)}, "Only fans, ambassadors or critics."),),
    ),
]
