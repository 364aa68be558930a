"""What a message or a saved reply is about, in a few webcare topics.

Saved replies were matched on shared words alone, so a reply about a delayed delivery was
offered for a cancellation: both say "bestelling". A topic is read from word stems in Dutch
and English; a saved reply may also name its topic in the profile (`topic`). A reply whose
topics and the message's topics are both known but disjoint does not fit.
"""

from __future__ import annotations

import itertools
from typing import Any

from agent.analysis.text import Text, as_text

# topic -> word beginnings (folded); a word fits when it starts with one of them.
_STEMS: dict[str, tuple[str, ...]] = {
    "delivery": (
        "bezorg",
        "levering",
        "leveren",
        "levert",
        "leverdatum",
        "levertijd",
        "geleverd",
        "pakket",
        "verzend",
        "verzonden",
        "track",
        "deliver",
        "shipping",
        "shipped",
        "parcel",
        "package",
        "courier",
        "koerier",
        "arriv",
        "aangekomen",
    ),
    "cancellation": (
        "annuler",
        "geannuleerd",
        "opzeg",
        "opgezegd",
        "cancel",
        "terminate",
        "stopzet",
    ),
    "refund": (
        "terugbetal",
        "terugstort",
        "teruggestort",
        "restitutie",
        "geld terug",
        "refund",
        "money back",
        "vergoed",
        "credit",
    ),
    "billing": (
        "factuur",
        "facturen",
        "afgeschreven",
        "afschrijving",
        "incasso",
        "rekening klopt",
        "invoice",
        "bill",
        "charged",
        "overcharg",
        "debit",
        "kosten",
        "fees",
    ),
    "outage": ("storing", "outage", "offline", "ligt plat", "is down", "went down", "ligt eruit"),
    "login": ("inlog", "login", "log in", "wachtwoord", "password", "account"),
    "repair": (
        "repar",
        "monteur",
        "werkplaats",
        "onderhoud",
        "garantie",
        "repair",
        "engineer",
        "technician",
        "workshop",
        "warranty",
        "service appointment",
    ),
    "safety": (
        "rook",
        "in brand",
        "brandt",
        "ontplof",
        "vuur",
        "heet",
        "smoke",
        "fire",
        "explod",
        "burn",
        "so hot",
        "too hot",
        "gewond",
        "injur",
        "gevaar",
        "danger",
    ),
}
TOPICS = tuple(_STEMS)


def topics_of(text: str | Text) -> frozenset[str]:
    """The topics `text` touches, from its words and two-word phrases."""
    prepared = as_text(text)
    said = prepared.words
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(said)]
    found = set()
    for topic, stems in _STEMS.items():
        if any(word.startswith(stems) for word in said) or any(
            pair.startswith(stems) for pair in pairs
        ):
            found.add(topic)
    return frozenset(found)


def of_reply(reply: dict[str, Any]) -> frozenset[str]:
    """A saved reply's topics: the one the profile names, else read from title and text."""
    named = reply.get("topic")
    if named in _STEMS:
        return frozenset({named})
    return topics_of(f"{reply.get('title') or ''} {reply.get('text') or ''}")


def fits(item_topics: frozenset[str], reply_topics: frozenset[str]) -> bool:
    """False only when both sides have topics and none is shared."""
    return not item_topics or not reply_topics or not item_topics.isdisjoint(reply_topics)
