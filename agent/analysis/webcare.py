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
from typing import Any

from agent.analysis.text import Text, as_text
from agent.analysis.webcare_cues import REASONS
from agent.analysis.webcare_match import Cue, scan

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
_COUNTED = [
    "trouble",
    "negation",
    "rhetorical",
    "fed_up",
    "persistence",
    "money",
    "emphasis",
    "impatience",
    "praise",
]
_EMPHASIS = ("!!", "?!", "!?", "🙄", "😡", "🤬", "😤", "🤢", "👎", "😠", "😒", "🤮", "😩")
# "Wanneer is dit opgelost?", "hopefully fixed soon": not solved yet.
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
_CO_WORDS = _DATA_NOUNS | _BILLS | _CLEAR_MONEY_MORE  # a text without any: nothing to pair


class Cues(list[Cue]):
    """A text's cues, remembering what `evidence` made of them: the pipeline asks for the
    sentiment, the intent, praise and the category, each with the same cues."""

    __slots__ = ("judged",)

    def __init__(self, found: list[Cue]) -> None:
        super().__init__(found)
        self.judged: dict[tuple[float, bool], list[Cue]] = {}  # (tone, about) -> evidence


def cues(text: str | Text, lang: str | None = None) -> list[Cue]:
    """The webcare cues in `text`, in reading order; read once per text and language."""
    prepared = as_text(text)
    return prepared.derived(f"webcare:{lang}", lambda t: Cues(_read(t, lang)))


def _read(text: Text, lang: str | None) -> list[Cue]:
    words = text.words
    found = scan(words, lang)
    present = frozenset(words)
    if not _NEGATION_WORDS.isdisjoint(present):
        said = [word for word in words if word in _NEGATION_WORDS]
        # Minus those inside praise ("nooit een probleem") or a solved problem.
        inside = " ".join(cue.words for cue in found if cue.rule in ("praise", "resolved"))
        spare = len(said) - sum(inside.split().count(word) for word in set(said))
        found += [Cue("negation", word) for word in said[: max(spare, 0)]]
    if not _CO_WORDS.isdisjoint(present):
        found += _co_occurring(text, found, present)
    raw = text.raw
    if "!" in raw or "?" in raw or not raw.isascii():
        marks = [mark for mark in _EMPHASIS if mark in raw]
        found += [Cue("emphasis", mark) for mark in marks[:1]]
    return found


def _co_occurring(text: Text, found: list[Cue], said: frozenset[str]) -> list[Cue]:
    """What no phrase says but two words together do: personal data with another person
    ("bestellingen en adressen van andere klanten") is a privacy leak; an amount with a bill
    ("mijn rekening 90 euro") is about money; a cancellation with a charge is a clear one."""
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
    count = dict.fromkeys(_COUNTED, 0)
    for cue in found:
        if cue.rule in count:
            count[cue.rule] += 1
    trouble = min(count["trouble"], 2) + min(count["negation"], 2)
    points = trouble + 2 * bool(count["rhetorical"] or count["fed_up"])
    points += min(count["persistence"], 2)
    points += bool(count["money"]) + bool(count["emphasis"]) + bool(count["impatience"])
    points += 2 if compound <= -0.5 else 1 if compound <= -0.05 else 0
    if about and count["trouble"]:
        points += 1
    # "Top service... al vijf weken": a praising phrase around waiting is sarcasm; a single
    # praise word ("Weer een top ervaring, geweldig!") only around real trouble.
    said = [cue.words for cue in found if cue.rule == "sarcasm"]
    phrase = any(" " in words for words in said)
    if said and (trouble or count["emphasis"] or (phrase and count["persistence"])):
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
    judged = found.judged if isinstance(found, Cues) else None
    if judged is not None:
        # `_points` reads the tone only through these thresholds: same side, same verdict.
        key = (_tone(compound), about)
        if key not in judged:
            judged[key] = _evidence(list(found), key[0], about)
        return judged[key]
    return _evidence(found, compound, about)


def _tone(compound: float) -> float:
    """A compound standing for every compound `_points` cannot tell from it."""
    for edge in (-0.5, -0.05):
        if compound <= edge:
            return edge
    for edge in (0.6, 0.3):
        if compound >= edge:
            return edge
    return 0.0


def _evidence(found: list[Cue], compound: float, about: bool) -> list[Cue]:
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
    praised = [cue for cue in found if cue.rule == "praise"]
    return [] if not praised or evidence(found) else praised


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
