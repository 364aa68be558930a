"""Why Roos labelled an item the way it did: the words and the rule behind each label.

The extension and the inbox show these on hover, so a social media manager can see at a
glance why a message came first ("veiligheid: gevaar voor mensen — ontploft, rook") and
correct a wrong guess knowing what misled it. Each reason is `webcare.reason`'s shape:
{"rule", "words", "nl", "en"}.
"""

from __future__ import annotations

from typing import Any

from agent.analysis import promo, sentiment, webcare
from agent.analysis.text import Text

LONG_WAIT_HOURS = 24  # from here on, waiting is itself a reason to hurry


def _corrected() -> list[dict[str, Any]]:
    return [webcare.reason("corrected")]


def _sentiment(scored: dict[str, Any], text: Text, lang: str | None) -> list[dict[str, Any]]:
    rule = scored.get("rule")
    if rule == "complaint_overrides":
        return [webcare.reason(rule, scored.get("words") or [])]
    if rule == "praise_overrides":
        return [webcare.reason(rule, scored.get("words") or [])]
    felt = sentiment.felt_words(text.words, lang or scored.get("lang"))
    return [webcare.reason("lexicon", felt)] if felt else []


def promotion(text: str | Text) -> list[dict[str, Any]]:
    """The cues that make a text promotional."""
    found = promo.promo_cues(text)
    return [webcare.reason("promotion", found)] if found else []


def reasons(
    fixes: dict[str, Any],
    classified: dict[str, Any],
    scored: dict[str, Any],
    mood: dict[str, Any],
    category: str | None,
    selling: bool,
    text: Text,
    age_hours: float | None,
) -> dict[str, list[dict[str, Any]]]:
    """Reasons per label: intent, sentiment, urgency and promotional. A label the user
    corrected says so instead of what the model thought."""
    found = classified.get("category_words") or []
    urgency = [webcare.reason(category, found)] if category else []
    if age_hours is not None and age_hours >= LONG_WAIT_HOURS:
        urgency.append(webcare.reason("waiting", [f"{int(age_hours)} h"]))
    changed_mood = "sentiment" in fixes and mood.get("label") != scored.get("label")
    return {
        "intent": _corrected() if "intent" in fixes else classified["reasons"],
        "sentiment": _corrected() if changed_mood else _sentiment(scored, text, mood.get("lang")),
        "urgency": urgency,
        "promotional": (
            _corrected() if isinstance(fixes.get("promotional"), bool) else promotion(text)
        )
        if selling or isinstance(fixes.get("promotional"), bool)
        else [],
    }
