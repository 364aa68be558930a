"""Language detection for short social-media texts, without a model download.

Each language has a list of very frequent words (function words plus the everyday
words of comments: thanks, great, service...). A word listed for several languages
("de", "in", "is") splits its vote between them, so only distinctive words decide.
When the words leave it open, spelling (Dutch "ij", German "ß", French accents) adds a
small vote, which breaks ties and helps texts made of content words only. The language
with the most votes wins when it has at least one full vote and is ahead of the next
one; otherwise the text is "unknown", as is a long text in which the winner's words are
rare (a language we have no list for). English loanwords in Dutch LinkedIn text
("insights", "event") are not listed or count half, so the Dutch words around them decide.
"""

import re
from collections.abc import Container
from functools import cache
from itertools import chain
from operator import itemgetter

_WORDS: dict[str, str] = {
    "nl": """de het een en van ik je jij u hij zij ze wij we jullie mijn jouw uw zijn haar ons
        onze hun dat die dit deze er is was waren wordt worden werd ben bent heb hebt heeft
        hebben had niet geen wel ook nog al maar of want dus omdat als dan toen voor met op
        aan bij naar uit over door om tot tegen onder tussen na zonder te hier daar waar wat
        wie hoe waarom wanneer welke welk nu nooit altijd heel erg zeer echt zo veel meer weer
        mee kan kunnen moet moeten wil willen zal zullen zou zouden gaat gaan ga doen doet
        gedaan komt komen kom vind vindt vandaag morgen gisteren week weken jaar dag dagen
        dank bedankt dankjewel dankzij goed goede slecht slechte mooi mooie leuk leuke fijn
        fijne jammer helaas graag iedereen niets niks iets alles allemaal toch even eens
        gewoon nieuwe nieuw hele weet zit staat tijd keer beetje mag sinds vanaf tijdens
        volgende vorige afgelopen klant klanten bestelling iemand niemand mensen samen een
        twee drie vier vijf uur ja nee oké hoor jou me mij zich zelf wordt geweldig prachtig
        gefeliciteerd proficiat trots blij tevreden teleurgesteld klopt kunt hoeveel zijn
        ontvangen graag werk werken collega collega's bedrijf nieuws wachten wacht reactie
        vraag vragen antwoord geleverd levering gratis vanmiddag vanavond alweer nogmaals
        eindelijk meteen gelukkig natuurlijk misschien volgens daarom waarbij hierbij zeker
        goedemorgen hallo hoi groeten ooit beter beste oud oude eerlijk gezegd duidelijk
        makkelijk moeilijk lastig prima snel snelle lang klein groot staan sta sluit open
        maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart
        april mei juni juli augustus oktober vanuit hierover erover daarover waarvoor
        allebei beide elkaar terug binnen buiten boven sommige andere ander anders alle
        zonder zowel steeds ongeveer heerlijk lekker vriendelijk onvriendelijk""",
    "en": """the a an and of to in is are was were be been being it this that these those i you
        he she we they my your our their his her its me us them for with on at by from about
        as into through after before over not no never but or so if then than just very really
        what when where who how why which there here have has had do does did will would can
        could should must may might all some any every more most much many thanks thank
        thankyou great good bad love loved please today tomorrow yesterday week year day new
        help out up again still because while also only even well best worst better worse
        awesome amazing nice happy proud excited glad sorry terrible awful horrible
        disappointed disappointing customer support order delivery waiting hello hours
        hi everyone anyone someone nothing something everything always already yet soon now
        next last first time people team's i'm it's don't can't won't didn't doesn't isn't
        i've you're we're that's there's what's let's congrats congratulations looking
        forward sharing share post article keep got get going want need know think feel
        make made see said says ever our ours yours who's whose via monday tuesday wednesday
        thursday friday saturday sunday january february march june july august october
        december opening closed prices price thing things would've i'd you'll we'll""",
    "de": """der die das und ist nicht ein eine einen einem einer ich du wir sie mit auf für von
        zu den dem des sich auch es sind war wird werden haben hat aber oder wenn wie noch
        nur schon sehr gut danke bitte heute kein keine mein meine unser unsere dieser diese
        dieses bei nach aus um über vielen toll schön wirklich geht kann können müssen
        wurde gibt gestern morgen immer jetzt hier dass weil ohne gegen zum zur im vom""",
    "fr": """le la les un une des et est sont de du en je tu il elle nous vous ils elles pas ne
        que qui pour avec sur dans par ce cette ces mais ou très merci bien bonjour c'est
        j'ai au aux son sa ses mon ma mes votre notre leur plus tout tous été être avoir fait
        aussi comme bon bonne belle vraiment aujourd'hui hier demain n'est c'était""",
    "es": """el la los las un una y es son de del en que por para con no muy gracias pero como
        su sus mi tu este esta estos lo al se más está están hola bien bueno buena también
        todo todos hoy ayer mañana fue ser hay nuestro nuestra""",
    "it": """il lo la gli le un una e è di da in che per con non molto grazie ma come questo
        questa sono del della delle anche più tutto tutti ciao bene oggi ieri domani nostro
        nostra ottimo""",
    "pt": """o a os as um uma e é de do da dos das em que por para com não muito obrigado
        obrigada mas como seu sua isso este esta são mais também hoje ontem amanhã nosso
        nossa ótimo""",
}

# English words that Dutch LinkedIn borrows count half for English.
_LOANWORDS = frozenset({"nice", "team", "event", "update", "deadline", "feedback", "top", "cool"})
_LOAN_VOTE = 0.5

# Spelling that is typical for one language: (language, pattern, vote per match).
_SPELLING: tuple[tuple[str, str, float], ...] = (
    ("nl", r"ij|\w(?:lijk|heid|tje|tjes|ing|isch)\b|aa|uu|oe[^\W\d_]", 0.25),
    ("nl", r"\bge[^\W\d_]{3,}d\b", 0.5),
    ("nl", r"\bge[^\W\d_]{3,}t\b", 0.25),
    ("de", r"\bge[^\W\d_]{3,}t\b", 0.25),
    ("en", r"\bth|wh|\w(?:ing|ght|ould|ness|ful|ly)\b|ea|ou", 0.25),
    ("de", r"ß|ä|ö|ü|\w(?:ung|keit|lich|tz)\b|sch|ei", 0.25),
    ("fr", r"[éèêàçùœ]|eau|\w(?:eux|oux|ient)\b|qu'", 0.3),
    ("es", r"[ñ¿¡áíóú]|\w(?:ción|mente|dad)\b", 0.3),
    ("it", r"\w(?:zione|zioni|ggio|cch|zz)\w*|\bgli\b", 0.3),
    ("pt", r"ão|õe|ç[aoã]|\w(?:ção|ções)\b|lh", 0.3),
)

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LETTER_OR_SPACE = bytes(b if chr(b).isalpha() and b < 128 else 32 for b in range(256))
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")
_SPELLING_RES = tuple((lang, re.compile(pat), vote) for lang, pat, vote in _SPELLING)
_MIN_VOTES = 1.0
# In Dutch or English sentences of 8+ words a quarter or more of the words are listed ones;
# a long text where the winner's words are rarer (Finnish, Polish...) is not that language.
_LONG = 8
_MIN_SHARE = 0.15


@cache
def _word_votes() -> dict[str, tuple[tuple[str, float], ...]]:
    """Each listed word's vote, shared equally among the languages that list it."""
    owners: dict[str, list[str]] = {}
    for lang, words in _WORDS.items():
        for word in set(words.split()):
            owners.setdefault(word, []).append(lang)
    weight = {w: _LOAN_VOTE if w in _LOANWORDS else 1.0 for w in owners}
    return {w: tuple((lang, weight[w] / len(ls)) for lang in ls) for w, ls in owners.items()}


_VOTES = _word_votes()


def common_words(lang: str) -> frozenset[str]:
    """The frequent words listed for `lang` (empty for an unlisted language)."""
    return frozenset(_WORDS.get(lang, "").split())


def _prepare(text: str) -> str:
    """Lower-case, straight apostrophes, links and addresses removed (they are not language)."""
    text = text.lower()
    if "’" in text:
        text = text.replace("’", "'")
    if "/" in text or "@" in text or "www." in text:
        text = _URL.sub(" ", text)
    return text


def _word_tally(tokens: list[str]) -> dict[str, float]:
    tally: dict[str, float] = {}
    # Most tokens are listed for no language: C-level map/filter/chain drop them cheaply.
    for lang, vote in chain.from_iterable(filter(None, map(_VOTES.get, tokens))):
        tally[lang] = tally.get(lang, 0.0) + vote
    return tally


def _add_spelling(
    text: str, tally: dict[str, float], only: Container[str] | None = None
) -> dict[str, float]:
    for lang, pattern, vote in _SPELLING_RES:
        if only is not None and lang not in only:
            continue
        hits = len(pattern.findall(text))
        if hits:
            tally[lang] = tally.get(lang, 0.0) + vote * hits
    return tally


def _ranked(tally: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(tally.items(), key=itemgetter(1), reverse=True)


def _decided(ranked: list[tuple[str, float]]) -> bool:
    """Words alone decide when the leader has two votes and a full vote's lead."""
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return bool(ranked) and ranked[0][1] >= 2 * _MIN_VOTES and ranked[0][1] - runner_up >= 1.0


def votes(text: str) -> dict[str, float]:
    """Votes per language for `text` (words and spelling); exposed to judge a mixed text."""
    text = _prepare(text)
    return _add_spelling(text, _word_tally(_tokens(text)))


def _tokens(prepared: str) -> list[str]:
    if prepared.isascii() and "'" not in prepared:  # letter runs: a byte table and a split
        return prepared.encode("ascii").translate(_LETTER_OR_SPACE).decode("ascii").split()
    return _TOKEN.findall(prepared)


def detect(text: str) -> str:
    """Return "nl", "en", another ISO code, or "unknown" when the text carries too little signal."""
    text = _prepare(text)
    tokens = _tokens(text)
    words = _word_tally(tokens)
    ranked = _ranked(words)
    if not _decided(ranked):
        # Spelling is slower to check than words, so it only settles what the words leave
        # open, between the languages they point to (all of them when there are no words).
        contenders = {lang for lang, _ in ranked[:3]} or None
        ranked = _ranked(_add_spelling(text, dict(ranked), contenders))
    if not ranked or ranked[0][1] < _MIN_VOTES:
        return "unknown"
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return "unknown"
    winner = ranked[0][0]
    if len(tokens) >= _LONG and words.get(winner, 0.0) < _MIN_SHARE * len(tokens):
        return "unknown"  # a long text with few of the winner's words is another language
    return winner
