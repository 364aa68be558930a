"""Reply suggestions speak the writer's language, address them by first name, never sell to
someone who complains, answer from the knowledge base when it can, and say whom the writer
speaks for."""

import copy
import json
from pathlib import Path

from agent.analysis.suggestions import first_name, reply_language, suggest

PROFILE = json.loads((Path(__file__).parents[1] / "fixtures/profile_vlotbank.json").read_text())
VLOTPAY = [{"term": "VlotPay", "kind": "product", "start": 0, "end": 7, "text": "VlotPay"}]
VLOTPAS = [{"term": "VlotPas", "kind": "product", "start": 0, "end": 7, "text": "VlotPas"}]


def item(text, name="Marije Hoekstra", item_id="li-1"):
    return {"id": item_id, "text": text, "author": {"name": name}, "kind": "comment"}


def analysis(intent, language="nl", mentions=VLOTPAY):
    return {"intent": intent, "language": language, "mentions": mentions}


def kinds(results):
    return [r["kind"] for r in results]


def test_a_dutch_complaint_about_vlotpay_gets_an_apology_and_a_dm_offer_by_first_name():
    results = suggest(
        item("VlotPay werkt al drie dagen niet, waardeloos"), analysis("complaint"), PROFILE
    )
    generated = [r for r in results if r["kind"] != "saved"]
    assert kinds(generated) == ["apology", "contact", "follow_up"]
    apology = generated[0]
    assert apology["language"] == "nl"
    assert apology["text"].startswith("Hoi Marije, ")
    assert "DM" in apology["text"] and "VlotPay" in apology["text"]
    assert (
        "020 555 0100" in generated[1]["text"]
        and "webcare@vlotbank.example" in generated[1]["text"]
    )
    assert len({r["text"] for r in results}) == len(results)


def test_complaint_replies_never_sell():
    for variant in range(12):
        results = suggest(
            item("VlotPay is kapot", item_id=f"li-{variant}"), analysis("complaint"), PROFILE
        )
        for result in results:
            lowered = result["text"].lower()
            assert not any(word in lowered for word in ("korting", "bestel", "plus", "aanbieding"))


def test_replies_from_a_personal_account_carry_the_disclosure_phrase():
    results = suggest(item("VlotPay is kapot"), analysis("complaint"), PROFILE)
    assert all(r["text"].endswith("(ik werk bij Vlotbank)") for r in results)
    company_account = {**PROFILE, "reply_from_personal_account": False}
    results = suggest(item("VlotPay is kapot"), analysis("complaint"), company_account)
    assert not any("ik werk bij" in r["text"] for r in results)


def test_a_question_is_answered_from_the_knowledge_base_and_names_the_entry():
    results = suggest(
        item("Help, ik ben mijn VlotPas kwijt, hoe kan ik hem blokkeren?"),
        analysis("question", mentions=VLOTPAS),
        PROFILE,
    )
    answer = results[0]
    assert answer["kind"] == "answer"
    assert "Kaarten > Blokkeren" in answer["text"]
    assert "'Hoe blokkeer ik mijn VlotPas?'" in answer["why"]
    assert "honest" in kinds(results)


def test_a_question_without_a_known_answer_gets_an_honest_we_will_find_out():
    results = suggest(
        item("Hoe open ik een zakelijke rekening voor mijn stichting?"),
        analysis("question"),
        PROFILE,
    )
    assert results[0]["kind"] == "honest"
    assert "zoeken het" in results[0]["text"] and "komen erop terug" in results[0]["text"]


def test_an_english_writer_gets_english_suggestions():
    results = suggest(
        item("How do I block my VlotPas card?", name="Tom Baker"),
        analysis("question", "en", VLOTPAS),
        PROFILE,
    )
    assert {r["language"] for r in results} == {"en"}
    assert results[0]["text"].startswith("Hi Tom, ")
    assert "Cards > Block" in results[0]["text"]
    assert results[0]["text"].endswith("(I work at Vlotbank)")


def test_praise_from_a_fan_is_thanked_warmly_and_invited_to_share():
    fan = {"id": "p1", "flag": "fan", "interactions": []}
    results = suggest(item("VlotPay is echt top!"), analysis("praise"), PROFILE, person=fan)
    assert kinds(results)[:2] == ["thanks_fan", "share_invite"]
    assert "delen" in results[1]["text"]
    stranger = suggest(item("VlotPay is echt top!"), analysis("praise"), PROFILE)
    assert kinds(stranger)[:2] == ["thanks", "engage"]


def test_the_same_item_always_gets_the_same_wording():
    first = suggest(item("VlotPay is kapot", item_id="li-77"), analysis("complaint"), PROFILE)
    again = suggest(item("VlotPay is kapot", item_id="li-77"), analysis("complaint"), PROFILE)
    assert first == again
    wordings = {
        suggest(item("VlotPay is kapot", item_id=f"li-{n}"), analysis("complaint"), PROFILE)[0][
            "text"
        ]
        for n in range(20)
    }
    assert len(wordings) > 1


def test_saved_replies_are_offered_with_the_name_filled_in():
    results = suggest(
        item("Storing bij VlotPay? Ik kan niet betalen"), analysis("complaint"), PROFILE
    )
    saved = [r for r in results if r["kind"] == "saved"]
    assert saved[0]["text"].startswith("Hoi Marije, er is op dit moment een storing bij VlotPay.")
    assert "'Storing VlotPay'" in saved[0]["why"]
    no_name = suggest(
        item("Storing bij VlotPay?", name="J. de Vries"), analysis("complaint"), PROFILE
    )
    assert next(r for r in no_name if r["kind"] == "saved")["text"].startswith("Hoi, er is")


def test_the_formal_voice_uses_u():
    formal = {**PROFILE, "voice": {"address": "u"}}
    results = suggest(item("VlotPay is kapot"), analysis("complaint"), formal)
    assert results[0]["text"].startswith("Beste Marije, ")
    assert " u " in results[0]["text"] and " je " not in results[0]["text"]


def test_without_dm_or_contact_details_there_are_still_two_different_suggestions():
    bare = copy.deepcopy(PROFILE)
    bare["contact"] = {"dm": False}
    bare["saved_replies"] = []
    results = suggest(item("VlotPay is kapot"), analysis("complaint"), bare)
    assert kinds(results) == ["follow_up", "follow_up"]
    assert results[0]["text"] != results[1]["text"]


def test_a_signature_goes_before_the_disclosure():
    signed = {**PROFILE, "signature": {"nl": "^Sanne", "en": "^Sanne"}}
    text = suggest(item("VlotPay is top"), analysis("praise"), signed)[0]["text"]
    assert text.endswith("^Sanne (ik werk bij Vlotbank)")


def test_why_is_written_for_the_user_in_their_own_language():
    results = suggest(
        item("VlotPay is top", name="Tom Baker"), analysis("praise", "en"), PROFILE, ui_lang="en"
    )
    assert results[0]["why"] == "Praise for VlotPay: say thank you."


def test_first_names_are_used_only_when_they_are_real_first_names():
    assert first_name("Marije Hoekstra") == "Marije"
    assert first_name("Anne-Marie de Wit") == "Anne-Marie"
    assert first_name("Dr. Zoë de Wit | Duurzaam ondernemen") == "Zoë"
    assert first_name("J. de Vries") is None
    assert first_name("Bakkerij Jansen BV") is None
    assert first_name("Vlotbank", PROFILE) is None
    assert first_name("") is None


def test_the_reply_language_follows_the_writer_with_sensible_fallbacks():
    assert reply_language("en", PROFILE) == "en"
    assert reply_language("unknown", PROFILE) == "nl"
    assert reply_language("de", PROFILE) == "en"


def test_a_knowledge_answer_that_already_discloses_is_not_disclosed_twice():
    profile = copy.deepcopy(PROFILE)
    profile["knowledge"] = [
        {
            "question": "Hoe blokkeer ik mijn VlotPas?",
            "answer": "Namens Vlotbank: blokkeer je pas in de app via Kaarten > Blokkeren.",
            "lang": "nl",
        }
    ]
    results = suggest(
        item("Hoe blokkeer ik mijn VlotPas?"), analysis("question", mentions=VLOTPAS), profile
    )
    assert results[0]["kind"] == "answer"
    assert "ik werk bij" not in results[0]["text"]
    assert results[1]["text"].endswith("(ik werk bij Vlotbank)")


def test_an_item_that_needs_no_reply_gets_no_generated_words():
    assert suggest(item("Mooie zonsopkomst vandaag"), analysis("other", mentions=[]), PROFILE) == []
