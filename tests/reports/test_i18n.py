"""Every report text exists in Dutch and English, and numbers read as each reader expects."""

from __future__ import annotations

import re

from agent.reports.i18n import NOUNS, STRINGS, duration, number, percent, signed_percent


def test_dutch_and_english_have_the_same_texts_with_the_same_placeholders():
    assert STRINGS["nl"].keys() == STRINGS["en"].keys()
    assert NOUNS["nl"].keys() == NOUNS["en"].keys()
    for key, dutch in STRINGS["nl"].items():
        placeholders = set(re.findall(r"{(\w+)}", dutch))
        assert placeholders == set(re.findall(r"{(\w+)}", STRINGS["en"][key])), key


def test_numbers_use_each_language_s_separators():
    assert number("nl", 1236) == "1.236" and number("en", 1236) == "1,236"
    assert number("nl", 1.32, 1) == "1,3" and number("en", 1.32, 1) == "1.3"
    assert percent("nl", 0.217) == "22%" and percent("nl", 0.1951, exact=True) == "19,5%"
    assert percent("en", 0.2, exact=True) == "20%" and percent("en", None) == "–"
    assert signed_percent("nl", 15.0) == "+15%" and signed_percent("en", -28.6) == "-29%"


def test_waiting_times_are_written_as_people_say_them():
    assert duration("nl", 70 * 60) == "1 u 10 min" and duration("en", 70 * 60) == "1 h 10 min"
    assert duration("nl", 45 * 60) == "45 min" and duration("en", 20) == "< 1 min"
    assert duration("nl", 2 * 3600) == "2 u"
    assert duration("en", (46 * 60 + 20) * 60) == "1 d 22 h" and duration("nl", None) == "–"
