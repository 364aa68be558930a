"""One item in, everything Roos knows about it out: language, mood, mentions, intent, urgency,
whether it needs a reply and what to say. A correction the user made by hand always wins."""

import copy
import json
from pathlib import Path

import pytest

from agent.analysis.pipeline import Analyzer

PROFILE = json.loads((Path(__file__).parents[1] / "fixtures/profile_vlotbank.json").read_text())
NOW = "2026-06-30T12:00:00Z"
KEYS = {
    "id",
    "language",
    "sentiment",
    "mentions",
    "about_us",
    "intent",
    "is_question",
    "urgency",
    "needs_reply",
    "author",
    "promotional",
    "corrected",
    "suggestions",
    "urgency_category",
    "reasons",
}


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(PROFILE)


def comment(text, item_id="li-100", name="Marije Hoekstra", **extra):
    return {
        "id": item_id,
        "source": "linkedin",
        "kind": "comment",
        "url": f"https://www.linkedin.com/feed/update/{item_id}",
        "text": text,
        "author": {"name": name, "profile_url": "https://www.linkedin.com/in/marije-hoekstra-42"},
        "published_at": "2026-06-30T06:00:00Z",
        "seen_at": "2026-06-30T07:00:00Z",
        **extra,
    }


def test_a_dutch_complaint_about_vlotpay_is_urgent_and_gets_dutch_suggestions(analyzer):
    result = analyzer.analyze(
        comment("Al drie dagen werkt VlotPay niet en niemand reageert. Dit is echt waardeloos!"),
        now=NOW,
    )
    assert set(result) == KEYS
    assert result["language"] == "nl"
    assert result["sentiment"]["label"] == "negative"
    assert [m["term"] for m in result["mentions"]] == ["VlotPay"]
    assert result["intent"] == "complaint"
    assert result["needs_reply"] and result["urgency"] >= 0.7
    assert result["suggestions"][0]["text"].startswith("Hoi Marije, ")
    assert {s["language"] for s in result["suggestions"]} == {"nl"}


def test_an_english_question_gets_the_knowledge_base_answer(analyzer):
    result = analyzer.analyze(comment("How do I block my VlotPas card?", name="Tom Baker"), now=NOW)
    assert result["language"] == "en"
    assert result["intent"] == "question"
    assert result["suggestions"][0]["kind"] == "answer"
    assert "Cards > Block" in result["suggestions"][0]["text"]


def test_an_unrelated_post_needs_no_reply_and_gets_no_suggestions(analyzer):
    result = analyzer.analyze(
        comment("Prachtige zonsopkomst vanochtend boven het Zwarte Water."), now=NOW
    )
    assert result["intent"] == "other"
    assert not result["needs_reply"]
    assert result["suggestions"] == []
    assert result["urgency"] < 0.2


def test_a_reply_under_our_own_post_is_about_us_without_naming_us(analyzer):
    text = "Dit is echt belachelijk slecht geregeld, ik ben woedend."
    assert analyzer.analyze(comment(text), now=NOW)["intent"] == "other"
    hinted = analyzer.analyze(comment(text), now=NOW, about_us_hint=True)
    assert hinted["about_us"] and hinted["intent"] == "complaint"


def test_the_users_corrections_win_over_the_models(analyzer):
    item = comment(
        "VlotPay is echt geweldig, haha. Ik sta weer bij de kassa.",
        corrections={"sentiment": "negative", "intent": "complaint"},
    )
    result = analyzer.analyze(item, now=NOW)
    assert result["sentiment"]["label"] == "negative"
    assert result["sentiment"]["compound"] < 0
    assert result["intent"] == "complaint"
    assert result["corrected"] == ["intent", "sentiment"]
    assert result["suggestions"][0]["kind"] == "apology"


def test_a_known_fan_is_flagged_and_thanked_warmly(analyzer):
    fan = {
        "id": "linkedin.com/in/marije-hoekstra-42",
        "interactions": [
            {
                "item_id": f"li-{n}",
                "at": f"2026-06-{n:02d}T09:00:00Z",
                "sentiment": "positive",
                "about_us": True,
                "shared": False,
            }
            for n in (1, 5, 9)
        ],
    }
    result = analyzer.analyze(
        comment("VlotPay is echt super handig, top gedaan!"), person=fan, now=NOW
    )
    assert result["author"] == {"flag": "fan", "interactions": 3}
    assert result["intent"] == "praise"
    assert result["suggestions"][0]["kind"] == "thanks_fan"


@pytest.mark.parametrize(
    "done", [{"answered": True}, {"status": "answered"}, {"status": "ignored"}]
)
def test_answered_or_ignored_items_need_no_reply(analyzer, done):
    result = analyzer.analyze(comment("VlotPay werkt niet, waardeloos", **done), now=NOW)
    assert result["intent"] == "complaint"
    assert not result["needs_reply"]
    assert result["suggestions"] == []
    assert result["urgency"] < 0.2


def test_the_language_the_source_reported_is_trusted(analyzer):
    assert analyzer.analyze(comment("VlotPay!", lang="en-GB"), now=NOW)["language"] == "en"


def test_analysis_leaves_the_item_untouched(analyzer):
    item = comment("VlotPay werkt niet", corrections={"intent": "complaint"})
    before = copy.deepcopy(item)
    analyzer.analyze(item, now=NOW)
    assert item == before


def test_analysing_again_gives_the_same_result(analyzer):
    item = comment("Hoe wijzig ik mijn adres bij Vlotbank?")
    assert analyzer.analyze(item, now=NOW) == analyzer.analyze(item, now=NOW)


def test_a_promotional_draft_without_disclosure_is_flagged_with_its_effect_on_the_feed(analyzer):
    own_posts = [
        {"id": "p1", "text": "Ons team plantte 200 bomen", "published_at": "2026-06-20T09:00:00Z"},
        {"id": "p2", "text": "Vijf tips om slim te sparen", "published_at": "2026-06-25T09:00:00Z"},
        {"id": "p3", "text": "Bestel nu je VlotPas!", "published_at": "2026-06-28T09:00:00Z"},
    ]
    draft = analyzer.analyze_draft(
        "VlotPay Plus nu verkrijgbaar voor € 2,95 per maand!", {"kind": "post"}, own_posts, NOW
    )
    assert draft["language"] == "nl"
    assert draft["promotional"]
    assert draft["disclosure"]["missing"]
    assert draft["disclosure"]["insert"] == "(ik werk bij Vlotbank)"
    share = draft["promo_share"]
    assert (share["count"], share["promotional"], share["limit"]) == (3, 1, 0.2)
    assert share["value_with_draft"] == 0.5 and share["over_limit_with_draft"]
    assert [m["term"] for m in draft["mentions"]] == ["VlotPay"]


def test_a_disclosed_reply_draft_passes(analyzer):
    draft = analyzer.analyze_draft(
        "Dank je Marije, we kijken ernaar! (ik werk bij Vlotbank)",
        {"kind": "reply", "lang": "nl"},
        [],
        NOW,
    )
    assert draft["disclosure"]["needed"] and draft["disclosure"]["present"]
    assert "value_with_draft" not in draft["promo_share"]


def test_corrected_language_relevance_and_promotion_win_too(analyzer):
    item = comment(
        "Bestel nu je VlotPas!",
        corrections={"language": "en", "about_us": False, "promotional": False},
    )
    result = analyzer.analyze(item, now=NOW)
    assert result["language"] == "en"
    assert result["about_us"] is False
    assert result["promotional"] is False
    assert result["corrected"] == ["about_us", "language", "promotional"]
