"""Matching what someone asks to the profile's knowledge base and saved replies.

FAQ questions are short ("Hoe blokkeer ik mijn pas?") and the people asking them are wordy
("Help, ik ben mijn VlotPay pas kwijt, hoe kan ik hem blokkeren?"). So the score is mostly
*coverage*: how many of the entry's content words (stop words removed) the text contains,
each word compared with rapidfuzz so inflections still meet ("blokkeer", "blokkeren"), plus a
little overall token-set similarity to break ties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

from agent.analysis import topics
from agent.analysis.text import Text
from agent.analysis.textnorm import words

ANSWER_THRESHOLD = 60
SAVED_THRESHOLD = 40
_WORD_MATCH = 86  # a typo meets its word; product names one letter apart do not
_REMEMBER = 50_000
_SUFFIXES = ("ingen", "ing", "en", "er", "ed", "es", "e", "s", "t", "d")
_DOUBLED = re.compile(r"(.)\1")
_STOPWORD_TEXT = """
    de het een en of maar dat die dit deze wat wie hoe waar wanneer waarom welke hoeveel ik je
    jij u we wij jullie ze zij hij mijn jouw uw ons onze hun is zijn was waren ben bent heb hebt
    heeft hebben kan kun kunt kunnen wil wilt willen moet moeten mag mogen zal zou zouden doe
    doet doen word wordt worden er hier daar in op aan van voor met bij naar uit om over tot als
    dan ook nog al niet geen wel even eens graag iemand iets mij me hem haar zo te toch dus hoi
    hallo the a an and or but that this these those what who how where when why which i you he
    she we they my your our their is are was were be been am have has had can could will would
    should do does did to of in on at for with from by about as it its me us them there here not
    no any some just also so please hi hello anyone someone know
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def content_words(text: str | Text) -> list[str]:
    """Folded words that carry meaning: stop words and one-letter words left out."""
    said = text.words if isinstance(text, Text) else words(text or "")
    return [w for w in said if w not in STOPWORDS and len(w) > 1]


class _Bag(NamedTuple):
    """The content words of a text, prepared once for comparing."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    word_set: frozenset[str]
    stem_set: frozenset[str]
    joined: str
    long: tuple[str, ...]  # words of five letters or more: those compared fuzzily


def _bag(text: str | Text) -> _Bag:
    found = tuple(content_words(text))
    stems = tuple(map(stem, found))
    long = tuple(w for w in found if len(w) >= 5)
    return _Bag(found, stems, frozenset(found), frozenset(stems), " ".join(found), long)


# Knowledge questions and saved replies are compared again for every item: prepare each once.
_prepared = lru_cache(maxsize=4096)(_bag)


def _have(text: str | Text) -> _Bag:
    """The asking text's bag; a `Text` keeps it, as one item is compared with both the
    knowledge base and the saved replies."""
    return text.derived("knowledge", _bag) if isinstance(text, Text) else _prepared(text)


def _out_of_reach(covered: int, total: int, floor: float) -> bool:
    """Even with a perfect overall similarity the score stays below `floor`, with room to
    spare for rounding, so the callers' thresholds reject it whatever comes next."""
    return 75 * covered / total + 25 < floor - 0.5


def _score(
    have: _Bag,
    wanted: _Bag,
    floor: float = 0.0,
    typos: bool = True,
    near: frozenset[str] | None = None,
) -> float:
    """0..100; 0 as soon as the score can no longer reach `floor` (most entries don't fit,
    and this runs for every entry of every question). `typos` also counts a one-letter slip
    of a word; worth it for short FAQ questions, not for long saved replies. `near`, when
    known, holds the wanted words that some word of `have` is a slip of."""
    if not wanted.words or not have.words:
        return 0.0
    total = len(wanted.words)
    needed = (floor - 25) / 75 * total  # covered words needed even with a perfect overall
    # Only words of five letters or more are compared fuzzily (a typo of the word).
    if wanted.word_set.isdisjoint(have.word_set) and wanted.stem_set.isdisjoint(have.stem_set):
        covered, maybe = 0, list(wanted.long)  # the common case: no word in common
    else:
        pairs = zip(wanted.words, wanted.stems, strict=True)
        exact = [w in have.word_set or s in have.stem_set for w, s in pairs]
        covered = sum(exact)
        maybe = [w for w, hit in zip(wanted.words, exact, strict=True) if not hit and len(w) >= 5]
    maybe = maybe if typos else []
    if covered + len(maybe) < needed:
        return 0.0
    for k, word in enumerate(maybe):
        if _out_of_reach(covered + len(maybe) - k, total, floor):
            return 0.0
        if word in near if near is not None else _slip_of_any(word, have.words):
            covered += 1
    if _out_of_reach(covered, total, floor):
        return 0.0
    overall = fuzz.token_set_ratio(have.joined, wanted.joined)
    return round(75 * covered / total + 0.25 * overall, 1)


def _shares_a_word(have: _Bag, wanted: _Bag) -> bool:
    return not (
        wanted.word_set.isdisjoint(have.word_set) and wanted.stem_set.isdisjoint(have.stem_set)
    )


def _slip_of_any(word: str, said: tuple[str, ...]) -> bool:
    return bool(process.extractOne(word, said, scorer=fuzz.ratio, score_cutoff=_WORD_MATCH))


def similarity(text: str, reference: str) -> float:
    """0..100: how well `text` covers what `reference` is about."""
    return _score(_prepared(text), _prepared(reference))


@lru_cache(maxsize=65536)  # words repeat across texts; stemming is the costly part
def stem(word: str) -> str:
    """A crude shared stem for Dutch and English inflections: two suffixes off, doubled
    letters single ("blokkeer", "blokkeren" and "blok" meet; "betaal" and "betalen" too)."""
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    return _DOUBLED.sub(r"\1", word)


def _fits_language(entry: dict[str, Any], lang: str | None) -> bool:
    return not entry.get("lang") or lang is None or entry["lang"] == lang


def _about(reply: dict[str, Any]) -> str:
    return f"{reply.get('title') or ''} {reply.get('text') or ''}"


def _best(
    have: _Bag,
    questions: Iterable[tuple[dict[str, Any], _Bag]],
    near: frozenset[str] | None = None,
) -> tuple[dict[str, Any], float] | None:
    best: tuple[dict[str, Any], float] | None = None
    for entry, question in questions:
        score = _score(have, question, ANSWER_THRESHOLD, near=near)
        if score >= ANSWER_THRESHOLD and (best is None or score > best[1]):
            best = (entry, score)
    return best


def _ranked(
    have: _Bag,
    replies: Iterable[tuple[dict[str, Any], _Bag]],
    intent: str,
    subjects: frozenset[str] = frozenset(),
) -> list[tuple[dict[str, Any], float]]:
    """Saved replies that fit: one written for another intent never does (a complaint reply
    is no answer to praise), nor one about another topic (a delayed delivery is not a
    cancellation); then a matching intent counts most and shared words the rest."""
    ranked: list[tuple[dict[str, Any], float]] = []
    for reply, about in replies:
        if reply.get("intent") not in (None, intent):
            continue
        if not topics.fits(subjects, topics.of_reply(reply)):
            continue
        # The intent alone is not a fit: the reply shares a word or the topic with the text
        # (checked first: it is cheap, and most replies fail it).
        if not (_shares_a_word(have, about) or not subjects.isdisjoint(topics.of_reply(reply))):
            continue
        bonus = 40 if reply.get("intent") == intent else 20
        floor = (SAVED_THRESHOLD - bonus) / 0.6
        fit = round(bonus + 0.6 * _score(have, about, floor, typos=False), 1)
        if fit >= SAVED_THRESHOLD:
            ranked.append((reply, fit))
    return sorted(ranked, key=lambda pair: -pair[1])


def best_answer(
    text: str | Text, knowledge: list[dict[str, Any]], lang: str | None
) -> tuple[dict[str, Any], float] | None:
    """The knowledge entry in `lang` whose question `text` asks best, with its score, or None
    when nothing fits well enough to offer it as an answer."""
    if not knowledge:
        return None
    questions = (
        (entry, _prepared(entry.get("question") or ""))
        for entry in knowledge
        if _fits_language(entry, lang)
    )
    return _best(_have(text), questions)


def rank_saved(
    text: str | Text, saved_replies: list[dict[str, Any]], intent: str, lang: str | None
) -> list[tuple[dict[str, Any], float]]:
    """Saved replies in `lang` that fit this item, best first: a matching intent counts most,
    a reply without an intent a little, and what the reply is about the rest."""
    if not saved_replies:
        return []
    replies = (
        (reply, _prepared(_about(reply))) for reply in saved_replies if _fits_language(reply, lang)
    )
    return _ranked(_have(text), replies, intent, topics.topics_of(text))


class KnowledgeBase:
    """A profile's knowledge base and saved replies, prepared once per language: what
    `best_answer` and `rank_saved` do, without preparing the profile's side for every item."""

    def __init__(self, knowledge: list[dict[str, Any]], saved_replies: list[dict[str, Any]]):
        self.knowledge = knowledge or []
        self.saved_replies = saved_replies or []
        self._questions: dict[str | None, list[tuple[dict[str, Any], _Bag]]] = {}
        self._replies: dict[str | None, list[tuple[dict[str, Any], _Bag]]] = {}
        # Words of the questions that a typo may hide, and per word people write, which of
        # them it is a slip of: worked out once per word, not once per word and question.
        self._slips = frozenset(
            word for entry in self.knowledge for word in _bag(entry.get("question") or "").long
        )
        self._slipped: dict[str, frozenset[str]] = {}

    def _slip_of(self, word: str) -> frozenset[str]:
        found = self._slipped.get(word)
        if found is None:
            if len(self._slipped) >= _REMEMBER:
                self._slipped.clear()
            matches = process.extract(
                word, self._slips, scorer=fuzz.ratio, score_cutoff=_WORD_MATCH, limit=None
            )
            found = self._slipped[word] = frozenset(match for match, _, _ in matches)
        return found

    def best_answer(
        self, text: str | Text, lang: str | None
    ) -> tuple[dict[str, Any], float] | None:
        if lang not in self._questions:
            self._questions[lang] = [
                (entry, _bag(entry.get("question") or ""))
                for entry in self.knowledge
                if _fits_language(entry, lang)
            ]
        if not self.knowledge:
            return None
        have = _have(text)
        near = frozenset().union(*map(self._slip_of, have.words))
        return _best(have, self._questions[lang], near)

    def rank_saved(
        self, text: str | Text, intent: str, lang: str | None
    ) -> list[tuple[dict[str, Any], float]]:
        if lang not in self._replies:
            self._replies[lang] = [
                (reply, _bag(_about(reply)))
                for reply in self.saved_replies
                if _fits_language(reply, lang)
            ]
        if not self.saved_replies:
            return []
        return _ranked(_have(text), self._replies[lang], intent, topics.topics_of(text))
