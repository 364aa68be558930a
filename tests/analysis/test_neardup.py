"""When one campaign text is copied by many people, the manager sees it once, linked to the
first person who posted it."""

from agent.analysis.neardup import NearDuplicateIndex, fingerprint, is_near_duplicate

ORIGINAL = (
    "Vlotbank opent in maart een nieuw kantoor in Deventer met twintig vacatures voor "
    "klantadviseurs. Solliciteren kan via de site."
)


def test_copies_that_differ_in_case_spacing_and_links_share_a_fingerprint():
    copy = ORIGINAL.upper().replace(" ", "  ") + " https://vlotbank.example/vacatures"
    assert fingerprint(copy) == fingerprint(ORIGINAL)
    assert fingerprint("Iets heel anders over sparen") != fingerprint(ORIGINAL)


def test_a_lightly_edited_copy_is_a_near_duplicate():
    edited = ORIGINAL.replace("twintig", "20").replace("Solliciteren", "Soliciteren")
    assert is_near_duplicate(ORIGINAL, edited)


def test_a_repost_with_a_comment_in_front_is_linked_to_the_original():
    assert is_near_duplicate(ORIGINAL, "Mooi nieuws voor de regio! " + ORIGINAL)


def test_different_posts_on_the_same_subject_are_not_duplicates():
    other = (
        "Vlotbank sluit in maart het kantoor in Zwolle; de klantadviseurs verhuizen naar "
        "het nieuwe pand aan de haven."
    )
    assert not is_near_duplicate(ORIGINAL, other)


def test_short_identical_comments_are_different_people_not_a_copy_chain():
    assert not is_near_duplicate("Gefeliciteerd!", "Gefeliciteerd!")


def test_a_copy_paste_chain_points_at_the_first_seen_item():
    index = NearDuplicateIndex()
    second = ORIGINAL.replace("twintig", "20")
    third = second.replace("Solliciteren kan via de site.", "Solliciteren kan via de site!!")
    assert index.add("post-a", ORIGINAL) == "post-a"
    assert index.add("post-b", second) == "post-a"
    assert index.add("post-c", third) == "post-a"
    assert (
        index.add("post-d", "Vandaag de hele dag op de Zonnewind beurs in Utrecht, kom langs!")
        == "post-d"
    )
    assert index.canonical("post-c") == "post-a"
    assert len(index) == 4


def test_adding_the_same_item_again_keeps_its_first_link():
    index = NearDuplicateIndex()
    index.add("post-a", ORIGINAL)
    index.add("post-b", ORIGINAL)
    assert (
        index.add("post-b", "Totaal andere tekst, die nu ineens anders zou zijn dan eerst")
        == "post-a"
    )


def test_find_answers_without_remembering():
    index = NearDuplicateIndex()
    index.add("post-a", ORIGINAL)
    assert index.find(ORIGINAL + " #vacature") == "post-a"
    assert len(index) == 1


def test_the_index_forgets_its_oldest_texts_when_full():
    index = NearDuplicateIndex(max_items=2)
    index.add("post-a", ORIGINAL)
    index.add(
        "post-b", "Onze Zonnewind spaarrekening bestaat vandaag precies vijf jaar, dank jullie wel"
    )
    index.add(
        "post-c", "Op vrijdag is het kantoor in Zwolle vanaf drie uur gesloten vanwege een training"
    )
    assert index.canonical("post-a") is None
    assert index.add("post-e", ORIGINAL) == "post-e"
