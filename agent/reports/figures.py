"""Every number of the monthly report, from plain lists of stored documents.

`compute_figures` is pure: it gets the items, replies, people, own posts and follow snapshots
(the store's documents, unchanged) and returns one JSON-ready dict. The renderers (HTML, PDF,
CSV, summary) only format what is here, so a number in the PDF is the number in the API.
Figures for listening (mentions, sentiment, notable threads) live in this module; responding,
the audience and the posting rhythm have their own modules.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from agent.analysis.times import now_or, to_datetime
from agent.reports.audience import follow_figures, people_figures
from agent.reports.months import (
    Month,
    change,
    in_month,
    moment_of,
    profile_zone,
    week_labels,
)
from agent.reports.response_times import DEFAULT_TARGET_HOURS, lead_figures, response_figures
from agent.reports.rhythm import rhythm_figures

SENTIMENTS = ("positive", "neutral", "negative")
THREADS_SHOWN = 3
EXCERPT_CHARS = 160


def analysis(item: dict) -> dict:
    return item.get("analysis") or {}


def named_terms(item: dict) -> list[tuple[str, str]]:
    """(term, kind) of each distinct term the item names."""
    found = {(m.get("term"), m.get("kind")) for m in analysis(item).get("mentions") or []}
    return sorted((t, k or "") for t, k in found if t)


def names_us(item: dict) -> bool:
    """Mentioned: the item names the organisation, a product or a team member (not a rival)."""
    return any(kind != "competitor" for _, kind in named_terms(item))


def about_us(item: dict) -> bool:
    return bool(analysis(item).get("about_us")) or names_us(item)


def _counted(now: Counter, before: Counter, extra: dict | None = None) -> list[dict]:
    keys = sorted(set(now) | set(before), key=lambda k: (-now[k], str(k).lower()))
    return [
        {"key": k, "count": now[k], "previous": before[k], "change": change(now[k], before[k])}
        | ({"kind": extra[k]} if extra else {})
        for k in keys
    ]


def mention_figures(items: list[dict], previous: list[dict]) -> dict:
    ours, theirs = [i for i in items if names_us(i)], [i for i in previous if names_us(i)]
    terms_now = Counter(t for i in items for t, _ in named_terms(i))
    terms_then = Counter(t for i in previous for t, _ in named_terms(i))
    kinds = {t: k for i in [*items, *previous] for t, k in named_terms(i)}
    return {
        "total": len(ours),
        "previous": len(theirs),
        "change": change(len(ours), len(theirs)),
        "by_source": _counted(
            Counter(i.get("source") or "web" for i in ours),
            Counter(i.get("source") or "web" for i in theirs),
        ),
        "by_term": _counted(terms_now, terms_then, kinds),
    }


def _label(item: dict) -> str:
    label = (analysis(item).get("sentiment") or {}).get("label")
    return label if label in SENTIMENTS else "neutral"


def _shares(items: list[dict]) -> dict:
    counts = Counter(_label(i) for i in items)
    return {s: round(counts[s] / len(items), 4) if items else 0.0 for s in SENTIMENTS}


def sentiment_figures(items: list[dict], previous: list[dict], month: Month, tz) -> dict:
    """The mood of everything about us: split, the month before, and week by week."""
    mine = [i for i in items if about_us(i)]
    weeks = []
    for week, first, last in week_labels(month):
        inside = [i for i in mine if first <= moment_of(i).astimezone(tz).date() <= last]
        counts = Counter(_label(i) for i in inside)
        weeks.append(
            {"week": week, "start": first.isoformat(), "end": last.isoformat()}
            | {s: counts[s] for s in SENTIMENTS}
        )
    return {
        "count": len(mine),
        "counts": {s: sum(1 for i in mine if _label(i) == s) for s in SENTIMENTS},
        "shares": _shares(mine),
        "previous_shares": _shares([i for i in previous if about_us(i)]),
        "previous_count": sum(1 for i in previous if about_us(i)),
        "weeks": weeks,
    }


def _thread(item: dict, comments: int, tz) -> dict:
    text = " ".join((item.get("text") or "").split())
    mood = analysis(item).get("sentiment") or {}
    return {
        "id": item["id"],
        "source": item.get("source"),
        "url": item.get("url"),
        "author": (item.get("author") or {}).get("name"),
        "published_at": moment_of(item).astimezone(tz).isoformat(),
        "excerpt": text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…",
        "comments": comments,
        "reactions": item.get("reactions") or 0,
        "compound": mood.get("compound", 0.0),
        "intent": analysis(item).get("intent"),
    }


def thread_figures(items: list[dict], all_items: list[dict], tz) -> dict:
    """The month's notable threads: most discussed, most liked, and the sharpest criticism."""
    replies_under = Counter(i.get("parent_id") for i in all_items if i.get("parent_id"))
    comments = {i["id"]: max(i.get("comments_count") or 0, replies_under[i["id"]]) for i in items}
    discussed = [i for i in items if comments[i["id"]]]
    liked = [i for i in items if i.get("reactions")]
    negative = [i for i in items if about_us(i) and _label(i) == "negative"]

    def top(pool: list[dict], key) -> list[dict]:
        ranked = sorted(pool, key=lambda i: (key(i), i["id"]))[:THREADS_SHOWN]
        return [_thread(i, comments[i["id"]], tz) for i in ranked]

    return {
        "most_comments": top(discussed, lambda i: -comments[i["id"]]),
        "most_reactions": top(liked, lambda i: -(i.get("reactions") or 0)),
        "most_negative": top(
            negative, lambda i: (analysis(i).get("sentiment") or {}).get("compound", 0.0)
        ),
    }


def compute_figures(
    month: Month,
    profile: dict,
    *,
    items: list[dict],
    replies: list[dict],
    people: list[dict],
    own_posts: list[dict],
    follow_snapshots: list[dict],
    now: datetime | None = None,
) -> dict:
    """All figures for `month` (and the month before, for comparison)."""
    tz = profile_zone(profile)
    moment = now_or(now)
    start, end = month.start(tz), month.end(tz)
    before = month.previous()
    month_items, previous_items = in_month(items, month, tz), in_month(items, before, tz)
    posts, previous_posts = in_month(own_posts, month, tz), in_month(own_posts, before, tz)
    targets = profile.get("targets") or {}
    follow = follow_figures(follow_snapshots, min(end, moment), start)
    today = moment.astimezone(tz).date() if moment < end else None
    org = (profile.get("organisation") or {}).get("name") or ""
    return {
        "month": month.key,
        "previous_month": before.key,
        "organisation": org,
        "timezone": str(tz),
        "complete": moment >= end,
        "empty": not (month_items or posts or any(_in(f, start) for f in follow)),
        "items": len(month_items),
        "mentions": mention_figures(month_items, previous_items),
        "sentiment": sentiment_figures(month_items, previous_items, month, tz),
        "response": response_figures(
            month_items,
            previous_items,
            replies,
            profile.get("business_hours") or {},
            targets.get("reply_business_hours", DEFAULT_TARGET_HOURS),
        ),
        "leads": lead_figures(month_items, previous_items),
        "people": people_figures(people, targets, min(end, moment), start),
        "rhythm": rhythm_figures(posts, previous_posts, month, tz, targets, today),
        "follow": follow,
        "threads": thread_figures(month_items, items, tz),
    }


def _in(row: dict, start: datetime) -> bool:
    at = to_datetime(row.get("at"))
    return at is not None and at >= start
