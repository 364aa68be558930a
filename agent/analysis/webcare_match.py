"""Matching webcare phrases on the words of a text, one dictionary lookup per word.

The phrases (`webcare_cues.PHRASES`) are compiled once into an index by their first word
(exact, prefix or suffix); each word's candidate phrases are worked out once and remembered,
so most words cost a single lookup and most texts are done after one pass. What a phrase
list cannot say is checked here as context (`_keeps_meaning`): "werkt weer niet" is not
solved, "geen enkele storing" is no outage, "personal brand" is no fire, "geen kosten" is an
offer rather than a charge.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from agent.analysis.webcare_cues import PHRASES

_TIMES = re.compile(r"\d+x")  # "4x gemaild"
_NUMBERS = frozenset(
    [
        "een",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "paar",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "twelve",
        "few",
        "couple",
        "several",
    ]
)
_GAPS = {"~": 3, "~~": 6}  # at most this many words between two parts of a phrase
# A gap does not reach over these: "nooit zoveel problemen" is no praise.
_GAP_STOP = frozenset(["zoveel", "zulke", "zon", "erger", "so", "many", "such", "much", "worse"])
_NOT_AFTER_RESOLVED = frozenset({"niet", "not", "nog", "never", "nooit", "worden", "wordt"})
_NEGATORS = frozenset({"geen", "nooit", "zonder", "nergens", "no", "never", "without", "zero"})
_NOT = frozenset({"not", "t", "niet"})  # reaches only the next three words
# "please get this fixed", "when will it be solved": asked for, not done.
_NOT_YET_DONE = frozenset(
    {"be", "get", "please", "to", "will", "can", "could", "should", "must", "moet", "moeten"}
)
_NEGATABLE = frozenset({"failure", "outage", "safety"})  # "geen enkele storing meer gehad"
_HOPED = frozenset({"wanneer", "when", "hopelijk", "hopefully", "hoe", "how", "zal", "gaat"})
_WITHIN = frozenset({"binnen", "within", "in", "onder", "under"})
_FREE_OF = frozenset({"fee", "fees", "charge", "charges", "kosten", "boete", "extra"})
_NOT_FIRE = frozenset({"personal", "employer", "sterk", "sterke", "het", "jullie", "ons"})


class Cue(NamedTuple):
    rule: str
    words: str  # the words that matched, folded


class _Slot(NamedTuple):
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    number: bool


# rule, language, slots (int: a gap), and the words the phrase must end in (None: any)
_Phrase = tuple[str, str, tuple[_Slot | int, ...], frozenset[str] | None]


def _slot(spec: str) -> _Slot | int:
    if spec in _GAPS:
        return _GAPS[spec]
    options = spec.split("|")
    exact = frozenset(o for o in options if "*" not in o and o != "#")
    prefixes = tuple(o[:-1] for o in options if o.endswith("*"))
    suffixes = tuple(o[1:] for o in options if o.startswith("*") and len(o) > 1)
    return _Slot(exact, prefixes, suffixes, "#" in options)


def _ending(slots: tuple[_Slot | int, ...]) -> frozenset[str] | None:
    """The words of the phrase's last plain slot (no prefix, suffix or number), one of which
    the text must contain: a text without any cannot match, which one set test tells before
    trying the phrase word by word. None when no later slot is plain."""
    for slot in reversed(slots[1:]):
        if (
            not isinstance(slot, int)
            and slot.exact
            and not (slot.prefixes or slot.suffixes or slot.number)
        ):
            return slot.exact
    return None


def _phrases() -> list[_Phrase]:
    found = []
    for rule, by_lang in PHRASES.items():
        for lang, text in by_lang.items():
            text = re.sub(r"\s*\|(?=\S)|(?<=\S)\|\s*", "|", " ".join(text.split()))
            for phrase in text.split(" | "):
                slots = tuple(map(_slot, phrase.split()))
                found.append((rule, lang, slots, _ending(slots)))
    return found


def _index() -> tuple[
    dict[str, list[_Phrase]], list[tuple[str, _Phrase]], list[tuple[str, _Phrase]]
]:
    exact: dict[str, list[_Phrase]] = {}
    prefixed: list[tuple[str, _Phrase]] = []
    suffixed: list[tuple[str, _Phrase]] = []
    for phrase in _phrases():
        first = phrase[2][0]
        assert not isinstance(first, int), "a phrase cannot start with a gap"
        if first.number:
            for word in _NUMBERS:
                exact.setdefault(word, []).append(phrase)
            prefixed += [(digit, phrase) for digit in "0123456789"]
        for word in first.exact:
            exact.setdefault(word, []).append(phrase)
        prefixed += [(prefix, phrase) for prefix in first.prefixes]
        suffixed += [(suffix, phrase) for suffix in first.suffixes]
    return exact, prefixed, suffixed


_BY_FIRST, _BY_PREFIX, _BY_SUFFIX = _index()
_PREFIXES = tuple(prefix for prefix, _ in _BY_PREFIX)
_SUFFIXES = tuple(suffix for suffix, _ in _BY_SUFFIX)


def _fits(slot: _Slot, word: str) -> bool:
    return (
        word in slot.exact
        or (bool(slot.prefixes) and word.startswith(slot.prefixes))
        or (bool(slot.suffixes) and word.endswith(slot.suffixes))
        or (slot.number and (word.isdigit() or word in _NUMBERS or _TIMES.fullmatch(word)))
    )


def _end(words: list[str], i: int, slots: tuple[_Slot | int, ...]) -> int:
    """Where a phrase that starts at word i ends, or -1 when it does not match there."""
    for n, slot in enumerate(slots):
        if isinstance(slot, int):
            for skip in range(slot + 1):
                if i + skip > len(words) or not _GAP_STOP.isdisjoint(words[i : i + skip]):
                    return -1
                end = _end(words, i + skip, slots[n + 1 :])
                if end >= 0:
                    return end
            return -1
        if i >= len(words) or not _fits(slot, words[i]):
            return -1
        i += 1
    return i


def _allowed(lang: str | None) -> frozenset[str]:
    if lang == "nl":
        return frozenset({"*", "nl"})
    if lang == "en":
        return frozenset({"*", "en"})
    return frozenset({"*", "nl", "en"})


_Options = tuple[frozenset[str] | None, tuple[_Phrase, ...]]


def _starting(word: str) -> _Options:
    """The phrases that may start with `word` (none, for most words), and every word one of
    them may end in (None: some may end anywhere): a text with none of those is done."""
    options = list(_BY_FIRST.get(word, ()))
    if _PREFIXES and word.startswith(_PREFIXES):
        options += [p for prefix, p in _BY_PREFIX if word.startswith(prefix)]
    if _SUFFIXES and word.endswith(_SUFFIXES):
        options += [p for suffix, p in _BY_SUFFIX if word.endswith(suffix)]
    endings = [p[3] for p in options]
    ends = None if None in endings else frozenset().union(*endings)
    return ends, tuple(options)


class _Starts(dict[str, _Options]):
    """word -> `_starting(word)`, worked out once per word; emptied when it grows past a
    bound, so a flood of made-up words cannot fill memory."""

    def __missing__(self, word: str) -> _Options:
        if len(self) >= _REMEMBER:
            self.clear()
        value = self[word] = _starting(word)
        return value


_STARTS = _Starts()
_REMEMBER = 65536


def scan(words: list[str], lang: str | None) -> list[Cue]:
    """The cues among `words` (folded), in reading order; `lang` limits language-bound
    phrases ("brand" is a fire only in Dutch), None allows both."""
    starts = list(map(_STARTS.__getitem__, words))  # one dictionary lookup per word
    hot = list(compress(range(len(starts)), map(itemgetter(1), starts)))
    if not hot:
        return []
    allowed = _allowed(lang)
    cues: list[Cue] = []
    said = frozenset(words)
    taken: dict[str, int] = {}  # per rule: words before this index are part of a match
    for i in hot:
        ends, options = starts[i]
        if ends is not None and ends.isdisjoint(said):
            continue
        for rule, phrase_lang, slots, last in options:
            if phrase_lang not in allowed or i < taken.get(rule, 0):
                continue
            if last is not None and last.isdisjoint(said):
                continue
            end = _end(words, i, slots)
            if end < 0 or not _keeps_meaning(rule, words, i, end):
                continue
            cues.append(Cue(rule, " ".join(words[i:end])))
            taken[rule] = end
    return cues


def _keeps_meaning(rule: str, words: list[str], start: int, end: int) -> bool:
    """Context a phrase list cannot say: "werkt weer niet" and "please get this fixed" are
    not solved, "personal brand" is not a fire, "geen enkele storing" is no outage."""
    before = words[max(start - 6, 0) : start]
    if rule == "resolved":
        after = words[end : end + 2]
        return (
            _NOT_AFTER_RESOLVED.isdisjoint(after)
            and _NEGATORS.isdisjoint(before[-2:])
            and _NOT.isdisjoint(before[-2:])
            and _HOPED.isdisjoint(before[-3:])
            and not (before and before[-1] in _NOT_YET_DONE)
        )
    if rule in _NEGATABLE and not (_NEGATORS.isdisjoint(before) and _NOT.isdisjoint(before[-3:])):
        return False
    if rule == "persistence" and before and before[-1] in _WITHIN:
        return False  # "binnen een uur geregeld" is quick, not waiting
    if rule == "money" and words[start] in _FREE_OF and not _NEGATORS.isdisjoint(before[-2:]):
        return False  # "geen kosten", "no fees": an offer, not a charge
    if rule == "safety" and words[start] == "brand":
        return start == 0 or words[start - 1] not in _NOT_FIRE
    return True


def first_words(rule: str) -> frozenset[str]:
    """Words a phrase of `rule` can start with (exact words only): a cheap first test."""
    return frozenset(
        word for word, phrases in _BY_FIRST.items() if any(p[0] == rule for p in phrases)
    )
