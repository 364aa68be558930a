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

from agent.analysis.textnorm import fold, whole_word_matches
from agent.analysis.times import now_or, to_datetime

THRESHOLD = 0.5
DEFAULT_LIMIT = 0.2

_STRONG = (
    r"nu verkrijgbaar|nu te koop|nu beschikbaar|bestel (?:nu|vandaag|direct)|koop (?:nu|direct)|"
    r"schrijf je (?:nu |vandaag )?in|meld je (?:nu |vandaag )?aan|boek (?:nu|direct)|"
    r"reserveer (?:nu|direct)|gratis (?:proberen|uitproberen|proefperiode)|probeer (?:het )?gratis|"
    r"(?:gebruik|met) (?:de )?(?:kortings)?code|kortingscode|alleen vandaag|op=op|"
    r"sign up|buy now|shop now|order now|book now|register now|get yours|limited (?:time )?offer|"
    r"limited time|free trial|try (?:it )?for free|link in (?:bio|profile)|use (?:the )?code|"
    r"promo code|discount code|coupon|available now|now available|black friday|cyber monday"
)
_PRICE = (
    r"(?:€|eur\b|\$|£)\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:€|euro\b|eur\b)|"
    r"\d+\s?%\s?(?:korting|off|discount)|\d+\s?procent korting"
)
_SOFT = (
    r"korting|aanbieding|actie|gratis|uitverkoop|sale|voordeel|nieuw|lancering|deal|offer|"
    r"discount|free|new|launch|exclusive|exclusief|webinar|tickets?|aanmelden|inschrijven|"
    r"slechts|vanaf|nu voor|per maand|only|now for|per month"
)
_PRICE_SIGNS = ("€", "$", "£", "%", " eur", "procent")
# (pattern, weight, how many hits count): a call to action sells on its own; a price alone may
# be a complaint about a charge, so it needs one more cue; soft words need three together.
# Patterns run on folded text, without IGNORECASE or a leading \b, which keeps them fast.
_CUES = (
    (re.compile(rf"(?:{_STRONG})\b"), 0.6, 1),
    (re.compile(rf"(?:{_PRICE})"), 0.4, 1),
    (re.compile(rf"(?:{_SOFT})\b"), 0.2, 3),
)


def _found(folded: str) -> list[tuple[list[str], float, int]]:
    has_price_sign = any(sign in folded for sign in _PRICE_SIGNS)
    return [
        (whole_word_matches(pattern, folded), weight, most)
        for index, (pattern, weight, most) in enumerate(_CUES)
        if index != 1 or has_price_sign
    ]


def promo_cues(text: str) -> list[str]:
    """The promotional phrases found in `text`, in folded form."""
    return [cue for matches, _, _ in _found(fold(text or "")) for cue in matches]


def promo_score(text: str, lang: str | None = None) -> float:
    """0..1: how strongly `text` sells. `lang` is accepted for symmetry (see module doc)."""
    score = sum(weight * min(len(m), most) for m, weight, most in _found(fold(text or "")))
    return round(min(score, 1.0), 3)


def is_promotional(text: str, lang: str | None = None) -> bool:
    """True when `text` is an offer, a price or a call to buy or sign up."""
    return promo_score(text, lang) >= THRESHOLD


def _post_is_promotional(post: dict[str, Any]) -> bool:
    corrected = (post.get("corrections") or {}).get("promotional")
    if isinstance(corrected, bool):
        return corrected
    if isinstance(post.get("promotional"), bool):
        return post["promotional"]
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
    promotional = sum(1 for post in recent if _post_is_promotional(post))
    value = round(promotional / len(recent), 4) if recent else 0.0
    return {
        "value": value,
        "limit": limit,
        "window_days": window_days,
        "count": len(recent),
        "promotional": promotional,
        "over_limit": value > limit,
    }
