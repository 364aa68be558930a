"""Blogs to follow: sites linked from relevant items and comments that are not sources yet."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from ..relevance import RelevanceScorer, weight
from .common import brief

LINK = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
# Social networks and link shorteners are not blogs.
NOT_BLOGS = (
    "linkedin.com",
    "lnkd.in",
    "x.com",
    "twitter.com",
    "t.co",
    "facebook.com",
    "instagram.com",
    "youtube.com",
    "youtu.be",
    "tiktok.com",
    "bit.ly",
    "google.com",
)


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.").lower()
    except ValueError:
        return ""


def _excluded(host: str, known: set[str]) -> bool:
    return not host or host in known or any(host == s or host.endswith("." + s) for s in NOT_BLOGS)


def blogs_to_follow(
    items: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    profile: dict[str, Any],
    scorer: RelevanceScorer,
    now: datetime,
    limit: int = 20,
) -> list[dict[str, Any]]:
    known = {host_of(s.get("url") or "") for s in sources}
    website = (profile.get("organisation") or {}).get("website")
    if website:
        known.add(host_of(website if "//" in website else "https://" + website))
    found: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"score": 0.0, "count": 0, "items": [], "urls": []}
    )
    for item in items:
        text = item.get("text") or ""
        if "http" not in text:
            continue
        relevance = scorer.score(text)
        if not relevance:
            continue
        for url in LINK.findall(text):
            url = url.rstrip(".,;:!?")
            host = host_of(url)
            if _excluded(host, known):
                continue
            entry = found[host]
            entry["score"] += weight(item, relevance, now)
            entry["count"] += 1
            if len(entry["items"]) < 3:
                entry["items"].append(brief(item))
            if url not in entry["urls"] and len(entry["urls"]) < 3:
                entry["urls"].append(url)
    ranked = [
        {
            "host": host,
            "url": f"https://{host}/",
            "linked_from": e["count"],
            "score": round(e["score"], 3),
            "examples": e["urls"],
            "items": e["items"],
            "feed_url": None,
        }
        for host, e in found.items()
    ]
    return sorted(ranked, key=lambda b: -b["score"])[:limit]
