"""What a message or a saved reply is about, in a few webcare topics.

Saved replies were matched on shared words alone, so a reply about a delayed delivery was
offered for a cancellation: both say "bestelling". A topic is read from word stems in Dutch
and English; a saved reply may also name its topic in the profile (`topic`). A reply whose
topics and the message's topics are both known but disjoint does not fit.
"""

from __future__ import annotations

from functools import lru_cache
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


_SINGLE = tuple((topic, tuple(s for s in stems if " " not in s)) for topic, stems in _STEMS.items())
# First word of a two-word stem -> (beginning of the second word, topic).
_PAIRS: dict[str, list[tuple[str, str]]] = {}
for _topic, _stems in _STEMS.items():
    for _stem in _stems:
        if " " in _stem:
            _first, _second = _stem.split(" ", 1)
            _PAIRS.setdefault(_first, []).append((_second, _topic))


@lru_cache(maxsize=65536)  # words repeat across messages; most have no topic
def _word_topics(word: str) -> frozenset[str]:
    return frozenset(topic for topic, stems in _SINGLE if word.startswith(stems))


def topics_of(text: str | Text) -> frozenset[str]:
    """The topics `text` touches, from its words and two-word phrases."""
    said = as_text(text).words
    found: set[str] = set().union(*map(_word_topics, said)) if said else set()
    for i in [i for i, word in enumerate(said[:-1]) if word in _PAIRS]:
        found.update(t for second, t in _PAIRS[said[i]] if said[i + 1].startswith(second))
    return frozenset(found)


@lru_cache(maxsize=4096)
def _reply_topics(named: str | None, about: str) -> frozenset[str]:
    return frozenset({named}) if named in _STEMS else topics_of(about)


def of_reply(reply: dict[str, Any]) -> frozenset[str]:
    """A saved reply's topics: the one the profile names, else read from title and text."""
    named = reply.get("topic")
    return _reply_topics(
        named if isinstance(named, str) else None,
        f"{reply.get('title') or ''} {reply.get('text') or ''}",
    )


def fits(item_topics: frozenset[str], reply_topics: frozenset[str]) -> bool:
    """False only when both sides have topics and none is shared."""
    return not item_topics or not reply_topics or not item_topics.isdisjoint(reply_topics)
