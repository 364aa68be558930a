"""Finding the organisation, its products and its competitors in what people write.

The matcher is compiled once per profile. Every watch term is reduced to a *key*: its folded
words glued together ("Vlot Bank" and "Kroon-brouwerij" become "vlotbank" and
"kroonbrouwerij"). A text is tokenised once; from each token we glue on following tokens that
are only separated by a space, hyphen or similar joiner, as long as the glued string is still a
prefix of some key (a set lookup), and keep the longest key found. That makes split, joined and
hyphenated spellings all hit the same term with dictionary lookups, whatever the number of
terms, while "zon en wind" can never glue into "zonnewind".

Only tokens nothing matched exactly are tried fuzzily, and only against keys of six letters or
more whose length differs by at most one and that share the token's first or last letter (one
edit always keeps one of the two), so rapidfuzz compares a handful of candidates, not all
terms. Hashtags and handles get one more chance: a key may sit inside them (#vlotbankhelpt).
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from agent.analysis.text import Text, as_text
from agent.analysis.textnorm import Token, tokens, words_and_gaps

KINDS = ("organisation", "product", "competitor", "person")
FUZZY_MIN_LEN = 6  # one typo is tolerated for names of six letters or more
INSIDE_TAG_MIN_LEN = 5  # shorter keys inside a hashtag are too likely to be accidents
_MAX_PARTS = 6
_JOINER = re.compile(r"[ \t\u00a0\u202f\-\u2010\u2011\u2013_&.'\u2019/+]{1,3}")
_LONGEST_TAG = 80  # a longer "hashtag" is noise; searching inside it costs length × keys
_CACHE_LIMIT = 50_000
_UNSEEN = object()


def _key(term: str) -> str:
    return "".join(t.norm for t in tokens(term))


def _term_list(profile: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(spelling to search for, term to report, kind), the organisation first so it wins ties."""
    org = profile.get("organisation") or {}
    name = (org.get("name") or "").strip()
    found: list[tuple[str, str, str]] = []
    if name:
        found.append((name, name, "organisation"))
        found += [(alias, name, "organisation") for alias in org.get("aliases") or []]
    found += [(t, t, "product") for t in profile.get("watch_terms") or []]
    found += [
        (m["name"], m["name"], "person")
        for m in profile.get("team") or []
        if len((m.get("name") or "").split()) >= 2
    ]
    found += [(c, c, "competitor") for c in profile.get("competitors") or []]
    return [(spelling, term.strip(), kind) for spelling, term, kind in found if spelling.strip()]


class MentionMatcher:
    """Compiled once per profile; `find` is safe to call from many threads."""

    def __init__(self, profile: dict[str, Any]) -> None:
        self._exact: dict[str, tuple[str, str]] = {}
        for spelling, term, kind in _term_list(profile):
            key = _key(spelling)
            if key:
                self._exact.setdefault(key, (term, kind))
        self._prefixes = {key[:i] for key in self._exact for i in range(1, len(key) + 1)}
        self._fuzzy: dict[tuple[int, str, str], list[str]] = {}
        for key in self._exact:
            if len(key) >= FUZZY_MIN_LEN:
                for edge, char in (("first", key[0]), ("last", key[-1])):
                    self._fuzzy.setdefault((len(key), edge, char), []).append(key)
        self._tag_lengths = sorted({len(k) for k in self._exact if len(k) >= INSIDE_TAG_MIN_LEN})
        self._fuzzy_cache: dict[str, tuple[str, float] | None] = {}
        self._plain: set[str] = set()  # words known to be no near miss of any key

    @property
    def terms(self) -> dict[str, str]:
        """Every reported term with its kind."""
        return {term: kind for term, kind in self._exact.values()}

    def find(self, text: str | Text) -> list[dict[str, Any]]:
        """Mentions in `text`, in reading order, offsets into the original `text`."""
        prepared = as_text(text)
        text, folded = prepared.raw, prepared.aligned
        if folded is None:  # folding changed lengths ("ß", ligatures): go token by token
            return self._scan_tokens(text, tokens(text))
        if self._nothing_in(prepared.folded_words):
            return []
        pairs = words_and_gaps(folded)
        hits: list[dict[str, Any]] = []
        pos = folded.find(pairs[0][0]) if pairs else 0
        i = 0
        while i < len(pairs):
            word, gap = pairs[i]
            end = pos + len(word)
            if word in self._prefixes:
                glued = self._glue(pairs, i, pos)
                if glued is not None:
                    last, stop, found = glued
                    hits.append(self._hit(text, pos, stop, found, 100))
                    pos, i = stop + len(pairs[last][1]), last + 1
                    continue
            if len(word) >= FUZZY_MIN_LEN - 1:
                tagged = pos > 0 and folded[pos - 1] in "#@"
                hit = self._inside_tag(text, Token(pos, end, word)) if tagged else None
                hit = hit or self._fuzzy_hit(text, Token(pos, end, word))
                if hit is not None:
                    hits.append(hit)
            pos, i = end + len(gap), i + 1
        return hits

    def _nothing_in(self, words: list[str]) -> bool:
        """Most texts name nothing we watch. A name split over words, or hidden in a hashtag,
        is still whole once the words are glued together, so substring tests on the glued
        words rule out every exact match; words seen before are known not to be near misses.
        Only when one of the two fails is the text scanned word by word."""
        glued = "".join(words)
        if any(map(glued.__contains__, self._exact)):
            return False
        if not self._plain.issuperset(words):
            for word in words:
                if len(word) >= FUZZY_MIN_LEN - 1 and self._closest_cached(word) is not None:
                    return False
            if len(self._plain) > _CACHE_LIMIT:
                self._plain.clear()
            self._plain.update(words)
        return True

    def _glue(
        self, pairs: list[tuple[str, str]], i: int, pos: int
    ) -> tuple[int, int, tuple[str, str]] | None:
        """Longest key made of words i, i+1, ... joined by joiners: (last word, end, term)."""
        glued, best, stop = "", None, pos
        for j in range(i, min(len(pairs), i + _MAX_PARTS)):
            if j > i:
                joiner = pairs[j - 1][1]
                if not _JOINER.fullmatch(joiner):
                    break
                stop += len(joiner)
            glued += pairs[j][0]
            stop += len(pairs[j][0])
            if glued not in self._prefixes:
                break
            if glued in self._exact:
                best = (j, stop, self._exact[glued])
        return best

    def _scan_tokens(self, text: str, toks: list[Token]) -> list[dict[str, Any]]:
        hits: list[dict[str, Any]] = []
        i = 0
        while i < len(toks):
            last, found = self._longest_exact(text, toks, i)
            if found is not None:
                hits.append(self._hit(text, toks[i].start, toks[last].end, found, 100))
                i = last + 1
                continue
            hit = self._inside_tag(text, toks[i]) or self._fuzzy_hit(text, toks[i])
            if hit is not None:
                hits.append(hit)
            i += 1
        return hits

    def _longest_exact(
        self, text: str, toks: list[Token], i: int
    ) -> tuple[int, tuple[str, str] | None]:
        glued, best, best_j = "", None, i
        for j in range(i, min(len(toks), i + _MAX_PARTS)):
            if j > i and not _JOINER.fullmatch(text, toks[j - 1].end, toks[j].start):
                break
            glued += toks[j].norm
            if glued not in self._prefixes:
                break
            if glued in self._exact:
                best, best_j = self._exact[glued], j
        return best_j, best

    def _inside_tag(self, text: str, tok: Token) -> dict[str, Any] | None:
        if tok.start == 0 or text[tok.start - 1] not in "#@" or len(tok.norm) > _LONGEST_TAG:
            return None
        norm = tok.norm
        same_length = len(norm) == tok.end - tok.start
        for size in self._tag_lengths:
            if size >= len(norm):
                break
            for offset in range(len(norm) - size + 1):
                found = self._exact.get(norm[offset : offset + size])
                if found is not None:
                    start = tok.start + offset if same_length else tok.start
                    end = start + size if same_length else tok.end
                    return self._hit(text, start, end, found, 95)
        return None

    def _closest_cached(self, norm: str) -> tuple[str, float] | None:
        """The key `norm` is one typo away from, remembered per word (words recur, texts not)."""
        closest = self._fuzzy_cache.get(norm, _UNSEEN)
        if closest is _UNSEEN:
            if len(self._fuzzy_cache) > _CACHE_LIMIT:
                self._fuzzy_cache.clear()
            usable = len(norm) >= FUZZY_MIN_LEN - 1 and norm.isalpha()
            closest = self._closest(norm) if usable else None
            self._fuzzy_cache[norm] = closest
        return closest  # type: ignore[return-value]

    def _fuzzy_hit(self, text: str, tok: Token) -> dict[str, Any] | None:
        closest = self._closest_cached(tok.norm)
        if closest is None:
            return None
        key, score = closest
        return self._hit(text, tok.start, tok.end, self._exact[key], score)

    def _closest(self, norm: str) -> tuple[str, float] | None:
        candidates: set[str] = set()
        for size in (len(norm) - 1, len(norm), len(norm) + 1):
            candidates.update(self._fuzzy.get((size, "first", norm[0]), ()))
            candidates.update(self._fuzzy.get((size, "last", norm[-1]), ()))
        if not candidates:
            return None
        best = process.extractOne(norm, candidates, scorer=OSA.distance, score_cutoff=1)
        if best is None:
            return None
        return best[0], round(fuzz.ratio(norm, best[0]), 1)

    @staticmethod
    def _hit(
        text: str, start: int, end: int, found: tuple[str, str], score: float
    ) -> dict[str, Any]:
        term, kind = found
        return {
            "term": term,
            "text": text[start:end],
            "start": start,
            "end": end,
            "score": score,
            "kind": kind,
        }


def about_us(mentions: list[dict[str, Any]]) -> bool:
    """True when a mention is of the organisation itself, its products or its people."""
    return any(m.get("kind") != "competitor" for m in mentions)


__all__ = ["KINDS", "MentionMatcher", "about_us"]
