"""Forget and retention reach the reports: a report that held what was removed is rebuilt.

A report copies names, texts and account links out of the store into HOME/reports/YYYY-MM/,
so deleting from the store alone would leave them there (and served). A report "held" a
removed person when one of their items falls in the months it reads (the month and the one
before), or when their name, profile URL or id appears in its HTML, CSV or JSON. Such a
report is made again from the store as it is now, in its own language; when that is not
possible (no Chromium, a full disk) it is removed rather than left holding them.
"""

from __future__ import annotations

import html
import logging
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from agent.reports.build import (
    META,
    REPORTS_DIR,
    draft,
    folder_for,
    gather,
    read_meta,
    write_report_sync,
)
from agent.reports.i18n import LANGS
from agent.reports.months import Month, moment_of, profile_zone
from agent.store import SyncStore

log = logging.getLogger("roos.reports")

MIN_NEEDLE = 4  # shorter names ("Jo") would match every report
TEXT_FILES = ("report.html", "report.csv", META)


@dataclass
class Trace:
    """What a forgotten person left that a report may have copied."""

    needles: list[str] = field(default_factory=list)
    moments: list[datetime] = field(default_factory=list)


def trace_of(person: dict, items: list[dict]) -> Trace:
    names = [person.get("name"), person.get("profile_url"), person.get("id")]
    names += [i.get("url") for i in items]
    needles = sorted({n.strip() for n in names if isinstance(n, str) and len(n) >= MIN_NEEDLE})
    moments = [m for m in (moment_of(i) for i in items) if m is not None]
    return Trace(needles=needles, moments=moments)


def reports(home: Path) -> list[tuple[Month, Path, dict]]:
    """Every report in the home: one per month and language (HOME/reports/YYYY-MM/<lang>/),
    and the month folder itself where a report from before languages had folders lies."""
    found = []
    for folder in sorted((home / REPORTS_DIR).glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]")):
        try:
            month = Month.parse(folder.name)
        except ValueError:
            continue
        for place in (folder, *(folder / lang for lang in LANGS)):
            meta = read_meta(place)
            if meta is not None or any((place / name).exists() for name in TEXT_FILES):
                found.append((month, place, meta or {}))
    return found


def _mentions(folder: Path, needles: list[str]) -> bool:
    forms = {form.encode() for n in needles for form in (n, html.escape(n), n.replace('"', '""'))}
    for name in TEXT_FILES:
        try:
            data = (folder / name).read_bytes()
        except OSError:
            continue
        if any(form in data for form in forms):
            return True
    return False


def held(home: Path, trace: Trace, profile: dict) -> list[Month]:
    """The months whose reports held something of the person in `trace`."""
    tz = profile_zone(profile)
    hit: list[Month] = []
    for month, folder, _ in reports(home):
        start, end = month.previous().start(tz), month.end(tz)
        if month in hit:
            continue
        if any(start <= m < end for m in trace.moments) or _mentions(folder, trace.needles):
            hit.append(month)
    return hit


def aged(home: Path, cutoff: datetime, profile: dict) -> tuple[list[Month], list[Month]]:
    """After retention: reports wholly older than the cutoff go; those reading across it are
    rebuilt (their oldest items are gone from the store)."""
    tz = profile_zone(profile)
    gone: list[Month] = []
    rebuild: list[Month] = []
    for month in dict.fromkeys(month for month, _, _ in reports(home)):
        if month.end(tz) <= cutoff:
            gone.append(month)
        elif month.previous().start(tz) < cutoff:
            rebuild.append(month)
    return gone, rebuild


def remove(home: Path, month: Month) -> None:
    shutil.rmtree(home / REPORTS_DIR / month.key, ignore_errors=True)


def langs_of(home: Path, month: Month, profile: dict) -> list[str]:
    """The languages the month has a report in; a report from before languages had folders
    counts in the language its meta names (it is rebuilt into that language's folder)."""
    folder = home / REPORTS_DIR / month.key
    found = [lang for lang in LANGS if (folder / lang).is_dir()]
    legacy = read_meta(folder)
    if legacy is not None or any((folder / name).exists() for name in TEXT_FILES):
        found.append((legacy or {}).get("lang") or (profile.get("report") or {}).get("lang"))
    langs = [lang if lang in LANGS else "nl" for lang in found]
    return list(dict.fromkeys(langs)) or [(profile.get("report") or {}).get("lang") or "nl"]


def drop_legacy(home: Path, month: Month) -> None:
    """The month folder's own report files (before languages had folders) once rebuilt."""
    folder = home / REPORTS_DIR / month.key
    for place in folder.iterdir() if folder.is_dir() else []:
        if place.is_file():
            place.unlink(missing_ok=True)


def rebuild_sync(home: Path, tx: SyncStore, profile: dict, months: list[Month]) -> dict:
    """For the CLI (it holds the home lock): rebuild each month in each language, or remove it."""
    done: dict[str, list[str]] = {"rebuilt": [], "removed": []}
    for month in months:
        try:
            inputs = gather(tx, month, profile)
            for lang in langs_of(home, month, profile):
                made = draft(month, lang, profile, inputs)
                write_report_sync(folder_for(home, month, made.lang), made)
            drop_legacy(home, month)
            done["rebuilt"].append(month.key)
        except Exception as exc:  # Chromium missing, disk full: never leave the old one behind
            log.warning("Could not rebuild the report of %s (%s); removed it.", month.key, exc)
            remove(home, month)
            done["removed"].append(month.key)
    return done
