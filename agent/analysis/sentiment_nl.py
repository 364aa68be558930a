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
carry valence and can be negated like words.
"""

import math
import re
from collections.abc import Container
from typing import NamedTuple

from agent.analysis.lexicon_nl import DutchLexicon
from agent.analysis.textnorm import fix_punctuation, split_hashtag

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
# A booster standing alone ("Super!") is praise in itself.
STANDALONE = {"super": 2.0}

_NUMBER = _words("een twee drie vier vijf zes zeven acht negen tien twaalf paar")
_CONTRAST = _words("maar echter alleen")
_NOT_CONTRAST_BEFORE = _words("alleen gewoon nu kom ga doe")  # "alleen maar lof", "kom maar"
_NOT_CONTRAST_AFTER = _words("liefst even eens raak")  # "maar liefst tien", "maar even"
# Phrase -> token key. Words are separated by spaces, alternatives by "|", "#" is any number.
# A matched phrase becomes one token whose valence is lexicon_nl.EXTRA[key]; "nog_geen" is
# also a negator, so "nog steeds niet opgelost" turns "opgelost" around.
PHRASES: dict[str, str] = {
    "petje af": "petje_af",
    "hou|houd|houden van": "hou_van",
    "mee eens": "mee_eens",
    "game changer": "game_changer",
    "geen probleem": "geen_probleem",
    "in de wacht": "in_de_wacht",
    "te laat": "te_laat",
    "te duur": "te_duur",
    "te lang": "te_lang",
    "te weinig": "te_weinig",
    "nog steeds|altijd geen|niet|niks|niets": "nog_geen",
    "geen reactie|antwoord|respons|gehoor": "geen_reactie",
    "geen excuses|excuus|sorry": "geen_excuses",
    "geen oplossing|terugkoppeling|bericht|bevestiging": "geen_oplossing",
    "zonder uitleg|bericht|reactie|excuses|overleg|aankondiging|waarschuwing": "zonder_uitleg",
    "zonder enige|verdere|enig uitleg|bericht|reactie|excuses|overleg": "zonder_uitleg",
    "wacht|wachten|wachtte|wachtten|gewacht al|nog": "wacht_al",
    "al # dagen|weken|maanden|uur|uren|jaar|jaren|dag|week|maand": "al_tijden",
    "al dagen|weken|maanden|jaren|uren|tijden": "al_tijden",
    "nooit meer": "nooit_meer",
    "klaar mee": "klaar_mee",
    "ben|zijn|is het zat|beu": "het_zat",
    "niet serieus genomen": "niet_serieus",
    "kastje naar de muur": "kastje_muur",
    "niemand die|reageert|neemt": "niemand_die",
    "boven verwachting|verwachtingen": "boven_verwachting",
    "onder verwachting|verwachtingen|de": "onder_verwachting",
    "is|zijn|was|ging|gaat|gegaan|steeds|weer|alweer|al stuk": "is_stuk",
}

# Clauses end at punctuation and around hashtags; an emoticon is a token, not punctuation.
_SEPARATOR = re.compile(
    r"((?<!\w)(?:[:;=]-?[()DPpS/@]|:'\(|</?3|[xX]D)(?!\w))"  # emoticon
    r"|#([^\W_]\w*)"  # hashtag
    r"|[.!?,;:]"
)
# A word (letter runs joined by ' - _, ending in a letter), an emoji, a symbol.
_TOKEN = re.compile(r"[^\W_]+(?:[_'-]+[^\W_]+)*|[^\w\s]")
# Without emoticons or hashtags, clauses end at punctuation, which a plain split finds fast.
_PUNCTUATION = re.compile(r"[.!?,;:]")
_EMOTICON_OR_TAG = ("#", ":", ";", "=", "<", "xD", "XD")


def _compile_phrases() -> dict[str, list[tuple[tuple[frozenset[str], ...], str]]]:
    """Phrases indexed by their possible first words; "#" stands for any number."""
    index: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
    for text, key in PHRASES.items():
        parts = tuple(frozenset(p.split("|")) for p in text.split())
        for first in parts[0]:
            index.setdefault(first, []).append((parts, key))
    return index


_PHRASE_INDEX = _compile_phrases()


def _matches(part: frozenset[str], word: str) -> bool:
    return word in part or ("#" in part and (word.isdigit() or word in _NUMBER))


def _merge_phrases(words: list[str], lower: list[str]) -> tuple[list[str], list[str]]:
    """Join known phrases of one clause into single tokens (original case, lower-case key)."""
    if _PHRASE_INDEX.keys().isdisjoint(lower):
        return words, lower
    out_words: list[str] = []
    out_lower: list[str] = []
    done = 0  # words before this index are copied or merged
    for i in [i for i, word in enumerate(lower) if word in _PHRASE_INDEX]:
        if i < done:
            continue
        for parts, key in _PHRASE_INDEX[lower[i]]:
            end = i + len(parts)
            if end <= len(lower) and all(map(_matches, parts, lower[i:end])):
                out_words += words[done:i]
                out_lower += lower[done:i]
                out_words.append(" ".join(words[i:end]))
                out_lower.append(key)
                done = end
                break
    if not done:
        return words, lower
    return out_words + words[done:], out_lower + lower[done:]


def _token_lists(text: str, vocabulary: Container[str]) -> list[list[str]]:
    """The tokens of each clause; a hashtag's words are a clause of their own."""
    if not any(map(text.__contains__, _EMOTICON_OR_TAG)):
        return [words for words in map(_TOKEN.findall, _PUNCTUATION.split(text)) if words]
    parts = _SEPARATOR.split(text)  # text, (emoticon, hashtag, text)*
    result, words = [], _TOKEN.findall(parts[0])
    for k in range(1, len(parts), 3):
        emoticon, hashtag, following = parts[k : k + 3]
        if emoticon:
            words.append(emoticon)
        else:
            if words:
                result.append(words)
            words = []
            if hashtag:
                result.append(split_hashtag(hashtag, vocabulary))
        words.extend(_TOKEN.findall(following))
    if words:
        result.append(words)
    return result


def clauses(text: str, vocabulary: Container[str]) -> list[tuple[list[str], list[str]]]:
    """Clauses of `text` as (tokens as written, lower-case keys), split at punctuation.

    A hashtag is a clause of its own: "Weer geen mail ontvangen #fail" must not negate "fail".
    """
    return [
        _merge_phrases(words, list(map(str.lower, words)))
        for words in _token_lists(text, vocabulary)
    ]


def _is_contrast(lower: list[str], i: int) -> bool:
    """Does word i turn the sentence ("maar", "echter", a clause-initial "alleen")?"""
    word = lower[i]
    if word == "maar":
        before = lower[i - 1] if i else ""
        after = lower[i + 1] if i + 1 < len(lower) else ""
        return before not in _NOT_CONTRAST_BEFORE and after not in _NOT_CONTRAST_AFTER
    if word == "alleen":
        return i == 0 and lower[1:2] != ["maar"]
    return word == "echter"


class _Clause(NamedTuple):
    words: list[str]  # as written, for CAPS
    lower: list[str]  # lexicon keys
    base: list[float]  # lexicon valence of each key, looked up once


def _booster(clause: _Clause, j: int, valence: float, shouting: bool) -> float:
    """The boost (or damping) word j gives to a word of `valence` after it."""
    word = clause.lower[j]
    if word == "wat":
        exclaims = clause.lower[j + 1 : j + 2] == ["een"]  # "wat een mooie dag"
        scalar = B_INCR if exclaims else B_DECR  # "wat sneller" dampens
    else:
        scalar = BOOSTERS.get(word, 0.0)
    if scalar and shouting:
        scalar += C_INCR
    return -scalar if valence < 0 else scalar


def _negated_after(clause: _Clause, i: int) -> bool:
    """Dutch main clauses put "niet" last: "dat waardeer ik niet", "het bevalt me niet"."""
    last = len(clause.lower) - 1
    if last == i or last - i > WINDOW or clause.lower[last] not in NEGATORS:
        return False
    return not any(clause.base[i + 1 : last])


def _word_valence(clause: _Clause, i: int, caps: bool) -> float:
    """Word i's valence after CAPS, the boosters and negations before it, and "niet" after it."""
    word, valence = clause.lower[i], clause.base[i]
    if word in BOOSTERS:
        standalone = word in STANDALONE and not any(clause.base[i + 1 : i + 2])
        return STANDALONE[word] if standalone else 0.0
    if not valence:
        return 0.0
    if caps and clause.words[i].isupper() and len(clause.words[i]) > 1:
        valence += C_INCR if valence > 0 else -C_INCR
    negated = False
    for distance in range(1, min(WINDOW, i) + 1):
        j = i - distance
        before = clause.lower[j]
        if before in CLAUSE_OPENERS:
            break
        if clause.base[j] and before not in BOOSTERS and before not in NEGATORS:
            continue
        shouting = caps and clause.words[j].isupper()
        valence += _booster(clause, j, valence, shouting) * (1.0, 0.95, 0.9)[distance - 1]
        if before in NEGATORS:
            valence *= N_SCALAR if valence > 0 else LITOTES
            negated = True
    if not negated and _negated_after(clause, i):
        valence *= N_SCALAR if valence > 0 else LITOTES
    return valence


class DutchScorer:
    """Compound score in [-1, 1] for Dutch text, VADER-style."""

    def __init__(self, lexicon: DutchLexicon) -> None:
        self.lexicon = lexicon

    def sentiments(self, text: str) -> list[float]:
        """The valence of each word that carries any, in reading order, after the word-level
        rules and the contrast rule. Words without sentiment (most of them) are left out
        rather than listed as 0.0: they add nothing, and skipping them is what makes the
        scorer fast."""
        valence = self.lexicon.valence
        parts = [
            _Clause(ws, low, list(map(valence, low)))
            for ws, low in clauses(text, self.lexicon.vocabulary)
        ]
        shouted = sum(sum(map(str.isupper, clause.words)) for clause in parts)
        caps = 0 < shouted < sum(len(clause.words) for clause in parts)
        found: list[tuple[int, float]] = []  # (position in the text, valence)
        contrast_at, offset = None, 0
        for clause in parts:
            lower, base = clause.lower, clause.base
            if contrast_at is None and not _CONTRAST.isdisjoint(lower):
                contrast_at = next(
                    (offset + i for i in range(len(lower)) if _is_contrast(lower, i)), None
                )
            if any(base) or not _BOOSTER_WORDS.isdisjoint(lower):
                for i, word in enumerate(lower):
                    if base[i] or word in BOOSTERS:
                        value = _word_valence(clause, i, caps)
                        if value:
                            found.append((offset + i, value))
            offset += len(lower)
        if contrast_at is None:
            return [value for _, value in found]
        return [
            value
            * (CONTRAST_BEFORE if k < contrast_at else CONTRAST_AFTER if k > contrast_at else 1)
            for k, value in found
        ]

    def compound(self, text: str) -> float:
        """VADER's compound: the summed valence plus punctuation emphasis, squashed to [-1, 1]."""
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
