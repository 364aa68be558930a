"""A social media manager's inbox, read as a webcare team reads it: a complaint that says
"please" is still a complaint, safety and money come first, "nog nooit pech" is praise, and
every label says why."""

import json
from pathlib import Path

import pytest

from agent.analysis import evaluation, webcare_eval
from agent.analysis.pipeline import Analyzer
from agent.server.api.inbox import most_urgent_first

DATA = Path(__file__).parents[1] / "data"
COMPANIES = webcare_eval.profiles(DATA / "webcare_companies.json")
NOW = "2026-11-30T12:00:00Z"


@pytest.fixture(scope="module")
def vonk():
    return Analyzer(COMPANIES["Vonk"])


def message(text, hours=1, item_id="li-7"):
    return {
        "id": item_id,
        "source": "linkedin",
        "kind": "comment",
        "url": f"https://www.linkedin.com/feed/update/urn:li:activity:{item_id}",
        "text": text,
        "author": {"name": "Noor Jansen"},
        "published_at": f"2026-11-30T{12 - hours:02d}:00:00Z",
    }


def rules(reasons):
    return [reason["rule"] for reason in reasons]


def test_a_complaint_that_says_please_is_no_praise_and_is_not_thanked(vonk):
    text = "The VonkApp still crashes, I can't unlock my bike. Vonk, please fix this."
    result = vonk.analyze(message(text), now=NOW)
    assert result["intent"] == "complaint"
    assert result["sentiment"]["label"] == "negative"
    assert {"failure", "request", "persistence"} <= set(rules(result["reasons"]["intent"]))
    failure = next(r for r in result["reasons"]["intent"] if r["rule"] == "failure")
    assert "crashes" in failure["words"] and failure["en"] == "something fails"
    assert result["reasons"]["sentiment"][0]["rule"] == "complaint_overrides"
    replies = " ".join(s["text"] for s in result["suggestions"]).lower()
    assert "kind words" not in replies and "thank" not in replies


def test_an_exploding_battery_is_safety_first_with_an_escalating_reply(vonk):
    text = "Vonk Fietsen, mijn accu is vanochtend ontploft in de gang! Er kwam rook uit. Wat nu?!"
    result = vonk.analyze(message(text, hours=1), now=NOW)
    assert (result["intent"], result["urgency_category"]) == ("complaint", "safety")
    assert result["urgency"] >= 0.96
    assert result["reasons"]["urgency"][0]["nl"].startswith("veiligheid")
    assert set(result["reasons"]["urgency"][0]["words"]) == {"ontploft", "rook"}
    kinds = [s["kind"] for s in result["suggestions"]]
    assert kinds[0] == "safety_known" and "follow_up" not in kinds and "apology" not in kinds
    first = result["suggestions"][0]["text"]
    assert "Stop meteen" in first and "085 555 0112" in first  # the knowledge base's advice


def test_without_safety_advice_the_reply_still_says_stop_and_call():
    profile = {**COMPANIES["Harbor"], "voice": {"address": "je"}}
    result = Analyzer(profile).analyze(
        message("My Harbor card reader caught fire on the counter!"), now=NOW
    )
    texts = [s["text"] for s in result["suggestions"]]
    assert result["urgency_category"] == "safety"
    assert all("stop using the product" in t and "+1 555 0100" in t for t in texts)
    assert all("look into" not in t for t in texts)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Factuur van de onderhoudsbeurt is twee keer afgeschreven. Graag snel terugstorten.",
            "money",
        ),
        ("Ik kreeg een mail met het adres en de bestelling van een andere klant erin.", "privacy"),
        ("De VonkApp ligt er weer uit, niemand kan zijn fiets ontgrendelen.", "outage"),
        ("If this isn't fixed by Friday I'm taking you to small claims court.", "legal"),
    ],
)
def test_urgent_categories_are_recognised_and_said(vonk, text, category):
    result = vonk.analyze(message(text), now=NOW, about_us_hint=True)
    assert (result["intent"], result["urgency_category"]) == ("complaint", category)
    assert rules(result["reasons"]["urgency"])[0] == category


def test_a_jammed_lock_and_sarcasm_are_complaints(vonk):
    for text in (
        "Slot klemt steeds bij regen. Echt niet.",
        "Top service van Vonk... al vijf weken in de werkplaats.",
    ):
        result = vonk.analyze(message(text), now=NOW, about_us_hint=True)
        assert result["intent"] == "complaint", text
        assert result["sentiment"]["label"] == "negative", text


def test_never_a_problem_is_praise(vonk):
    result = vonk.analyze(message("Nog nooit pech gehad. Sterk merk."), now=NOW, about_us_hint=True)
    assert (result["intent"], result["sentiment"]["label"]) == ("praise", "positive")
    assert rules(result["reasons"]["intent"]) == ["praise"]


def test_a_problem_that_is_solved_is_no_complaint(vonk):
    result = vonk.analyze(
        message("De VonkApp werkt weer, dank voor de snelle hulp!"), now=NOW, about_us_hint=True
    )
    assert result["intent"] == "praise"


def test_the_order_is_safety_privacy_money_outage_legal_complaint_question_praise(vonk):
    texts = [
        "Mijn accu begon te roken tijdens het laden.",
        "Ik zie in de VonkApp de ritten en het adres van een andere gebruiker.",
        "Jullie hebben mijn aanbetaling twee keer afgeschreven.",
        "Storing: de VonkApp is al de hele ochtend offline.",
        "Ik schakel een advocaat in als dit niet wordt opgelost.",
        "Mijn display is kapot en niemand belt terug.",
        "Hoe vaak moet mijn E1 een onderhoudsbeurt?",
        "Wat een fijne fiets, dank jullie wel!",
    ]
    # The less urgent, the longer waiting: time never lifts an item over a category.
    results = [
        vonk.analyze(message(t, hours=1 + 10 * n, item_id=f"o{n}"), now=NOW, about_us_hint=True)
        for n, t in enumerate(texts)
    ]
    assert [r["urgency_category"] for r in results[:5]] == [
        "safety",
        "privacy",
        "money",
        "outage",
        "legal",
    ]
    urgencies = [r["urgency"] for r in results]
    assert urgencies == sorted(urgencies, reverse=True)


def test_waiting_longer_comes_first_within_a_category(vonk):
    old, new = (
        vonk.analyze(message("Mijn accu rookt!", hours=h), now=NOW, about_us_hint=True)
        for h in (9, 1)
    )
    assert old["urgency"] > new["urgency"] and old["urgency_category"] == "safety"
    assert rules(old["reasons"]["urgency"]) == ["safety"]


def test_an_open_safety_item_is_first_in_the_inbox_whatever_its_score():
    entries = [
        {
            "id": "a",
            "urgency": 0.99,
            "urgency_category": "privacy",
            "status": "open",
            "published_at": "1",
        },
        {
            "id": "b",
            "urgency": 0.5,
            "urgency_category": "safety",
            "status": "open",
            "published_at": "2",
        },
        {
            "id": "c",
            "urgency": 0.95,
            "urgency_category": "safety",
            "status": "answered",
            "published_at": "3",
        },
    ]
    assert [e["id"] for e in sorted(entries, key=most_urgent_first)] == ["b", "a", "c"]


def test_promotions_in_dutch_and_english_are_recognised_with_reasons(vonk):
    for text in (
        "Bestel de Vonk E1 nu met 200 euro korting. Actie geldig tot 30 november!",
        "Gratis accu-check bij alle Vonk dealers. Maak snel een afspraak!",
        "This week only: a free pannier bag with every Vonk E1. Sign up today!",
    ):
        result = vonk.analyze(message(text), now=NOW)
        assert result["promotional"] and result["intent"] == "other", text
        assert result["reasons"]["promotional"][0]["words"], text
    draft = vonk.analyze_draft("Gratis accu-check deze week. Maak snel een afspraak!")
    assert draft["promotional"] and draft["promotional_reasons"][0]["rule"] == "promotion"


def test_a_complaint_quoting_an_offer_is_not_promotion(vonk):
    text = "The discount wasn't applied at checkout and I was overcharged by $40. Sort it out."
    result = vonk.analyze(message(text), now=NOW, about_us_hint=True)
    assert result["intent"] == "complaint" and not result["promotional"]


def test_saved_replies_fit_on_intent_and_topic_not_on_shared_words(vonk):
    text = "Ik wil mijn bestelling van de Vonk E1 annuleren, de levering duurt te lang. Graag mijn aanbetaling terug."
    result = vonk.analyze(message(text), now=NOW)
    saved = [s["why"] for s in result["suggestions"] if s["kind"] == "saved"]
    assert saved and "Bestelling annuleren" in saved[0]
    crash = vonk.analyze(message("De VonkApp crasht steeds, graag oplossen."), now=NOW)
    assert not [s for s in crash["suggestions"] if s["kind"] == "saved"]


def test_labelled_webcare_messages_are_read_right_on_the_dev_half():
    """The tuning half of our own sets; bench/webcare.py reports the held-out half."""
    reader = webcare_eval.Reader(COMPANIES)
    for lang in ("nl", "en"):
        dev, _ = evaluation.split(webcare_eval.read(DATA / f"webcare_{lang}.jsonl"))
        found = webcare_eval.scores(dev, webcare_eval.ours(reader, dev))
        assert found["intent accuracy"] >= 0.9, lang
        assert found["complaints read as praise"] == 0, lang
        assert found["complaints read as positive"] == 0, lang
        assert found["urgent ranked above all non-urgent"] >= 0.9, lang


def test_the_labelled_sets_are_big_and_varied_enough():
    for lang in ("nl", "en"):
        messages = webcare_eval.read(DATA / f"webcare_{lang}.jsonl")
        assert len(messages) >= 200
        assert len({m["company"] for m in messages}) >= 6
        assert {m["category"] for m in messages} >= {
            "safety",
            "privacy",
            "money",
            "outage",
            "legal",
        }
        assert {m["intent"] for m in messages} == {"complaint", "question", "praise", "other"}
        assert sum(m["promotional"] for m in messages) >= 15
    json.dumps(COMPANIES)  # the invented companies are plain data
