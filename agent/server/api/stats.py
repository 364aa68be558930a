"""Today's numbers for the popup: replies waiting, fans seen, posts against the target."""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from ...store.query import Q
from ..keys import PROFILE, STORE
from ..requests import ok
from ..routing import Route

TODAY = {
    "type": "object",
    "required": ["ok", "waiting", "fans_seen", "posts_today", "posts_target"],
    "properties": {
        "ok": {"const": True},
        "waiting": {"type": "integer"},
        "fans_seen": {"type": "integer"},
        "posts_today": {"type": "integer"},
        "posts_target": {"type": "number"},
        "complaints_waiting": {"type": "integer"},
    },
}


# Needs a reply, nobody answered or ignored it, and it is not a copy of another item
# (store.query.waiting). A query, so PostgreSQL answers it from an index; still item -> bool.
waiting_reply = Q.eq("waiting", True)


async def get_today(request: web.Request) -> web.Response:
    store = request.app[STORE]
    today = datetime.now(UTC).date().isoformat()
    waiting, _ = await store.find("items", waiting_reply)
    day = {"lo": today, "hi": today + "\uffff"}  # every time stamp of that date
    fans, _ = await store.find(
        "people", Q.in_("flag", ("fan", "ambassador")) & Q.range("last_seen", **day)
    )
    _, posts_today = await store.find("own_posts", Q.range("published_at", **day), limit=0)
    target = request.app[PROFILE].current["targets"]["posts_per_day"]
    complaints = sum(1 for i in waiting if (i.get("analysis") or {}).get("intent") == "complaint")
    return ok(
        {
            "waiting": len(waiting),
            "fans_seen": len(fans),
            "posts_today": posts_today,
            "posts_target": target,
            "complaints_waiting": complaints,
        }
    )


ROUTES = [
    Route(
        "GET",
        "/api/stats/today",
        get_today,
        "Today at a glance: replies waiting, fans seen, own posts against the target.",
        response=TODAY,
        tag="agent",
    ),
]
