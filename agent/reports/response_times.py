"""Respond: complaints and questions received in the month, and how fast we answered them.

Response time is counted from when the item was published (or first seen) to our first
reply, both on the clock and in working time (see business_hours). "Within the target" is
counted against everything received, not only what was answered: an unanswered complaint is a
complaint that was not answered in time. Leads are questions that name one of our products.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter

from agent.analysis.times import to_datetime
from agent.reports.business_hours import business_seconds, has_hours
from agent.reports.months import moment_of

DEFAULT_TARGET_HOURS = 4
KINDS = ("complaint", "question")


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile: a value that really occurred, easy to explain to a director."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def first_replies(replies: list[dict]) -> dict[str, dict]:
    """The earliest reply per item id."""
    first: dict[str, dict] = {}
    for reply in replies:
        at = to_datetime(reply.get("answered_at"))
        known = first.get(reply.get("item_id") or "")
        if at is not None and (known is None or at < to_datetime(known["answered_at"])):
            first[reply["item_id"]] = reply
    return first


def response(item: dict, reply: dict | None, hours: dict) -> dict:
    """Whether and how fast `item` was answered: clock seconds and working seconds."""
    answered_at = (reply or {}).get("answered_at") or item.get("answered_at")
    answered = bool(reply or item.get("answered") or item.get("status") == "answered")
    start = moment_of(item)
    end = to_datetime(answered_at)
    if not answered or start is None or end is None:
        return {"answered": answered, "seconds": None, "business_seconds": None}
    seconds = (reply or {}).get("response_seconds")
    if seconds is None:
        seconds = max((end - start).total_seconds(), 0.0)
    working = business_seconds(start, end, hours) if has_hours(hours) else None
    return {"answered": True, "seconds": float(seconds), "business_seconds": working}


def intent_of(item: dict) -> str | None:
    return (item.get("analysis") or {}).get("intent")


def counts_as_received(item: dict) -> bool:
    """A near-duplicate of an item already seen is the same message, not a second one."""
    return not (item.get("analysis") or {}).get("duplicate_of")


def _kind_figures(items: list[dict], replies: dict[str, dict], hours: dict, target: float) -> dict:
    timings = [response(item, replies.get(item["id"]), hours) for item in items]
    clock = [t["seconds"] for t in timings if t["seconds"] is not None]
    working = [t["business_seconds"] for t in timings if t["business_seconds"] is not None]
    # Without opening hours the target applies to clock time.
    judged = working if has_hours(hours) else clock
    return {
        "received": len(items),
        "answered": sum(1 for t in timings if t["answered"]),
        "median_seconds": median(clock),
        "p90_seconds": percentile(clock, 0.9),
        "median_business_seconds": median(working),
        "p90_business_seconds": percentile(working, 0.9),
        "within_target": sum(1 for s in judged if s <= target * 3600),
    }


def response_figures(
    month_items: list[dict],
    previous_items: list[dict],
    replies: list[dict],
    hours: dict,
    target_hours: float = DEFAULT_TARGET_HOURS,
) -> dict:
    """Complaints and questions of this month (with last month's for comparison)."""
    first = first_replies(replies)
    result: dict = {"target_hours": target_hours, "business_hours": has_hours(hours)}
    for kind in KINDS:
        now = [i for i in month_items if intent_of(i) == kind and counts_as_received(i)]
        before = [i for i in previous_items if intent_of(i) == kind and counts_as_received(i)]
        figures = _kind_figures(now, first, hours, target_hours)
        earlier = _kind_figures(before, first, hours, target_hours)
        figures["previous_received"] = earlier["received"]
        figures["previous_median_seconds"] = earlier["median_seconds"]
        result[kind + "s"] = figures
    return result


def product_terms(item: dict) -> set[str]:
    mentions = (item.get("analysis") or {}).get("mentions") or []
    return {m["term"] for m in mentions if m.get("kind") == "product" and m.get("term")}


def lead_figures(month_items: list[dict], previous_items: list[dict]) -> dict:
    """Questions about our products: people thinking of buying."""

    def leads(items: list[dict]) -> list[dict]:
        return [
            i
            for i in items
            if intent_of(i) == "question" and counts_as_received(i) and product_terms(i)
        ]

    now = leads(month_items)
    per_term = Counter(term for item in now for term in product_terms(item))
    return {
        "count": len(now),
        "previous": len(leads(previous_items)),
        "by_term": [{"key": k, "count": n} for k, n in sorted(per_term.items(), key=_by_count)],
    }


def _by_count(pair: tuple[str, int]) -> tuple[int, str]:
    return (-pair[1], pair[0].lower())
