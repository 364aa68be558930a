"""Saying whom you speak for.

When an employee writes about their employer, or for it, readers deserve to know (and
advertising codes require it). A draft *needs* a disclosure when it names the organisation or
its products, speaks as "we/ons/our" or sells; it *has* one when it says whom the writer works
for ("namens", "ik werk bij", "I work at", "#ad", the profile's own phrase, ...). Matching is on
folded words, so case, accents, spacing and punctuation don't matter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from agent.analysis.promo import is_promotional
from agent.analysis.textnorm import contains_phrase, folded_phrase, words

_SPEAKING_FOR = re.compile(r" (?:we|wij|ons|onze|our|ours|us) ")
_US_AS_COUNTRY = re.compile(r"\b(?:US\b|U\.S\.)")  # "the US" is a country, not "us"
_DISCLOSING = (
    "namens|ik werk bij|ik werk voor|werkzaam bij|werkzaam voor|medewerker van|"
    "in dienst van|full disclosure|disclosure|i work at|i work for|i m with|employee of|"
    "on behalf of|in samenwerking met|in partnership with|paid partnership|"
    "betaalde samenwerking|gesponsord door|sponsored by"
)
_DISCLOSED = re.compile(f" (?:{_DISCLOSING}) ")
# The longest word of each phrase: a text with none of them cannot match, and skips the scan.
_DISCLOSING_WORDS = frozenset(max(p.split(), key=len) for p in _DISCLOSING.split("|"))
_HASHTAG = re.compile(
    r"#\s?(?:ad|ads|spon|sponsored|advertentie|adv|reclame|gesponsord|samenwerking|partner)\b",
    re.IGNORECASE,
)
_DEFAULT_PHRASE = {"nl": "(ik werk bij {name})", "en": "(I work at {name})"}


def phrase(profile: dict[str, Any], lang: str | None) -> str:
    """The profile's disclosure phrase in `lang`, falling back to Dutch, then to a default."""
    own = profile.get("disclosure") or {}
    name = (profile.get("organisation") or {}).get("name") or ""
    lang = lang if lang in ("nl", "en") else "nl"
    text = own.get(lang) or own.get("nl")
    if text:
        return text
    return _DEFAULT_PHRASE[lang].format(name=name) if name else ""


def _own_names(profile: dict[str, Any]) -> list[str]:
    org = profile.get("organisation") or {}
    names = [org.get("name") or "", *(org.get("aliases") or [])]
    names += list(profile.get("watch_terms") or [])
    return [folded_phrase(n) for n in names if n and n.strip()]


def _names_us(text: str, profile: dict[str, Any], mentions: list[dict[str, Any]] | None) -> bool:
    if mentions is not None:
        return any(m.get("kind") in ("organisation", "product") for m in mentions)
    folded = folded_phrase(text)
    glued = "".join(words(text))
    return any(
        contains_phrase(folded, name) or (len(name) > 7 and name.replace(" ", "") in glued)
        for name in _own_names(profile)
    )


def is_present(text: str, profile: dict[str, Any]) -> bool:
    """True when `text` already says whom the writer speaks for."""
    if "#" in (text or "") and _HASHTAG.search(text):
        return True
    said = words(text or "")
    folded = " " + " ".join(said) + " "  # as `folded_phrase`, from the words at hand
    if not _DISCLOSING_WORDS.isdisjoint(said) and _DISCLOSED.search(folded):
        return True
    own = profile.get("disclosure") or {}
    phrases = (p for p in own.values() if isinstance(p, str) and p)
    return any(contains_phrase(folded, _own_phrase(p)) for p in phrases)


@lru_cache(maxsize=256)  # the profile's phrases are checked in every suggestion
def _own_phrase(text: str) -> str:
    return folded_phrase(text)


def is_needed(
    text: str, lang: str | None, profile: dict[str, Any], mentions: list[dict[str, Any]] | None
) -> bool:
    """True when `text` speaks about or for the organisation."""
    if _names_us(text, profile, mentions):
        return True
    without_country = _US_AS_COUNTRY.sub(" ", text or "")
    if _SPEAKING_FOR.search(folded_phrase(without_country)):
        return True
    return is_promotional(text, lang)


def check(
    text: str,
    lang: str | None,
    profile: dict[str, Any],
    mentions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Does this draft need a disclosure, does it have one, and what to insert if not.
    Pass the draft's `mentions` when known; otherwise the profile's names are searched."""
    needed = is_needed(text, lang, profile, mentions)
    present = is_present(text, profile)
    return {
        "needed": needed,
        "present": present,
        "missing": needed and not present,
        "insert": phrase(profile, lang),
    }


def append(text: str, lang: str | None, profile: dict[str, Any]) -> str:
    """`text` with the disclosure phrase added at the end, unless one is there already."""
    insert = phrase(profile, lang)
    if not insert or is_present(text, profile):
        return text
    return f"{text.rstrip()} {insert}"
