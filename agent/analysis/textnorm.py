"""Text folding shared by the analysis modules.

People write "Vlotbank", "VLOTBANK", "vlotbank" and "Vlótbank" and mean the same thing, so every
comparison in the analysis core happens on *folded* text: casefolded, accents stripped. Tokens
keep their offsets into the original text, because the extension highlights what was matched
in the text exactly as it was written.

Sentiment scoring needs a second kind of clean-up. Word-based scorers split on whitespace and
strip ASCII punctuation, so LinkedIn's typography hides words from them: "stands out—great work"
is one token, "great…" keeps its Unicode ellipsis, "don’t" has a curly apostrophe that no
negation list contains, "great/amazing" is one unknown word. `fix_punctuation` rewrites such
text into plain, spaced ASCII punctuation (URLs left alone) and `expand_hashtags` splits
hashtags such as #greatjob or #NeverAgain into the words they are made of.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Hashable
from functools import lru_cache
from typing import NamedTuple

# A word is a run of letters/digits; combining accents stay inside the word they decorate.
# Underscores split words so "@Vlotbank_NL" yields "Vlotbank" and "NL".
WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Folded text has no combining marks left, so there the simple (much faster) pattern suffices.
FOLDED_WORD = re.compile(r"[^\W_]+")
# Byte table: ASCII letters and digits stay, everything else becomes a space.
_ALNUM_OR_SPACE = bytes(b if chr(b).isalnum() and b < 128 else 32 for b in range(256))
_WORD_AND_GAP = re.compile(r"([^\W_]+)([\W_]*)")
# Combining marks of the Latin, extended and symbol diacritic blocks: what folding strips.
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# NFKD would turn these into several characters; one keeps folded offsets equal to original ones.
_ONE_FOR_ONE = str.maketrans({"\u2026": ".", "\u2025": "."})


class Token(NamedTuple):
    start: int
    end: int
    norm: str


def fold(text: str) -> str:
    """Casefold and strip accents: the form in which Roos compares words. Compatibility
    forms fold too, so LinkedIn's "bold" letters (𝗩𝗹𝗼𝘁𝗯𝗮𝗻𝗸) read as plain ones."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_ONE_FOR_ONE)).casefold()
    return COMBINING.sub("", decomposed)


def aligned_fold(text: str) -> str | None:
    """`fold(text)` when every character folds to exactly one (the common case, so offsets in
    the folded text are offsets in `text`); None when folding changed the length."""
    folded = fold(text)
    if len(folded) != len(text) or COMBINING.search(text):
        return None
    return folded


def tokens(text: str) -> list[Token]:
    """Words of `text` with their original offsets and folded form."""
    folded = aligned_fold(text)
    if folded is not None:
        return [Token(m.start(), m.end(), m.group()) for m in FOLDED_WORD.finditer(folded)]
    return [Token(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]


def words_and_gaps(folded: str) -> list[tuple[str, str]]:
    """(word, what follows it up to the next word) for folded text, in one regex pass."""
    return _WORD_AND_GAP.findall(folded)


def folded_words(folded: str) -> list[str]:
    """The words (runs of letters and digits) of folded text."""
    if folded.isascii():  # most text: a byte table and a split, far cheaper than a regex
        return folded.encode("ascii").translate(_ALNUM_OR_SPACE).decode("ascii").split()
    return FOLDED_WORD.findall(folded)


def words(text: str) -> list[str]:
    """Folded words of `text`, links left out (a URL says nothing about what someone means)."""
    if "://" in text or "www." in text or "WWW." in text:
        text = URL.sub(" ", text)
    return folded_words(fold(text))


def folded_phrase(text: str) -> str:
    """Folded words joined by single spaces, padded so phrase search respects word edges."""
    return " " + " ".join(words(text)) + " "


def contains_phrase(haystack: str, phrase: str) -> bool:
    """True when `phrase` occurs as whole words in `haystack` (both already `folded_phrase`d)."""
    return phrase.strip() != "" and phrase in haystack


def whole_word_matches(pattern: re.Pattern[str], folded: str) -> list[str]:
    """Matches of `pattern` in folded text that start at a word edge. Patterns leave out a
    leading `\\b` (and IGNORECASE, the text being folded) because either makes Python's regex
    engine try every position slowly; the edge is checked here instead."""
    return [
        m.group()
        for m in pattern.finditer(folded)
        if m.start() == 0 or not folded[m.start() - 1].isalnum()
    ]


_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "…": "...",
        "—": " - ",
        "–": " - ",
        "―": " - ",
        "\u00a0": " ",
        "\u200b": "",
        "\ufe0f": "",  # emoji variation selector: "❤️" is "❤" to every lexicon
    }
)
# A URL is matched first so that its slashes and dots are left untouched.
_GLUED = re.compile(
    r"(?P<url>https?://\S+|www\.\S+)"
    r"|(?<=[^\W\d_])(?P<slash>/)(?=[^\W\d_])"
    r"|(?<=\w)(?P<dots>\.{2,})(?=\w)"
)
_HASHTAG = re.compile(r"(?<![\w&])#([^\W_][\w]*)")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_MAX_PIECE = 20
_MAX_TAG = 40


def _unglue(match: re.Match[str]) -> str:
    if match["url"]:
        return match["url"]
    if match["slash"]:
        return " / "
    return match["dots"] + " "


def fix_punctuation(text: str) -> str:
    """Turn typographic punctuation into spaced ASCII so that every word stands alone."""
    if not text.isascii():
        text = text.translate(_TYPOGRAPHY)
    if "/" not in text and ".." not in text:
        return text  # the common case skips the regex: this runs on every scored text
    return _GLUED.sub(_unglue, text)


def segment(word: str, known: Container[str]) -> list[str] | None:
    """Split `word` into the fewest known words, or None when no full split exists."""
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(2, len(word) + 1):
        for start in range(max(0, end - _MAX_PIECE), end - 1):
            head = best[start]
            piece = word[start:end]
            if head is None or piece not in known:
                continue
            if best[end] is None or len(head) + 1 < len(best[end]):
                best[end] = [*head, piece]
    return best[-1]


def _split(body: str, known: Container[str]) -> tuple[str, ...]:
    lower = body.lower()
    if lower in known or len(body) > _MAX_TAG:
        return (body,)
    camel = _CAMEL.findall(body)
    if len(camel) > 1 and "".join(camel) == body:
        return tuple(piece.lower() for piece in camel)
    return tuple(segment(lower, known) or [body])


_split_cached = lru_cache(maxsize=8192)(_split)


def split_hashtag(body: str, known: Container[str]) -> list[str]:
    """The words of a hashtag body: as written if known, else camel case, else a segmentation."""
    if isinstance(known, Hashable):  # a frozen vocabulary: remember each tag's split
        return list(_split_cached(body, known))
    return list(_split(body, known))


def expand_hashtags(text: str, known: Container[str], needs: Container[str] | None = None) -> str:
    """Replace each hashtag by its words, so #topservice reads as "top service". With
    `needs`, only a hashtag with one of those words among its parts is replaced: a tag
    of everyday words ("#greatjob") says a feeling, a slogan ("#beatcancer") may not."""
    if "#" not in text:
        return text

    def words_of(match: re.Match[str]) -> str:
        parts = split_hashtag(match[1], known)
        if needs is not None and (len(parts) < 2 or not any(p in needs for p in parts)):
            return match[0]  # one word, or a slogan: read as written ("#FF" stays in caps)
        return " ".join(parts)

    return _HASHTAG.sub(words_of, text)
