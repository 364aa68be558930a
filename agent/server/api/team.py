"""Organise: the team from the profile, who is away, and what each member handled.

Members, roles and topics come from ``profile.team``; out-of-office periods from
``team[].away``. Per member: open items they handle now (their own, plus those handed to them
by an absent colleague), items answered (the replies table's ``by``, else the item's assignee)
and their median response time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from statistics import median

from aiohttp import web

from ...dashboard.handover import away_on, find_member, member_key, next_away, owner
from ...dashboard.hours import zone
from ..keys import PROFILE, STORE
from ..requests import ok
from ..routing import Route
from .stats import waiting_reply


def answered_by(replies: list[dict], items_by_id: dict[str, dict], team: list[dict]) -> dict:
    """{member key: [response seconds or None]} for every reply a member made."""
    done: dict[str, list] = {}
    for reply in replies:
        who = reply.get("by") or (items_by_id.get(reply.get("item_id")) or {}).get("assignee")
        member = find_member(team, who)
        if member is not None:
            done.setdefault(member_key(member), []).append(reply.get("response_seconds"))
    return done


def team_rows(team: list[dict], open_items: list[dict], done: dict, today) -> list[dict]:
    handling: dict[str, int] = {}
    handed_in: dict[str, int] = {}
    for item in open_items:
        key, handed = owner(item.get("assignee"), team, today)
        if key:
            handling[key] = handling.get(key, 0) + 1
            if handed:
                handed_in[key] = handed_in.get(key, 0) + 1
    rows = []
    for member in team:
        key = member_key(member)
        times = [t for t in done.get(key, []) if isinstance(t, int | float)]
        away = away_on(member, today)
        delegate = find_member(team, (away or {}).get("delegate"))
        rows.append(
            {
                "id": key,
                "name": member.get("name"),
                "role": member.get("role"),
                "topics": member.get("topics") or [],
                "away_now": away,
                "delegate_name": delegate.get("name") if delegate else None,
                "next_away": next_away(member, today),
                "open": handling.get(key, 0),
                "handed_over_to_them": handed_in.get(key, 0),
                "answered": len(done.get(key, [])),
                "median_response_seconds": median(times) if times else None,
            }
        )
    return rows


async def get_team(request: web.Request) -> web.Response:
    profile = request.app[PROFILE].current
    team = profile.get("team") or []
    store = request.app[STORE]
    open_items, _ = await store.find("items", waiting_reply)
    replies, _ = await store.find("replies")
    replied = {r.get("item_id") for r in replies}
    items, _ = await store.find("items", lambda i: i["id"] in replied)
    today = datetime.now(UTC).astimezone(zone(profile.get("business_hours"))).date()
    rows = team_rows(
        team, open_items, answered_by(replies, {i["id"]: i for i in items}, team), today
    )
    unassigned = sum(1 for i in open_items if not find_member(team, i.get("assignee")))
    return ok({"members": rows, "unassigned": unassigned, "today": today.isoformat()})


TEAM = {
    "type": "object",
    "required": ["ok", "members", "unassigned"],
    "properties": {
        "ok": {"const": True},
        "members": {"type": "array", "items": {"type": "object"}},
        "unassigned": {"type": "integer"},
        "today": {"type": "string"},
    },
}
ROUTES = [
    Route(
        "GET",
        "/api/team",
        get_team,
        "The team: roles, topics, who is away (and who covers), open items, items answered "
        "and median response time per member.",
        response=TEAM,
        tag="organise",
    ),
]
