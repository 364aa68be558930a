"""Crash: the agent is SIGKILLed at random moments while items pour in.

After every restart the store opens, and every item the agent acknowledged is
there, exactly once. (scripts/bench runs the same with 200 rounds.)
"""

from __future__ import annotations

import os
import random
import threading
import time

from tests.support.agent import AgentProcess, make_item

ROUNDS = int(os.environ.get("ROOS_CRASH_ROUNDS", "30"))


def all_ids(agent: AgentProcess) -> list[str]:
    ids, offset = [], 0
    while True:
        status, body = agent.call("GET", f"/api/items?limit=500&offset={offset}")
        assert status == 200, body
        ids += [i["id"] for i in body["items"]]
        if len(body["items"]) < 500:
            return ids
        offset += 500


def crash_rounds(home, rounds: int, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    acked: set[str] = set()
    port = None
    for r in range(rounds + 1):
        agent = AgentProcess(home, port=port).start()
        port = agent.port
        ids = all_ids(agent)
        assert len(ids) == len(set(ids)), f"round {r}: an item is stored twice"
        missing = acked - set(ids)
        assert not missing, f"round {r}: {len(missing)} acknowledged items lost"
        if r == rounds:
            agent.stop()
            break
        stop = threading.Event()

        def writer(agent=agent, r=r, stop=stop) -> None:
            n = 0
            while not stop.is_set():
                batch = [make_item(r * 1_000_000 + n + k) for k in range(100)]
                n += 100
                try:
                    status, _ = agent.call("POST", "/api/items", {"items": batch}, timeout=10)
                except OSError:
                    return
                if status == 200:
                    acked.update(i["id"] for i in batch)

        thread = threading.Thread(target=writer, daemon=True)
        thread.start()
        time.sleep(rng.uniform(0.05, 0.6))
        agent.kill()
        stop.set()
        thread.join(10)
    return rounds, len(acked)


def test_no_acknowledged_item_is_lost_or_doubled_across_sigkills(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    _, acked = crash_rounds(home, ROUNDS)
    assert acked > 0  # the writer really got acknowledgements before the kills
