"""Safety replies: what to tell someone whose product smokes, burns or hurt them.

A safety complaint never gets "we'll look into it". It gets: stop using it, get safe, and a
number to call now. The advice and the number come from the profile's knowledge base when it
has a safety entry ("Wat moet ik doen als mijn accu rookt?"), else the number from the
profile's contact details; without either, the writer is asked for a number to be called on.
"""

from __future__ import annotations

import re
from typing import Any

from agent.analysis.reply_templates import CALL
from agent.analysis.textnorm import words

_SAFETY_WORDS = frozenset(
    [
        "veilig",
        "veiligheid",
        "veiligheidslijn",
        "noodnummer",
        "nood",
        "brand",
        "rook",
        "rookt",
        "ontploft",
        "vuur",
        "heet",
        "gevaar",
        "gevaarlijk",
        "safety",
        "safe",
        "emergency",
        "fire",
        "smoke",
        "smokes",
        "hot",
        "danger",
        "dangerous",
        "hazard",
        "burn",
        "burns",
        "explodes",
    ]
)
_PHONE = re.compile(r"\+?\d[\d ()\-]{6,}\d")


def safety_entry(knowledge: list[dict[str, Any]], lang: str) -> dict[str, Any] | None:
    """The knowledge entry in `lang` that gives safety advice, if the profile has one."""
    for entry in knowledge:
        if entry.get("lang") not in (None, lang):
            continue
        said = words(f"{entry.get('question') or ''} {entry.get('answer') or ''}")
        if not _SAFETY_WORDS.isdisjoint(said):
            return entry
    return None


def phone(profile: dict[str, Any], entry: dict[str, Any] | None) -> str | None:
    """The number to call: the one in the safety advice, else the profile's phone."""
    found = _PHONE.search((entry or {}).get("answer") or "")
    if found:
        return found.group().strip()
    return (profile.get("contact") or {}).get("phone") or None


def plan(
    profile: dict[str, Any], knowledge: list[dict[str, Any]], lang: str, voice: str
) -> list[tuple[str, dict[str, Any]]]:
    """Reply kinds for a safety item: the knowledge base's advice when there is any, and
    always the plain "stop, get safe, call us now"."""
    entry = safety_entry(knowledge, lang)
    number = phone(profile, entry)
    words_for = CALL["nl_u" if voice == "nl_u" else lang]
    call = words_for["phone"].format(phone=number) if number else words_for["none"]
    steps: list[tuple[str, dict[str, Any]]] = []
    if entry is not None:
        steps.append(("safety_known", {"answer": entry["answer"], "question": entry["question"]}))
    return [*steps, ("safety", {"call": call})]
