"""The inbox is sorted the way a webcare team works: complaints about us first, then
questions, then praise; questions are recognised in Dutch and English, with or without "?"."""

import pytest

from agent.analysis.intent import classify, is_question, needs_reply, urgency

US = [{"term": "VlotPay", "kind": "product", "start": 0, "end": 7, "text": "VlotPay"}]
THEM = [{"term": "Spaarhuis", "kind": "competitor", "start": 0, "end": 9, "text": "Spaarhuis"}]
NEG = {"label": "negative", "compound": -0.7}
POS = {"label": "positive", "compound": 0.8}
NEUTRAL = {"label": "neutral", "compound": 0.0}


@pytest.mark.parametrize(
    "text",
    [
        "Hoe kan ik mijn VlotPas blokkeren",
        "Weet iemand of VlotPay ook in Duitsland werkt",
        "Is het mogelijk om met VlotPay te pinnen in de VS",
        "Kunnen jullie me terugbellen",
        "Werkt VlotPay ook op een tablet",
        "Iemand tips voor een groene spaarrekening",
        "How do I change my address",
        "Does anyone know if Vlotbank has a branch in Zwolle",
        "Can you send me the form again",
        "Hoi Sanne, wat kost VlotPay Plus per maand?",
    ],
)
def test_questions_are_recognised_with_or_without_a_question_mark(text):
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wat een topservice van Vlotbank!",
        "How great is this!",
        "Hoe dan ook, ik ben tevreden.",
        "Wanneer ik inlog krijg ik een foutmelding",
        "Lees meer op https://vlotbank.example/faq?id=3",
        "Mooie dag gehad met het team.",
    ],
)
def test_exclamations_statements_and_links_are_not_questions(text):
    assert not is_question(text)


def test_a_negative_post_about_our_product_is_a_complaint_even_when_it_asks():
    text = "Waarom werkt VlotPay nu al drie dagen niet?"
    result = classify(text, "nl", NEG, US)
    assert result["intent"] == "complaint"
    assert result["is_question"]
    assert result["about_us"]


def test_complaint_words_count_when_the_sentiment_model_misses_them():
    assert classify("VlotPay storing, nog steeds geen reactie", "nl", NEUTRAL, US)["intent"] == (
        "complaint"
    )


def test_negativity_about_a_competitor_is_not_our_complaint():
    assert classify("Spaarhuis is echt waardeloos", "nl", NEG, THEM)["intent"] == "other"


def test_a_negative_reply_under_our_own_post_is_a_complaint_without_naming_us():
    result = classify("Dit is echt belachelijk slecht geregeld", "nl", NEG, [], about_us=True)
    assert result["intent"] == "complaint"


def test_praise_must_be_about_us():
    assert classify("VlotPay is echt top", "nl", POS, US)["intent"] == "praise"
    assert classify("Wat een mooie zonsondergang", "nl", POS, [])["intent"] == "other"


def test_org_terms_narrow_down_what_counts_as_us():
    assert classify("VlotPay is top", "nl", POS, US, org_terms=["Vlotbank"])["intent"] == "other"


def test_a_question_not_about_us_is_still_a_question():
    assert classify("Weet iemand een goede boekhouder?", "nl", NEUTRAL, [])["intent"] == "question"


def test_urgency_orders_complaints_before_questions_before_praise():
    fresh_complaint = urgency("complaint", -0.1, 0.1, None, False)
    old_question = urgency("question", 0.0, 200, "critic", False)
    old_praise = urgency("praise", 1.0, 200, "ambassador", False)
    other = urgency("other", 0.0, 200, "critic", False)
    assert fresh_complaint > old_question > old_praise > other
    assert other >= 0 and fresh_complaint <= 1


def test_older_unanswered_and_from_critics_or_fans_comes_first():
    assert urgency("complaint", -0.5, 30, None) > urgency("complaint", -0.5, 1, None)
    assert urgency("question", 0.0, 5, "critic") > urgency("question", 0.0, 5, None)
    assert urgency("praise", 0.6, 5, "fan") > urgency("praise", 0.6, 5, None)
    assert urgency("complaint", -0.9, 30, None) > urgency("complaint", -0.2, 30, None)


def test_answered_items_sink_below_open_ones():
    answered = urgency("complaint", -0.9, 100, "critic", answered=True)
    assert answered < urgency("praise", 0.1, 0, None)


def test_complaints_and_questions_always_need_a_reply_praise_only_about_us():
    assert needs_reply("complaint", False)
    assert needs_reply("question", False)
    assert needs_reply("praise", True)
    assert not needs_reply("praise", False)
    assert not needs_reply("other", True)
