"""How well does Roos read webcare messages? Measures shared by the tests and the benchmark.

The labelled sets (tests/data/webcare_{nl,en}.jsonl) are messages as invented companies
(tests/data/webcare_companies.json: an e-bike maker, banks, telcos, webshops, energy
suppliers, meal boxes) receive them, each with its intent, urgency category, sentiment and
whether it is promotional. They are split into a dev and a held-out half by the same hash as
the sentiment sets (`evaluation.split`). Each message is analysed as a comment on LinkedIn
under the company's profile; `under_post` messages sit under one of the company's own posts,
so they are about it without naming it. Waiting time comes from a hash of the text (0-72 h),
so that urgency ranking is tested against time pushing ordinary complaints up.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from agent.analysis import intent
from agent.analysis.pipeline import Analyzer

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
# Messages naming a competitor are read with the profile that lists it as one.
_PROFILE_OF = {"Spaarhuis": "Vlotbank", "Ledgerline": "Harbor", None: "Vonk"}


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def profiles(path: Path) -> dict[str, dict[str, Any]]:
    companies = json.loads(path.read_text("utf-8"))
    return {name: {**profile, "voice": {"address": "je"}} for name, profile in companies.items()}


def waiting_hours(text: str) -> int:
    return zlib.crc32(f"wait:{text}".encode()) % 73


def as_item(n: int, message: dict[str, Any]) -> dict[str, Any]:
    published = NOW - timedelta(hours=waiting_hours(message["text"]))
    return {
        "id": f"webcare-{message['lang']}-{n}",
        "source": "linkedin",
        "kind": "comment",
        "url": f"https://www.linkedin.com/feed/update/urn:li:activity:{7000 + n}",
        "text": message["text"],
        "author": {"name": "Sam de Vries"},
        "published_at": published.isoformat(),
    }


class Reader:
    """One analyser per company, built once."""

    def __init__(self, companies: dict[str, dict[str, Any]]) -> None:
        self.analyzers = {name: Analyzer(profile) for name, profile in companies.items()}

    def analyze(self, n: int, message: dict[str, Any]) -> dict[str, Any]:
        company = message.get("company")
        analyzer = self.analyzers[_PROFILE_OF.get(company, company)]
        hint = bool(message.get("under_post"))
        return analyzer.analyze(as_item(n, message), now=NOW, about_us_hint=hint)


def share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def scores(messages: Sequence[dict[str, Any]], results: Sequence[dict[str, Any]]) -> dict:
    """The figures the issue asks for, from messages and what a reader made of them. Each
    result needs "intent", "sentiment" (a label), "urgency" and "promotional"."""
    pairs = list(zip(messages, results, strict=True))
    complaints = [(m, r) for m, r in pairs if m["intent"] == "complaint"]
    urgent = [r["urgency"] for m, r in pairs if m["category"]]
    calm = [r["urgency"] for m, r in pairs if not m["category"]]
    ceiling = max(calm, default=0.0)
    said = [r for m, r in pairs if r["promotional"]]
    selling = [m for m, r in pairs if m["promotional"]]
    return {
        "intent accuracy": share(sum(m["intent"] == r["intent"] for m, r in pairs), len(pairs)),
        "complaint recall": share(
            sum(r["intent"] == "complaint" for _, r in complaints), len(complaints)
        ),
        "complaints read as praise": sum(r["intent"] == "praise" for _, r in complaints),
        "complaints read as positive": sum(r["sentiment"] == "positive" for _, r in complaints),
        "urgent ranked above all non-urgent": share(sum(u > ceiling for u in urgent), len(urgent)),
        "promotional precision": share(
            sum(1 for m, r in pairs if r["promotional"] and m["promotional"]), len(said)
        ),
        "promotional recall": share(
            sum(1 for m, r in pairs if r["promotional"] and m["promotional"]), len(selling)
        ),
        "sentiment accuracy": share(
            sum(m["sentiment"] == r["sentiment"] for m, r in pairs), len(pairs)
        ),
    }


def ours(reader: Reader, messages: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for n, message in enumerate(messages):
        result = reader.analyze(n, message)
        found.append({**result, "sentiment": result["sentiment"]["label"]})
    return found


def plain(
    reader: Reader, messages: Sequence[dict[str, Any]], vader: Callable[[str], float]
) -> list[dict[str, Any]]:
    """What plain VADER would make of the messages: its label decides complaint (negative)
    and praise (positive) about us, a question is a question, urgency is the intent's band
    with waiting time; VADER has no notion of promotion."""
    found = []
    for n, message in enumerate(messages):
        ours_result = reader.analyze(n, message)  # for mentions and about-us only
        compound = vader(message["text"])
        label = "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"
        about = ours_result["about_us"]
        if about and label == "negative":
            kind = "complaint"
        elif intent.is_question(message["text"]):
            kind = "question"
        elif about and label == "positive":
            kind = "praise"
        else:
            kind = "other"
        hours = waiting_hours(message["text"])
        found.append(
            {
                "intent": kind,
                "sentiment": label,
                "urgency": intent.urgency(kind, compound, hours),
                "promotional": False,
            }
        )
    return found
