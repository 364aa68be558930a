"""Text folding shared by the analysis modules.

People write "Vlotbank", "VLOTBANK", "vlotbank" and "Vlótbank" and mean the same thing, so every
comparison in the analysis core happens on *folded* text: casefolded, accents stripped. Tokens
keep their offsets into the original text, because the extension highlights what was matched
in the text exactly as it was written.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# A word is a run of letters/digits; combining accents stay inside the word they decorate.
# Underscores split words so "@Vlotbank_NL" yields "Vlotbank" and "NL".
WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


class Token(NamedTuple):
    start: int
    end: int
    norm: str


def fold(text: str) -> str:
    """Casefold and strip accents: the form in which Roos compares words."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[Token]:
    """Words of `text` with their original offsets and folded form."""
    return [Token(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]


def words(text: str) -> list[str]:
    """Folded words of `text`, links left out (a URL says nothing about what someone means)."""
    return [fold(m.group()) for m in WORD.finditer(URL.sub(" ", text))]


def folded_phrase(text: str) -> str:
    """Folded words joined by single spaces, padded so phrase search respects word edges."""
    return " " + " ".join(words(text)) + " "


def contains_phrase(haystack: str, phrase: str) -> bool:
    """True when `phrase` occurs as whole words in `haystack` (both already `folded_phrase`d)."""
    return phrase.strip() != "" and phrase in haystack
