"""Roos remembers the people behind the items: who keeps praising Vlotbank (fans), who also
recommends it (ambassadors), who keeps complaining (critics), and who is the same person under
two names."""

from agent.analysis.people import (
    flag_for,
    merge,
    merge_candidates,
    person_id,
    recommends,
    record_interaction,
)

TARGETS = {"fan_min_interactions": 3, "fan_window_days": 90}
NOW = "2026-06-30T12:00:00Z"
US = [{"term": "VlotPay", "kind": "product", "start": 0, "end": 7, "text": "VlotPay"}]
MARIJE = {
    "name": "Marije Hoekstra",
    "profile_url": "https://nl.linkedin.com/in/marije-hoekstra-42/",
}


def item(n, text="VlotPay is top", day=10, author=MARIJE):
    return {
        "id": f"item-{n}",
        "text": text,
        "author": author,
        "published_at": f"2026-06-{day:02d}T09:00:00Z",
        "seen_at": f"2026-06-{day:02d}T10:00:00Z",
    }


def analysis(label, about=True, mentions=US):
    return {"sentiment": {"label": label, "compound": 0.6}, "mentions": mentions, "about_us": about}


def person_after(*events):
    person = None
    for it, an in events:
        person = record_interaction(person, it, an, TARGETS, NOW)
    return person


def test_a_person_is_known_by_their_profile_url_whatever_its_decoration():
    a = person_id(
        {"profile_url": "https://nl.linkedin.com/in/Marije-Hoekstra-42/?originalSubdomain=nl"}
    )
    b = person_id({"profile_url": "linkedin.com/in/marije-hoekstra-42"})
    assert a == b == "linkedin.com/in/marije-hoekstra-42"
    assert person_id({"name": "  Zoë  de Wit "}) == "name:zoe de wit"


def test_recording_the_same_item_twice_updates_instead_of_duplicating():
    person = person_after((item(1), analysis("positive")), (item(1), analysis("negative")))
    assert len(person["interactions"]) == 1
    assert person["interactions"][0]["sentiment"] == "negative"
    assert person["id"] == "linkedin.com/in/marije-hoekstra-42"
    assert person["name"] == "Marije Hoekstra"
    assert person["first_seen"] == person["last_seen"] == "2026-06-10T09:00:00+00:00"


def test_recording_does_not_change_the_record_passed_in():
    first = person_after((item(1), analysis("positive")))
    record_interaction(first, item(2, day=11), analysis("positive"))
    assert len(first["interactions"]) == 1


def test_three_positive_mentions_in_90_days_make_a_fan():
    person = person_after(*[(item(n, day=n), analysis("positive")) for n in (1, 2, 3)])
    assert person["flag"] == "fan"


def test_praise_that_is_not_about_us_or_is_too_old_does_not_count():
    events = [(item(1, day=1), analysis("positive", about=False))]
    events += [(item(n, day=n), analysis("positive")) for n in (2, 3)]
    old = {**item(9), "published_at": "2025-12-01T09:00:00Z"}
    events.append((old, analysis("positive")))
    assert person_after(*events)["flag"] is None


def test_the_window_ends_exactly_90_days_back_and_a_fraction_of_a_day_is_honoured():
    def praise(at):
        return {"at": at, "about_us": True, "sentiment": "positive"}

    edge = [praise("2026-04-01T12:00:00Z"), praise("2026-06-01T09:00:00Z")]
    edge.append(praise("2026-06-30T12:00:00Z"))  # now itself counts
    assert flag_for({"interactions": edge}, TARGETS, NOW) == "fan"
    late = [praise("2026-04-01T11:59:59.999999Z"), *edge[1:]]
    assert flag_for({"interactions": late}, TARGETS, NOW) is None
    future = [*edge[1:], praise("2026-06-30T12:00:01Z")]
    assert flag_for({"interactions": future}, TARGETS, NOW) is None
    half_day = {"fan_min_interactions": 1, "fan_window_days": 0.5}
    assert flag_for({"interactions": [praise("2026-06-30T00:00:00Z")]}, half_day, NOW) == "fan"
    assert flag_for({"interactions": [praise("2026-06-29T23:59:59Z")]}, half_day, NOW) is None
    ancient = {"interactions": edge}
    assert flag_for(ancient, TARGETS, "0001-01-02T00:00:00Z") is None  # no overflow


def test_a_fan_who_recommends_us_to_others_is_an_ambassador():
    events = [(item(n, day=n), analysis("positive")) for n in (1, 2)]
    events.append((item(3, "VlotPay is echt een aanrader!", day=3), analysis("positive")))
    assert person_after(*events)["flag"] == "ambassador"


def test_recommending_is_words_or_tagging_someone_else():
    assert recommends("VlotPay kan ik iedereen aanraden", US)
    assert recommends("VlotPay is great, I highly recommend it", US)
    assert recommends("VlotPay is handig @Pieter_de_Boer", US)
    assert not recommends("VlotPay is handig", US)
    assert not recommends("Echt een aanrader, die film", [])


def test_two_complaints_make_a_critic():
    events = [(item(n, "VlotPay werkt niet", day=n), analysis("negative")) for n in (1, 2)]
    assert person_after(*events)["flag"] == "critic"


def test_a_fan_with_a_few_complaints_stays_a_fan_unless_negatives_outnumber():
    events = [(item(n, day=n), analysis("positive")) for n in (1, 2, 3)]
    events += [(item(n, day=n), analysis("negative")) for n in (4, 5)]
    assert person_after(*events)["flag"] == "fan"
    events += [(item(n, day=n), analysis("negative")) for n in (6, 7)]
    assert person_after(*events)["flag"] == "critic"


def test_a_flag_set_by_hand_wins():
    person = person_after(*[(item(n, day=n), analysis("positive")) for n in (1, 2, 3)])
    person["corrections"] = {"flag": None}
    assert flag_for(person, TARGETS, NOW) is None


def test_the_same_person_under_two_names_is_proposed_for_merging():
    people = [
        {"id": "name:jan de vries", "name": "Jan de Vries"},
        {"id": "linkedin.com/in/jdevries", "name": "J. de Vries"},
        {"id": "name:jan de vries-bakker", "name": "Jan de Vries-Bakker"},
        {"id": "name:piet de vries", "name": "Piet de Vries"},
        {"id": "name:anna jansen", "name": "Anna Jansen"},
    ]
    pairs = {(a, b) for a, b, _ in merge_candidates(people)}
    assert pairs == {
        ("name:jan de vries", "linkedin.com/in/jdevries"),
        ("name:jan de vries", "name:jan de vries-bakker"),
        ("linkedin.com/in/jdevries", "name:jan de vries-bakker"),
    }


def test_two_different_profile_urls_are_two_people_even_with_one_name():
    people = [
        {"id": "linkedin.com/in/jan-de-vries-1", "name": "Jan de Vries"},
        {"id": "linkedin.com/in/jan-de-vries-2", "name": "Jan de Vries"},
    ]
    assert merge_candidates(people) == []


def test_merging_keeps_the_url_id_the_fullest_name_and_all_interactions_once():
    by_name = person_after((item(1, author={"name": "Jan de Vries"}), analysis("positive")))
    by_url = person_after(
        (
            item(
                2,
                day=12,
                author={"name": "J. de Vries", "profile_url": "https://linkedin.com/in/jdv"},
            ),
            analysis("positive"),
        ),
        (
            item(1, author={"name": "J. de Vries", "profile_url": "https://linkedin.com/in/jdv"}),
            analysis("positive"),
        ),
    )
    merged = merge(by_name, by_url)
    assert merged["id"] == "linkedin.com/in/jdv"
    assert merged["name"] == "Jan de Vries"
    assert merged["aliases"] == ["J. de Vries"]
    assert merged["merged_ids"] == ["name:jan de vries"]
    assert [i["item_id"] for i in merged["interactions"]] == ["item-1", "item-2"]
    assert merged["last_seen"] == "2026-06-12T09:00:00+00:00"


def test_a_script_address_is_no_profile_the_person_goes_by_name():
    for url in ("javascript:alert(1)", "javascript://alert(1)", "data:text/html,<b>x</b>"):
        assert person_id({"name": "Eva Dijkstra", "profile_url": url}) == "name:eva dijkstra"
