"""Shared by every benchmark: rows of the one table, medians over repeated runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def row(
    figure: str,
    value: float,
    baseline: float | None,
    unit: str,
    *,
    baseline_name: str = "",
    better: str = "lower",
    note: str = "",
) -> dict:
    """One line of the table; ratio = ours / baseline."""
    ratio = (value / baseline) if baseline not in (None, 0) else None
    return {
        "figure": figure,
        "value": value,
        "baseline": baseline,
        "ratio": ratio,
        "unit": unit,
        "baseline_name": baseline_name,
        "better": better,
        "note": note,
    }


def median_time(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)
