"""Be valuable: posting rhythm against the target, the 20/80 rule, and what people liked.

Pure figures for the "Be valuable" page over the last four weeks of our own posts: posts per
day (in the organisation's time zone) against ``targets.posts_per_day``, weekends included when
``targets.weekends`` says so, every past day below target flagged; the promotional share against
``max_promo_share``; and our posts that drew the most positive reactions.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..analysis.promo import post_is_promotional
from ..analysis.times import to_datetime
from .listening import label_of

DAYS = 28


def target_on(day: date, targets: dict) -> float:
    if day.weekday() >= 5 and not targets.get("weekends", True):
        return 0.0
    return float(targets.get("posts_per_day", 0))


def rhythm(posts: list[dict], today: date, tz: ZoneInfo, targets: dict) -> list[dict]:
    """One row per day of the last four weeks: posts, target and whether it fell short."""
    counts: Counter[date] = Counter()
    for post in posts:
        at = to_datetime(post.get("published_at"))
        if at is not None:
            counts[at.astimezone(tz).date()] += 1
    rows = []
    for n in range(DAYS - 1, -1, -1):
        day = today - timedelta(days=n)
        target = target_on(day, targets)
        rows.append(
            {
                "date": day.isoformat(),
                "weekday": day.weekday(),
                "posts": counts[day],
                "target": target,
                # Today is not over yet: it only counts as short once it is.
                "short": counts[day] < target and day < today,
            }
        )
    return rows


def reactions_to(posts: list[dict], items: list[dict]) -> dict[str, Counter]:
    """Per own post: the sentiment of the comments under it."""
    keys = {}
    for post in posts:
        for key in (post["id"], post.get("item_id"), post.get("url")):
            if key:
                keys[key] = post["id"]
    found: dict[str, Counter] = {post["id"]: Counter() for post in posts}
    for item in items:
        post_id = keys.get(item.get("parent_id") or "")
        if post_id:
            found[post_id][label_of(item)] += 1
    return found


def best_posts(posts: list[dict], items: list[dict], limit: int = 5) -> list[dict]:
    reactions = reactions_to(posts, items)
    rows = [
        {
            "id": post["id"],
            "url": post.get("url"),
            "text": (post.get("text") or "")[:280],
            "published_at": post.get("published_at"),
            "promotional": bool(post.get("promotional")),
            "positive": reactions[post["id"]]["positive"],
            "negative": reactions[post["id"]]["negative"],
            "reactions": post.get("reactions") or 0,
        }
        for post in posts
    ]
    rows = [r for r in rows if r["positive"] or r["reactions"]]
    rows.sort(key=lambda r: (-r["positive"], -r["reactions"], r["id"]))
    return rows[:limit]


def in_period(posts: list[dict], first: date, last: date, tz: ZoneInfo) -> list[dict]:
    """Our posts published on one of the page's days (in the organisation's time zone): the
    one set every figure on the page counts, so the page never gives two totals."""
    found = []
    for post in posts:
        at = to_datetime(post.get("published_at"))
        if at is not None and first <= at.astimezone(tz).date() <= last:
            found.append(post)
    return found


def promo_of(posts: list[dict], limit: float) -> dict:
    promotional = sum(1 for post in posts if post_is_promotional(post))
    value = round(promotional / len(posts), 4) if posts else 0.0
    return {
        "value": value,
        "limit": limit,
        "window_days": DAYS,
        "count": len(posts),
        "promotional": promotional,
        "over_limit": value > limit,
    }


def valuable(
    posts: list[dict], items: list[dict], now: datetime, tz: ZoneInfo, targets: dict
) -> dict:
    today = now.astimezone(tz).date()
    days = rhythm(posts, today, tz, targets)
    first = today - timedelta(days=DAYS - 1)
    recent = in_period(posts, first, today, tz)
    limit = float(targets.get("max_promo_share", 0.2))
    return {
        "period": {"first": first.isoformat(), "last": today.isoformat(), "timezone": tz.key},
        "days": days,
        "target_per_day": float(targets.get("posts_per_day", 0)),
        "weekends": bool(targets.get("weekends", True)),
        "posts": sum(d["posts"] for d in days),
        "target_total": sum(d["target"] for d in days),
        "gaps": [d for d in days if d["short"]],
        "promo": promo_of(recent, limit),
        "best": best_posts(recent, items),
    }
