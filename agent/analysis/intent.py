"""What someone wants from us, and how soon they should hear back.

Intent follows the order a social media manager works in: a complaint about us comes before a
question, a question before praise. Complaints are read from webcare cues (`webcare`: what
fails, what is asked, money, safety...) as well as from a negative tone, so "please fix this"
is no praise; every intent carries the reasons that decided it. Questions are recognised with or without "?", in Dutch and
English, from question words at the start of a sentence, verb-first inversion ("Kunnen jullie",
"Does anyone") and fixed asking phrases ("weet iemand", "is het mogelijk"). Exclamations that
look like questions ("Wat een service!", "How great is this!") are not questions.
"""

from __future__ import annotations

import math
import re
from typing import Any

from agent.analysis import webcare
from agent.analysis.text import Text, as_text
from agent.analysis.textnorm import fold, whole_word_matches

INTENTS = ("complaint", "question", "praise", "other")

_WH = (
    r"wie|wat|waar|wanneer|waarom|hoe|welke|welk|hoeveel|hoezo|waarmee|waarvoor|waardoor|"
    r"who|what|where|when|why|how|which|whose"
)
_VERB_NL = (
    r"kan|kun|kunt|kunnen|mag|mogen|moet|moeten|wil|wilt|willen|zal|zullen|zou|zouden|is|zijn|"
    r"heb|hebt|heeft|hebben|doe|doet|doen|werkt|gaat|weet|weten|ken|kent|bestaat|klopt"
)
_VERB_EN = r"can|could|would|will|do|does|did|is|are|was|were|should|has|have|may|might|shall"
_SUBJECT = (
    r"ik|je|jij|u|jullie|we|wij|iemand|men|het|er|dit|dat|ze|zij|hij|"
    r"i|you|we|they|anyone|anybody|someone|somebody|it|this|that|there|he|she"
)
_ASKING = (
    "weet iemand|kent iemand|heeft iemand|iemand ervaring|wie weet|ik vraag me af|vraagje|"
    "graag advies|is het mogelijk|hoe zit het met|any idea|anyone know|i wonder|i was wondering|"
    "any tips|any recommendations|is it possible|can anyone|could anyone|"
    "iemand tips|iemand een tip|iemand advies|iemand suggesties|"
    "op zoek naar tips|op zoek naar advies|op zoek naar ervaringen|"
    "looking for recommendations|looking for advice|looking for tips"
)
# Verb-first before a name ("Werkt VlotPay ook in Duitsland") asks in both languages.
_VERB_NAME = r"werkt|heeft|hebben|is|zijn|kan|kunnen|gaat|doet|does|do|are|has|can|will"
_EXCLAIM = (
    r"wat een|wat (?:fijn|goed|leuk|mooi|gaaf|tof|jammer|slecht|knap|heerlijk)|hoe (?:mooi|leuk|"
    r"gaaf|fijn|tof) is|what an?|how (?:great|nice|cool|lovely|awesome|wonderful|sweet|kind)"
)
# A question word followed by a subject starts a clause, not a question ("Wanneer ik inlog, ...").
_CLAUSE = r"ik|je|jij|u|we|wij|ze|zij|hij|jullie|men|i|you|they|he|she|dan ook|betreft|ook"
# All patterns run on folded text without IGNORECASE and without a leading \b (both make
# Python's regex engine slow); word edges are checked by `whole_word_matches`.
_QUESTION_START = re.compile(
    rf"(?:{_WH})\b(?! (?:{_CLAUSE})\b)|(?:{_VERB_NL}|{_VERB_EN}) (?:{_SUBJECT})\b"
)
_VERB_NAME_RE = re.compile(rf"(?i:{_VERB_NAME}) [A-Z]")  # on the original: needs the capital
_ASKING_RE = re.compile(rf"(?:{_ASKING})\b")
_EXCLAIM_RE = re.compile(rf"(?:{_EXCLAIM})\b")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
_GREETINGS = "hoi|hallo|hey|hi|hello|beste|dear|goedemorgen|goedemiddag"
_GREETING = re.compile(rf"(?:{_GREETINGS})\b[^,]*,\s*")
_FIRST_WORD = re.compile(r"[^\W_]+")
_CUES = (
    r"werkt (?:\w+ ){0,3}niet|doet het niet|storing|klacht|waardeloos|belachelijk|"
    r"teleurgesteld|nog steeds geen|geen reactie|opgelicht|onbereikbaar|niet bereikbaar|"
    r"geld terug|slechte service|not working|doesn['’]?t work|does not work|outage|"
    r"still waiting|no response|terrible|worst|refund|unacceptable|disappointed|scam"
)
_COMPLAINT_CUE = re.compile(rf"(?:{_CUES})\b")


def _last_words(phrases: str) -> frozenset[str]:
    """The word each phrase ends in. Scanning a text with a regex of many alternatives is
    slow, a set lookup per word is not; the regex demands a word edge after the phrase, so a
    text that has none of these words cannot match and skips the scan."""
    return frozenset(re.search(r"[^\W\d_]+$", phrase).group() for phrase in phrases.split("|"))


_ASKING_LAST = _last_words(_ASKING)
_CUE_LAST = _last_words(_CUES)
# A sentence that asks without "?" starts with one of these words (see `is_question`);
# every sentence pattern (question, exclamation, greeting) starts with one of the openers.
_STARTERS = frozenset("|".join((_WH, _VERB_NL, _VERB_EN, _VERB_NAME)).split("|"))
_OPENERS = _STARTERS | frozenset(_GREETINGS.split("|"))
_QUESTION_NEGATIVITY = -0.5  # "How do I block my card?" sounds negative to VADER
_BANDS = {"complaint": (0.7, 0.8), "question": (0.45, 0.7), "praise": (0.2, 0.45)}
# Urgent categories above every other complaint, each in its own band, safety on top.
_CATEGORY_BANDS = {
    "safety": (0.96, 1.0),
    "privacy": (0.92, 0.96),
    "money": (0.88, 0.92),
    "outage": (0.84, 0.88),
    "legal": (0.8, 0.84),
}
URGENT_AT = 0.8  # at or above: one of the urgent categories
# Not naming us, these still say the writer has a problem with us, whatever the pronouns.
_REPORTED = frozenset(
    {"request", "broken_promise", "ignored", "money", "safety", "privacy", "outage", "legal"}
)
_FIRST_PERSON = frozenset(["mijn", "mn", "onze", "my", "our"])  # "mijn accu", "my order"
_SELF = frozenset(["ik", "i", "me", "mij", "we", "wij"])
# Said to us: "jullie", "you", "thanks". The impersonal Dutch "je" is left out.
_ADDRESSED = frozenset(
    [
        "jullie",
        "u",
        "uw",
        "you",
        "your",
        "yours",
        "bedankt",
        "dankjewel",
        "dankuwel",
        "thanks",
        "thank",
        "thx",
    ]
)
_FLAG_WEIGHT = {"critic": 1.0, "ambassador": 0.8, "fan": 0.6}


def is_question(text: str | Text) -> bool:
    """True when `text` asks something, with or without a question mark."""
    text = as_text(text)
    folded = text.unlinked
    if not _ASKING_LAST.isdisjoint(text.unlinked_words) and whole_word_matches(_ASKING_RE, folded):
        return True
    if "?" not in folded and _STARTERS.isdisjoint(text.unlinked_words):
        return False  # no question mark, and no sentence can start with a question word
    plain = text.plain
    aligned = len(folded) == len(plain)
    for match in _SENTENCE.finditer(folded):
        raw = match.group()
        sentence = raw.strip()
        first = _FIRST_WORD.match(sentence)
        if first is None or first.group() not in _OPENERS:  # no pattern below can match
            if "?" in sentence:
                return True
            continue
        greeting = _GREETING.match(sentence)
        skip = greeting.end() if greeting else 0
        body = sentence[skip:]
        if not body or _EXCLAIM_RE.match(body):
            continue
        if "?" in body:
            return True
        if body.endswith("!"):
            continue
        if _QUESTION_START.match(body):
            return True
        start = match.start() + len(raw) - len(raw.lstrip()) + skip
        if aligned and _VERB_NAME_RE.match(plain, start):
            return True
    return False


def has_complaint_cue(text: str | Text | None) -> bool:
    """Complaint words that a general sentiment model can miss ("storing", "still waiting")."""
    text = as_text(text)
    if _CUE_LAST.isdisjoint(text.folded_words):
        return False
    return bool(whole_word_matches(_COMPLAINT_CUE, text.folded))


def _label(sentiment: dict[str, Any] | str | None) -> str:
    if isinstance(sentiment, dict):
        return sentiment.get("label") or "neutral"
    return sentiment or "neutral"


def _about(mentions: list[dict[str, Any]], org_terms: Any) -> bool:
    if org_terms:
        wanted = {fold(t) for t in org_terms}
        return any(fold(m.get("term", "")) in wanted for m in mentions)
    return any(m.get("kind") != "competitor" for m in mentions)


def _first_person(text: Text) -> bool:
    return not _FIRST_PERSON.isdisjoint(text.words)


def classify(
    text: str | Text,
    lang: str | None,
    sentiment: dict[str, Any] | str | None,
    mentions: list[dict[str, Any]] | None = None,
    org_terms: Any = None,
    about_us: bool = False,
) -> dict[str, Any]:
    """Intent of `text`, the urgency category and the reasons that decided both. `about_us`
    says it was written under our own post; otherwise a mention of one of `org_terms`
    (default: any non-competitor mention) makes it about us. Webcare cues of both languages
    count when `lang` is unknown, people mix them."""
    mentions = mentions or []
    about = about_us or _about(mentions, org_terms)
    label = _label(sentiment)
    prepared = as_text(text)
    asks = is_question(prepared)
    compound = sentiment.get("compound", 0.0) if isinstance(sentiment, dict) else 0.0
    found = webcare.cues(prepared, lang)
    # A question with a sigh ("Help, hoe blokkeer ik ...?") is a question, not a complaint.
    negative = label == "negative" and (not asks or compound <= _QUESTION_NEGATIVITY)
    against = webcare.evidence(found, compound if not asks or negative else 0.0, about)
    settled = any(cue.rule in ("resolved", "praise") for cue in found)
    if about and not (against or settled) and label != "positive" and has_complaint_cue(prepared):
        against = [webcare.Cue("negative", w) for w in _cue_words(prepared)]
    # Not naming us, a message is still ours to answer when it reports a problem of the
    # writer's own ("mijn accu", "my order") or an urgent one; but never a competitor's.
    theirs = bool(mentions) and all(m.get("kind") == "competitor" for m in mentions)
    addressed = not theirs and not _ADDRESSED.isdisjoint(prepared.words)
    ours = about or (
        not theirs and bool(against) and (addressed or _reports_to_us(prepared, against))
    )
    praised = webcare.praise(found)
    if ours and (against or negative):
        intent, why = "complaint", webcare.reasons(against) or [webcare.reason("negative")]
    elif asks:
        intent, why = "question", [webcare.reason("question")]
    elif (about or addressed) and (label == "positive" or praised):
        intent, why = "praise", webcare.reasons(praised) or [webcare.reason("lexicon")]
    else:
        intent, why = "other", []
    # Only what someone asks or reports to us is urgent: a news post about a fire is not.
    asked = intent in ("complaint", "question")
    urgent = webcare.category(found, intent == "complaint") if asked else None
    return {
        "intent": intent,
        "is_question": asks,
        "about_us": about,
        "category": urgent,
        "category_words": [cue.words for cue in found if cue.rule == urgent],
        "reasons": why,
    }


def _cue_words(text: Text) -> list[str]:
    return whole_word_matches(_COMPLAINT_CUE, text.folded)


def _reports_to_us(text: Text, against: list[webcare.Cue]) -> bool:
    """A problem of the writer's own: an urgent or pressing cue, "my ...", or something of
    theirs that fails ("ik kan niet inloggen")."""
    rules = {cue.rule for cue in against}
    if not rules.isdisjoint(_REPORTED) or _first_person(text):
        return True
    return "failure" in rules and not _SELF.isdisjoint(text.words)


def urgency(
    intent: str,
    compound: float,
    age_hours: float | None,
    author_flag: str | None = None,
    answered: bool = False,
    category: str | None = None,
) -> float:
    """0..1 in bands: safety > privacy > money > outage > legal threats > other complaints >
    questions > praise > the rest. Within a band, older, stronger-felt and from critics or
    fans first. Answered items sink below all open ones."""
    band = category if category in _CATEGORY_BANDS else intent
    low, high = _CATEGORY_BANDS.get(band) or _BANDS.get(intent, (0.0, 0.2))
    age = max(age_hours or 0.0, 0.0)
    age_weight = 1 - math.exp(-age / 24)  # half-way after ~17 hours, near full after two days
    if intent == "complaint":
        strength = max(-compound, 0.0)
    elif intent == "praise":
        strength = max(compound, 0.0)
    else:
        strength = 0.5
    weight = 0.5 * age_weight + 0.25 * min(strength, 1.0)
    weight += 0.25 * _FLAG_WEIGHT.get(author_flag or "", 0.0)
    value = low + (high - low) * 0.999 * weight
    if answered:
        value = low * 0.25
    return round(value, 4)


def needs_reply(intent: str, about_us: bool) -> bool:
    """Complaints and questions always deserve an answer; praise when it is about us."""
    return intent in ("complaint", "question") or (intent == "praise" and about_us)
