"""Why an item is in the inbox, in short phrases, read defensively from its analysis.

The analysis explains its labels in ``reasons``: ``{"urgency": [...], "intent": [...], ...}``,
each entry ``{rule, words, nl, en}`` (agent/analysis/webcare.py). Those become
``{"rule", "nl", "en", "words"}`` objects, urgency first, that the page shows in its own
language. Older or foreign analyses may give a string, a list of strings or of
``{"text"|"label"|"reason": ...}`` (``urgency_reasons`` likewise), kept as strings; the
category is ``urgency_category`` or ``category``: one word. Older items have none of that, and a malformed value must never
break the inbox, so anything that is not text is skipped and the list is kept short.
"""

from __future__ import annotations

MAX_REASONS = 3
MAX_LENGTH = 120
KEYS = ("reasons", "intent_reasons", "urgency_reasons")
TEXT_KEYS = ("text", "label", "reason", "why")


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        for key in TEXT_KEYS:
            if isinstance(value.get(key), str):
                return [value[key]]
        return []
    if isinstance(value, list | tuple):
        return [text for part in value[:10] for text in _texts(part)]
    return []


GROUPS = ("urgency", "intent", "promotional")  # what explains why an item is in the inbox


def _explained(value: dict) -> list[dict]:
    """The webcare reasons, urgency first: each in both languages with the words that decided."""
    found: list[dict] = []
    for group in GROUPS:
        entries = value.get(group)
        for entry in entries[:10] if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            nl, en = entry.get("nl"), entry.get("en")
            if not (isinstance(nl, str) and isinstance(en, str)):
                continue
            words = entry.get("words") if isinstance(entry.get("words"), list) else []
            reason = {
                "rule": str(entry.get("rule") or "")[:40],
                "nl": " ".join(nl.split())[:MAX_LENGTH],
                "en": " ".join(en.split())[:MAX_LENGTH],
                "words": [w[:MAX_LENGTH] for w in words[:3] if isinstance(w, str)],
            }
            if all(r["en"] != reason["en"] for r in found):
                found.append(reason)
    return found[:MAX_REASONS]


def reasons_of(analysis: object) -> list[str | dict]:
    if not isinstance(analysis, dict):
        return []
    if isinstance(analysis.get("reasons"), dict):
        explained = _explained(analysis["reasons"])
        if explained:
            return explained
    found: list[str] = []
    for key in KEYS:
        value = analysis.get(key)
        for text in _texts(value if not isinstance(value, dict) else None):
            text = " ".join(text.split())[:MAX_LENGTH]
            if text and text.casefold() not in {f.casefold() for f in found}:
                found.append(text)
    return found[:MAX_REASONS]


def category_of(analysis: object) -> str | None:
    if not isinstance(analysis, dict):
        return None
    for key in ("urgency_category", "category"):
        value = analysis.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:40]
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return value["name"].strip()[:40] or None
    return None
