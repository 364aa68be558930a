"""Analysis throughput: items/s through the whole pipeline (language, sentiment, mentions,
intent, urgency, promotion, suggestions) vs plain VADER's polarity_scores on the same texts."""

from __future__ import annotations

import json
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from agent.analysis.pipeline import Analyzer

from .common import row

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 5


def texts() -> list[str]:
    found = []
    for name in ("sentiment_nl.jsonl", "sentiment_en.jsonl"):
        with open(ROOT / "tests" / "data" / name, encoding="utf-8") as f:
            found += [json.loads(line)["text"] for line in f if line.strip()]
    return found


def items(corpus: list[str]) -> list[dict]:
    return [
        {
            "id": f"bench-{i}",
            "source": "linkedin",
            "kind": "comment",
            "url": "https://x",
            "text": t,
            "author": {"name": "Sanne de Boer"},
            "seen_at": "2026-11-23T10:00:00Z",
        }
        for i, t in enumerate(corpus)
    ]


def _rate(fn, work: list) -> float:
    best = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        for w in work:
            fn(w)
        best.append(len(work) / (time.perf_counter() - start))
    return sorted(best)[REPEAT // 2]


def run() -> list[dict]:
    corpus = texts()
    profile = json.loads((ROOT / "tests" / "fixtures" / "profile_vlotbank.json").read_text())
    analyzer = Analyzer(profile)
    vader = SentimentIntensityAnalyzer()
    ours = _rate(analyzer.analyze, items(corpus))
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
