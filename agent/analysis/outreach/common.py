"""What the reach-out suggestions share: excerpts, first names, language, disclosure."""

from __future__ import annotations

from typing import Any

from ..disclosure import phrase


def excerpt(text: str, limit: int = 220) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def first_name(item: dict[str, Any]) -> str:
    name = ((item.get("author") or {}).get("name") or "").strip()
    return name.split()[0] if name else ""


def language_of(item: dict[str, Any]) -> str:
    lang = (item.get("analysis") or {}).get("language") or item.get("lang") or "nl"
    return "en" if lang == "en" else "nl"


def with_disclosure(text: str, lang: str, profile: dict[str, Any]) -> str:
    """We speak for the organisation from a personal account: say so."""
    said = phrase(profile, lang)
    return f"{text} {said}".strip() if said and said not in text else text


def brief(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"],
        "url": item.get("url"),
        "text": excerpt(item.get("text") or ""),
        "author": (item.get("author") or {}).get("name"),
        "source": item.get("source"),
        "published_at": item.get("published_at") or item.get("seen_at"),
    }


def is_open(item: dict[str, Any]) -> bool:
    return not item.get("answered") and item.get("status") not in ("answered", "ignored")
