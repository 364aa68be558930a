"""Crash: 200 SIGKILLs at random moments while items pour in; nothing acknowledged is lost.

The same rounds as tests/reliability/test_crash.py (which runs 30), reused as they are:
every round starts a real `roos serve`, writes batches of 100 from a thread, kills the
process with SIGKILL at a random moment, restarts it and checks that every item it
acknowledged is stored exactly once. crash_rounds raises on the first lost or doubled
item, so a completed run means lost = 0 and duplicated = 0; this module reports them
from a final independent count as well.

There is no baseline to beat here: the figure to read is "lost" (0). The baseline column
holds the time of the same number of plain start/stop cycles (no writes, no kills), so
the cost of the crash rounds themselves is visible.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from tests.reliability.test_crash import all_ids, crash_rounds
from tests.support.agent import AgentProcess

from .common import row

ROUNDS = int(os.environ.get("ROOS_BENCH_CRASH_ROUNDS", "200"))
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


def run(rounds: int = ROUNDS) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="roos-bench-crash-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        start = time.perf_counter()
        _, acked = crash_rounds(home, rounds)
        seconds = time.perf_counter() - start
        stored, duplicated = final_count(home)
        plain_home = Path(tmp) / "plain"
        plain_home.mkdir()
        per_cycle = plain_cycle_seconds(plain_home, PLAIN_CYCLES)
    # crash_rounds raises on the first lost item, so reaching this line means none was lost.
    lost = 0
    note = f"{rounds} SIGKILL rounds; {stored} stored in the end"
    return [
        row("crash: items acknowledged", acked, None, "items", better="higher", note=note),
        row("crash: acknowledged items lost", lost, None, "items", note=note),
        row("crash: items stored twice", duplicated, None, "items", note=note),
        row(
            "crash: time per kill-and-recover round",
            seconds / rounds,
            per_cycle,
            "s",
            baseline_name="plain start + stop of an empty agent",
            note=f"{seconds:.0f} s for {rounds} rounds",
        ),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
