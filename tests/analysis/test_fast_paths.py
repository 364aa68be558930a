"""Roos reads every comment quickly, and must read it exactly as the careful way would.

The analysis takes shortcuts for the common case: byte tables instead of regexes for plain
ASCII text, word-set checks that skip a regex scan or a rule that cannot apply, VADER skipped
when no word of the text is in its lexicon, typos looked up per word. Each shortcut is
checked here against the long way on made-up texts built from the words that matter: every
shortcut switched off must give the same answer.
"""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.analysis import (
    disclosure,
    intent,
    knowledge,
    language,
    promo,
    sentiment,
    sentiment_nl,
    textnorm,
    tokens_nl,
    topics,
)
from agent.analysis.knowledge import KnowledgeBase
from agent.analysis.mentions import MentionMatcher
from agent.analysis.text import Text

PROFILE = json.loads((Path(__file__).parents[1] / "fixtures/profile_vlotbank.json").read_text())
# Six-letter names too: the shortest that a typo may hide.
NAMES = {**PROFILE, "competitors": [*PROFILE["competitors"], "Munter"], "watch_terms": ["Zonnig"]}
SOME = settings(max_examples=300, deadline=None)

WORD_TEXT = """goed slecht niet geen nooit heel erg zeer super echt beetje wat een maar alleen echter
    liefst even al drie 3 dagen weken nog steeds wacht gewacht reactie antwoord excuses te laat
    duur lang in de wacht is het zat stuk kastje naar muur niemand die reageert petje af hou van
    mee eens dat omdat als blij tevreden teleurgesteld waardeloos belachelijk top topservice
    supersnel klantonvriendelijk helaas jammer bedankt dankjewel prima mooi mooie snelle
    great good bad not never very really but no least kind of sort thanks love awful terrible
    hoe wanneer waarom kunnen kan jullie weet iemand tips vraagje is mogelijk werkt doet storing
    how do does anyone know can you i wonder looking for advice still waiting refund worst
    gratis nu bestel koop korting code met op sale new free only link bio webinar
    namens werk bij ik i work at vlotbank vlotpay vlotpas zonnewind spaarhuis vlotbnak zonewind
    sanne visser ruben dekker hoi hallo beste dear don't it's collega's zo'n 's 20 procent eur
    munter muntr zonnig zonig great! good, bad. not: (love) awful?"""
WORDS = WORD_TEXT.split()
MARKS = [".", ",", "!", "?", ";", ":", "...", "!!!!", "-", "'", "_", "/", "(", ")", "€", "%"]
EXTRAS = [":)", ":(", "<3", "xD", "#fail", "#topservice", "#VlotbankHelpt", "@vlotbank", "👍", "😡"]
EXTRAS += ["@VlotbankHelpt", "@teamvlotpay", "#munterx", "€5", "5%"]
PHRASE_TEXT = """ik werk bij|I work at|20 procent korting|don't like|it's great|zo'n collega's
    |great!|terrible.|(love)|geen reactie|al 3 dagen|nog steeds niet|kunnen jullie|weet iemand
    |munter|muntr|zonig|Vlot Bank|vlot-pay|spaarhuls|not bad at all|kind of good|the shit"""
PHRASES = [phrase.strip() for phrase in PHRASE_TEXT.split("|")]
EXTRAS += ["é", "’", "—", "…", "https://vlotbank.example/a..b", "www.x.nl", "WWW.X.NL", "5", "12"]
PIECES = WORDS + [w.upper() for w in WORDS[:40]] + [w.title() for w in WORDS[40:80]]
SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\t"])
PIECE = st.one_of(*map(st.sampled_from, (PIECES, MARKS, EXTRAS, PHRASES)))


@st.composite
def comments(draw, pieces=PIECE):
    """Texts made of the words the rules look for, glued in every way people glue them."""
    parts = draw(st.lists(st.tuples(pieces, SEPARATORS), max_size=18))
    return "".join(piece + gap for piece, gap in parts)


@st.composite
def sentences(draw):
    """Sentences shaped like questions and exclamations: greeting, opener, subject, rest."""
    said = []
    for _ in range(draw(st.integers(1, 3))):
        greeting = draw(st.sampled_from(["", "Hoi Sanne, ", "hello team,  ", "Beste, ", "Hi, "]))
        opener = draw(st.sampled_from([*sorted(intent._OPENERS), "Wat", "HOE", "ik", "De"]))
        subject = draw(st.sampled_from(["jullie", "je", "ik", "you", "anyone", "VlotPay", "een"]))
        rest = draw(comments())
        mark = draw(st.sampled_from(["", ".", "!", "?", "\n"]))
        said.append(f"{greeting}{opener} {subject} {rest}{mark}")
    return " ".join(said)


ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=80)
ANY = st.one_of(comments(), st.text(max_size=60), ASCII)


class Everything(frozenset):
    """A word set that shares a word with anything: switches a set-lookup shortcut off."""

    def isdisjoint(self, other):
        return False

    def __contains__(self, item):
        return True


# --- reading words -------------------------------------------------------------------------


@SOME
@given(ANY)
def test_words_of_plain_text_are_the_regex_words(text):
    assert textnorm.folded_words(text) == textnorm.FOLDED_WORD.findall(text)


@SOME
@given(ANY)
def test_language_words_of_plain_text_are_the_regex_words(text):
    prepared = language._prepare(text)
    assert language._tokens(prepared) == language._TOKEN.findall(prepared)


@SOME
@given(ANY)
def test_a_prepared_text_reads_as_the_plain_functions_do(text):
    prepared = Text(text)
    assert prepared.words == textnorm.words(text)
    assert prepared.folded_words == textnorm.FOLDED_WORD.findall(textnorm.fold(text))
    assert prepared.aligned == textnorm.aligned_fold(text)
    plain = textnorm.URL.sub(" ", text) if "://" in text or "www." in text else text
    assert prepared.unlinked == textnorm.fold(plain)
    assert prepared.unlinked_words == textnorm.FOLDED_WORD.findall(textnorm.fold(plain))


# --- Dutch sentiment ---------------------------------------------------------------------------


@SOME
@given(st.one_of(comments(), ASCII))
def test_dutch_tokens_of_plain_text_are_the_regex_tokens(text):
    if text.isascii() and not any(joiner in text for joiner in "_'-"):
        assert tokens_nl._spaced(text) == tokens_nl._TOKEN.findall(text)


@SOME
@given(comments())
def test_dutch_scores_are_the_same_without_any_shortcut(text):
    fast = sentiment.dutch(text)
    with pytest.MonkeyPatch.context() as slow:
        slow.setattr(tokens_nl, "_EMOTICON_OR_TAG", ("",))  # the full separator split
        slow.setattr(tokens_nl, "_PAIRS", Everything())  # phrases looked for everywhere
        slow.setattr(sentiment_nl, "_MODIFIERS", Everything())  # every rule tried
        assert sentiment.dutch(text) == fast
        slow.setattr(tokens_nl, "_JOINERS", ("",))  # the token regex
        assert sentiment.dutch(text) == fast


def _merged_one_by_one(words, lower):
    out_words, out_lower, i = [], [], 0
    while i < len(lower):
        for parts, key in tokens_nl._PHRASE_INDEX.get(lower[i], ()):
            span = lower[i : i + len(parts)]
            if len(span) == len(parts) and all(map(tokens_nl._matches, parts, span)):
                out_words.append(" ".join(words[i : i + len(parts)]))
                out_lower.append(key)
                i += len(parts)
                break
        else:
            out_words.append(words[i])
            out_lower.append(lower[i])
            i += 1
    return out_words, out_lower


@SOME
@given(st.lists(st.sampled_from([*WORDS, "3", "twee", "."]), max_size=20))
def test_phrases_merge_as_when_every_word_is_tried(words):
    lower = [w.lower() for w in words]
    assert list(map(list, tokens_nl.merge_phrases(words, lower))) == list(
        map(list, _merged_one_by_one(words, lower))
    )


# Scores the Dutch scorer gave before it was made fast, one text per rule and combination.
PINNED_DUTCH = [
    ("Niet goed, maar ook niet slecht.", 0.2869),
    ("Dat waardeer ik niet", -0.357),
    ("Het bevalt me niet!", -0.3404),
    ("Heel erg blij met de SNELLE hulp!!", 0.7349),
    ("Wat een mooie dag, wat sneller had gekund.", 0.5342),
    ("Leuk bedoeld, maar slecht uitgevoerd.", -0.5365),
    ("Alleen maar lof voor het team", 0.4588),
    ("Alleen jammer dat de app crasht", -0.7256),
    ("Maar liefst tien keer gebeld, echter geen reactie.", -0.5493),
    ("Al drie dagen wacht ik op antwoord.", -0.4215),
    ("Nog steeds niet opgelost, nooit meer!", -0.8021),
    ("Ik ben het zat. Van het kastje naar de muur gestuurd.", -0.7184),
    ("Super!", 0.5093),
    ("Super snel geholpen", 0.1533),
    ("SUPER BLIJ met VlotPay :) <3", 0.8947),
    # "#fail" is a loanword now (-2.0), no longer VADER's whole lexicon (-2.5).
    ("Weer geen mail ontvangen #fail #nooitmeer", -0.7184),
    ("Top service #klantvriendelijk 👍👍", 0.91),
    ("Klantonvriendelijk en onprofessioneel... wat een drama :(", -0.9266),
    ("Geen probleem, hou van jullie app", 0.6124),
    ("Te laat, te duur en te lang in de wacht", -0.8126),
    ("Boven verwachting! Petje af.", 0.8313),
    ("Zonder uitleg afgesloten; geen excuses, geen oplossing.", -0.8126),
    ("Het is stuk. Weer kapot.", -0.6486),
    ("Een beetje traag, maar verder prima", 0.5389),
    ("Niemand die reageert, niet serieus genomen", -0.6705),
    ("NIET TEVREDEN, helemaal niet", -0.1951),
    ("Ik ben best tevreden: snelle levering, vriendelijke medewerkers?", 0.6746),
    ("Waarom??? Waarom duurt dit zo lang???", 0.0),
    ("Mijn e-mail wordt niet beantwoord - echt teleurstellend", -0.5849),
    ("Zo'n fijne collega's, dankjewel!", 0.5574),
    ("Supersnel en topservice, wanbeleid bij de rest", 0.3691),
    ("Onder de verwachting, helaas", -0.5719),
    ("Dit is echt belachelijk slecht geregeld, ik ben woedend.", -0.9047),
    ("Mooie app; vlot, simpel & gratis", 0.7151),
    # "niet echt" / "niet zo" soften: a booster after a negation no longer strengthens.
    ("Niet echt geweldig = meh", -0.6149),
    ("Ik hou van deze bank x", 0.4588),
    ("xD wat grappig", 0.6422),
    ("Gewacht al twee weken op mijn pas", -0.3612),
    ("Prima geregeld, 10/10 zou weer doen", 0.486),
    ("Nou, dat ging niet zo goed...", -0.229),
    ("Dank u wel voor de hulp, echt top!", 0.7639),
    ("Totaal niet blij met de service", -0.4134),
    ("Wat een topservice van Vlotbank!", 0.553),
]


@pytest.mark.parametrize(("text", "compound"), PINNED_DUTCH)
def test_dutch_scores_are_what_they_were_before_the_scorer_was_made_fast(text, compound):
    assert sentiment.dutch(text) == compound


# --- English sentiment and text bounds --------------------------------------------------------


ENGLISH = st.sampled_from(sorted(sentiment._ENGLISH_WORDS)[::40] + WORDS[74:96])


@SOME
@given(st.one_of(comments(), comments(st.one_of(ENGLISH, st.sampled_from(MARKS)))))
def test_vader_is_only_skipped_where_it_would_answer_zero(text):
    fixed = textnorm.expand_hashtags(textnorm.fix_punctuation(text), sentiment._ENGLISH_VOCABULARY)
    assert sentiment.english(text) == sentiment._ENGLISH.polarity_scores(fixed)["compound"]


@SOME
@given(st.one_of(comments(), ASCII, st.text(max_size=60)))
def test_the_quick_mark_counts_agree_with_the_regexes(text):
    if sentiment._REPEATS.search(text):
        assert sentiment._may_repeat(text)
    assert sentiment._symbol_count(text) == len(sentiment._SYMBOL.findall(text))


# --- intent, promotion, disclosure, mentions ----------------------------------------------------


@SOME
@given(st.one_of(comments(), sentences()))
def test_questions_and_complaints_are_found_as_without_the_word_checks(text):
    fast = intent.is_question(text), intent.has_complaint_cue(text)
    with pytest.MonkeyPatch.context() as slow:
        for gate in ("_ASKING_LAST", "_CUE_LAST", "_STARTERS", "_OPENERS"):
            slow.setattr(intent, gate, Everything())
        assert (intent.is_question(text), intent.has_complaint_cue(text)) == fast


@SOME
@given(comments())
def test_promotion_and_disclosure_read_as_without_the_word_checks(text):
    fast = promo.promo_score(text), promo.promo_cues(text), disclosure.is_present(text, PROFILE)
    with pytest.MonkeyPatch.context() as slow:
        slow.setattr(promo, "_FIRST_WORDS", Everything())
        slow.setattr(promo, "_has_price_sign", lambda folded: True)
        slow.setattr(disclosure, "_DISCLOSING_WORDS", Everything())
        assert (promo.promo_score(text), promo.promo_cues(text)) == fast[:2]
        assert disclosure.is_present(text, PROFILE) == fast[2]


@pytest.fixture(scope="module")
def matcher():
    return MentionMatcher(NAMES)


@SOME
@given(comments())
def test_a_text_said_to_name_nothing_names_nothing(matcher, text):
    full = MentionMatcher(NAMES)
    full._nothing_in = lambda words: False  # always the full scan
    assert matcher.find(text) == full.find(text)
    assert matcher.find(Text(text)) == full.find(text)


# --- knowledge base -------------------------------------------------------------------------------

QUESTION_TEXT = """hoe blokkeer blokeer blokkeren ik mijn vlotpas vlotpass pas kwijt wat kost
    kostte vlotpay vlotpey per maand buitenland betalen betaal rente zonnewind spaarrekening
    adres wijzig wijzigen how do i block my card can use abroad much cost month storing outage
    hoi bedankt compliment klantenservice rekening"""
QUESTION_WORDS = QUESTION_TEXT.split()


@st.composite
def asked(draw):
    """A question from the knowledge base as people type it: slips, words left out, words
    added."""
    question = draw(st.sampled_from([e["question"] for e in PROFILE["knowledge"]]))
    words = []
    for word in question.split():
        cut = draw(st.integers(0, len(word)))
        slip = draw(st.sampled_from(["", "", "", "drop", "double", "skip"]))
        if slip == "drop":
            word = word[:cut] + word[cut + 1 :]
        elif slip == "double":
            word = word[:cut] + word[cut:][:1] + word[cut:]
        if slip != "skip":
            words.append(word)
    extra = draw(st.lists(st.sampled_from(QUESTION_WORDS), max_size=4))
    return " ".join(words + extra)


@SOME
@given(
    st.one_of(asked(), st.lists(st.sampled_from(QUESTION_WORDS), max_size=12).map(" ".join)),
    st.sampled_from(["nl", "en", None]),
    st.sampled_from(["question", "complaint", "praise", "other"]),
)
def test_the_prepared_knowledge_base_answers_as_the_plain_functions(text, lang, kind):
    known = KnowledgeBase(PROFILE["knowledge"], PROFILE["saved_replies"])
    plain_answer = knowledge.best_answer(text, PROFILE["knowledge"], lang)
    assert known.best_answer(Text(text), lang) == plain_answer
    assert known.best_answer(text, lang) == plain_answer == _answer_in_full(text, lang)
    plain_saved = knowledge.rank_saved(text, PROFILE["saved_replies"], kind, lang)
    assert known.rank_saved(Text(text), kind, lang) == plain_saved
    assert plain_saved == _saved_in_full(text, kind, lang)


def _fits(entry, lang):
    return not entry.get("lang") or lang is None or entry["lang"] == lang


def _answer_in_full(text, lang):
    """Every question scored to the end, no early way out."""
    have, best = knowledge._bag(text), None
    for entry in PROFILE["knowledge"]:
        score = (
            knowledge._score(have, knowledge._bag(entry["question"])) if _fits(entry, lang) else 0
        )
        if score >= knowledge.ANSWER_THRESHOLD and (best is None or score > best[1]):
            best = (entry, score)
    return best


def _saved_in_full(text, kind, lang):
    """Every saved reply scored to the end: one for another intent or another topic never
    fits, nor one that shares neither words nor a topic with the text."""
    have, ranked, said = knowledge._bag(text), [], topics.topics_of(text)
    for reply in PROFILE["saved_replies"]:
        theirs = topics.of_reply(reply)
        if not _fits(reply, lang) or reply.get("intent") not in (None, kind):
            continue
        if said and theirs and said.isdisjoint(theirs):
            continue
        bonus = 40 if reply.get("intent") == kind else 20
        about = knowledge._bag(f"{reply.get('title') or ''} {reply['text']}")
        fit = round(bonus + 0.6 * knowledge._score(have, about, typos=False), 1)
        shares = not set(have.words).isdisjoint(about.words) or not set(have.stems).isdisjoint(
            about.stems
        )
        if fit >= knowledge.SAVED_THRESHOLD and (shares or not said.isdisjoint(theirs)):
            ranked.append((reply, fit))
    return sorted(ranked, key=lambda pair: -pair[1])


def test_a_typo_is_as_near_to_its_word_read_either_way():
    assert all(
        knowledge.fuzz.ratio(a, b) == knowledge.fuzz.ratio(b, a)
        for a in QUESTION_WORDS
        for b in QUESTION_WORDS
    )


def test_the_word_checks_are_made_of_whole_words():
    checks = [intent._ASKING_LAST, intent._CUE_LAST, intent._OPENERS, promo._FIRST_WORDS]
    checks.append(disclosure._DISCLOSING_WORDS)
    assert all(re.fullmatch(r"[^\W\d_]+", word) for check in checks for word in check)
