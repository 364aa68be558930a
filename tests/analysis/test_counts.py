"""Follower and reaction counts are read as people see them on the page, in Dutch and English
notation; anything that is not a count is refused with a clear message."""

import pytest

from agent.analysis.counts import parse_count


@pytest.mark.parametrize(
    ("seen", "count"),
    [
        ("1.234 volgers", 1234),
        ("1,234 followers", 1234),
        ("12K", 12_000),
        ("12,5K", 12_500),
        ("1.2M", 1_200_000),
        ("1,2 mln.", 1_200_000),
        ("500+ connecties", 500),
        ("10.000+", 10_000),
        ("987", 987),
        (987, 987),
        ("1 234", 1234),
        ("1\u00a0234 volgers", 1234),
        ("1\u202f234", 1234),
        ("2,3k volgers", 2300),
        ("1.234.567 weergaven", 1_234_567),
        ("3 miljoen", 3_000_000),
        ("0", 0),
    ],
)
def test_counts_as_people_see_them(seen, count):
    assert parse_count(seen) == count


@pytest.mark.parametrize(
    ("nonsense", "message"),
    [
        ("abc", "cannot read"),
        ("", "empty"),
        ("   ", "empty"),
        ("-5", "negative"),
        (-5, "negative"),
        ("1.2.3.4x", "cannot read"),
        ("1,5", "no decimals"),
        ("1.23.4", "cannot read"),
        ("20000000000", "too large"),
        ("99 bn", "too large"),
        (True, "true or false"),
        (None, "not NoneType"),
        ("1 " * 100, "too long"),
    ],
)
def test_nonsense_is_refused_with_a_clear_message(nonsense, message):
    with pytest.raises(ValueError, match=message):
        parse_count(nonsense)
