"""Reading counts the way people see them on a page.

"1.234 volgers", "1,234 followers", "12,5K", "1,2 mln.", "500+ connecties", "1 234": the
thousands separator is a dot in Dutch, a comma in English and a (narrow) space in French-style
layouts. The rule that disambiguates: a single separator followed by exactly three digits and no
multiplier is a thousands separator; with a multiplier (K, M, mln) it is a decimal mark.
Anything else is refused with a message that says what was wrong, instead of guessing.
"""

from __future__ import annotations

import re

MAX_COUNT = 10**10
_MAX_TEXT = 60  # "1.234.567 volgers" fits easily; longer text is not a count
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_SHAPE = re.compile(
    r"(?P<sign>[-\u2212])?(?P<number>\d[\d.,'\u00a0\u202f\u2009 ]*?)\s*"
    r"(?P<unit>k|m|mln\.?|mio\.?|miljoen|million|mil|b|bn|mld\.?|miljard|billion)?"
    r"(?P<plus>\+)?(?:\s+[^\W\d_][^\d]*)?",
    re.IGNORECASE,
)
_MULTIPLIER = {
    "k": 10**3,
    "m": 10**6,
    "mln": 10**6,
    "mio": 10**6,
    "miljoen": 10**6,
    "million": 10**6,
    "mil": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "mld": 10**9,
    "miljard": 10**9,
    "billion": 10**9,
}
_THOUSANDS = re.compile(r"\d{1,3}(?P<sep>[.,' ])\d{3}(?:(?P=sep)\d{3})*")
_DECIMAL = re.compile(r"(?P<whole>\d+|\d{1,3}(?:[.,' ]\d{3})+)(?P<mark>[.,])(?P<fraction>\d+)")


def _number(raw: str, has_unit: bool) -> float:
    digits = _SPACES.sub(" ", raw).strip()
    if digits.isdigit():
        return float(digits)
    grouped = _THOUSANDS.fullmatch(digits)
    # "1.234" is a thousand and more; "1.234K" is one point two thousand.
    if grouped and not (has_unit and digits.count(grouped["sep"]) == 1):
        return float(re.sub(r"\D", "", digits))
    decimal = _DECIMAL.fullmatch(digits)
    if decimal is None or decimal["mark"] in decimal["whole"]:
        raise ValueError(f"cannot read {raw.strip()!r} as a number")
    if not has_unit:
        raise ValueError(f"a count has no decimals without K or M: {raw.strip()!r}")
    return _number(decimal["whole"], False) + float("0." + decimal["fraction"])


def parse_count(value: int | str) -> int:
    """The count in `value` as an int. Raises ValueError for anything that is not a count."""
    if isinstance(value, bool):
        raise ValueError("a count cannot be true or false")
    if isinstance(value, int):
        number = float(value)
    elif isinstance(value, str):
        number = _parse_text(value)
    else:
        raise ValueError(f"a count is a number or text, not {type(value).__name__}")
    if number < 0:
        raise ValueError(f"a count cannot be negative: {value!r}")
    if number > MAX_COUNT:
        raise ValueError(f"{value!r} is too large to be a real count")
    return round(number)


def _parse_text(value: str) -> float:
    text = value.strip()
    if not text:
        raise ValueError("an empty text is not a count")
    if len(text) > _MAX_TEXT:
        raise ValueError(f"too long to be a count: {text[:20]!r}...")
    shape = _SHAPE.fullmatch(text)
    if shape is None:
        raise ValueError(f"cannot read {value!r} as a count")
    unit = (shape["unit"] or "").lower().rstrip(".")
    number = _number(shape["number"], bool(unit))
    number *= _MULTIPLIER.get(unit, 1)
    return -number if shape["sign"] else number
