"""A question from a customer is matched to the knowledge base even when worded differently,
and saved replies are ranked by how well they fit."""

import json
from pathlib import Path

from agent.analysis.knowledge import best_answer, rank_saved, similarity, stem

PROFILE = json.loads((Path(__file__).parents[1] / "fixtures/profile_vlotbank.json").read_text())


def test_a_wordy_question_finds_the_short_faq_entry():
    found = best_answer(
        "Help, ik ben mijn VlotPas kwijt, hoe kan ik hem blokkeren?", PROFILE["knowledge"], "nl"
    )
    assert found is not None
    entry, score = found
    assert entry["question"] == "Hoe blokkeer ik mijn VlotPas?"
    assert score >= 80


def test_the_answer_comes_from_the_writers_language():
    entry, _ = best_answer("Lost my card, how can I block it?", PROFILE["knowledge"], "en")
    assert entry["lang"] == "en"


def test_a_question_the_knowledge_base_cannot_answer_gets_none():
    assert best_answer("Hoe open ik een zakelijke rekening?", PROFILE["knowledge"], "nl") is None


def test_one_letter_apart_product_names_are_not_the_same_word():
    faq = "Wat kost VlotPay per maand?"
    assert similarity("Wat kost VlotPay?", faq) > similarity("Wat kost VlotPas?", faq)
    assert stem("vlotpay") != stem("vlotpas")


def test_inflections_share_a_stem():
    assert stem("blokkeer") == stem("blokkeren")
    assert stem("betaal") == stem("betalen")
    assert stem("blocked") == stem("blocking")


def test_saved_replies_of_the_right_intent_and_language_come_first():
    ranked = rank_saved(
        "VlotPay doet het al de hele ochtend niet, storing?",
        PROFILE["saved_replies"],
        "complaint",
        "nl",
    )
    assert [reply["title"] for reply, _ in ranked] == ["Storing VlotPay"]
