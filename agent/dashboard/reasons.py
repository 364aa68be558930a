"""Why an item is in the inbox, in short phrases, read defensively from its analysis.

The analysis may explain its intent and urgency (``reasons``: a string, a list of strings or
of ``{"text"|"label"|"reason": ...}``; ``urgency_reasons`` likewise; ``urgency_category`` or
``category``: one word). Older items have none of that, and a malformed value must never
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


def reasons_of(analysis: object) -> list[str]:
    if not isinstance(analysis, dict):
        return []
    found: list[str] = []
    for key in KEYS:
        for text in _texts(analysis.get(key)):
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
