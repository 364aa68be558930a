"""How relevant is a text to what the organisation knows about and wants to be found for?

Relevance = the profile's watch terms and topics (each topic with keywords in Dutch and
English), matched on folded words and phrases with rapidfuzz so inflections and typos still
meet ("zonnepaneel", "zonnepanelen"). Word matches are cached per distinct word: across
thousands of items the vocabulary repeats, so fuzzy matching stays cheap.
"""

from __future__ import annotations

import math
from datetime import datetime
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from .knowledge import STOPWORDS
from .textnorm import words
from .times import to_datetime

WORD_MATCH = 88
HALF_LIFE_DAYS = 14.0


def _keywords(profile: dict[str, Any]) -> dict[str, str]:
    """Folded keyword or phrase → the topic (or watch term) it belongs to."""
    found: dict[str, str] = {}
    for topic in profile.get("topics") or []:
        name = topic.get("name") or ""
        phrases = [name] + [
            k for lang in ("nl", "en") for k in (topic.get("keywords") or {}).get(lang, [])
        ]
        for phrase in phrases:
            key = " ".join(words(phrase))
            if key:
                found[key] = name
    org = profile.get("organisation") or {}
    for term in [
        org.get("name") or "",
        *(org.get("aliases") or []),
        *(profile.get("watch_terms") or []),
    ]:
        key = " ".join(words(term))
        if key:
            found.setdefault(key, term)
    return found


class RelevanceScorer:
    def __init__(self, profile: dict[str, Any]) -> None:
        self.keywords = _keywords(profile)
        self.single = [k for k in self.keywords if " " not in k]
        self.phrases = {k: tuple(k.split()) for k in self.keywords if " " in k}
        self.match_word = lru_cache(maxsize=50_000)(self._match_word)

    def _match_word(self, word: str) -> str | None:
        if word in self.keywords:
            return word
        if len(word) < 5 or word in STOPWORDS or not self.single:
            return None
        hit = process.extractOne(word, self.single, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
        return hit[0] if hit else None

    def matches(self, text: str) -> list[str]:
        """The topics and watch terms a text touches, most often touched first."""
        folded = words(text or "")
        counts: dict[str, int] = {}
        for word in folded:
            key = self.match_word(word)
            if key:
                counts[self.keywords[key]] = counts.get(self.keywords[key], 0) + 1
        if self.phrases:
            joined = " " + " ".join(folded) + " "
            for key, parts in self.phrases.items():
                if f" {key} " in joined or all(self.match_word(p) for p in parts if len(p) > 3):
                    counts[self.keywords[key]] = counts.get(self.keywords[key], 0) + 2
        return sorted(counts, key=lambda k: -counts[k])

    def score(self, text: str) -> float:
        """0..1: how many distinct topics/terms, saturating quickly (one solid hit is relevant)."""
        n = len(self.matches(text))
        return 0.0 if n == 0 else min(1.0, 0.6 + 0.2 * (n - 1))


def recency(at: str | None, now: datetime) -> float:
    moment = to_datetime(at)
    if moment is None:
        return 0.5
    days = max((now - moment).total_seconds() / 86400, 0.0)
    return 0.5 ** (days / HALF_LIFE_DAYS)


def engagement(item: dict[str, Any]) -> float:
    return 1.0 + math.log1p((item.get("reactions") or 0) + 2 * (item.get("comments_count") or 0))


def weight(item: dict[str, Any], relevance: float, now: datetime) -> float:
    """Relevance weighted by recency and engagement: what the ranking lists sort on."""
    when = item.get("published_at") or item.get("seen_at")
    return relevance * recency(when, now) * engagement(item)
