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

from agent.analysis.pipeline import Analyzer

from .common import row

ROOT = Path(__file__).resolve().parent.parent
PASSES = 5


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


def _rate(fn: Callable[[str], object], corpus: list[str]) -> float:
    rates = []
    for n in range(PASSES):
        fresh = [f"{t} ({n})" for t in corpus]
        start = time.perf_counter()
        for text in fresh:
            fn(text)
        rates.append(len(fresh) / (time.perf_counter() - start))
    return statistics.median(rates)


def run() -> list[dict]:
    corpus = texts()
    profile = json.loads((ROOT / "tests" / "fixtures" / "profile_vlotbank.json").read_text())
    analyzer = Analyzer(profile)
    vader = SentimentIntensityAnalyzer()
    ours = _rate(lambda t: analyzer.analyze(as_item(0, t)), corpus)
    plain = _rate(vader.polarity_scores, corpus)
    return [
        row(
            "analysis: whole pipeline throughput",
            ours,
            plain,
            "items/s",
            baseline_name="plain VADER",
            better="higher",
            note="aim: at least half of plain VADER's speed",
        )
    ]
