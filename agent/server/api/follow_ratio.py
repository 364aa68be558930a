"""One-click follow/unfollow ratio check: never follow more accounts than follow you."""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from ...analysis.counts import parse_count
from ...analysis.follow_ratio import assess, unfollow_candidates
from ...analysis.people import person_id
from ...pipeline import now_iso
from ..errors import ApiError
from ..keys import PROFILE, STORE
from ..requests import json_object, ok
from ..routing import Param, Route
from .reach_out import latest_own_ratio, scorer_for

# A count as a page shows it ("1.234 volgers", "12,5K", "500+"): it starts with a digit.
# Text the count reader still cannot read as a count gets 400 naming the problem.
COUNT = {
    "type": ["integer", "string"],
    "minimum": 0,
    "maximum": 10**10,
    "minLength": 1,
    "maxLength": 60,
    "pattern": r"^\s*\d",
    "description": 'A count as a page shows it, e.g. 1234, "1.234 volgers" or "12,5K"; '
    "text that is not a count (empty, words only, decimals without K or M) is refused with 400.",
}
FOLLOW = {
    "type": "object",
    "required": ["account", "followers"],
    "properties": {
        "account": {"type": "string", "minLength": 1, "maxLength": 2048},
        "name": {"type": "string", "maxLength": 300},
        "followers": COUNT,
        "following": {**COUNT, "type": ["integer", "string", "null"]},
        "own": {"type": "boolean"},
        "followed_by_me": {"type": "boolean"},
        "lang": {"enum": ["nl", "en"]},
    },
}
RATIO = {
    "type": "object",
    "required": [
        "ok",
        "followers",
        "following",
        "ratio",
        "verdict",
        "advice",
        "unfollow_candidates",
    ],
    "properties": {
        "ok": {"const": True},
        "followers": {"type": "integer"},
        "following": {"type": ["integer", "null"]},
        "ratio": {"type": ["number", "null"]},
        "verdict": {"enum": ["ok", "warn"]},
        "advice": {"type": "string"},
        "unfollow_candidates": {"type": "array", "items": {"type": "object"}},
    },
}
HISTORY = {
    "type": "object",
    "required": ["ok", "history"],
    "properties": {
        "ok": {"const": True},
        "history": {"type": "array", "items": {"type": "object"}},
    },
}


def _count(value: object, field: str) -> int:
    try:
        return parse_count(value)  # type: ignore[arg-type]
    except ValueError as exc:
        raise ApiError(400, f"{field}: {exc}") from None


def _account_key(account: str) -> str:
    return person_id({"profile_url": account}) if "/" in account else account.strip().lower()


async def post_ratio(request: web.Request) -> web.Response:
    body = await json_object(request, FOLLOW)
    followers = _count(body["followers"], "followers")
    # Company pages show followers only: companies follow no one, so there is no ratio to guard.
    raw_following = body.get("following")
    following = None if raw_following is None else _count(raw_following, "following")
    store = request.app[STORE]
    account = _account_key(body["account"])
    history, _ = await store.find(
        "follow_snapshots", lambda s: s["account"] == account, sort=lambda s: s["at"]
    )
    own = bool(body.get("own"))
    lang = body.get("lang") or request.app[PROFILE].current.get("report", {}).get("lang", "nl")
    verdict = assess(followers, following, history, own=own, lang=lang)
    moment = datetime.now(UTC)
    at = moment.isoformat().replace("+00:00", "Z")
    await store.upsert(
        "follow_snapshots",
        [
            {
                "id": f"{account}|{at}",
                "account": account,
                "url": body["account"],
                "name": body.get("name"),
                "followers": followers,
                "following": following,
                "own": own,
                "at": at,
            }
        ],
    )
    if body.get("followed_by_me") is not None and not own:
        await _remember_following(store, body, account)
    candidates = []
    relevance = None if own else await _relevance(request, account, lang)
    if own:
        followed, _ = await store.find("people", lambda p: bool(p.get("followed")))
        candidates = unfollow_candidates(followed, now=moment)[:20]
    return ok(
        {
            **verdict,
            "account": account,
            "unfollow_candidates": candidates,
            **({"relevance": relevance} if relevance else {}),
        }
    )


WHY = {
    "nl": (
        "{name} schreef {n} keer over {topics}.",
        "Roos zag {name} nog niet schrijven over jullie onderwerpen.",
    ),
    "en": (
        "{name} wrote {n} times about {topics}.",
        "Roos has not seen {name} write about your topics yet.",
    ),
}
ROOM = {
    "nl": (
        "Volgen past binnen je eigen volgratio (ruimte: {room}).",
        "Volg eerst minder accounts: je volgt er al evenveel als je volgers hebt.",
    ),
    "en": (
        "Following fits your own follow ratio (room: {room}).",
        "Unfollow some accounts first: you already follow as many as follow you.",
    ),
}


async def _relevance(request: web.Request, account: str, lang: str) -> dict:
    """Is this person worth following for us, and does our own ratio allow it?"""
    store = request.app[STORE]
    person = await store.get("people", account) or {}
    items, _ = await store.find("items", lambda i: i.get("person_id") == account)
    scorer = scorer_for(request.app)
    topics: dict[str, int] = {}
    for item in items:
        for topic in scorer.matches(item.get("text") or ""):
            topics[topic] = topics.get(topic, 0) + 1
    lang = lang if lang in WHY else "nl"
    name = person.get("name") or ("Deze persoon" if lang == "nl" else "This person")
    hits = sum(topics.values())
    why = (
        WHY[lang][0].format(
            name=name, n=hits, topics=", ".join(sorted(topics, key=lambda t: -topics[t])[:3])
        )
        if topics
        else WHY[lang][1].format(name=name)
    )
    own = latest_own_ratio((await store.find("follow_snapshots"))[0])
    room = None if own is None else own["followers"] - own["following"]
    ratio_note = (
        None if room is None else (ROOM[lang][0].format(room=room) if room > 0 else ROOM[lang][1])
    )
    tones = [((i.get("analysis") or {}).get("sentiment") or {}).get("compound", 0.0) for i in items]
    constructive = not tones or sum(tones) / len(tones) >= -0.05
    return {
        "relevant": bool(topics) and constructive and person.get("flag") != "critic",
        "constructive": constructive,
        "why": why,
        "topics": sorted(topics, key=lambda t: -topics[t]),
        "items": len(items),
        "flag": person.get("flag"),
        "room": room,
        "ratio_note": ratio_note,
    }


async def _remember_following(store, body: dict, account: str) -> None:
    """The page said whether the user follows this person: keep it for unfollow advice."""
    person = await store.get("people", account) or {
        "id": account,
        "name": body.get("name"),
        "profile_url": body["account"],
        "interactions": [],
        "flag": None,
    }
    followed = bool(body["followed_by_me"])
    if followed and not person.get("followed"):
        person["followed_at"] = now_iso()
    person["followed"] = followed
    await store.upsert("people", [person])


async def get_history(request: web.Request) -> web.Response:
    raw = request.query.get("account")
    if not raw:
        raise ApiError(400, "account: give the profile URL whose history you want")
    account = _account_key(raw)
    history, _ = await request.app[STORE].find(
        "follow_snapshots", lambda s: s["account"] == account, sort=lambda s: s["at"]
    )
    return ok({"history": history})


ROUTES = [
    Route(
        "POST",
        "/api/follow-ratio",
        post_ratio,
        "Ratio, verdict and advice for follower/following counts as a page shows them "
        '("1.234 volgers", "12,5K"); stores a snapshot.',
        request=FOLLOW,
        response=RATIO,
        tag="activate",
    ),
    Route(
        "GET",
        "/api/follow-ratio",
        get_history,
        "Snapshots of one account over time.",
        response=HISTORY,
        tag="activate",
        params=(
            Param("account", {"type": "string", "minLength": 1}, "Profile URL", required=True),
        ),
    ),
]
