"""An employee replying about Vlotbank from a personal account must say whom they work for;
Roos notices when that is missing and offers the profile's own phrase."""

import json
from pathlib import Path

import pytest

from agent.analysis.disclosure import append, check

PROFILE = json.loads((Path(__file__).parents[1] / "fixtures/profile_vlotbank.json").read_text())


def test_a_draft_naming_our_product_without_disclosure_gets_the_dutch_phrase():
    result = check("VlotPay is echt de handigste app die er is.", "nl", PROFILE)
    assert result == {
        "needed": True,
        "present": False,
        "missing": True,
        "insert": "(ik werk bij Vlotbank)",
    }


def test_speaking_as_we_needs_disclosure_in_english_too():
    result = check("We fixed the login problem this morning.", "en", PROFILE)
    assert result["needed"] and not result["present"]
    assert result["insert"] == "(I work at Vlotbank)"


def test_the_country_us_is_not_speaking_for_the_company():
    assert not check("Travelling through the US next month, any tips?", "en", PROFILE)["needed"]


def test_promotional_language_needs_disclosure():
    assert check("Schrijf je in voor het webinar over sparen", "nl", PROFILE)["needed"]


def test_a_personal_remark_needs_none():
    assert not check("Mooie zonsopkomst boven de IJssel vanochtend", "nl", PROFILE)["needed"]


@pytest.mark.parametrize(
    "draft",
    [
        "VlotPay is top (ik werk bij Vlotbank)",
        "VlotPay is top.  IK   WERK BIJ vlotbank",
        "Namens Vlotbank: dank voor je geduld",
        "Full disclosure: I work for Vlotbank, and VlotPay is great",
        "VlotPay is great #ad",
        "Zonnewind is mooi #Advertentie",
        "In samenwerking met Vlotbank: VlotPay",
        "Ik ben werkzaam bij Vlotbank en VlotPay is fijn",
    ],
)
def test_disclosure_is_recognised_whatever_the_wording_case_or_spacing(draft):
    assert check(draft, "nl", PROFILE)["present"]


def test_known_mentions_are_used_when_given():
    mentions = [{"term": "Spaarhuis", "kind": "competitor"}]
    assert not check("Spaarhuis heeft een nieuwe app", "nl", PROFILE, mentions)["needed"]


def test_an_unknown_language_falls_back_to_the_dutch_phrase():
    assert check("VlotPay ist toll", "de", PROFILE)["insert"] == "(ik werk bij Vlotbank)"


def test_a_profile_without_a_phrase_gets_one_built_from_the_name():
    bare = {"organisation": {"name": "Vlotbank"}}
    assert check("VlotPay rocks", "en", bare)["insert"] == "(I work at Vlotbank)"


def test_append_adds_the_phrase_once():
    once = append("Dank voor je bericht over VlotPay.", "nl", PROFILE)
    assert once == "Dank voor je bericht over VlotPay. (ik werk bij Vlotbank)"
    assert append(once, "nl", PROFILE) == once
