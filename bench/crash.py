"""Crash: 200 SIGKILLs at random moments while items pour in; nothing acknowledged is lost.

The same rounds as tests/reliability/test_crash.py (which runs 30), reused as they are:
every round starts a real `roos serve`, writes batches of 100 from a thread, kills the
process with SIGKILL at a random moment, restarts it and checks that every item it
acknowledged is stored exactly once. crash_rounds raises on the first lost or doubled
item, so a completed run means lost = 0 and duplicated = 0; the duplicates are counted
once more by a fresh agent at the end.

A round costs a process start (~1 s of imports), so the 200 rounds run as HOMES homes
of 200/HOMES rounds each, two homes at a time (one per core): still 200 SIGKILLs, within
the benchmark's two minutes.

There is no baseline to beat here: the figure to read is "lost" (0). The baseline column
holds the time of the same number of plain start/stop cycles (no writes, no kills), so
the cost of the crash rounds themselves is visible.
"""

from __future__ import annotations

import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.reliability.test_crash import all_ids, crash_rounds
from tests.support.agent import AgentProcess

from .common import row

ROUNDS = int(os.environ.get("ROOS_BENCH_CRASH_ROUNDS", "200"))
HOMES = 4
PARALLEL = 2
PLAIN_CYCLES = 10


def plain_cycle_seconds(home: Path, cycles: int) -> float:
    """Seconds per start (until /api/health answers) and clean stop of an empty agent."""
    start = time.perf_counter()
    for _ in range(cycles):
        AgentProcess(home).start().stop()
    return (time.perf_counter() - start) / cycles


def final_count(home: Path) -> tuple[int, int]:
    """(stored, duplicated) after the last round, counted by a fresh agent."""
    with AgentProcess(home) as agent:
        ids = all_ids(agent)
    return len(set(ids)), len(ids) - len(set(ids))


def one_home(folder: Path, rounds: int, seed: int) -> tuple[int, int, int]:
    """(acknowledged, stored, duplicated) after `rounds` kills in a home of its own."""
    home = folder / f"home-{seed}"
    home.mkdir()
    _, acked = crash_rounds(home, rounds, seed=seed)
    stored, duplicated = final_count(home)
    return acked, stored, duplicated


def run(rounds: int = ROUNDS) -> list[dict]:
    shares = [rounds // HOMES + (1 if n < rounds % HOMES else 0) for n in range(HOMES)]
    with tempfile.TemporaryDirectory(prefix="roos-bench-crash-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        with ThreadPoolExecutor(PARALLEL) as pool:
            results = list(pool.map(one_home, [folder] * HOMES, shares, range(7, 7 + HOMES)))
        seconds = time.perf_counter() - start
        plain_home = folder / "plain"
        plain_home.mkdir()
        per_cycle = plain_cycle_seconds(plain_home, PLAIN_CYCLES)
    acked = sum(r[0] for r in results)
    stored = sum(r[1] for r in results)
    duplicated = sum(r[2] for r in results)
    # crash_rounds raises on the first lost item, so reaching this line means none was lost.
    lost = 0
    note = f"{rounds} SIGKILL rounds in {HOMES} homes; {stored} stored in the end"
    return [
        row("crash: items acknowledged", acked, None, "items", better="higher", note=note),
        row("crash: acknowledged items lost", lost, None, "items", note=note),
        row("crash: items stored twice", duplicated, None, "items", note=note),
        row(
            "crash: time per kill-and-recover round",
            seconds / rounds * PARALLEL,
            per_cycle,
            "s",
            baseline_name="plain start + stop of an empty agent",
            note=f"{seconds:.0f} s wall for {rounds} rounds, {PARALLEL} at a time",
        ),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
