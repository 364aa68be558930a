"""Listening: what was said, where, about which watch term, and in what mood, over time.

Pure aggregation over stored items for the Listening page: mentions per day per watch term
and per source, the sentiment split and its trend week by week, the loudest threads (most
comments, reactions and items in the window) and a plain search.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..analysis.times import to_datetime

LABELS = ("positive", "negative", "neutral")
EXCERPT = 280


def when(item: dict) -> datetime | None:
    return to_datetime(item.get("published_at")) or to_datetime(item.get("seen_at"))


def terms_of(item: dict) -> list[str]:
    mentions = (item.get("analysis") or {}).get("mentions") or []
    return sorted({m["term"] for m in mentions if m.get("term")})


def label_of(item: dict) -> str:
    label = ((item.get("analysis") or {}).get("sentiment") or {}).get("label")
    return label if label in LABELS else "neutral"


def compound_of(item: dict) -> float:
    return float(((item.get("analysis") or {}).get("sentiment") or {}).get("compound") or 0.0)


def in_window(items: list[dict], first: date, last: date, tz: ZoneInfo) -> list[tuple[date, dict]]:
    dated = []
    for item in items:
        at = when(item)
        if at is not None and first <= at.astimezone(tz).date() <= last:
            dated.append((at.astimezone(tz).date(), item))
    return dated


def per_day(dated: list[tuple[date, dict]], dates: list[date], key) -> dict[str, list[int]]:
    """{series name: [count per date]}; ``key(item)`` names the series an item counts in."""
    index = {d: n for n, d in enumerate(dates)}
    series: dict[str, list[int]] = defaultdict(lambda: [0] * len(dates))
    for day, item in dated:
        for name in key(item):
            series[name][index[day]] += 1
    return dict(sorted(series.items()))


def weekly_sentiment(dated: list[tuple[date, dict]]) -> list[dict]:
    weeks: dict[date, list[dict]] = defaultdict(list)
    for day, item in dated:
        weeks[day - timedelta(days=day.weekday())].append(item)
    rows = []
    for monday in sorted(weeks):
        items = weeks[monday]
        counts = Counter(label_of(i) for i in items)
        mean = sum(compound_of(i) for i in items) / len(items)
        rows.append(
            {"week": monday.isoformat(), **{k: counts[k] for k in LABELS}, "mean": round(mean, 3)}
        )
    return rows


def trend(dated: list[tuple[date, dict]], last: date) -> dict:
    """Mean sentiment of the last 7 days against the 7 before: rising, falling or steady."""
    recent = [compound_of(i) for d, i in dated if (last - d).days < 7]
    before = [compound_of(i) for d, i in dated if 7 <= (last - d).days < 14]
    if not recent or not before:
        return {"direction": "unknown", "change": None}
    change = sum(recent) / len(recent) - sum(before) / len(before)
    direction = "rising" if change > 0.05 else "falling" if change < -0.05 else "steady"
    return {"direction": direction, "change": round(change, 3)}


def loudest(dated: list[tuple[date, dict]], by_id: dict[str, dict], limit: int = 10) -> list[dict]:
    """Threads (a post with its comments) ranked by how much was said and reacted in them."""
    threads: dict[str, list[dict]] = defaultdict(list)
    for _, item in dated:
        threads[item.get("parent_id") or item["id"]].append(item)
    rows = []
    for root_id, members in threads.items():
        root = by_id.get(root_id) or min(members, key=lambda i: str(when(i)))
        reactions = max((i.get("reactions") or 0) for i in [root, *members])
        comments = max(root.get("comments_count") or 0, len(members) - (root in members))
        rows.append(
            {
                "id": root_id,
                "url": root.get("url"),
                "source": root.get("source"),
                "author": (root.get("author") or {}).get("name"),
                "text": (root.get("text") or "")[:EXCERPT],
                "items": len(members),
                "comments": comments,
                "reactions": reactions,
                "negative": sum(1 for i in members if label_of(i) == "negative"),
                "score": len(members) * 3 + comments * 2 + reactions,
            }
        )
    rows.sort(key=lambda r: (-r["score"], r["id"]))
    return rows[:limit]


def matches(item: dict, needle: str) -> bool:
    author = (item.get("author") or {}).get("name") or ""
    return needle in (item.get("text") or "").casefold() or needle in author.casefold()


def search_hit(item: dict) -> dict:
    return {
        "id": item["id"],
        "url": item.get("url"),
        "source": item.get("source"),
        "author": (item.get("author") or {}).get("name"),
        "text": (item.get("text") or "")[: EXCERPT * 2],
        "at": (when(item) or datetime.min).isoformat(),
        "sentiment": label_of(item),
        "terms": terms_of(item),
    }


def top_terms(by_term: dict[str, list[int]], limit: int = 10) -> list[dict]:
    totals = [{"term": term, "count": sum(counts)} for term, counts in by_term.items()]
    totals.sort(key=lambda row: (-row["count"], row["term"].casefold()))
    return [row for row in totals if row["count"]][:limit]


def share_of_voice(dated: list[tuple[date, dict]], us: str, competitors: list[str]) -> list[dict]:
    """How often we were mentioned against each competitor: items that mention us (a watch
    term or our name) against items that name the competitor, as whole words."""
    names = [c for c in competitors if isinstance(c, str) and c.strip()]
    patterns = {c: re.compile(rf"(?<!\w){re.escape(c.casefold())}(?!\w)") for c in names}
    ours = re.compile(rf"(?<!\w){re.escape(us.casefold())}(?!\w)") if us.strip() else None
    counts = Counter()
    for _, item in dated:
        text = (item.get("text") or "").casefold()
        if terms_of(item) or (ours and ours.search(text)):
            counts[us] += 1
        for name, pattern in patterns.items():
            if pattern.search(text):
                counts[name] += 1
    total = sum(counts.values())
    rows = [{"name": n, "count": counts[n], "ours": n == us} for n in [us, *names]]
    for row in rows:
        row["share"] = round(row["count"] / total, 4) if total else 0.0
    return rows


def listening(
    items: list[dict],
    today: date,
    days: int,
    tz: ZoneInfo,
    q: str = "",
    us: str = "",
    competitors: list[str] | None = None,
) -> dict:
    first = today - timedelta(days=days - 1)
    dates = [first + timedelta(days=n) for n in range(days)]
    dated = in_window(items, first, today, tz)
    labels = Counter(label_of(i) for _, i in dated)
    needle = q.strip().casefold()
    hits = sorted(
        (i for _, i in dated if needle and matches(i, needle)), key=lambda i: str(when(i))
    )
    by_term = per_day(dated, dates, terms_of)
    return {
        "dates": [d.isoformat() for d in dates],
        "total": len(dated),
        "by_term": by_term,
        "top_terms": top_terms(by_term),
        "share_of_voice": share_of_voice(dated, us, competitors or []) if us else [],
        "by_source": per_day(dated, dates, lambda i: [i.get("source") or "web"]),
        "sentiment": {k: labels[k] for k in LABELS},
        "weekly": weekly_sentiment(dated),
        "trend": trend(dated, today),
        "loudest": loudest(dated, {i["id"]: i for i in items}),
        "results": [search_hit(i) for i in reversed(hits[-50:])],
    }
