"""From a live event to one readable line: which events a filter keeps, and how each reads.

Pure: an event (the hub's `{type, data}`) in, a `Line` or None out. The `Follower` remembers
which items it already printed, because the agent announces some things twice: a scraper's
`alert` follows the `item.new` of the same item, and an item the extension sends again on every
page view comes back as `item.updated`. A line for each of those would bury the news, so an
alert is printed only for an item not yet shown, and an update only when it changes how the item
reads (its intent or whether it is urgent).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ..analysis.webcare import CATEGORIES
from .terminal import inert, paint
from .words import say

FILTERS = ("all", "urgent", "complaints", "mentions")
URGENT = 0.7  # the extension's threshold for a notification (background/events.js)
URGENT_CATEGORIES = ("safety", "privacy")  # urgent whatever the score says
ITEM_EVENTS = ("item.new", "item.updated", "alert")
EXCERPT = 120
NAME = 40
REMEMBERED = 5000


@dataclass(frozen=True)
class Line:
    text: str
    urgent: bool = False
    item_id: str | None = None
    excerpt: str = ""


def item_and_analysis(event: Mapping) -> tuple[Mapping, Mapping] | None:
    data = event.get("data")
    if not isinstance(data, Mapping):
        return None
    if event.get("type") == "alert":
        item, analysis = data.get("item"), data.get("analysis")
    else:
        item, analysis = data, data.get("analysis")
    if not isinstance(item, Mapping):
        return None
    return item, analysis if isinstance(analysis, Mapping) else {}


def category(analysis: Mapping) -> str | None:
    """The urgency category (safety, privacy, money, outage, legal) when the analysis names one."""
    for key in ("urgency_category", "category"):
        value = analysis.get(key)
        if isinstance(value, str) and value in CATEGORIES:
            return value
    return None


def is_urgent(analysis: Mapping) -> bool:
    if category(analysis) in URGENT_CATEGORIES:
        return True
    try:
        score = float(analysis.get("urgency") or 0)
    except (TypeError, ValueError):
        return False
    return analysis.get("needs_reply") is True and score >= URGENT


def wanted(event: Mapping, only: str) -> bool:
    """Does the filter keep this event? `all` keeps everything worth a line."""
    if event.get("type") in ("welcome", "pong"):
        return False
    if only == "all":
        return True
    pair = item_and_analysis(event) if event.get("type") in ITEM_EVENTS else None
    if pair is None:
        return False
    _, analysis = pair
    if only == "urgent":
        return is_urgent(analysis)
    if only == "complaints":
        return analysis.get("intent") == "complaint"
    return analysis.get("about_us") is True or bool(analysis.get("mentions"))


def clock(stamp: object, now: datetime) -> str:
    """HH:MM in local time, from an ISO time (the moment Roos saw the item)."""
    if isinstance(stamp, str):
        try:
            return (
                datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%H:%M")
            )
        except ValueError:
            pass
    return now.astimezone().strftime("%H:%M")


def source_label(item: Mapping, lang: str) -> str:
    if item.get("group"):
        return say(lang, "s_group")
    source = item.get("source")
    key = f"s_{source}" if source in ("linkedin", "blog", "x", "web") else None
    return say(lang, key) if key else inert(source or "?", 20)


def author_label(item: Mapping, analysis: Mapping, lang: str) -> str:
    author = item.get("author") if isinstance(item.get("author"), Mapping) else {}
    name = inert(author.get("name") or "?", NAME)
    person = analysis.get("author") if isinstance(analysis.get("author"), Mapping) else {}
    flag = person.get("flag")
    if flag in ("fan", "ambassador", "critic"):
        mark = "★" if flag != "critic" else "!"
        return f"{name} [{mark}{say(lang, flag)}]"
    return name


def reason_label(analysis: Mapping, lang: str) -> str:
    """Intent and why it matters: the category when there is one, else how soon."""
    intent = analysis.get("intent")
    words = [say(lang, intent)] if intent in ("complaint", "question", "praise", "other") else []
    if not words and analysis.get("about_us"):
        words.append(say(lang, "mention"))
    cat = category(analysis)
    if cat:
        words.append(say(lang, cat))
    if is_urgent(analysis):
        words.append(say(lang, "urgent"))
    elif analysis.get("needs_reply") is True:
        score = analysis.get("urgency")
        soon = isinstance(score, int | float) and score >= 0.4
        words.append(say(lang, "soon" if soon else "later"))
    return " · ".join(words) or "–"


def colour_for(analysis: Mapping, urgent: bool) -> str | None:
    if urgent:
        return "red"
    return {"complaint": "yellow", "question": "yellow", "praise": "green"}.get(
        str(analysis.get("intent"))
    )


def duration(seconds: object, lang: str) -> str:
    try:
        total = int(float(seconds) // 60)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "?"
    days, rest = divmod(total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return say(lang, "days_hours", days=days, hours=hours)
    if hours:
        return say(lang, "hours_minutes", hours=hours, minutes=minutes)
    return say(lang, "minutes", minutes=minutes)


def other_text(event: Mapping, lang: str) -> str | None:
    """The line for an event that is not about an item; None when it needs none."""
    kind, data = event.get("type"), event.get("data") or {}
    if not isinstance(data, Mapping):
        return None
    if kind == "item.answered":
        name = data.get("by")
        by = say(lang, "answered_by", name=inert(name, NAME)) if name else ""
        wait = duration(data.get("response_seconds"), lang)
        return say(lang, "answered", by=by, wait=wait, text=inert(data.get("text"), EXCERPT))
    if kind == "source.blocked":
        message = data.get("message")
        text = message.get(lang) if isinstance(message, Mapping) else None
        return say(lang, "blocked", message=inert(text or data.get("reason") or data.get("url")))
    if kind == "source.updated":
        error = (data.get("state") or {}).get("last_error")
        if not error:
            return None
        return say(lang, "source_error", url=inert(data.get("url"), 80), error=inert(error, 160))
    if kind == "report.ready":
        url = (data.get("urls") or {}).get("html") or data.get("download_url") or ""
        return say(lang, "report", month=inert(data.get("month")), url=inert(url, 80))
    if kind == "extractor.miss":
        seen, missed = data.get("seen"), data.get("missed")
        url = inert(data.get("url"), 80)
        if isinstance(seen, int) and isinstance(missed, int):
            return say(lang, "miss", missed=missed, seen=seen, url=url)
        return say(lang, "miss_plain", url=url)
    if kind == "own_post.new":
        return say(lang, "own_post", text=inert(data.get("text"), EXCERPT))
    if kind == "person.forgotten":
        return say(lang, "forgotten")
    if kind == "item.claimed":  # team mode: a colleague is writing the answer right now
        return say(lang, "claimed", name=inert(data.get("member"), NAME))
    return None


class Follower:
    """Turns the stream of events into lines, for one filter and one language."""

    def __init__(self, only: str = "all", lang: str = "en", colour: bool = False) -> None:
        if only not in FILTERS:
            raise ValueError(f"unknown filter {only!r}: choose one of {', '.join(FILTERS)}")
        self.only, self.lang, self.colour = only, lang, colour
        self._shown: OrderedDict[str, tuple[object, bool]] = OrderedDict()

    def line(self, event: Mapping, now: datetime | None = None) -> Line | None:
        if not isinstance(event, Mapping):
            return None
        now = now or datetime.now().astimezone()
        if event.get("type") not in ITEM_EVENTS:
            text = other_text(event, self.lang) if wanted(event, self.only) else None
            return Line(paint(f"{clock(None, now)}  {text}", "dim", self.colour)) if text else None
        pair = item_and_analysis(event)
        if pair is None:
            return None
        item, analysis = pair
        item_id = str(item.get("id") or "")
        urgent = is_urgent(analysis)
        # Remember every item's reading, shown or filtered out, so that an update which makes
        # an item urgent is news even under --only urgent.
        reading = (analysis.get("intent"), urgent)
        before = self._shown.get(item_id)
        self._remember(item_id, reading)
        if event.get("type") == "alert" and before is not None:
            return None
        if event.get("type") == "item.updated" and (before is None or before == reading):
            return None
        if not wanted(event, self.only):
            return None
        excerpt = inert(item.get("text"), EXCERPT)
        parts = [
            clock(item.get("seen_at"), now),
            source_label(item, self.lang),
            author_label(item, analysis, self.lang),
            reason_label(analysis, self.lang),
            f"“{excerpt}”",
        ]
        if event.get("type") == "item.updated":
            parts.insert(1, f"({say(self.lang, 'updated')})")
        text = paint("  ".join(parts), colour_for(analysis, urgent), self.colour)
        return Line(text, urgent=urgent, item_id=item_id, excerpt=excerpt)

    def _remember(self, item_id: str, reading: tuple[object, bool]) -> None:
        self._shown[item_id] = reading
        self._shown.move_to_end(item_id)
        while len(self._shown) > REMEMBERED:
            self._shown.popitem(last=False)
