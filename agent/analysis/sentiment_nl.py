"""VADER's rules, rewritten for Dutch.

VADER (Hutto & Gilbert, 2014) sums word valences after a few rules that people apply when
they read: negation flips and weakens ("niet goed"), degree words scale ("heel goed",
"beetje traag"), the clause after a contrast word counts more ("leuk bedoeld, maar slecht
uitgevoerd"), exclamation marks and a word in CAPS add emphasis. The constants are VADER's
own, measured on human raters. What is Dutch here: the word lists; negation that also
follows the word it negates ("dat waardeer ik niet"); litotes ("niet slecht" is only mildly
positive, weaker than English VADER's flip); "wat een" as an intensifier while "wat sneller"
dampens; hashtags read as clauses of their own; and complaint phrases ("al drie dagen",
"nog steeds geen", "geen reactie") merged into single tokens before scoring, so that they
carry valence and can be negated like words (see `tokens_nl`).

Most words carry no sentiment, so the rules run only for the few that do (or that boost the
next one); a text without any is done after one lexicon lookup per token.
"""

import math
import re
from bisect import bisect
from collections.abc import Container
from itertools import compress
from typing import NamedTuple

from agent.analysis.lexicon_nl import DutchLexicon
from agent.analysis.textnorm import fix_punctuation
from agent.analysis.tokens_nl import BREAKS, PHRASES, merge_phrases, tokens

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74
LITOTES = -0.5
CONTRAST_BEFORE, CONTRAST_AFTER = 0.5, 1.5
WINDOW = 3


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A negation or booster does not reach across the start of a new (sub)clause.
CLAUSE_OPENERS = _words("dat omdat want maar als terwijl hoewel zodat doordat wanneer toen")
NEGATORS = _words(
    "niet geen nooit niks niets nergens allerminst noch zonder geeneens nimmer nog_geen"
)
_BOOSTING = _words(
    """heel hele erg zeer enorm enorme super echt écht hartstikke ontzettend ontzettende
    ontiegelijk ongelooflijk mega hyper ultra uiterst extreem buitengewoon zwaar totaal
    volledig compleet helemaal absoluut zo zó zoo flink veel bijzonder"""
)
_DAMPING = _words(
    "beetje nogal redelijk vrij enigszins ietwat tamelijk iets lichtelijk amper nauwelijks"
)
BOOSTERS: dict[str, float] = {**dict.fromkeys(_BOOSTING, B_INCR), **dict.fromkeys(_DAMPING, B_DECR)}
_BOOSTER_WORDS = frozenset(BOOSTERS)
_MODIFIERS = CLAUSE_OPENERS | NEGATORS | _BOOSTER_WORDS | {"wat"}
# A booster standing alone ("Super!") is praise in itself.
STANDALONE = {"super": 2.0}

_CONTRAST = _words("maar echter alleen")
_NOT_CONTRAST_BEFORE = _words("alleen gewoon nu kom ga doe")  # "alleen maar lof", "kom maar"
_NOT_CONTRAST_AFTER = _words("liefst even eens raak")  # "maar liefst tien", "maar even"


class _Tokens(NamedTuple):
    """The text's tokens: as written (for CAPS), lexicon keys, their valence looked up once."""

    words: list[str]
    lower: list[str]
    base: list[float]
    breaks: list[int]  # positions of clause breaks, ascending
    caps: bool  # some words, not all, in CAPS


def _clause(text: _Tokens, i: int) -> tuple[int, int]:
    """(start, stop) of the clause token i is in."""
    k = bisect(text.breaks, i)
    start = text.breaks[k - 1] + 1 if k else 0
    return start, text.breaks[k] if k < len(text.breaks) else len(text.lower)


def _is_contrast(text: _Tokens, i: int) -> bool:
    """Does word i turn the sentence ("maar", "echter", a clause-initial "alleen")?"""
    word, (start, stop) = text.lower[i], _clause(text, i)
    if word == "maar":
        before = text.lower[i - 1] if i > start else ""
        after = text.lower[i + 1] if i + 1 < stop else ""
        return before not in _NOT_CONTRAST_BEFORE and after not in _NOT_CONTRAST_AFTER
    if word == "alleen":
        return i == start and text.lower[i + 1 : min(i + 2, stop)] != ["maar"]
    return word == "echter"


def _booster(text: _Tokens, j: int, valence: float) -> float:
    """The boost (or damping) word j gives to a word of `valence` after it."""
    word = text.lower[j]
    if word == "wat":
        exclaims = text.lower[j + 1 : j + 2] == ["een"]  # "wat een mooie dag"
        scalar = B_INCR if exclaims else B_DECR  # "wat sneller" dampens
    else:
        scalar = BOOSTERS.get(word, 0.0)
    if scalar and text.caps and text.words[j].isupper():
        scalar += C_INCR
    return -scalar if valence < 0 else scalar


def _negated_after(text: _Tokens, i: int, stop: int) -> bool:
    """Dutch main clauses put "niet" last: "dat waardeer ik niet", "het bevalt me niet"."""
    last = stop - 1
    if last == i or last - i > WINDOW or text.lower[last] not in NEGATORS:
        return False
    return not any(text.base[i + 1 : last])


def _boosted(text: _Tokens, i: int, start: int, valence: float) -> tuple[float, bool]:
    """`valence` after the boosters and negations in the words before word i; and whether
    it was negated."""
    negated = False
    for distance in range(1, min(WINDOW, i - start) + 1):
        j = i - distance
        before = text.lower[j]
        if before in CLAUSE_OPENERS:
            break
        if text.base[j] and before not in BOOSTERS and before not in NEGATORS:
            continue
        if before in BOOSTERS and j > start and text.lower[j - 1] in NEGATORS:
            continue  # "niet echt goed" is less than "niet goed", not more
        valence += _booster(text, j, valence) * (1.0, 0.95, 0.9)[distance - 1]
        if before in NEGATORS:
            valence *= N_SCALAR if valence > 0 else LITOTES
            negated = True
    return valence, negated


def _word_valence(text: _Tokens, i: int) -> float:
    """Word i's valence after CAPS, the boosters and negations before it, and "niet" after it."""
    word, valence = text.lower[i], text.base[i]
    start, stop = _clause(text, i)
    if word in BOOSTERS:
        standalone = word in STANDALONE and not any(text.base[i + 1 : min(i + 2, stop)])
        return STANDALONE[word] if standalone else 0.0
    if not valence:
        return 0.0
    if text.caps and text.words[i].isupper() and len(text.words[i]) > 1:
        valence += C_INCR if valence > 0 else -C_INCR
    negated = False
    # Any other word before it adds 0.0 and negates nothing: only look when there is one.
    if not _MODIFIERS.isdisjoint(text.lower[max(start, i - WINDOW) : i]):
        valence, negated = _boosted(text, i, start, valence)
    if not negated and _negated_after(text, i, stop):
        valence *= N_SCALAR if valence > 0 else LITOTES
    return valence


def _positions(words: list[str], wanted: Container[str]) -> list[int]:
    return list(compress(range(len(words)), map(wanted.__contains__, words)))


class DutchScorer:
    """Compound score in [-1, 1] for Dutch text, VADER-style."""

    def __init__(self, lexicon: DutchLexicon) -> None:
        self.lexicon = lexicon

    def _tokens(self, text: str) -> tuple[_Tokens, list[int]]:
        """The text's tokens, and the positions of those that carry sentiment or boost (none,
        for most texts: then the rest is not worked out)."""
        words = tokens(text, self.lexicon.vocabulary)
        words, lower = merge_phrases(words, list(map(str.lower, words)))
        base = self.lexicon.valences(lower)
        hot = list(compress(range(len(base)), base))
        if not _BOOSTER_WORDS.isdisjoint(lower):
            hot = sorted({*hot, *_positions(lower, _BOOSTER_WORDS)})
        if not hot:
            return _Tokens(words, lower, base, [], False), hot
        breaks = _positions(lower, BREAKS)
        hot = [i for i in hot if lower[i] not in BREAKS]  # punctuation is no word
        caps = 0 < sum(map(str.isupper, words)) < len(words) - len(breaks)
        return _Tokens(words, lower, base, breaks, caps), hot

    def sentiments(self, text: str) -> list[float]:
        """The valence of each word that carries any, in reading order, after the word-level
        rules and the contrast rule. Words without sentiment (most of them) are left out:
        they would add 0.0."""
        prepared, hot = self._tokens(text)
        found = [(i, value) for i in hot if (value := _word_valence(prepared, i))]
        if not found or _CONTRAST.isdisjoint(prepared.lower):
            return [value for _, value in found]
        turns = _positions(prepared.lower, _CONTRAST)
        at = next((i for i in turns if _is_contrast(prepared, i)), None)
        if at is None:
            return [value for _, value in found]
        return [
            value * (CONTRAST_BEFORE if k < at else CONTRAST_AFTER if k > at else 1)
            for k, value in found
        ]

    def compound(self, text: str) -> float:
        """VADER's compound: the summed valence plus punctuation emphasis, squashed to [-1, 1]."""
        if "://" in text or "www." in text:
            # A web address carries no feeling, whatever words its path spells (…/kwaad/…).
            text = _WEB_ADDRESS.sub(" ", text)
        text = fix_punctuation(text)
        total = sum(self.sentiments(text))
        if not total:
            return 0.0
        emphasis = min(text.count("!"), 4) * 0.292
        questions = text.count("?")
        if questions > 1:
            emphasis += questions * 0.18 if questions <= 3 else 0.96
        total += emphasis if total > 0 else -emphasis
        return round(max(-1.0, min(1.0, total / math.sqrt(total * total + 15))), 4)


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

__all__ = ["PHRASES", "DutchScorer"]
