"""Linking reposts and copy-paste chains to the first item that said it.

A campaign text copied by twenty people, or a post shared with "Must read!" in front of it,
should show up once in the inbox, not twenty times. Texts are compared in folded form without
links. The index keeps an inverted list of word trigrams ("shingles") so a new text is only
compared, with rapidfuzz, against the few earlier texts it shares shingles with.
"""

from __future__ import annotations

import hashlib
from collections import Counter, OrderedDict

from rapidfuzz import fuzz

from agent.analysis.textnorm import words

THRESHOLD = 90
MIN_WORDS = 6  # "Gefeliciteerd!" twenty times is twenty people, not a copy chain
SUBSET_MIN_WORDS = 8  # a repost with comment must quote at least this much of the original
_MAX_CANDIDATES = 12
_COMMON_SHINGLE = 300  # shingles shared by more texts than this say nothing about copying


def normalise(text: str) -> str:
    """Folded words without links, single-spaced: the form in which copies are compared."""
    return " ".join(words(text or ""))


def fingerprint(text: str) -> str:
    """A short stable hash that is equal for texts that differ only in case, accents,
    spacing, punctuation or links."""
    return hashlib.blake2b(normalise(text).encode(), digest_size=8).hexdigest()


def _similar(a: str, b: str, threshold: int) -> bool:
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    short_words = short.count(" ") + 1
    if short_words < MIN_WORDS:
        return False
    if fuzz.ratio(a, b, score_cutoff=threshold):
        return True
    # A repost with a comment contains the original entirely.
    return (
        short_words >= SUBSET_MIN_WORDS
        and len(short) / len(long_) >= 0.25
        and fuzz.token_set_ratio(short, long_) >= max(threshold, 95)
    )


def is_near_duplicate(a: str, b: str, threshold: int = THRESHOLD) -> bool:
    """True when `b` is a copy, light edit or quoting repost of `a` (or the other way round)."""
    return _similar(normalise(a), normalise(b), threshold)


def _shingles(norm: str) -> set[str]:
    parts = norm.split()
    if len(parts) < 3:
        return {norm} if norm else set()
    return {" ".join(parts[i : i + 3]) for i in range(len(parts) - 2)}


class NearDuplicateIndex:
    """Remembers texts by id; `add` answers which earlier item a new text copies."""

    def __init__(self, threshold: int = THRESHOLD, max_items: int = 20_000) -> None:
        self.threshold = threshold
        self.max_items = max_items
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._canonical: dict[str, str] = {}
        self._postings: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def canonical(self, item_id: str) -> str | None:
        """The first-seen item `item_id` was linked to (itself when original)."""
        return self._canonical.get(item_id)

    def find(self, text: str) -> str | None:
        """Canonical id of an earlier near-duplicate of `text`, without remembering it."""
        norm = normalise(text)
        return self._find(norm, _shingles(norm))

    def _find(self, norm: str, shingles: set[str]) -> str | None:
        counts: Counter[str] = Counter()
        for shingle in shingles:
            posting = self._postings.get(shingle, ())
            if len(posting) <= _COMMON_SHINGLE:
                counts.update(posting)
        for other, _ in counts.most_common(_MAX_CANDIDATES):
            if _similar(self._texts[other], norm, self.threshold):
                return self._canonical[other]
        return None

    def add(self, item_id: str, text: str) -> str:
        """Remember `text` under `item_id`; return the id of the first-seen item it copies,
        or `item_id` itself when it is new. Adding an id twice keeps the first link."""
        if item_id in self._canonical:
            return self._canonical[item_id]
        norm = normalise(text)  # folded and split once, for the search and the postings
        shingles = _shingles(norm)
        canonical = self._find(norm, shingles) or item_id
        self._texts[item_id] = norm
        self._canonical[item_id] = canonical
        for shingle in shingles:
            self._postings.setdefault(shingle, []).append(item_id)
        while len(self._texts) > self.max_items:
            self._forget_oldest()
        return canonical

    def _forget_oldest(self) -> None:
        old_id, old_norm = self._texts.popitem(last=False)
        for shingle in _shingles(old_norm):
            posting = self._postings.get(shingle)
            if posting is not None:
                posting.remove(old_id)
                if not posting:
                    del self._postings[shingle]
        # Copies of a forgotten item keep pointing at it; only its own entry goes.
        self._canonical.pop(old_id, None)
