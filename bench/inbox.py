"""Inbox: how quickly a real `roos serve` answers what the inbox asks while someone works
through a busy day, beside the plain item list of the same store in the same run.

The agent holds 1,000 items (a busy month for a small brand), a quarter of them waiting for
an answer. Figures (p50 of sequential calls from one client):

- GET /api/inbox (urgency, hand-over, routing and waiting times worked out for every waiting
  item), against GET /api/items?limit=200 (stored items as they are);
- GET /api/inbox/item (the detail pane: thread, notes, history), against GET /api/items/{id};
- marking 25 items answered with one POST /api/inbox/bulk, against 25 POST /api/replies.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from tests.support.agent import AgentProcess, make_item

from .common import row

PROFILE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "profile_vlotbank.json"
ITEMS = 1000
CALLS = 30
WAITING = [
    "Al drie dagen kan ik niet inloggen bij Vlotbank, wat is er aan de hand? (klant {n})",
    "Hoe blokkeer ik mijn VlotPas, ik ben hem kwijt sinds bezoek {n}?",
]
HEARD = "Mooi verhaal over groen sparen bij Vlotbank, aflevering {n} van de podcast."


def _p50(agent: AgentProcess, path: str) -> float:
    times = []
    for _ in range(CALLS):
        start = time.perf_counter()
        status, _ = agent.call("GET", path)
        times.append(time.perf_counter() - start)
        assert status == 200, path
    return statistics.median(times) * 1000


def _seed(agent: AgentProcess) -> list[str]:
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    assert agent.call("PUT", "/api/profile", profile)[0] == 200
    items = []
    for n in range(ITEMS):
        text = WAITING[n % 2].format(n=n) if n % 4 == 0 else HEARD.format(n=n)
        items.append(make_item(n, text=text, published_at="2026-11-23T08:00:00Z"))
    for start in range(0, ITEMS, 200):
        assert agent.call("POST", "/api/analyze", {"items": items[start : start + 200]})[0] == 200
    _, inbox = agent.call("GET", "/api/inbox?limit=1000")
    return [entry["id"] for entry in inbox["items"]]


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp, AgentProcess(Path(tmp) / "home") as agent:
        waiting = _seed(agent)
        inbox = _p50(agent, "/api/inbox")
        listed = _p50(agent, "/api/items?limit=200")
        first = waiting[0]
        detail = _p50(agent, "/api/inbox/item?id=" + quote(first, safe=""))
        plain = _p50(agent, "/api/items/" + quote(first, safe=":"))
        start = time.perf_counter()
        status, _ = agent.call(
            "POST", "/api/inbox/bulk", {"ids": waiting[1:26], "action": "answer"}
        )
        bulk = (time.perf_counter() - start) * 1000
        assert status == 200
        start = time.perf_counter()
        for item_id in waiting[26:51]:
            assert agent.call("POST", "/api/replies", {"item_id": item_id})[0] == 200
        one_by_one = (time.perf_counter() - start) * 1000
    note = f"{ITEMS} items, {len(waiting)} waiting"
    return [
        row(
            "inbox: GET /api/inbox, p50",
            inbox,
            listed,
            "ms",
            baseline_name="GET /api/items?limit=200, same store",
            note=note,
        ),
        row(
            "inbox: detail pane GET /api/inbox/item, p50",
            detail,
            plain,
            "ms",
            baseline_name="GET /api/items/{id}",
            note=note,
        ),
        row(
            "inbox: mark 25 answered, bulk",
            bulk,
            one_by_one,
            "ms",
            baseline_name="25 × POST /api/replies",
            note=note,
        ),
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
