"""Respond: everything that needs an answer, most urgent first, with who handles it.

Urgency is worked out again at read time with the analysis' own rule
(``analysis.intent.urgency``: safety > privacy > money > outage > legal threats > other
complaints > questions > praise, older and from critics or fans first; an open safety item is
always first), because an item's stored urgency was computed when it arrived and waiting is
exactly what should push it up. Waiting time is shown twice: in all and within business hours.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from ...analysis.intent import urgency
from ...dashboard.handover import away_on, find_member, owner
from ...dashboard.hours import business_seconds, zone
from ...dashboard.listening import label_of, terms_of, when
from ...dashboard.reasons import category_of, reasons_of
from ...dashboard.routing import route
from ...store.query import Q, workflow_status
from ...team.claims import claims_of
from ..errors import ApiError
from ..keys import CONFIG, PROFILE, STORE
from ..requests import ok, query_int
from ..routing import Param, Route
from .stats import waiting_reply

STATUSES = ("open", "answered", "ignored")
SOURCES = ("linkedin", "blog", "x", "web")
LABELS = ("positive", "negative", "neutral")


def status_of(item: dict) -> str:
    return workflow_status(item)


def inbox_query(status: str) -> Q:
    """The inbox's items of one status, as a store query: the team's PostgreSQL answers it from
    indexed columns."""
    if status == "open":
        return waiting_reply
    return Q.eq("workflow", status) & Q.present("analysis.intent")


def inbox_entry(item: dict, person: dict | None, suggestions: list, profile: dict, now) -> dict:
    analysis = item.get("analysis") or {}
    flag = (person or {}).get("flag") or (analysis.get("author") or {}).get("flag")
    start = when(item)
    waited = round((now - start).total_seconds()) if start else None
    compound = (analysis.get("sentiment") or {}).get("compound") or 0.0
    today = now.astimezone(zone(profile.get("business_hours"))).date()
    team = profile.get("team") or []
    handler, handed = owner(item.get("assignee"), team, today)
    terms = terms_of(item)
    # Nobody assigned it: the colleague whose topics it is about picks it up.
    routed = None if item.get("assignee") else route(terms, item.get("text") or "", team, today)
    if routed:
        handler = routed["member"]
    member = find_member(team, handler)
    away = away_on(member, today) if member else None
    return {
        "id": item["id"],
        "source": item.get("source"),
        "kind": item.get("kind"),
        "url": item.get("url"),
        "text": item.get("text") or "",
        "author": {
            "name": (item.get("author") or {}).get("name"),
            "profile_url": (item.get("author") or {}).get("profile_url"),
            "flag": flag,
        },
        "intent": analysis.get("intent") or "other",
        "sentiment": label_of(item),
        "terms": terms,
        "corrected": analysis.get("corrected") or [],
        "urgency": urgency(
            analysis.get("intent") or "other",
            compound,
            waited / 3600 if waited is not None else None,
            flag,
            status_of(item) != "open",
            analysis.get("urgency_category"),
        ),
        "published_at": start.isoformat() if start else None,
        "waiting_seconds": waited,
        "business_seconds": (
            round(business_seconds(start, now, profile.get("business_hours"))) if start else None
        ),
        "status": status_of(item),
        "ignore_reason": item.get("ignore_reason"),
        "assignee": item.get("assignee"),
        "owner": handler,
        "handed_over": handed,
        "owner_away_until": away.get("to") if away and not handed else None,
        "routing": routed,
        "reasons": reasons_of(analysis),
        "urgency_category": category_of(analysis),
        "language": analysis.get("language"),
        "notes": len(item.get("notes") or []),
        "suggestions": suggestions,
    }


def most_urgent_first(entry: dict) -> tuple:
    """Safety first whatever the scores say, then urgency (category bands, then waiting)."""
    unsafe = entry.get("urgency_category") == "safety" and entry["status"] == "open"
    return (not unsafe, -entry["urgency"], entry["published_at"] or "", entry["id"])


def oldest_first(entry: dict) -> tuple:
    return (entry["published_at"] or "", entry["id"])


SORTS = ("urgency", "oldest", "newest")


def keep(entry: dict, q: dict) -> bool:
    if q.get("source") and entry["source"] != q["source"]:
        return False
    if q.get("term") and q["term"] not in entry["terms"]:
        return False
    if q.get("sentiment") and entry["sentiment"] != q["sentiment"]:
        return False
    assignee = q.get("assignee")
    if assignee == "-":
        return not entry["owner"]
    return not assignee or entry["owner"] == assignee


def _choice(request: web.Request, name: str, allowed: tuple) -> str | None:
    value = request.query.get(name) or None
    if value and value not in allowed:
        raise ApiError(400, f"{name}: must be one of {', '.join(allowed)}")
    return value


async def get_inbox(request: web.Request) -> web.Response:
    status = _choice(request, "status", STATUSES) or "open"
    filters = {
        "source": _choice(request, "source", SOURCES),
        "sentiment": _choice(request, "sentiment", LABELS),
        "term": request.query.get("term") or None,
        "assignee": request.query.get("assignee") or None,
    }
    sort = _choice(request, "sort", SORTS) or "urgency"
    limit = query_int(request, "limit", 200, 1, 1000)
    store, profile = request.app[STORE], request.app[PROFILE].current
    items, _ = await store.find("items", inbox_query(status))
    # How much Roos heard at all: a new user's empty inbox says so.
    seen = await store.count("items")
    ids = {i["id"] for i in items}
    pids = {i.get("person_id") for i in items}
    people, _ = await store.find("people", Q.in_("id", pids))
    suggested, _ = await store.find("suggestions", Q.in_("id", ids))
    people_by_id = {p["id"]: p for p in people}
    suggestions = {s["id"]: s.get("suggestions") or [] for s in suggested}
    now = datetime.now(UTC)
    entries = [
        inbox_entry(
            i, people_by_id.get(i.get("person_id")), suggestions.get(i["id"], []), profile, now
        )
        for i in items
    ]
    # Team mode: "Fatima is answering" (a claim by another member, agent/team/claims.py).
    me = request.app[CONFIG].member or "me"
    answering = {c["item_id"]: c["member"] for c in await claims_of(request.app).active(now)}
    for entry in entries:
        entry["answering"] = (
            answering.get(entry["id"]) if answering.get(entry["id"]) != me else None
        )
    if sort == "urgency":
        entries.sort(key=most_urgent_first)
    else:
        entries.sort(key=oldest_first, reverse=sort == "newest")
    shown = [e for e in entries if keep(e, filters)]
    facets = {
        "sources": sorted({e["source"] for e in entries if e["source"]}),
        "terms": sorted({t for e in entries for t in e["terms"]}),
    }
    return ok({"items": shown[:limit], "total": len(shown), "facets": facets, "seen": seen})


INBOX = {
    "type": "object",
    "required": ["ok", "items", "total", "facets"],
    "properties": {
        "ok": {"const": True},
        "items": {"type": "array", "items": {"type": "object"}},
        "total": {"type": "integer"},
        "facets": {"type": "object"},
        "seen": {"type": "integer"},
    },
}
ROUTES = [
    Route(
        "GET",
        "/api/inbox",
        get_inbox,
        "Everything that needs an answer, most urgent first, with waiting time (in all and "
        "within business hours), suggestions and who handles it (hand-over when someone is away).",
        response=INBOX,
        tag="respond",
        params=(
            Param("status", {"enum": list(STATUSES)}, "open (default), answered or ignored."),
            Param("source", {"enum": list(SOURCES)}, "Only this source."),
            Param("term", {"type": "string"}, "Only items mentioning this watch term."),
            Param("sentiment", {"enum": list(LABELS)}, "Only this sentiment."),
            Param("assignee", {"type": "string"}, "Only items this member handles; - for nobody."),
            Param("sort", {"enum": list(SORTS)}, "urgency (default), oldest or newest first."),
            Param("limit", {"type": "integer", "minimum": 1, "maximum": 1000}, "At most (200)."),
        ),
    ),
]
