"""Roos reads Dutch and English comments; it must know which one it is looking at.

Comments are short, Dutch LinkedIn is full of English words, and now and then someone writes
in German or French. Everything here is invented text.
"""

from pathlib import Path

import pytest

from agent.analysis import evaluation, language
from agent.analysis.language import detect

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    "text",
    [
        "Wat een slechte service",
        "Ik wacht al twee weken op een reactie van jullie klantenservice.",
        "Bedankt!",
        "Hoe laat begint het webinar morgen?",
        "Nog steeds geen pakket ontvangen",
    ],
)
def test_dutch_comments_are_dutch(text):
    assert detect(text) == "nl"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, great help",
        "When will the recording be available?",
        "Really impressed with how quickly the team responded.",
        "I’m so glad we’ve finally met in person",  # curly apostrophes, as phones type them
    ],
)
def test_english_comments_are_english(text):
    assert detect(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Super event, dank voor de insights!",
        "Nice, gefeliciteerd met de launch van jullie nieuwe app!",
        "Great vibes op de kick-off vandaag, thanks iedereen voor de energie",
        "Fijn om eindelijk weer fysiek bij elkaar te komen, great vibes!",
    ],
)
def test_dutch_full_of_english_loanwords_stays_dutch(text):
    assert detect(text) == "nl"


def test_english_with_a_dutch_thank_you_stays_english():
    assert detect("Honestly the best onboarding I have had in years, dank je wel!") == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Das ist wirklich ein sehr guter Service, vielen Dank!", "de"),
        ("Ich bin nicht zufrieden mit der Lieferung.", "de"),
        ("Merci beaucoup pour votre aide, c'est très gentil.", "fr"),
        ("Le service client est vraiment nul.", "fr"),
        ("Muchas gracias por la ayuda, el equipo es muy amable.", "es"),
    ],
)
def test_other_languages_are_named_and_never_taken_for_dutch_or_english(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "Top!", "👍🎉", "ok", "https://example.org/a/b"])
def test_too_little_to_go_on_is_unknown(text):
    assert detect(text) == "unknown"


def test_links_and_addresses_do_not_vote():
    link, address = "https://www.the-example.org/the/best/of/the/web/", "info@the-example.org"
    text = f"Lees het hele verhaal op {link} of mail naar {address}"
    assert detect(text) == "nl"
    assert language.votes(text) == language.votes("Lees het hele verhaal op of mail naar")


def test_words_shared_by_languages_split_their_vote():
    # "de" is Dutch, French, Spanish and Portuguese: on its own it decides nothing.
    assert detect("de") == "unknown"
    assert language.votes("de")["nl"] < 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_labelled_sentiment_sets_are_recognised(lang):
    items = evaluation.read_labelled(DATA / f"sentiment_{lang}.jsonl")
    right = sum(detect(item["text"]) == lang for item in items)
    wrong = [item["text"] for item in items if detect(item["text"]) not in (lang, "unknown")]
    assert right / len(items) >= 0.95
    assert len(wrong) <= 2, wrong
