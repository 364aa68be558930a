"""Discussions to start: questions and complaints that keep coming back without a good answer.

Items are clustered greedily by word similarity (rapidfuzz token_set_ratio over content
words); a cluster of three or more becomes an opener for the group where it came up, in
the language most of it was written in.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rapidfuzz import fuzz

from ..knowledge import best_answer, content_words
from .common import brief, is_open, language_of, with_disclosure

SIMILAR = 62
MAX_ITEMS = 2000
OPENERS = {
    "nl": "Ik zie steeds vaker dezelfde vraag terugkomen: “{q}” Hoe pakken jullie dit aan? "
    "Benieuwd naar jullie ervaringen en tips.",
    "en": "The same question keeps coming up: “{q}” How do you deal with this? "
    "Curious to hear your experiences and tips.",
}


def discussions_to_start(
    items: list[dict[str, Any]], profile: dict[str, Any], min_size: int = 3, limit: int = 5
) -> list[dict[str, Any]]:
    knowledge = profile.get("knowledge") or []
    pool = [
        i
        for i in items
        if (i.get("analysis") or {}).get("intent") in ("question", "complaint")
        and is_open(i)
        and not (i.get("analysis") or {}).get("duplicate_of")
    ]
    pool = sorted(pool, key=lambda i: i.get("seen_at") or "", reverse=True)[:MAX_ITEMS]
    clusters: list[tuple[str, list[dict[str, Any]]]] = []
    for item in pool:
        if best_answer(item.get("text") or "", knowledge, language_of(item)):
            continue  # the knowledge base already answers it: comment, don't start a debate
        key = " ".join(content_words(item.get("text") or ""))
        if not key:
            continue
        for representative, members in clusters:
            if fuzz.token_set_ratio(key, representative) >= SIMILAR:
                members.append(item)
                break
        else:
            clusters.append((key, [item]))
    result = []
    for _, members in sorted(clusters, key=lambda c: -len(c[1])):
        if len(members) < min_size:
            break
        lang = Counter(language_of(m) for m in members).most_common(1)[0][0]
        groups = Counter(
            (
                (m.get("group") or {}).get("name")
                or (m.get("group") or {}).get("id")
                or m.get("source")
            )
            for m in members
        )
        example = min(
            (m for m in members if language_of(m) == lang), key=lambda m: len(m.get("text") or "")
        )
        question = " ".join((example.get("text") or "").split())[:200]
        result.append(
            {
                "size": len(members),
                "language": lang,
                "where": groups.most_common(1)[0][0],
                "intent": Counter(
                    (m.get("analysis") or {}).get("intent") for m in members
                ).most_common(1)[0][0],
                "items": [brief(m) for m in members[:5]],
                "opener": with_disclosure(OPENERS[lang].format(q=question), lang, profile),
            }
        )
        if len(result) == limit:
            break
    return result
