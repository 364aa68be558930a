"""Worth sharing: recent, relevant, useful items that are not anyone's advertising.

Sharing others' good content is the 80% that makes the feed valuable; a competitor's ad or
our own promotion never counts, nor what people say to or about us (a complaint, a question,
praise): that is for the inbox, not for the feed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rapidfuzz import fuzz

from ..relevance import RelevanceScorer, weight
from ..textnorm import words
from ..times import to_datetime
from .common import brief, first_name, language_of, with_disclosure

MIN_LENGTH = 80  # a one-liner is rarely worth passing on
COMMENTS = {
    "nl": "Waardevol stuk van {name} over {topic}. Aanrader voor iedereen die hiermee bezig is.",
    "en": "Valuable piece by {name} on {topic}. Recommended for anyone working on this.",
}


def _is_competitor(item: dict[str, Any], competitors: list[str]) -> bool:
    author = " ".join(words((item.get("author") or {}).get("name") or ""))
    return any(fuzz.partial_ratio(author, " ".join(words(c))) >= 90 for c in competitors if c)


def _is_ours(item: dict[str, Any], profile: dict[str, Any]) -> bool:
    org = profile.get("organisation") or {}
    names = [org.get("name") or "", *(org.get("aliases") or [])]
    author = " ".join(words((item.get("author") or {}).get("name") or ""))
    return any(author == " ".join(words(n)) for n in names if n)


def _others_useful_content(analysis: dict[str, Any]) -> bool:
    """Worth sharing is someone else's useful post: never a complaint, an urgent report or a
    negative post; nor a question to us or praise for us (intent "praise" is always about
    us). An article that asks in its title ("waar moet je op letten?") may be shared."""
    intent = analysis.get("intent")
    if intent in ("complaint", "praise") or (intent == "question" and analysis.get("about_us")):
        return False
    if analysis.get("urgency_category"):
        return False
    return (analysis.get("sentiment") or {}).get("label") != "negative"


def worth_sharing(
    items: list[dict[str, Any]],
    profile: dict[str, Any],
    scorer: RelevanceScorer,
    now: datetime,
    days: int = 14,
    limit: int = 10,
) -> list[dict[str, Any]]:
    since = now - timedelta(days=days)
    competitors = profile.get("competitors") or []
    picks = []
    for item in items:
        analysis = item.get("analysis") or {}
        when = to_datetime(item.get("published_at") or item.get("seen_at"))
        text = item.get("text") or ""
        if (
            item.get("kind") != "post"
            or when is None
            or when < since
            or len(text) < MIN_LENGTH
            or analysis.get("promotional")
            or analysis.get("duplicate_of")
            or not _others_useful_content(analysis)
            or _is_competitor(item, competitors)
            or _is_ours(item, profile)
        ):
            continue
        topics = scorer.matches(text)
        if not topics:
            continue
        picks.append((weight(item, scorer.score(text), now), item, topics))
    picks.sort(key=lambda p: -p[0])
    result = []
    for score, item, topics in picks[:limit]:
        lang = language_of(item)
        comment = COMMENTS[lang].format(name=first_name(item) or "de auteur", topic=topics[0])
        if (item.get("analysis") or {}).get("mentions"):
            comment = with_disclosure(comment, lang, profile)  # it is about us: we say who we are
        result.append(
            {
                **brief(item),
                "language": lang,
                "topics": topics[:3],
                "score": round(score, 3),
                "comment": comment,
            }
        )
    return result
