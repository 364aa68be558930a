"""A social media manager keeps `roos watch` open in a terminal while the agent takes items in.

Everything here runs against a real agent process and the real `roos watch` command.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agent.schemas import first_error
from agent.watch.lines import wanted
from tests.support.agent import AgentProcess, make_item

from .watching import WatchProcess

PROFILE = Path(__file__).resolve().parents[1] / "fixtures" / "profile_vlotbank.json"
MIX = [
    "VlotPay werkt al drie dagen niet en niemand van Vlotbank reageert. Schandalig slecht!",
    "Wat een geweldige hulp van Vlotbank vandaag, dank jullie wel!",
    "Hoe open ik een zakelijke rekening bij Vlotbank?",
    "Vlotbank opent volgende maand een kantoor in Zwolle.",
    "Het regent vandaag in Utrecht, neem een paraplu mee.",
    "Vlotbank's app keeps crashing and I still can't pay my suppliers. Terrible service.",
]


@pytest.fixture
def agent(tmp_path: Path):
    with AgentProcess(tmp_path / "home") as running:
        status, _ = running.call("PUT", "/api/profile", json.loads(PROFILE.read_text()))
        assert status == 200
        yield running


def ingest(agent: AgentProcess, *items: dict) -> list[dict]:
    status, body = agent.call("POST", "/api/analyze", {"items": list(items)})
    assert status == 200, body
    return body["results"]


def test_new_items_are_printed_as_they_come_in_order_and_as_valid_json(agent):
    with WatchProcess(agent, "--json") as watch:
        watch.wait_status("Connected")
        for n, text in enumerate(MIX):
            ingest(agent, make_item(n, text=text))
        events = [json.loads(line) for line in watch.lines(len(MIX))]
    assert [e["data"]["id"] for e in events] == [make_item(n)["id"] for n in range(len(MIX))]
    assert all(e["type"] == "item.new" for e in events)
    for event in events:
        assert first_error("events", event) is None


def test_each_filter_keeps_exactly_the_items_it_names(agent):
    items = [make_item(n, text=text) for n, text in enumerate(MIX)]
    watchers = {
        only: WatchProcess(agent, "--json", "--only", only).start()
        for only in ("complaints", "mentions", "urgent")
    }
    try:
        for watch in watchers.values():
            watch.wait_status("Connected")
        results = ingest(agent, *items)
        # A last, unmistakable complaint closes every stream that shows complaints.
        closing = make_item(99, text="Vlotbank, mijn rekening is leeg en de app doet het niet!")
        ingest(agent, closing)
        analyses = {r["id"]: r for r in results}
        complaints = [i["id"] for i in items if analyses[i["id"]]["intent"] == "complaint"]
        assert 0 < len(complaints) < len(items), "the mix must hold complaints and others"
        for only, watch in watchers.items():
            expected = [
                i["id"]
                for i in items
                if wanted({"type": "item.new", "data": {**i, "analysis": analyses[i["id"]]}}, only)
            ]
            printed = [json.loads(x)["data"]["id"] for x in watch.lines(len(expected))]
            assert printed == expected, only
            extra = [json.loads(x)["data"]["id"] for x in watch.quiet_for(0.5)]
            assert set(extra) <= {closing["id"]}, (only, extra)
        assert complaints == [
            i["id"]
            for i in items
            if wanted(
                {"type": "item.new", "data": {**i, "analysis": analyses[i["id"]]}}, "complaints"
            )
        ]
    finally:
        for watch in watchers.values():
            watch.stop()


def test_it_says_when_the_agent_goes_away_and_follows_it_after_a_restart(agent):
    with WatchProcess(agent) as watch:
        watch.wait_status("Connected")
        agent.stop()
        watch.wait_status("Lost the connection")
        agent.start()
        watch.wait_status("Connected again", timeout=40)
        ingest(agent, make_item(7, text="Is Vlotbank morgen open?"))
        (line,) = watch.lines(1)
    assert "Is Vlotbank morgen open?" in line


def test_hostile_text_is_printed_inert(agent):
    hostile = make_item(
        3,
        text="Vlotbank \x1b[2J\x1b[1;1Hwissen \x1b]52;c;ZXZpbA==\x07 klembord \u202etfahcsdnalbeb",
        author={"name": "Evil\x1b]0;title\x07 \u2066Person\u2069"},
    )
    with WatchProcess(agent, "--color", "always") as watch:
        watch.wait_status("Connected")
        ingest(agent, hostile)
        (line,) = watch.lines(1)
    ours = re.sub(r"\x1b\[\d+m", "", line)  # our own colour codes are the only escapes left
    assert "\x1b" not in ours and "\x07" not in ours
    assert not set(ours) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "␛[2J" in ours and "Evil" in ours and "wissen" in ours


def test_dutch_lines_in_a_dutch_terminal_and_ctrl_c_ends_cleanly(agent):
    watch = WatchProcess(agent, env={"LANG": "nl_NL.UTF-8"}).start()
    try:
        watch.wait_status("Verbonden")
        ingest(agent, make_item(5, text="Hoe open ik een zakelijke rekening bij Vlotbank?"))
        (line,) = watch.lines(1)
        assert "vraag" in line
        assert watch.interrupt() == 0
        assert watch.wait_status("Gestopt")
        assert "Traceback" not in "".join(list(watch.err.queue))
    finally:
        watch.stop()


def test_notify_without_notify_send_says_so_plainly(agent, tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()
    with WatchProcess(agent, "--notify", env={"PATH": str(bare)}) as watch:
        assert "notify-send" in watch.wait_status("notify-send")
        watch.wait_status("Connected")


def test_a_token_the_agent_refuses_is_named_not_retried_silently(agent, tmp_path):
    stranger = tmp_path / "other-home"
    stranger.mkdir(mode=0o700)
    (stranger / "token").write_text("ab" * 32 + "\n")
    (stranger / "token").chmod(0o600)
    with WatchProcess(agent, env={"ROOS_HOME": str(stranger)}) as watch:
        line = watch.wait_status("refused the token")
    assert str(stranger) in line and "ab" * 32 not in line
