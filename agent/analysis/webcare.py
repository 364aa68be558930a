"""A webcare reading of a message: what went wrong, what is asked, how serious it is.

A sentiment lexicon reads "Vonk, please fix this" as friendly ("please" is positive in VADER)
and "Nog nooit pech gehad" as negative ("pech"). A social media manager reads what is wrong
and what is asked. This module finds those cues (`webcare_cues.PHRASES`): requests to act,
persistence, failures, broken promises, money, sarcasm around a failure, praise that negates a
negative, and the categories that make a message urgent (safety, privacy, money, outage,
legal threats). Cues are matched on the folded words of the text, one dictionary lookup per
word, so the reading costs little next to the sentiment score.

`evidence` decides which cues make a complaint: a failure, a broken promise, no answer, a
request to fix, a safety, privacy, outage or legal cue on their own; money when it is clearly
wrong ("twee keer afgeschreven") or comes with other evidence or a negative tone; persistence
and sarcasm only around other evidence ("weer een mooie dag" and "Top service!" are praise).
A failure that is over ("werkt weer") is no evidence.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any, NamedTuple

from agent.analysis.text import Text, as_text
from agent.analysis.webcare_cues import PHRASES, REASONS

CATEGORIES = ("safety", "privacy", "money", "outage", "legal")  # most urgent first
_EVIDENCE = frozenset({"failure", "broken_promise", "ignored", "request", *CATEGORIES} - {"money"})
_CLEAR_MONEY_MORE = frozenset({"opzegging", "opgezegd", "cancelled", "canceled", "cancelling"})
_CLEAR_MONEY = frozenset(
    [
        "twice",
        "double",
        "dubbel",
        "dubbele",
        "keer",
        "onterecht",
        "teveel",
        "veel",
        "klopt",
        "wrong",
        "overcharged",
        "unauthorized",
        "unauthorised",
        "extra",
        "terugstorten",
        "terugstorting",
        "terugbetaald",
        "teruggestort",
        "terugbetalen",
        "verkeerd",
        "verkeerde",
    ]
)
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
_OVER_WHEN_RESOLVED = frozenset(
    {"failure", "persistence", "request", "outage", "widespread", "trouble", "negation"}
)
_SUPPORT = frozenset(
    {"money", "persistence", "sarcasm", "trouble", "rhetorical", "impatience", "fed_up"}
)
_NEGATION_WORDS = frozenset(
    [
        "niet",
        "geen",
        "nooit",
        "niks",
        "niets",
        "nergens",
        "niemand",
        "no",
        "not",
        "never",
        "nothing",
        "nobody",
        "nowhere",
        "none",
        "t",
        "cannot",
    ]
)
_EMPHASIS = ("!!", "?!", "!?", "🙄", "😡", "🤬", "😤", "🤢", "👎", "😠", "😒", "🤮", "😩")
# "Wanneer is dit opgelost?", "hopefully fixed soon": not solved yet.
_HOPED = frozenset({"wanneer", "when", "hopelijk", "hopefully", "hoe", "how", "zal", "gaat"})
_DATA_NOUNS = frozenset(
    [
        "gegevens",
        "klantgegevens",
        "persoonsgegevens",
        "adres",
        "adressen",
        "bestellingen",
        "paspoort",
        "telefoonnummer",
        "bsn",
        "rekeninggegevens",
        "facturen",
        "data",
        "details",
        "address",
        "addresses",
        "orders",
        "passport",
        "invoices",
        "records",
    ]
)
_OTHERS = frozenset(
    [
        "buurman",
        "buurvrouw",
        "buren",
        "vreemde",
        "vreemden",
        "neighbour",
        "neighbor",
        "neighbours",
        "neighbors",
        "stranger",
        "strangers",
    ]
)
_OTHER_PAIRS = frozenset(
    f"{a} {b}"
    for a in ("andere", "another", "other", "different")
    for b in [
        "klant",
        "klanten",
        "persoon",
        "gebruiker",
        "gebruikers",
        "mensen",
        "huishouden",
        "customer",
        "customers",
        "person",
        "people",
        "user",
        "users",
        "household",
        "account",
    ]
) | {"someone else", "iemand anders", "somebody else"}
_BILLS = frozenset(
    ["rekening", "factuur", "nota", "afschrijving", "bill", "invoice", "statement", "charge"]
)
_AMOUNT = re.compile(r"[€$£]\s?\d|\d\s?(?:euro|eur|dollars?|pounds?)\b", re.IGNORECASE)
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


def _ending(slot: _Slot | int) -> frozenset[str] | None:
    """The last slot's words, when they are all a phrase can end in: a text without any of
    them cannot match, which one set test tells before trying the phrase word by word."""
    if isinstance(slot, int) or slot.prefixes or slot.suffixes or slot.number:
        return None
    return slot.exact


def _phrases() -> list[_Phrase]:
    found = []
    for rule, by_lang in PHRASES.items():
        for lang, text in by_lang.items():
            text = re.sub(r"\s*\|(?=\S)|(?<=\S)\|\s*", "|", " ".join(text.split()))
            for phrase in text.split(" | "):
                slots = tuple(map(_slot, phrase.split()))
                found.append((rule, lang, slots, _ending(slots[-1])))
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


def _scan(words: list[str], lang: str | None) -> list[Cue]:
    starts = list(map(_STARTS.__getitem__, words))  # one dictionary lookup per word
    hot = [i for i, found in enumerate(starts) if found[1]]
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


def cues(text: str | Text, lang: str | None = None) -> list[Cue]:
    """The webcare cues in `text`, in reading order; read once per text and language."""
    prepared = as_text(text)
    return prepared.derived(f"webcare:{lang}", lambda t: _read(t, lang))


def _read(text: Text, lang: str | None) -> list[Cue]:
    found = _scan(text.words, lang)
    said = [word for word in text.words if word in _NEGATION_WORDS]
    if said:  # minus those inside praise ("nooit een probleem") or a phrase already read
        inside = " ".join(cue.words for cue in found if cue.rule in ("praise", "resolved"))
        spare = len(said) - sum(inside.split().count(word) for word in set(said))
        found += [Cue("negation", word) for word in said[: max(spare, 0)]]
    found += _co_occurring(text, found)
    raw = text.raw
    if "!" in raw or "?" in raw or not raw.isascii():
        marks = [mark for mark in _EMPHASIS if mark in raw]
        found += [Cue("emphasis", mark) for mark in marks[:1]]
    return found


def _co_occurring(text: Text, found: list[Cue]) -> list[Cue]:
    """What no phrase says but two words together do: personal data with another person
    ("bestellingen en adressen van andere klanten") is a privacy leak; an amount with a bill
    ("mijn rekening 90 euro") is about money; a cancellation with a charge is a clear one."""
    said = frozenset(text.words)
    more = []
    data = said & _DATA_NOUNS
    if data and "privacy" not in {c.rule for c in found}:
        words = text.words
        others = [w for w in words if w in _OTHERS]
        others += [p for p in map(" ".join, itertools.pairwise(words)) if p in _OTHER_PAIRS]
        if others:
            more.append(Cue("privacy", " ".join([*sorted(data)[:2], others[0]])))
    bills = said & _BILLS
    if bills and _AMOUNT.search(text.raw):
        more.append(Cue("money", " ".join(sorted(bills)[:2])))
    if not said.isdisjoint(_CLEAR_MONEY_MORE):
        more.append(Cue("cancelled", next(w for w in text.words if w in _CLEAR_MONEY_MORE)))
    return more


def _points(found: list[Cue], compound: float, about: bool = False) -> int:
    """How much of a complaint the weaker cues add up to; two points make one. Praise words
    around trouble are sarcasm, not praise; about us, one problem word is one point more."""
    count: Counter[str] = Counter()
    for cue in found:
        count[cue.rule] += 1
    trouble = min(count["trouble"], 2) + min(count["negation"], 2)
    points = trouble + 2 * bool(count["rhetorical"] or count["fed_up"])
    points += min(count["persistence"], 2)
    points += sum(1 for rule in ("money", "emphasis", "impatience") if count[rule])
    points += 2 if compound <= -0.5 else 1 if compound <= -0.05 else 0
    if about and count["trouble"]:
        points += 1
    if count["sarcasm"] and (trouble or count["persistence"] or count["emphasis"]):
        points += 1
    elif compound >= 0.3:
        points -= 1 + (compound >= 0.6)
    return points - 2 * bool(count["praise"])


def evidence(found: list[Cue], negative: bool | float = False, about: bool = False) -> list[Cue]:
    """The cues that make `found`'s text a complaint (empty: no complaint). `negative` is
    the lexicon's compound (or just whether it is negative): a negative tone lets weaker
    cues (money, persistence, a problem word) count. `about` says the text is about us."""
    if not found:
        return []  # most texts: no cue at all
    compound = -0.3 if negative is True else 0.0 if negative is False else float(negative)
    rules = {cue.rule for cue in found}
    if "resolved" in rules and not rules & {"safety", "privacy", "legal", "ignored"}:
        found = [cue for cue in found if cue.rule not in _OVER_WHEN_RESOLVED]
    strong = [cue for cue in found if cue.rule in _EVIDENCE]
    if "widespread" in rules and rules & {"failure", "negation", "trouble"}:
        strong += [Cue("outage", cue.words) for cue in found if cue.rule == "widespread"]
    money = [cue for cue in found if cue.rule == "money"]
    clear = any(not _CLEAR_MONEY.isdisjoint(cue.words.split()) for cue in money)
    clear = clear or bool(money and "cancelled" in rules)
    if not (strong or clear or _points(found, compound, about) >= 2):
        return []
    return strong + [cue for cue in found if cue.rule in _SUPPORT] or found


def praise(found: list[Cue]) -> list[Cue]:
    """Praise cues ("nog nooit een probleem", "can't fault them"); none when anything in the
    text is evidence of a complaint."""
    if evidence(found):
        return []
    return [cue for cue in found if cue.rule == "praise"]


def category(found: list[Cue], complaint: bool) -> str | None:
    """The most urgent category among the cues. Money, outage and legal threats make a
    complaint urgent; a question is urgent only when it is about safety or privacy."""
    rules = {cue.rule for cue in (evidence(found, negative=True) if complaint else found)}
    allowed = CATEGORIES if complaint else ("safety", "privacy")
    return next((name for name in allowed if name in rules), None)


def reason(rule: str, words: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    """A reason as the user reads it: the rule, the words that decided it, nl and en text."""
    text = REASONS.get(rule, {"nl": rule, "en": rule})
    return {"rule": rule, "words": list(dict.fromkeys(words)), "nl": text["nl"], "en": text["en"]}


def reasons(found: list[Cue]) -> list[dict[str, Any]]:
    """One reason per rule, with all the words that matched it, in reading order."""
    by_rule: dict[str, list[str]] = {}
    for cue in found:
        by_rule.setdefault(cue.rule, []).append(cue.words)
    return [reason(rule, words) for rule, words in by_rule.items()]


def mood(scored: dict[str, Any], found: list[Cue]) -> dict[str, Any]:
    """A sentiment score (`sentiment.score`) after the webcare reading: a complaint is
    never positive, however politely it asks ("please fix"); a negated negative ("nooit een
    probleem") never negative; a complaint in a language the lexicons cannot read is still
    negative. The rule and the words that changed it are kept for the reasons."""
    if not found:
        return scored
    if not scored.get("supported", True) and not (evidence(found) or praise(found)):
        return scored
    compound, rule = temper(scored.get("compound", 0.0), found)
    if rule is None:
        return scored
    label = "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"
    words = [cue.words for cue in found if cue.rule not in ("persistence", "promotion")]
    return {
        **scored,
        "label": label,
        "compound": compound,
        "supported": True,
        "rule": rule,
        "words": words[:6],
    }


def temper(compound: float, found: list[Cue]) -> tuple[float, str | None]:
    """The compound after the webcare reading, and the rule that changed it (None when the
    lexicon's reading stands). A complaint is never positive, however politely it asks; a
    negated negative ("nooit een probleem") is not negative."""
    if not found:
        return compound, None
    negative = compound <= -0.05
    against = evidence(found, compound)
    if against and not negative:
        return round(-min(0.3 + 0.1 * len(against), 0.8), 4), "complaint_overrides"
    if not against and compound < 0.05 and praise(found):
        return round(max(0.4, -compound), 4), "praise_overrides"
    return compound, None
