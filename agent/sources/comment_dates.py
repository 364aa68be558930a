"""When was a comment written? Machine dates first, then dates written only as text.

Machine-readable dates (ISO 8601 in `datetime` or `content` attributes, Unix
timestamps in data attributes or Blogger's `showComment=` links) are exact and
cheap. Text dates ("23. Juni 2016 um 17:21 Uhr", "Jun 20th", "Di, 21. April
2020 - 16:40", "17.07, 2011 @ 13:04") go to dateparser in Dutch, German, English
and French, the post's own language first. A text date without a year is read
relative to the post: a comment is never older than its post, so "Jun 20th"
under a post from May 2016 is 20 June 2016. dateparser is slow (tens of
milliseconds a call), so results are cached per text and language.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import dateparser

LANGUAGES = ("nl", "de", "en", "fr")
MAX_DATE_TEXT = 80
# Words and marks that join a date to its time ("om", "um", "at", "à", "@", "-") or
# decorate it ("Uhr", "o'clock"); dateparser reads the date better without them.
JOINERS = re.compile(r"\s(?:@|um|om|at|à|a las|alle|-|–|—|\|)\s|\buhr\b|\bo'clock\b", re.I)
# "17.07, 2011": a day and month, then the year after a comma.
DAY_MONTH_COMMA_YEAR = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.?,\s*(\d{4})\b")
YEAR = re.compile(r"\b(?:1[89]|2\d)\d{2}\b")
HAS_DIGIT = re.compile(r"\d")
RELATIVE = re.compile(
    r"\b(?:ago|geleden|vor|il y a|yesterday|gisteren|gestern|hier|today|vandaag|heute|"
    r"aujourd'hui|just now|zojuist|gerade)\b",
    re.I,
)
# Unix seconds (10 digits) or milliseconds (13 digits), between 2001 and 2286.
UNIX = re.compile(r"^\d{10}(?:\d{3})?$")


def iso(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def machine_date(value: str | None) -> str | None:
    """An ISO 8601 date or a Unix timestamp (seconds or milliseconds) → ISO UTC, else None."""
    text = (value or "").strip()
    if not text:
        return None
    if UNIX.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return iso(datetime.fromtimestamp(seconds, UTC))
    if not text[:4].isdigit():
        return None
    try:
        return iso(datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text))
    except ValueError:
        return None


def text_date(
    text: str, lang: str | None = None, post_date: str | None = None, now: datetime | None = None
) -> str | None:
    """A date written as text → ISO UTC, or None. Relative to `post_date` when the year is missing."""
    cleaned = " ".join(text.split())
    if not cleaned or len(cleaned) > MAX_DATE_TEXT or not HAS_DIGIT.search(cleaned):
        return None
    if len(re.findall(r"\d+", cleaned)) < 2 and not re.search(r"[^\W\d_]{3,}", cleaned):
        return None  # "#1", "20": a counter or a number, not a date
    cleaned = DAY_MONTH_COMMA_YEAR.sub(r"\1.\2.\3", cleaned)
    cleaned = " ".join(JOINERS.sub(" ", f" {cleaned} ").split())
    relative = bool(RELATIVE.search(cleaned))
    if relative:
        post_date = None  # "3 days ago" counts back from the reading, not from the post
    base = _base(post_date, now)
    languages = _languages(lang)
    prefer = "future" if post_date and not YEAR.search(cleaned) else "past"
    # Month first only in American English (and English with no country: WordPress's default).
    tag = (lang or "").lower().replace("_", "-")
    us = tag in ("en", "en-us")
    found = _parse(cleaned, languages, base.strftime("%Y-%m-%dT%H:%M"), prefer, us)
    if found is None:
        return None
    if post_date and not YEAR.search(cleaned) and found < base - timedelta(days=1):
        # No year written and dateparser put it before the post: it is the next year.
        found = found.replace(year=found.year + 1)
    return iso(found)


def _base(post_date: str | None, now: datetime | None) -> datetime:
    if post_date:
        try:
            return datetime.fromisoformat(post_date.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            pass
    return (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)


def _languages(lang: str | None) -> tuple[str, ...]:
    first = (lang or "").lower()[:2]
    return (
        (first, *(code for code in LANGUAGES if code != first)) if first in LANGUAGES else LANGUAGES
    )


@lru_cache(maxsize=4096)
def _parse(
    text: str, languages: tuple[str, ...], base: str, prefer: str, us: bool
) -> datetime | None:
    settings = {
        "RELATIVE_BASE": datetime.fromisoformat(base),
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "MDY" if us else "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    # The post's own language alone first: most dates are in it, and one language is faster.
    for attempt in ((languages[0],), languages):
        try:
            found = dateparser.parse(text, languages=list(attempt), settings=settings)
        except (ValueError, OverflowError, TypeError):
            found = None
        if found is not None:
            return found
    return None
