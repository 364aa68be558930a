"""What one line of `roos watch` says, and what it never lets through."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from agent.watch.client import Backoff
from agent.watch.lines import Follower, Line
from agent.watch.notify import Notifier
from agent.watch.terminal import inert
from agent.watch.words import WORDS, default_lang

from .watching import fake_notify_send

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples" / "events"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def item_event(kind="item.new", intent="complaint", urgency=0.8, needs_reply=True, **extra):
    event = example("item.new")
    event["type"] = kind
    event["data"]["analysis"].update(intent=intent, urgency=urgency, needs_reply=needs_reply)
    event["data"]["analysis"].update(extra)
    return event


def test_every_word_exists_in_dutch_and_english():
    assert WORDS["nl"].keys() == WORDS["en"].keys()


def test_the_locale_picks_the_language():
    assert default_lang({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert default_lang({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}) == "en"
    assert default_lang({}) == "en"


@pytest.mark.parametrize(
    ("hostile", "shown"),
    [
        ("\x1b[2Jcleared", "␛[2Jcleared"),
        ("title\x1b]0;owned\x07", "title␛]0;owned␇"),
        ("\x9b31m C1 CSI", "\ufffd31m C1 CSI"),
        ("abc\u202edef", "abc\ufffddef"),
        ("two\nlines\r\nhere", "two lines here"),
        ("del\x7f", "del␡"),
        ("emoji 👩‍💻 stays", "emoji 👩‍💻 stays"),
    ],
)
def test_control_characters_become_visible_and_inert(hostile, shown):
    assert inert(hostile) == shown


def test_long_text_is_cut_with_an_ellipsis():
    assert inert("a" * 50, limit=10) == "a" * 9 + "…"


def test_an_urgent_complaint_reads_as_one_red_line_with_author_flag_and_reason():
    follower = Follower("all", "nl", colour=True)
    event = item_event(author={"id": "x", "flag": "fan", "interactions": 4})
    line = follower.line(event)
    assert line is not None and line.urgent
    assert line.text.startswith("\x1b[31m") and line.text.endswith("\x1b[0m")
    assert "LinkedIn" in line.text and "J. de Boer [★fan]" in line.text
    assert "klacht · urgent" in line.text
    assert "Top service van Vlotbank" in line.text


def test_a_category_from_the_analysis_is_the_reason_shown():
    line = Follower("all", "en").line(item_event(urgency=0.3, urgency_category="safety"))
    assert line is not None and line.urgent and "complaint · safety · urgent" in line.text


def test_an_alert_for_an_item_already_shown_is_not_printed_twice():
    follower = Follower("all", "en")
    event = item_event()
    assert follower.line(event) is not None
    alert = {
        "type": "alert",
        "data": {
            "item": event["data"],
            "analysis": event["data"]["analysis"],
            "reason": "complaint",
        },
    }
    assert follower.line(alert) is None


def test_an_update_is_news_only_when_it_changes_how_the_item_reads():
    follower = Follower("urgent", "en")
    assert follower.line(item_event(intent="question", urgency=0.2)) is None  # filtered out
    assert follower.line(item_event("item.updated", intent="question", urgency=0.2)) is None
    changed = follower.line(item_event("item.updated", intent="complaint", urgency=0.9))
    assert changed is not None and "(updated)" in changed.text


def test_an_update_of_an_item_from_before_the_watch_started_is_not_printed():
    assert Follower("all", "en").line(item_event("item.updated")) is None


def test_filters_keep_what_they_name():
    complaints, mentions = Follower("complaints", "en"), Follower("mentions", "en")
    praise = item_event(intent="praise", urgency=0.2, about_us=True)
    assert complaints.line(praise) is None and mentions.line(praise) is not None
    other = item_event(intent="other", urgency=0.0, needs_reply=False, about_us=False, mentions=[])
    assert Follower("mentions", "en").line(other) is None
    with pytest.raises(ValueError):
        Follower("everything", "en")


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.json")))
def test_every_event_the_agent_sends_reads_well_or_is_left_out(name):
    line = Follower("all", "nl").line(example(name))
    if name in ("welcome", "pong", "item.updated", "item.released"):
        assert line is None
    elif name == "source.updated":
        assert line is not None and "robots.txt" in line.text
    else:
        assert line is not None and "{" not in line.text, line


def test_answered_says_by_whom_and_after_how_long():
    event = example("item.answered")
    event["data"]["response_seconds"] = 27920.0
    line = Follower("all", "nl").line(event)
    assert line is not None and "Beantwoord door bram na 7 u 45 min" in line.text


def test_urgent_items_become_desktop_notifications(tmp_path):
    log = fake_notify_send(tmp_path)
    notifier = Notifier("nl", program=str(tmp_path / "notify-send"))
    notifier(Line("x", urgent=True, item_id="1", excerpt="Rook uit de accu\x1b[2J"))
    deadline = time.monotonic() + 10
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    args = log.read_text().splitlines()
    assert "Roos: urgent bericht" in args
    assert "Rook uit de accu␛[2J" in args


def test_backoff_grows_to_a_cap_and_starts_over_once_connected():
    backoff = Backoff(first=0.5, cap=4)
    delays = [backoff.next() for _ in range(6)]
    assert delays[0] < 1 and all(4 <= d <= 5 for d in delays[3:])
    backoff.reset()
    assert backoff.next() < 1
