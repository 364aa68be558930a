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
    "{term} is echt een aanrader, kan ik iedereen aanraden @Pieter_Smit",
    "Mooie dag gehad op de beurs in Utrecht, veel goede gesprekken.",
    "Vandaag vijf jaar bij ons bedrijf, dank aan alle collega's voor het vertrouwen.",
    "Interesting read on green finance and what it means for small businesses.",
    "Schrijf je nu in voor ons webinar over slim sparen, link in bio.",
    "Wie gaat er volgende week ook naar het congres in Zwolle?",
    "Congratulations to the whole team on the launch, well deserved!",
]


def _terms(count: int) -> list[str]:
    names = [f"{a.title()}{b.title()}" for a in _SYLLABLES for b in _SUFFIXES]
    return [f"{name}{i // len(names) or ''}" for i, name in enumerate(names * 5)][:count]


def _texts(terms: list[str], count: int, seed: int = 7) -> list[str]:
    """Unique invented comments of one to three sentences, about half naming a term."""
    rng = random.Random(seed)
    texts = []
    for n in range(count):
        parts = []
        for _ in range(rng.randint(1, 3)):
            term = rng.choice(terms)
            spelled = rng.choice([term, term.lower(), f"#{term.lower()}", f"{term[:4]} {term[4:]}"])
            parts.append(rng.choice(_SENTENCES).format(term=spelled))
        texts.append(" ".join(parts) + f" ({n})")
    return texts


def _profile(terms: list[str]) -> dict:
    return {
        "organisation": {"name": "Vlotbank", "aliases": ["Vlot Bank"]},
        "disclosure": {"nl": "(ik werk bij Vlotbank)", "en": "(I work at Vlotbank)"},
        "watch_terms": terms,
        "knowledge": [
            {
                "question": "Hoe wijzig ik mijn adres?",
                "answer": "In de app onder Profiel.",
                "lang": "nl",
            },
            {
                "question": "How do I change my address?",
                "answer": "In the app under Profile.",
                "lang": "en",
            },
        ],
        "contact": {"email": "webcare@vlotbank.example", "dm": True},
        "targets": {"max_promo_share": 0.2},
    }


def _throughput(fn: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return len(texts) / (time.perf_counter() - start)


def _compare(
    ours: Callable[[str], object], baseline: Callable[[str], object], batches: list[list[str]]
) -> tuple[float, float]:
    """Best items/s of each over several passes, each pass over texts not seen before (so no
    cache flatters a second pass) and the two interleaved (so a busy machine hurts both)."""
    best_ours = best_base = 0.0
    for texts in batches:
        best_ours = max(best_ours, _throughput(ours, texts))
        best_base = max(best_base, _throughput(baseline, texts))
    return best_ours, best_base


def _naive(terms: list[str]) -> Callable[[str], list[str]]:
    patterns = [(t, re.compile(rf"\b{re.escape(fold(t))}\b")) for t in terms]
    return lambda text: [t for t, p in patterns if p.search(fold(text))]


def run() -> list[dict]:
    rows = []
    for count in (50, 500):
        terms = _terms(count)
        batches = [_texts(terms, 4000, seed) for seed in (1, 2, 3)]
        matcher = MentionMatcher(_profile(terms))
        ours, naive = _compare(matcher.find, _naive(terms), batches)
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
    batches = [_texts(terms, 1500, seed) for seed in (4, 5, 6, 7, 8)]
    analyzer = Analyzer(_profile(terms))
    vader = SentimentIntensityAnalyzer()
    now = "2026-06-30T12:00:00Z"
    item = {"source": "linkedin", "kind": "comment", "url": "", "seen_at": now}
    item["author"] = {"name": "Anna Smit"}
    needing = sum(
        analyzer.analyze({**item, "id": "x", "text": t})["needs_reply"] for t in batches[0]
    )

    def analyze(text: str) -> None:
        analyzer.analyze({**item, "id": text[-8:], "text": text}, now=now)

    ours, plain = _compare(analyze, vader.polarity_scores, batches)
    rows.append(
        row(
            "analysis pipeline per item",
            round(ours),
            round(plain),
            "items/s",
            baseline_name="plain VADER",
            better="higher",
            note=f"target ratio >= 0.5; {needing / len(batches[0]):.0%} of items need a reply",
        )
    )
    return rows


if __name__ == "__main__":
    for line in run():
        print(line)
