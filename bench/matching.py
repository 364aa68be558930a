"""Mention matching in items per second, at 50 and 500 watch terms.

The baseline is the approach one writes first: one compiled word-boundary regex per term,
searched in the folded text (which finds neither split spellings nor typos, and slows down
with every term added). All texts and names are invented.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

from agent.analysis.mentions import MentionMatcher
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
    return {"organisation": {"name": "Vlotbank", "aliases": ["Vlot Bank"]}, "watch_terms": terms}


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

    def find(text: str) -> list[str]:
        folded = fold(text)
        return [term for term, pattern in patterns if pattern.search(folded)]

    return find


def run() -> list[dict]:
    rows = []
    for count in (50, 500):
        terms = _terms(count)
        batches = [_texts(terms, 2000, seed) for seed in (1, 2, 3)]
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
    return rows


if __name__ == "__main__":
    for line in run():
        print(line)
