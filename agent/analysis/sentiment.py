"""Sentiment of a comment, post or complaint, in Dutch or English.

English goes through VADER unchanged, after `textnorm` has undone LinkedIn's typography
(VADER scores "stands out—great work" as 0.0 because it sees one unknown token) and split
hashtags (#greatjob, #customerfail) into words; a few LinkedIn words VADER lacks are added.
Dutch goes through `sentiment_nl`, VADER's rules rebuilt for Dutch. Any other language is
reported as unsupported with a neutral score: a clear "we don't know" is more useful to the
social media manager than a confident wrong label. A short text with too little language
signal ("Top!", "👍") is scored by both paths and the stronger reading wins, because each
path knows words and emoji the other misses.
"""

import re
import string
from collections.abc import Iterable
from operator import methodcaller
from typing import NotRequired, TypedDict

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from agent.analysis import language
from agent.analysis.lexicon_nl import DutchLexicon
from agent.analysis.sentiment_nl import DutchScorer
from agent.analysis.textnorm import expand_hashtags, fix_punctuation

POSITIVE_AT = 0.05  # VADER's published thresholds
NEGATIVE_AT = -0.05
SHORT_UNKNOWN = 8  # words; a longer text in no recognised language is not guessed at
SHORT_ENGLISH = 40  # words; a tweet-length text with English words is always read
MIXED_SHARE = 0.5  # Dutch or English votes at half the winner's: the language is unsure

# LinkedIn praise and hashtag words that VADER's lexicon lacks, on VADER's -4..4 scale.
ENGLISH_EXTRA: dict[str, float] = {
    "insightful": 2.0,
    "impactful": 1.8,
    "well-deserved": 2.4,
    "top-notch": 2.5,
    "topnotch": 2.5,
    "game-changer": 2.0,
    "gamechanger": 2.0,
    "letdown": -2.0,
    "neveragain": -2.0,
    "epicfail": -3.0,
    "facepalm": -1.8,
    "underwhelming": -1.8,
    "overpriced": -1.8,
    "kudos": 2.3,
}
# Everyday words that appear inside hashtags, so that #greatjob splits into "great job".
_HASHTAG_TEXT = """job work service team day week life news customer client support experience
    business people leadership learning growth monday tuesday wednesday thursday friday saturday
    sunday weekend company brand product marketing sales data tech innovation future goals
    culture community family friends coffee event events delivery quality staff again ever more
    time moment vibes trip"""
_HASHTAG_WORDS = frozenset(_HASHTAG_TEXT.split())


class Sentiment(TypedDict):
    label: str
    compound: float
    lang: str
    supported: bool
    rule: NotRequired[str]  # set by `webcare.mood` when the webcare reading overrode it
    words: NotRequired[list[str]]


def _english_analyzer() -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(ENGLISH_EXTRA)
    return analyzer


_ENGLISH = _english_analyzer()
_ENGLISH_VOCABULARY = frozenset(
    set(_ENGLISH.lexicon) | _HASHTAG_WORDS | language.common_words("en")
)
_DUTCH = DutchScorer(DutchLexicon(_ENGLISH.lexicon))
_ENGLISH_WORDS = frozenset(_ENGLISH.lexicon)
_unpunctuated = methodcaller("strip", string.punctuation)


def _nothing_vader_knows(text: str) -> bool:
    """True when no word of `text` is in VADER's lexicon, so VADER would answer 0.0: only a
    lexicon word carries valence; boosters, negations and "!" merely adjust one. VADER's words
    are the whitespace-split tokens, lower-cased, stripped of punctuation or not; both forms
    are looked up. Emoji turn into words first, so only plain ASCII text is judged here."""
    if not text.isascii():
        return False
    said = text.lower().split()
    return _ENGLISH_WORDS.isdisjoint(said) and _ENGLISH_WORDS.isdisjoint(map(_unpunctuated, said))


def english(text: str) -> float:
    """VADER's compound for English text, after undoing typography and splitting hashtags."""
    text = expand_hashtags(fix_punctuation(text), _ENGLISH_VOCABULARY, _HASHTAG_WORDS)
    if _nothing_vader_knows(text):
        return 0.0  # what VADER answers, without its word-by-word rules
    return _ENGLISH.polarity_scores(text)["compound"]


def dutch(text: str) -> float:
    """Compound score for Dutch text, VADER-style, in [-1, 1]."""
    return _DUTCH.compound(text)


def label(compound: float) -> str:
    if compound >= POSITIVE_AT:
        return "positive"
    if compound <= NEGATIVE_AT:
        return "negative"
    return "neutral"


def _unsupported(lang: str) -> Sentiment:
    return {"label": "neutral", "compound": 0.0, "lang": lang, "supported": False}


_REPEATS = re.compile(r"([^\w\s])\1{4,}")  # the same emoji or mark, five times or more
_SYMBOL = re.compile(r"[^\w\s.,!?;:'\"()\-]")
MAX_CHARS = 5000
MAX_SYMBOLS = 100


# ASCII text without these bytes is just its marks (and its symbols), in order: a byte
# table finds them far faster than a regex scan of the whole text.
_WORD_OR_SPACE = bytes(
    b for b in range(128) if chr(b) == "_" or chr(b).isalnum() or chr(b).isspace()
)
_NOT_SYMBOL = _WORD_OR_SPACE + b".,!?;:'\"()-"


def _may_repeat(text: str) -> bool:
    """False when `_REPEATS` cannot match: a run of one mark is still a run among the marks."""
    if not text.isascii():
        return _REPEATS.search(text) is not None
    marks = text.encode("ascii").translate(None, _WORD_OR_SPACE)
    return len(marks) > 4 and _REPEATS.search(marks.decode("ascii")) is not None


def _symbol_count(text: str) -> int:
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_SYMBOL))
    return len(_SYMBOL.findall(text))


def bounded(text: str) -> str:
    """The gist of a text, at a bounded cost.

    VADER looks up every token with list.index, so its time grows with the square of the
    tokens: 10,000 emoji in one hostile comment took over a minute. A post says what it feels
    in its first few thousand characters; runs of one emoji say it four times at most.
    """
    text = text[: 4 * MAX_CHARS]
    if _may_repeat(text):  # a template sub costs even when nothing matches
        text = _REPEATS.sub(r"\1\1\1\1", text)  # VADER counts up to four "!"
    text = text[:MAX_CHARS]
    if len(text) <= MAX_SYMBOLS or _symbol_count(text) <= MAX_SYMBOLS:
        return text
    seen = 0

    def first_symbols(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        return match.group() if seen <= MAX_SYMBOLS else " "

    return _SYMBOL.sub(first_symbols, text)


def _both(text: str) -> tuple[float, str]:
    """Score with both lexicons when the language is unsure. When both read something, the
    language the words point to decides; on a tie, the stronger reading if the two agree,
    else English (its lexicon is the larger). A text with nothing Dutch about it is English
    when VADER reads it: the Dutch rules would only blur VADER's reading."""
    said = language.votes(text)
    nl, en = said.get("nl", 0.0), said.get("en", 0.0)
    if en and not nl:
        return english(text), "en"
    if nl and not en:
        return dutch(text), "nl"
    e = english(text)
    if not nl and e:
        return e, "en"  # nothing Dutch about it, and English reads it: as VADER would
    d = dutch(text)
    if nl != en and d and e:  # both read it: the language the words point to
        return (d, "nl") if nl > en else (e, "en")
    if d * e >= 0:  # consistent, or one has nothing to say: the stronger reading
        return (d, "nl") if abs(d) > abs(e) else (e, "en")
    return (d, "nl") if nl > en else (e, "en")


def _unsure(text: str, lang: str) -> bool:
    """Too little said to trust the detected language: a short text in no language; a text
    where English words count at least half as much as the winner's (a short English text
    is never "unsupported"); or one where Dutch words do and our lexicons know its words.
    A Finnish or German sentence stays unsupported: a clear "we don't know" beats a guess."""
    said = text.split()
    if lang == "unknown" and len(said) <= SHORT_UNKNOWN:
        return True
    votes = language.votes(text)
    top = max(votes.values(), default=0.0)
    nl, en = votes.get("nl", 0.0), votes.get("en", 0.0)
    short = len(said) <= SHORT_ENGLISH
    if en and en >= MIXED_SHARE * top and short:
        return True
    lowered = text.lower().split()
    if short and (
        not _ENGLISH_WORDS.isdisjoint(lowered)
        or not _ENGLISH_WORDS.isdisjoint(map(_unpunctuated, lowered))
    ):
        return True  # "Yay progress!", "Give 'em hell": words only English knows
    if max(nl, en) < MIXED_SHARE * top or not max(nl, en):
        return False
    said = [_unpunctuated(word) for word in text.lower().split()]
    return any(word in _ENGLISH_WORDS or _DUTCH.lexicon.valence(word) for word in said if word)


def score(text: str, lang: str | None = None, guessed: bool = False) -> Sentiment:
    """Label and compound score of `text`: its polarity, as the lexicons read it (the
    webcare reading of what is wrong is `webcare.mood`). `lang` (ISO code) skips language
    detection, and `guessed` says it was detected all the same, so it may be doubted, as a
    language the caller knows is not."""
    text = bounded(text)
    guessed = guessed or lang is None
    lang = language.detect(text) if lang is None else lang.lower().split("-")[0]
    if lang == "nl":
        compound = dutch(text)
    elif lang == "en":
        compound = english(text)
    elif guessed and _unsure(text, lang):
        compound, _ = _both(text)
    else:
        return _unsupported(lang)
    return {"label": label(compound), "compound": compound, "lang": lang, "supported": True}


def felt_words(said: list[str], lang: str | None, most: int = 6) -> list[str]:
    """Which of the words `said` (folded) carry sentiment in the language's lexicon, for
    the reasons the user reads."""
    if lang == "nl":
        # Only words the scorer has already weighed (or the lexicon lists): working out a
        # new word's valence here (inflections, compounds) would cost more than the score.
        lexicon = _DUTCH.lexicon
        weighed, listed = lexicon.weighed, lexicon.words
        found = [word for word in said if weighed(word) or listed.get(word)]
    else:
        found = [word for word in said if word in _ENGLISH_WORDS]
    return list(dict.fromkeys(found))[:most]


def score_many(texts: Iterable[str], lang: str | None = None) -> list[Sentiment]:
    """`score` for each text, in order."""
    return [score(text, lang) for text in texts]
