"""People and companies to follow: relevant, constructive, active authors we do not follow yet.

Never beyond the ratio rule: with F followers and G following, at most F - G suggestions,
each showing the ratio after following it (and all before it).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from ..relevance import RelevanceScorer, weight
from .common import brief

MIN_ITEMS = 2
UNKNOWN_RATIO_CAP = 5


def _monitored(item: dict[str, Any]) -> bool:
    return item.get("source") == "blog" or bool(item.get("group"))


def people_to_follow(
    items: list[dict[str, Any]],
    people: dict[str, dict[str, Any]],
    scorer: RelevanceScorer,
    now: datetime,
    own_ratio: dict[str, int] | None = None,
    limit: int = 20,
) -> dict[str, Any]:
    hits: dict[str, list[tuple[float, dict[str, Any]]]] = defaultdict(list)
    for item in items:
        pid = item.get("person_id")
        if not pid or not _monitored(item):
            continue
        relevance = scorer.score(item.get("text") or "")
        if relevance:
            hits[pid].append((weight(item, relevance, now), item))
    ranked = []
    for pid, found in hits.items():
        person = people.get(pid) or {}
        if person.get("followed") or person.get("flag") == "critic" or len(found) < MIN_ITEMS:
            continue
        tones = [
            ((i.get("analysis") or {}).get("sentiment") or {}).get("compound", 0.0)
            for _, i in found
        ]
        if sum(tones) / len(tones) < -0.05:
            continue  # a constructive tone only
        interacts = any(x.get("about_us") for x in person.get("interactions") or [])
        score = sum(w for w, _ in found) * (1.5 if interacts else 1.0)
        top = [brief(i) for _, i in sorted(found, key=lambda p: -p[0])[:3]]
        ranked.append(
            {
                "person_id": pid,
                "name": person.get("name") or top[0]["author"],
                "profile_url": person.get("profile_url"),
                "headline": person.get("headline"),
                "items": len(found),
                "interacts_with_us": interacts,
                "score": round(score, 3),
                "top_items": top,
            }
        )
    ranked.sort(key=lambda c: -c["score"])
    return _within_ratio(ranked[:limit], own_ratio)


def _within_ratio(ranked: list[dict[str, Any]], own: dict[str, int] | None) -> dict[str, Any]:
    if not own:
        return {"suggestions": ranked[:UNKNOWN_RATIO_CAP], "ratio_known": False, "room": None}
    followers, following = own["followers"], own["following"]
    room = max(followers - following, 0)
    kept = ranked[:room]
    for n, suggestion in enumerate(kept, start=1):
        suggestion["ratio_after"] = round(followers / (following + n), 2)
    return {"suggestions": kept, "ratio_known": True, "room": room}
