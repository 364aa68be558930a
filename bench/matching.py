"""Mention matching and the whole analysis pipeline, in items per second.

Mention matching is measured at 50 and 500 watch terms against the approach one writes first:
one compiled word-boundary regex per term, searched in the folded text (which finds neither
split spellings nor typos). The pipeline (language, sentiment, mentions, intent, urgency,
promotion and, for items that need a reply, suggestions) is measured against plain VADER on
the same texts; the target is a ratio of at least 0.5. All texts and names are invented.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from agent.analysis.mentions import MentionMatcher
from agent.analysis.pipeline import Analyzer
from agent.analysis.textnorm import fold

from .common import row

_SYLLABLES = ["vlot", "zon", "wind", "kroon", "berg", "molen", "tulp", "haven", "linde", "vaart"]
_SUFFIXES = ["pay", "bank", "spaar", "brouwerij", "werk", "plan", "pas", "fonds", "net", "hub"]
_SENTENCES = [
    "Al drie dagen werkt {term} niet en niemand reageert, echt waardeloos.",
    "Weet iemand of {term} ook in Duitsland werkt?",
    "Wat een topservice van {term}, binnen tien minuten geholpen!",
    "Really impressed by the new {term} app, great job team.",
    "How do I change my address in {term}?",
    "Mooie dag gehad op de beurs in Utrecht, veel goede gesprekken.",
    "Vandaag vijf jaar bij ons bedrijf, dank aan alle collega's voor het vertrouwen.",
    "Interesting read on green finance and what it means for small businesses.",
    "Schrijf je nu in voor ons webinar over slim sparen, link in bio.",
    "{term} is echt een aanrader, kan ik iedereen aanraden @Pieter_Smit",
]


def _terms(count: int) -> list[str]:
    names = [f"{a.title()}{b.title()}" for a in _SYLLABLES for b in _SUFFIXES]
    return [f"{name}{i // len(names) or ''}" for i, name in enumerate(names * 5)][:count]


def _texts(terms: list[str], count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        term = rng.choice(terms)
        spelled = rng.choice([term, term.lower(), f"#{term.lower()}", term[:4] + " " + term[4:]])
        texts.append(" ".join(rng.choice(_SENTENCES).format(term=spelled) for _ in range(2)))
    return texts


def _profile(terms: list[str]) -> dict:
    return {
        "organisation": {"name": "Vlotbank", "aliases": ["Vlot Bank"]},
        "disclosure": {"nl": "(ik werk bij Vlotbank)", "en": "(I work at Vlotbank)"},
        "watch_terms": terms,
        "knowledge": [
            {"question": "Hoe wijzig ik mijn adres?", "answer": "In de app onder Profiel.", "lang": "nl"},
            {"question": "How do I change my address?", "answer": "In the app under Profile.", "lang": "en"},
        ],
        "contact": {"email": "webcare@vlotbank.example", "dm": True},
        "targets": {"max_promo_share": 0.2},
    }


def _per_second(fn: Callable[[str], object], texts: list[str], min_seconds: float = 0.4) -> float:
    done, start = 0, time.perf_counter()
    while True:
        for text in texts:
            fn(text)
        done += len(texts)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return done / elapsed


def _naive(terms: list[str]) -> Callable[[str], list[str]]:
    patterns = [(t, re.compile(rf"\b{re.escape(fold(t))}\b")) for t in terms]
    return lambda text: [t for t, p in patterns if p.search(fold(text))]


def run() -> list[dict]:
    rows = []
    for count in (50, 500):
        terms = _terms(count)
        texts = _texts(terms, 400)
        matcher = MentionMatcher(_profile(terms))
        ours = _per_second(matcher.find, texts)
        naive = _per_second(_naive(terms), texts)
        rows.append(
            row(
                f"mention matching, {count} watch terms",
                round(ours),
                round(naive),
                "items/s",
                baseline_name="one regex per term",
                better="higher",
            )
        )
    terms = _terms(50)
    texts = _texts(terms, 400)
    analyzer = Analyzer(_profile(terms))
    vader = SentimentIntensityAnalyzer()
    item = {"id": "bench", "source": "linkedin", "kind": "comment", "url": "", "author": {"name": "Anna Smit"}}
    now = "2026-06-30T12:00:00Z"
    ours = _per_second(lambda t: analyzer.analyze({**item, "text": t, "seen_at": now}, now=now), texts)
    plain = _per_second(vader.polarity_scores, texts)
    rows.append(
        row(
            "analysis pipeline per item",
            round(ours),
            round(plain),
            "items/s",
            baseline_name="plain VADER",
            better="higher",
            note="target ratio >= 0.5",
        )
    )
    return rows


if __name__ == "__main__":
    for line in run():
        print(line)
