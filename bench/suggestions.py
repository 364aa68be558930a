"""Reach-out suggestion build over 10k stored items vs the same build without the word cache.

The relevance scorer caches fuzzy word matches per distinct word; the baseline turns the
cache off (every word occurrence is matched with rapidfuzz again), which is what a naive
implementation does.
"""

from __future__ import annotations

import json
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from agent.analysis import outreach
from agent.analysis.pipeline import Analyzer
from agent.analysis.relevance import RelevanceScorer
from tests.fixtures.outreach_month import TOPICS, month

from .common import row

N = 10_000
PROFILE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "profile_vlotbank.json"


def corpus(n: int = N) -> tuple[list[dict], dict]:
    profile = {**json.loads(PROFILE.read_text()), "topics": TOPICS}
    analyzer = Analyzer(profile)
    rng = random.Random(3)
    now = datetime.now(UTC)
    seed = month(now)
    items = []
    for i in range(n):
        base = seed[i % len(seed)]
        item = {
            **base,
            "id": f"{base['id']}-{i}",
            "person_id": f"p{rng.randrange(n // 20)}",
            "text": base["text"] + f" ({rng.choice(['ok', 'goed', 'interessant', 'fair'])} {i})",
            "seen_at": (now - timedelta(days=rng.uniform(0, 30))).isoformat(),
        }
        item["analysis"] = analyzer.analyze(item)
        items.append(item)
    return items, profile


def build_all(items: list[dict], profile: dict, scorer: RelevanceScorer) -> None:
    now = datetime.now(UTC)
    outreach.people_to_follow(items, {}, scorer, now)
    outreach.blogs_to_follow(items, [], profile, scorer, now)
    share = outreach.worth_sharing(items, profile, scorer, now)
    outreach.comment_helpfully(items, profile, now)
    outreach.discussions_to_start(items, profile)
    outreach.rhythm_status([], profile, now, share)


def run() -> list[dict]:
    items, profile = corpus()
    timings = {}
    for label, cached in (("ours", True), ("baseline", False)):
        runs = []
        for _ in range(3):
            scorer = RelevanceScorer(profile)
            if not cached:
                scorer.match_word = scorer._match_word  # no cache: what a naive build does
            start = time.perf_counter()
            build_all(items, profile, scorer)
            runs.append(time.perf_counter() - start)
        timings[label] = sorted(runs)[1]
    return [
        row(
            "reach-out: build all suggestions, 10k items",
            timings["ours"],
            timings["baseline"],
            "s",
            baseline_name="same build, no word cache",
        )
    ]
