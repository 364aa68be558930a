"""Recognising promotional posts, and how much of our own feed is promotion.

A feed that only sells loses its audience; the profile sets a ceiling (`max_promo_share`,
20% by default). Promotion is recognised from cues with weights: a call to buy or sign up or a
price is enough on its own, softer words ("gratis", "nieuw", "actie") only together. Dutch
marketing borrows English calls to action ("link in bio", "sign up"), so both languages'
cues count whatever the post's language.
"""

from __future__ import annotations

import re
from typing import Any

from agent.analysis import webcare, webcare_match
from agent.analysis.text import Text, as_text
from agent.analysis.times import now_or, to_datetime

THRESHOLD = 0.5
DEFAULT_LIMIT = 0.2

# Cue phrases as folded words, "|"-separated. A call to action sells on its own; a price
# alone may be a complaint about a charge, so it needs one more cue; soft words need three.
_STRONG = (
    "nu verkrijgbaar|nu te koop|nu beschikbaar|bestel nu|bestel vandaag|bestel direct|koop nu|"
    "koop direct|schrijf je in|schrijf je nu in|schrijf je vandaag in|meld je aan|"
    "meld je nu aan|meld je vandaag aan|boek nu|boek direct|reserveer nu|reserveer direct|"
    "gratis proberen|gratis uitproberen|gratis proefperiode|probeer gratis|probeer het gratis|"
    "gebruik code|gebruik de code|gebruik kortingscode|met code|met de code|met kortingscode|"
    "kortingscode|alleen vandaag|op op|sign up|buy now|shop now|order now|book now|"
    "register now|get yours|limited offer|limited time offer|limited time|free trial|"
    "try for free|try it for free|link in bio|link in profile|use code|use the code|promo code|"
    "discount code|coupon|available now|now available|black friday|cyber monday"
)
_SOFT = (
    "korting|aanbieding|actie|gratis|uitverkoop|sale|voordeel|nieuw|lancering|deal|offer|"
    "discount|free|new|launch|exclusive|exclusief|webinar|ticket|tickets|aanmelden|inschrijven|"
    "slechts|vanaf|nu voor|per maand|only|now for|per month|tijdelijk|temporarily"
)
_PRICE = re.compile(
    r"(?:€|eur\b|\$|£)\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:€|euro\b|eur\b)|"
    r"\d+\s?%\s?(?:korting|off|discount)|\d+\s?procent korting"
)
_WEIGHTS = {"strong": (0.6, 1), "price": (0.4, 1), "soft": (0.2, 3)}


def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> (phrase words, kind), longest phrase first so "gratis proberen" wins
    over "gratis"."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, phrases in (("strong", _STRONG), ("soft", _SOFT)):
        for phrase in phrases.split("|"):
            parts = tuple(phrase.split())
            index.setdefault(parts[0], []).append((parts, kind))
    for options in index.values():
        options.sort(key=lambda option: -len(option[0]))
    return index


_INDEX = _phrase_index()
_FIRST_WORDS = frozenset(_INDEX)
_CALL_WORDS = webcare_match.first_words("promotion")


def _has_price_sign(folded: str) -> bool:
    # A chain of `in` tests is far cheaper than the price regex, which most texts never need.
    return (
        "€" in folded
        or "$" in folded
        or "%" in folded
        or "£" in folded
        or " eur" in folded
        or "procent" in folded
    )


def _found(text: Text, lang: str | None = None) -> tuple[list[str], list[str], list[str]]:
    """Cues by kind: (strong, price, soft). Phrases are looked up word by word (one dictionary
    lookup per word is far cheaper than scanning the text with a regex of a hundred
    alternatives); calls to act with words in between ("bestel de Vonk E1 nu", "maak snel
    een afspraak") come from the webcare reading's "promotion" phrases."""
    cue_lang = lang if lang in ("nl", "en") else None  # as the pipeline reads it: once
    calls = [cue.words for cue in webcare.cues(text, cue_lang) if cue.rule == "promotion"]
    found: dict[str, list[str]] = {"strong": calls, "soft": []}
    said = text.words
    if not _FIRST_WORDS.isdisjoint(said):
        taken = " ".join(calls)
        free = 0  # a word already part of a longer phrase does not start another
        for i in [i for i, word in enumerate(said) if word in _INDEX]:
            if i < free:
                continue
            for parts, kind in _INDEX[said[i]]:
                phrase = " ".join(parts)
                if tuple(said[i : i + len(parts)]) == parts and phrase not in taken:
                    found[kind].append(phrase)
                    free = i + len(parts)
                    break
    price = _PRICE.findall(text.folded) if _has_price_sign(text.folded) else []
    return found["strong"], price, found["soft"]


def promo_cues(text: str | Text) -> list[str]:
    """The promotional phrases found in `text`, in folded form."""
    strong, price, soft = _found(as_text(text))
    return strong + price + soft


def promo_score(text: str | Text, lang: str | None = None) -> float:
    """0..1: how strongly `text` sells. `lang` is accepted for symmetry (see module doc)."""
    prepared = as_text(text)
    if (
        _FIRST_WORDS.isdisjoint(prepared.words)
        and not _has_price_sign(prepared.folded)
        and _CALL_WORDS.isdisjoint(prepared.words)
    ):
        return 0.0  # not a single cue: most texts
    strong, price, soft = _found(prepared, lang)
    (w_strong, most_strong), (w_price, most_price), (w_soft, most_soft) = _WEIGHTS.values()
    score = (
        w_strong * min(len(strong), most_strong)
        + w_price * min(len(price), most_price)
        + w_soft * min(len(soft), most_soft)
    )
    return round(min(score, 1.0), 3)


def is_promotional(text: str | Text, lang: str | None = None) -> bool:
    """True when `text` is an offer, a price or a call to buy or sign up."""
    return promo_score(text, lang) >= THRESHOLD


def post_is_promotional(post: dict[str, Any]) -> bool:
    """The user's correction wins; a post stored as promotional stays so; one stored as not
    promotional is read again, so a better reading counts for posts stored before it."""
    corrected = (post.get("corrections") or {}).get("promotional")
    if isinstance(corrected, bool):
        return corrected
    if post.get("promotional") is True:
        return True
    return is_promotional(post.get("text") or "", post.get("lang"))


def promo_share(
    own_posts: list[dict[str, Any]],
    now: object = None,
    window_days: int = 30,
    limit: float = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Share of our own posts in the last `window_days` that promote. A post's stored
    `promotional` flag (or the user's correction) wins over recognising it again."""
    moment = now_or(now)
    recent = []
    for post in own_posts:
        at = to_datetime(post.get("published_at") or post.get("seen_at"))
        if at is not None and 0 <= (moment - at).total_seconds() <= window_days * 86400:
            recent.append(post)
    promotional = sum(1 for post in recent if post_is_promotional(post))
    value = round(promotional / len(recent), 4) if recent else 0.0
    return {
        "value": value,
        "limit": limit,
        "window_days": window_days,
        "count": len(recent),
        "promotional": promotional,
        "over_limit": value > limit,
    }
