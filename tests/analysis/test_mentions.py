"""The social media manager wants every mention of Vlotbank and its products found, however
people spell them, and nothing that merely looks alike."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.analysis.mentions import MentionMatcher, about_us

PROFILE = json.loads((Path(__file__).parents[1] / "fixtures/profile_vlotbank.json").read_text())


@pytest.fixture(scope="module")
def matcher():
    profile = {**PROFILE, "watch_terms": [*PROFILE["watch_terms"], "Kroonbrouwerij", "KLM"]}
    return MentionMatcher(profile)


def terms(hits):
    return [(h["term"], h["text"]) for h in hits]


def test_the_organisation_is_found_in_plain_text_hashtags_and_handles(matcher):
    text = "Net overgestapt naar Vlotbank! #vlotbank cc @Vlotbank_NL"
    assert terms(matcher.find(text)) == [
        ("Vlotbank", "Vlotbank"),
        ("Vlotbank", "vlotbank"),
        ("Vlotbank", "Vlotbank"),
    ]


def test_an_alias_is_reported_as_the_organisation_name(matcher):
    (hit,) = matcher.find("Bij de Vlot Bank hielpen ze me snel.")
    assert hit["term"] == "Vlotbank"
    assert hit["text"] == "Vlot Bank"
    assert hit["kind"] == "organisation"
    assert hit["score"] == 100


def test_case_and_accents_do_not_matter(matcher):
    assert terms(matcher.find("VLÓTPAY werkt weer, en vlotpay ook")) == [
        ("VlotPay", "VLÓTPAY"),
        ("VlotPay", "vlotpay"),
    ]


@pytest.mark.parametrize("written", ["Kroonbrouwerij", "Kroon-brouwerij", "kroon brouwerij"])
def test_split_and_hyphenated_forms_match_the_joined_name(matcher, written):
    (hit,) = matcher.find(f"Proost op de {written} vanavond")
    assert (hit["term"], hit["text"], hit["score"]) == ("Kroonbrouwerij", written, 100)


@pytest.mark.parametrize(
    ("typo", "term"), [("Vlotbnak", "Vlotbank"), ("Zonewind", "Zonnewind"), ("VlotPya", "VlotPay")]
)
def test_one_typo_in_a_long_name_still_counts_with_a_lower_score(matcher, typo, term):
    (hit,) = matcher.find(f"Ik heb {typo} gisteren geprobeerd")
    assert hit["term"] == term
    assert hit["text"] == typo
    assert 80 <= hit["score"] < 100


def test_short_names_get_no_typo_tolerance_and_keep_word_boundaries(matcher):
    assert matcher.find("Ik vloog met KLMN, 20 km verder, en KLN") == []
    assert terms(matcher.find("Ik vloog met KLM.")) == [("KLM", "KLM")]


def test_similar_phrases_are_not_mentions(matcher):
    assert matcher.find("Energie uit zon en wind is de toekomst") == []
    assert matcher.find("Vlot bankieren is fijn") == []


def test_a_name_inside_a_hashtag_is_found_and_highlighted_precisely(matcher):
    text = "Wat een dag #VlotbankHelpt"
    (hit,) = matcher.find(text)
    assert hit["term"] == "Vlotbank"
    assert text[hit["start"] : hit["end"]] == "Vlotbank"


def test_offsets_point_into_the_original_text_after_emoji_and_accents(matcher):
    text = "🎉 Café-eigenaar Zoë: ‘Zonnewind’ is top, en Spaarhuis niet"
    hits = matcher.find(text)
    assert [(text[h["start"] : h["end"]], h["kind"]) for h in hits] == [
        ("Zonnewind", "product"),
        ("Spaarhuis", "competitor"),
    ]


def test_team_members_are_people_and_count_as_us(matcher):
    hits = matcher.find("Ruben Dekker heeft me top geholpen")
    assert [(h["term"], h["kind"]) for h in hits] == [("Ruben Dekker", "person")]
    assert about_us(hits)
    assert not about_us(matcher.find("Spaarhuis is beter"))


def test_five_hundred_watch_terms_are_all_still_found():
    words = ["Ruis", "Berg", "Molen", "Vonk", "Tulp", "Haven", "Kiezel", "Duin", "Linde", "Vaart"]
    many = [f"{a}{b}{i}" for i in range(5) for a in words for b in words]
    matcher = MentionMatcher({**PROFILE, "watch_terms": many})
    assert len(matcher.terms) >= 500
    text = "Gisteren bij RuisBerg3 en later bij vaart-tulp4, niet bij RuisBerg9."
    assert terms(matcher.find(text)) == [("RuisBerg3", "RuisBerg3"), ("VaartTulp4", "vaart-tulp4")]


def test_empty_text_has_no_mentions(matcher):
    assert matcher.find("") == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("VlotbankPayZé -#@_.\u00a0🎉")), max_size=60))
def test_every_hit_highlights_exactly_what_it_reports(matcher, text):
    hits = matcher.find(text)
    for hit in hits:
        assert text[hit["start"] : hit["end"]] == hit["text"]
    ends = [h["end"] for h in hits]
    starts = [h["start"] for h in hits]
    assert all(end <= start for end, start in zip(ends, starts[1:], strict=False))


def test_linkedin_bold_letters_and_ellipses_still_match_with_exact_offsets(matcher):
    text = "Dank aan het team van 𝗩𝗹𝗼𝘁𝗣𝗮𝘆… en Zonnewind"
    hits = matcher.find(text)
    assert [(h["term"], text[h["start"] : h["end"]]) for h in hits] == [
        ("VlotPay", "𝗩𝗹𝗼𝘁𝗣𝗮𝘆"),
        ("Zonnewind", "Zonnewind"),
    ]


def test_texts_whose_folding_changes_length_keep_exact_offsets():
    matcher = MentionMatcher({"organisation": {"name": "Straßenbau Kroon"}})
    text = "Groß dank aan Strassenbau Kroon en Straßenbau-Kroon!"
    hits = matcher.find(text)
    assert [text[h["start"] : h["end"]] for h in hits] == ["Strassenbau Kroon", "Straßenbau-Kroon"]
