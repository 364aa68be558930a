"""Making a report: gather the month from the store, compute, write HTML, CSV, PDF and meta.

One path for the API, the monthly schedule and the CLI: only the way the store is reached
(the agent's writer thread, or a SyncStore the CLI opened under the home lock) and the way
Chromium is awaited differ. The files land in HOME/reports/YYYY-MM/; report.json, with the
figures and the summary, is written last, so a report that is listed is a finished report.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson

from agent.analysis.times import now_or
from agent.reports.csv_export import report_csv
from agent.reports.figures import compute_figures
from agent.reports.files import private_folder, write_private
from agent.reports.highlights import highlights
from agent.reports.i18n import lang_or_default
from agent.reports.months import Month, in_month, moment_of, profile_zone
from agent.reports.pdf import html_to_pdf, html_to_pdf_sync
from agent.reports.render_html import render_html
from agent.reports.summary import summary_lines
from agent.store import SyncStore
from agent.store.query import Q

REPORTS_DIR = "reports"
META = "report.json"
FILES = {
    "report.html": "text/html; charset=utf-8",
    "report.pdf": "application/pdf",
    "report.csv": "text/csv; charset=utf-8",
}


def gather(tx: SyncStore, month: Month, profile: dict) -> dict:
    """Everything the report of `month` reads: this month and the one before."""
    tz = profile_zone(profile)
    start, end = month.previous().start(tz), month.end(tz)

    def in_window(doc: dict) -> bool:
        at = moment_of(doc)
        return at is not None and start <= at < end

    # The store narrows by text first (a day's margin either side covers any UTC offset; on
    # the team's PostgreSQL an index range), then the exact instant decides.
    window = Q.range(
        ("published_at", "seen_at"),
        lo=(start - timedelta(days=1)).astimezone(UTC).date().isoformat(),
        hi=(end + timedelta(days=1)).astimezone(UTC).date().isoformat(),
    )
    items = [i for i in tx.find("items", window)[0] if in_window(i)]
    ids = {item["id"] for item in items}
    replies, _ = tx.find("replies", Q.in_("item_id", ids))
    people, _ = tx.find("people", Q.present("interactions"))
    own_posts, _ = tx.find("own_posts", in_window)
    snapshots, _ = tx.find("follow_snapshots", lambda s: bool(s.get("own")))
    return {
        "items": items,
        "replies": replies,
        "people": people,
        "own_posts": own_posts,
        "follow_snapshots": snapshots,
    }


@dataclass
class Draft:
    """A report computed but not yet written: the figures and the text of each file."""

    month: Month
    lang: str
    generated_at: str
    figures: dict
    html: str
    csv: str


def draft(month: Month, lang: str, profile: dict, inputs: dict, now: object = None) -> Draft:
    lang = lang_or_default(lang)
    moment = now_or(now)
    figures = compute_figures(month, profile, now=moment, **inputs)
    tz = profile_zone(profile)
    month_items = in_month(inputs["items"], month, tz)
    generated_on = moment.astimezone(tz).date().isoformat()
    return Draft(
        month=month,
        lang=lang,
        generated_at=moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        figures=figures,
        html=render_html(figures, lang, profile, generated_on),
        csv=report_csv(month_items, inputs["replies"], profile, lang),
    )


LANGS = ("nl", "en")


def folder_for(home: Path, month: Month, lang: str | None = None) -> Path:
    """HOME/reports/YYYY-MM/<lang>/: every month keeps a report per language. Without a
    language, the month's folder itself (where reports were kept before there were two)."""
    folder = home / REPORTS_DIR / month.key
    return folder / lang if lang in LANGS else folder


def report_folder(home: Path, month: Month, lang: str | None, preferred: str = "nl") -> Path:
    """The folder holding the month's report in `lang`; without one, the preferred language's,
    then the other's, then a report from before languages had their own folder."""
    if lang:
        return folder_for(home, month, lang)
    order = [preferred, *[code for code in LANGS if code != preferred]]
    for code in order:
        if (folder_for(home, month, code) / META).is_file():
            return folder_for(home, month, code)
    return folder_for(home, month)


def _write(path: Path, data: bytes) -> None:
    """Atomically, private (0600): reports hold what people wrote and who they are."""
    write_private(path, data)


def _write_texts(folder: Path, report: Draft) -> None:
    private_folder(folder)
    _write(folder / "report.html", report.html.encode("utf-8"))
    _write(folder / "report.csv", report.csv.encode("utf-8"))


def _finish(folder: Path, report: Draft, automatic: bool) -> dict:
    meta = {
        "month": report.month.key,
        "lang": report.lang,
        "generated_at": report.generated_at,
        "automatic": automatic,
        "complete": report.figures["complete"],
        "empty": report.figures["empty"],
        "summary": summary_lines(report.figures, report.lang),
        "files": {name.split(".")[1]: str(folder / name) for name in FILES},
        "figures": report.figures,
    }
    _write(folder / META, orjson.dumps(meta, option=orjson.OPT_INDENT_2))
    return meta


async def write_report(folder: Path, report: Draft, automatic: bool = False) -> dict:
    """Write all files of `report` (Chromium prints the PDF); returns the meta."""
    await asyncio.to_thread(_write_texts, folder, report)
    await html_to_pdf(report.html, folder / "report.pdf")
    return await asyncio.to_thread(_finish, folder, report, automatic)


def write_report_sync(folder: Path, report: Draft) -> dict:
    _write_texts(folder, report)
    html_to_pdf_sync(report.html, folder / "report.pdf")
    return _finish(folder, report, automatic=False)


def read_meta(folder: Path) -> dict | None:
    try:
        return orjson.loads((folder / META).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None


def list_reports(home: Path) -> list[dict]:
    """Finished reports, newest month first, without their figures."""
    root = home / REPORTS_DIR
    found = []
    for month in sorted(root.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]"), reverse=True):
        seen = set()
        for folder in [*(month / code for code in LANGS), month]:
            meta = read_meta(folder)
            if meta is not None and meta.get("lang") not in seen:
                seen.add(meta.get("lang"))
                shown = {k: v for k, v in meta.items() if k != "figures"}
                found.append({**shown, "highlights": highlights(meta.get("figures"))})
    return found


def choose_month(text: str | None, profile: dict, now: datetime) -> Month:
    """The month asked for, last month by default; ValueError for one that has not begun."""
    tz = profile_zone(profile)
    if not text:
        return Month.of(now, tz).previous()
    month = Month.parse(text)
    if month > Month.of(now, tz):
        raise ValueError(f"month: {month.key} has not started yet")
    return month
