"""Comment helpfully: open questions in blogs and groups that our knowledge base answers.

The suggested comment starts from knowledge, never from sales.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ..knowledge import best_answer
from ..times import to_datetime
from .common import brief, first_name, is_open, language_of, with_disclosure

OPENERS = {"nl": "Goede vraag{name}! {answer}", "en": "Good question{name}! {answer}"}


def comment_helpfully(
    items: list[dict[str, Any]],
    profile: dict[str, Any],
    now: datetime,
    days: int = 30,
    limit: int = 10,
) -> list[dict[str, Any]]:
    since = now - timedelta(days=days)
    knowledge = profile.get("knowledge") or []
    found = []
    for item in items:
        analysis = item.get("analysis") or {}
        when = to_datetime(item.get("published_at") or item.get("seen_at"))
        monitored = item.get("source") == "blog" or bool(item.get("group"))
        asks = analysis.get("intent") == "question" or analysis.get("is_question")
        if not (monitored and asks and is_open(item)) or when is None or when < since:
            continue
        lang = language_of(item)
        match = best_answer(item.get("text") or "", knowledge, lang)
        if match is None:
            continue
        entry, fit = match
        name = first_name(item)
        text = OPENERS[lang].format(name=f", {name}" if name else "", answer=entry["answer"])
        found.append(
            {
                **brief(item),
                "language": lang,
                "fit": round(fit, 1),
                "knowledge_question": entry["question"],
                "comment": with_disclosure(text, lang, profile),
            }
        )
    found.sort(key=lambda f: (-f["fit"], f["published_at"] or ""))
    return found[:limit]
