"""Analysis throughput: items/s through the whole pipeline (language, sentiment, mentions,
intent, urgency, promotion, suggestions) vs plain VADER's polarity_scores on the same texts.

Each pass gets fresh texts (a pass number appended), so no cache of either side can make a
later pass look faster than first sight of a text would be.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from agent.analysis.people import person_id, record_interaction
from agent.analysis.pipeline import Analyzer

from .common import row

ROOT = Path(__file__).resolve().parent.parent
PASSES = 7
# Returning authors, as bench/api posts them: 100-item batches from 37 people.
AUTHORS, BATCH, HISTORY = 37, 100, 60


def texts() -> list[str]:
    found = []
    for name in ("sentiment_nl.jsonl", "sentiment_en.jsonl"):
        with open(ROOT / "tests" / "data" / name, encoding="utf-8") as f:
            found += [json.loads(line)["text"] for line in f if line.strip()]
    return found


def as_item(i: int, text: str) -> dict:
    return {
        "id": f"bench-{i}",
        "source": "linkedin",
        "kind": "comment",
        "url": "https://x",
        "text": text,
        "author": {"name": "Sanne de Boer"},
        "seen_at": "2026-11-23T10:00:00Z",
    }


def _rates(fns: tuple[Callable[[str], object], ...], corpus: list[str]) -> tuple[float, ...]:
    """Median items/s of each function. The passes take turns (ours, VADER, ours, ...), so a
    busy machine (other jobs on two cores) slows both alike and the ratio holds."""
    rates: list[list[float]] = [[] for _ in fns]
    for n in range(PASSES):
        fresh = [f"{t} ({n})" for t in corpus]
        for fn, found in zip(fns, rates, strict=True):
            start = time.perf_counter()
            for text in fresh:
                fn(text)
            found.append(len(fresh) / (time.perf_counter() - start))
    return tuple(statistics.median(found) for found in rates)


def _batch_ms(analyzer: Analyzer, corpus: list[str], people: dict, start: int, who) -> float:
    """One batch analysed with each author's record and recorded, as the ingest path does."""
    targets = analyzer.profile.get("targets") or {}
    began = time.perf_counter()
    for n in range(start, start + BATCH):
        item = {**as_item(n, corpus[n % len(corpus)]), "author": {"name": who(n)}}
        pid = person_id(item["author"])
        person = people.get(pid)
        result = analyzer.analyze(item, person)
        people[pid] = record_interaction(person, item, result, targets)
    return (time.perf_counter() - began) * 1000


def _returning_row(analyzer: Analyzer, corpus: list[str]) -> dict:
    """A batch from people with a long history (each author's flag is read over all their
    interactions) beside the same batch from first-time authors, in turns."""
    people: dict = {}
    for k in range(HISTORY):
        _batch_ms(analyzer, corpus, people, k * BATCH, lambda n: f"Auteur {n % AUTHORS}")
    known, new = [], []
    for k in range(5):
        start = (HISTORY + k) * BATCH
        known.append(
            _batch_ms(analyzer, corpus, dict(people), start, lambda n: f"Auteur {n % AUTHORS}")
        )
        new.append(_batch_ms(analyzer, corpus, {}, start, lambda n: f"Nieuw {n}"))
    return row(
        f"analysis: {BATCH}-item batch, authors with {HISTORY * BATCH // AUTHORS} items each",
        statistics.median(known),
        statistics.median(new),
        "ms",
        baseline_name="same batch, first-time authors",
        note="the people lookups: each author's flag is read over their whole history",
    )


def run() -> list[dict]:
    corpus = texts()
    profile = json.loads((ROOT / "tests" / "fixtures" / "profile_vlotbank.json").read_text())
    analyzer = Analyzer(profile)
    vader = SentimentIntensityAnalyzer()
    ours, plain = _rates((lambda t: analyzer.analyze(as_item(0, t)), vader.polarity_scores), corpus)
    return [
        row(
            "analysis: whole pipeline throughput",
            ours,
            plain,
            "items/s",
            baseline_name="plain VADER",
            better="higher",
            note="aim: at least half of plain VADER's speed",
        ),
        _returning_row(analyzer, corpus),
    ]
