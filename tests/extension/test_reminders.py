"""Rhythm: by early afternoon without enough posts, Roos reminds her once, with two things to share.
Complaints found elsewhere pop up, but a pile-on does not become a storm of pop-ups."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import BrowserContext, Worker

from tests.fixtures.outreach_month import TOPICS, month

from .harness import PROFILE, launch, pair, put_profile, serve_fixtures, service_worker


def afternoon_zone() -> str:
    """A time zone where it is now between 13:00 and 22:59, so the reminder is due today."""
    hour = datetime.now(UTC).hour
    for offset in range(-12, 15):
        if 13 <= (hour + offset) % 24 <= 22:
            # Etc/GMT signs are inverted: Etc/GMT-2 is two hours ahead of UTC.
            return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}" if offset else "UTC"
    raise AssertionError("unreachable: some offset is always in the afternoon")


@pytest.fixture(scope="module")
def context(playwright, agent, tmp_path_factory) -> Iterator[BrowserContext]:
    """As in conftest, with a profile whose time zone puts "now" in the afternoon."""
    vlotbank = json.loads(PROFILE.read_text(encoding="utf-8"))
    put_profile(
        agent,
        {
            **vlotbank,
            "topics": TOPICS,
            "business_hours": {"timezone": afternoon_zone()},
            "targets": {"posts_per_day": 3, "weekends": True},
        },
    )
    ctx = launch(playwright, tmp_path_factory.mktemp("reminders"))
    service_worker(ctx)
    serve_fixtures(ctx)
    assert pair(ctx, agent.base, agent.token).startswith("Connected")
    yield ctx
    ctx.close()


def notifications(worker: Worker) -> dict:
    return worker.evaluate("chrome.notifications.getAll()")


def test_without_enough_posts_by_the_afternoon_she_is_reminded_once_with_two_things_to_share(
    context: BrowserContext, agent
):
    status, _ = agent.call("POST", "/api/analyze", {"items": month()})
    assert status == 200
    agent.call(
        "POST", "/api/own-posts", {"text": "Vijf tips voor een groene verbouwing van je pand."}
    )
    worker = service_worker(context)
    rhythm = worker.evaluate("roos.checkRhythm(true)")
    assert rhythm["due"] is True and rhythm["posts_today"] == 1 and rhythm["target"] == 3
    assert len(rhythm["suggestions"]) == 2
    shown = [n for n in notifications(worker) if n.startswith("roos-rhythm|")]
    assert len(shown) == 1 and shown[0].split("|")[2].startswith("https://")
    worker.evaluate("roos.checkRhythm(true)")  # later that day: no second reminder
    assert len([n for n in notifications(worker) if n.startswith("roos-rhythm|")]) == 1


def test_a_pile_on_of_complaints_pops_up_once_not_for_every_one(context: BrowserContext, agent):
    worker = service_worker(context)
    before = {n for n in notifications(worker) if n.startswith("roos|")}
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for n, text in enumerate(
        [
            "VlotPay ligt er weer uit, schandalig! Ik wil NU mijn geld.",
            "Vlotbank, al twee dagen geen toegang tot mijn rekening. Waardeloos!",
            "Slechtste service ooit van Vlotbank, niemand neemt op!!",
        ]
    ):
        item = {
            "id": f"urn:li:activity:{7500000000000000000 + n}",
            "source": "linkedin",
            "kind": "post",
            "url": f"https://www.linkedin.com/feed/update/urn:li:activity:{n}/",
            "text": text,
            "author": {"name": f"Boze Klant {n}"},
            "published_at": now,
            "seen_at": now,
        }
        status, body = agent.call("POST", "/api/analyze", {"items": [item]})
        assert status == 200 and body["results"][0]["intent"] == "complaint"
    deadline = time.monotonic() + 10
    while not ({n for n in notifications(worker) if n.startswith("roos|")} - before):
        assert time.monotonic() < deadline, "no notification for the first complaint"
        worker.evaluate("new Promise(resolve => setTimeout(resolve, 100))")
    worker.evaluate("new Promise(resolve => setTimeout(resolve, 1000))")  # let the others arrive
    assert len({n for n in notifications(worker) if n.startswith("roos|")} - before) == 1
