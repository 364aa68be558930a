"""Dutch text as the sentiment scorer reads it: one list of tokens with clause breaks in it.

A token is a word, an emoji, an emoticon or a symbol. Clauses end at punctuation, which stays
in the list as a break token (`BREAKS`), and around hashtags, whose words form a clause of
their own: "Weer geen mail ontvangen #fail" must not negate "fail". Complaint phrases ("al
drie dagen", "nog steeds geen", "geen reactie") are merged into single tokens, so that they
carry valence and can be negated like words.

The scorer runs on every Dutch item, so the common text (no emoticons, no hashtags) is split
by one regex pass over the whole text, and everything after works on that one list.
"""

import re
from collections.abc import Container
from itertools import pairwise

from agent.analysis.textnorm import split_hashtag

BREAKS = frozenset(".!?,;:")
_NUMBERS = "een twee drie vier vijf zes zeven acht negen tien twaalf paar"
_NUMBER = frozenset(_NUMBERS.split())
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

# An emoticon is a token, not punctuation; a hashtag is a clause.
_SEPARATOR = re.compile(
    r"((?<!\w)(?:[:;=]-?[()DPpS/@]|:'\(|</?3|[xX]D)(?!\w))"  # emoticon
    r"|#([^\W_]\w*)"  # hashtag
    r"|[.!?,;:]"
)
# A word (letter runs joined by ' - _, ending in a letter), an emoji, a symbol.
_TOKEN = re.compile(r"[^\W_]+(?:[_'-]+[^\W_]+)*|[^\w\s]")
# What an emoticon or hashtag needs; a text with none of these takes the fast path.
_EMOTICON_OR_TAG = ("#", ":", ";", "=", "<", "xD", "XD")
_JOINERS = ("_", "'", "-")
# ASCII letters, digits and white space: what is left of a text without them are symbols.
_WORD_OR_SPACE = bytes(b for b in range(128) if chr(b).isalnum() or chr(b).isspace())


def _compile_phrases() -> dict[str, list[tuple[tuple[frozenset[str], ...], str]]]:
    """Phrases indexed by their possible first words; "#" stands for any number."""
    index: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
    for text, key in PHRASES.items():
        parts = tuple(frozenset(p.split("|")) for p in text.split())
        for first in parts[0]:
            index.setdefault(first, []).append((parts, key))
    return index


_PHRASE_INDEX = _compile_phrases()
# What may follow each first word: most candidates fail on the second word already, and a
# text without any such pair (nor a first word that takes a number) has no phrase at all.
_SECOND = {
    first: frozenset().union(*(parts[1] for parts, _ in options))
    for first, options in _PHRASE_INDEX.items()
}
_PAIRS = frozenset((first, second) for first, seconds in _SECOND.items() for second in seconds)
_BEFORE_NUMBER = frozenset(first for first, seconds in _SECOND.items() if "#" in seconds)


def _matches(part: frozenset[str], word: str) -> bool:
    return word in part or ("#" in part and (word.isdigit() or word in _NUMBER))


def merge_phrases(words: list[str], lower: list[str]) -> tuple[list[str], list[str]]:
    """Join known phrases into single tokens (original case, lower-case key). A phrase has no
    punctuation in it, so it never spans a clause break."""
    if _PAIRS.isdisjoint(pairwise(lower)) and _BEFORE_NUMBER.isdisjoint(lower):
        return words, lower
    out_words: list[str] = []
    out_lower: list[str] = []
    done = 0  # words before this index are copied or merged
    last = len(lower) - 1
    for i in [i for i, word in enumerate(lower[:last]) if word in _PHRASE_INDEX]:
        if i < done or not _matches(_SECOND[lower[i]], lower[i + 1]):
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


def _with_emoticons_or_tags(text: str, vocabulary: Container[str]) -> list[str]:
    parts = _SEPARATOR.split(text)  # text, (emoticon, hashtag, text)*
    tokens = _TOKEN.findall(parts[0])
    for k in range(1, len(parts), 3):
        emoticon, hashtag, following = parts[k : k + 3]
        if emoticon:
            tokens.append(emoticon)
        elif hashtag:
            tokens += [".", *split_hashtag(hashtag, vocabulary), "."]
        else:
            tokens.append(".")
        tokens += _TOKEN.findall(following)
    return tokens


def _spaced(text: str) -> list[str]:
    """`_TOKEN.findall` for ASCII text without joiners (' - _): every symbol set apart by
    spaces, then a split. Several times cheaper than the regex."""
    symbols = text.encode("ascii").translate(None, _WORD_OR_SPACE).decode("ascii")
    for symbol in set(symbols):
        text = text.replace(symbol, f" {symbol} ")
    return text.split()


def tokens(text: str, vocabulary: Container[str]) -> list[str]:
    """The tokens of `text` as written, punctuation (a clause break) included; hashtags are
    split into the words of `vocabulary` and set apart by breaks."""
    if any(map(text.__contains__, _EMOTICON_OR_TAG)):
        return _with_emoticons_or_tags(text, vocabulary)
    if text.isascii() and not any(map(text.__contains__, _JOINERS)):
        return _spaced(text)
    return _TOKEN.findall(text)  # a break char is never part of a word, so it is a token
