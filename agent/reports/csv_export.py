"""report.csv: one row per item of the month with its analysis, for spreadsheets.

Written as UTF-8 with a byte-order mark so Excel shows "één" and "€" correctly, with headers
in the report's language. Cells that a spreadsheet would run as a formula (text starting with
"=", "+", "-", "@", tab or carriage return) get a leading apostrophe: the text of strangers
must never become a formula on the user's machine (CSV injection).
"""

from __future__ import annotations

import csv
import io
from datetime import tzinfo

from agent.reports.i18n import t
from agent.reports.months import moment_of, profile_zone
from agent.reports.response_times import first_replies, response

COLUMNS = (
    "id",
    "source",
    "kind",
    "published",
    "author",
    "url",
    "language",
    "sentiment",
    "compound",
    "intent",
    "about_us",
    "mentions",
    "needs_reply",
    "answered",
    "answered_at",
    "response_seconds",
    "business_seconds",
    "reactions",
    "comments",
    "promotional",
    "text",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell's text, defused when a spreadsheet would evaluate it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def item_row(item: dict, reply: dict | None, hours: dict, tz: tzinfo) -> dict:
    analysis = item.get("analysis") or {}
    mood = analysis.get("sentiment") or {}
    timing = response(item, reply, hours)
    terms = sorted({m.get("term") for m in analysis.get("mentions") or [] if m.get("term")})
    answered_at = (reply or {}).get("answered_at") or item.get("answered_at")
    return {
        "id": item["id"],
        "source": item.get("source"),
        "kind": item.get("kind"),
        "published": moment_of(item).astimezone(tz).isoformat(),  # local, with its offset
        "author": (item.get("author") or {}).get("name"),
        "url": item.get("url"),
        "language": analysis.get("language"),
        "sentiment": mood.get("label"),
        "compound": mood.get("compound"),
        "intent": analysis.get("intent"),
        "about_us": bool(analysis.get("about_us")),
        "mentions": "; ".join(terms),
        "needs_reply": bool(analysis.get("needs_reply")),
        "answered": timing["answered"],
        "answered_at": answered_at if timing["answered"] else None,
        "response_seconds": timing["seconds"],
        "business_seconds": timing["business_seconds"],
        "reactions": item.get("reactions"),
        "comments": item.get("comments_count"),
        "promotional": bool(analysis.get("promotional")),
        "text": item.get("text"),
    }


def report_csv(items: list[dict], replies: list[dict], profile: dict, lang: str) -> str:
    """The CSV text for the month's `items` (already selected and in order)."""
    hours = profile.get("business_hours") or {}
    first = first_replies(replies)
    tz = profile_zone(profile)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(lang, f"csv_{column}") for column in COLUMNS])
    for item in items:
        row = item_row(item, first.get(item["id"]), hours, tz)
        writer.writerow([safe_cell(row[column]) for column in COLUMNS])
    return "\ufeff" + out.getvalue()
