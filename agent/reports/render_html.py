"""The monthly report as one self-contained HTML document (also the source of the PDF).

Page one is for the director: the one-minute summary and six key figures. The details
follow from page two. CSS is inline because the file must open anywhere on its own, and it
carries print rules (A4, page breaks, backgrounds) so Chromium's PDF matches the screen.
The document has no scripts and loads nothing: the Content-Security-Policy meta tag says so
to any browser that opens it.
"""

from __future__ import annotations

from html import escape

from agent.reports import sections
from agent.reports.business_hours import DAY_KEYS
from agent.reports.i18n import (
    date_text,
    duration,
    lang_or_default,
    month_name,
    number,
    percent,
    signed_percent,
    t,
)
from agent.reports.months import Month
from agent.reports.next_month import advice_html
from agent.reports.summary import summary_lines, typical_wait

CSS = """
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: Helvetica, Arial, sans-serif; color: #222; font-size: 11pt; margin: 0;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 180mm; margin: 0 auto; }
header { border-bottom: 3px solid #c2185b; margin-bottom: 8mm; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; color: #c2185b; margin: 7mm 0 2mm; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
.small { font-size: 9pt; color: #555; }
.summary li { margin: 0 0 2mm; line-height: 1.4; }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; margin-top: 8mm; }
.tile { background: #fbe9f0; border-radius: 3mm; padding: 4mm; }
.tile b { display: block; font-size: 18pt; }
.details { break-before: page; }
section { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 9.5pt; }
th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 1px solid #ddd; }
th { background: #f4f4f4; }
svg { display: block; margin: 2mm 0; }
q { font-style: italic; }
ol { padding-left: 5mm; }
li { margin-bottom: 2mm; }
.advice { background: #f4f8f5; border-left: 2mm solid #2e7d32; padding: 1mm 4mm 2mm; margin-top: 6mm; }
.advice h2 { color: #2e7d32; }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _month_title(lang: str, key: str) -> str:
    month = Month.parse(key)
    return month_name(lang, month.year, month.month)


def hours_text(hours: dict, lang: str) -> str:
    """ "ma–vr 09:00–17:30" style description of the opening hours."""
    names = t(lang, "days").split()
    days = hours.get("days") or {}
    groups: list[list] = []  # [first day, last day, (open, close), index of the last day]
    for index, key in enumerate(DAY_KEYS):
        span = tuple(days.get(key) or ())
        if not span:
            continue
        if groups and groups[-1][2] == span and groups[-1][3] == index - 1:
            groups[-1][1], groups[-1][3] = names[index], index
        else:
            groups.append([names[index], names[index], span, index])
    if not groups:
        return t(lang, "no_hours")
    return ", ".join(
        (a if a == b else f"{a}–{b}") + f" {span[0]}–{span[1]}" for a, b, span, _ in groups
    )


def _tiles(f: dict, lang: str) -> str:
    r = f["response"]
    complaints = r["complaints"]
    working = r["business_hours"]
    tiles = [
        (
            t(lang, "k_mentions"),
            number(lang, f["mentions"]["total"]),
            signed_percent(lang, f["mentions"]["change"]),
        ),
        (t(lang, "k_positive"), percent(lang, f["sentiment"]["shares"]["positive"]), ""),
        (t(lang, "k_complaints"), f"{complaints['within_target']} / {complaints['received']}", ""),
        (
            t(lang, "k_median"),
            duration(lang, typical_wait(complaints, working)),
            t(lang, "complaints"),
        ),
        (t(lang, "k_fans"), number(lang, f["people"]["fans"]["gained"]), ""),
        (t(lang, "k_posts"), number(lang, f["rhythm"]["per_day"], 1), ""),
    ]
    cells = "".join(
        f'<div class="tile">{escape(label)}<b>{escape(value)}</b>'
        f'<span class="small">{escape(note)}</span></div>'
        for label, value, note in tiles
    )
    return f'<div class="tiles">{cells}</div>'


def render_html(figures: dict, lang: str, profile: dict, generated_on: str) -> str:
    """The whole report for `figures` in `lang` ("nl" or "en"); `generated_on` is an ISO date."""
    lang = lang_or_default(lang)
    title = t(lang, "title", month=_month_title(lang, figures["month"]))
    org = figures["organisation"]
    heading = f"{title} — {org}" if org else title
    lines = "".join(f"<li>{escape(line)}</li>" for line in summary_lines(figures, lang))
    intro = [
        f"<header><h1>{escape(heading)}</h1>",
        sections.para(t(lang, "generated", date=date_text(lang, generated_on)), "small"),
        "</header>",
    ]
    if not figures["complete"] and not figures["empty"]:
        intro.append(sections.para(t(lang, "running", date=date_text(lang, generated_on)), "small"))
    intro.append(f'<h2>{escape(t(lang, "summary"))}</h2><ul class="summary">{lines}</ul>')
    body = "".join(intro)
    if not figures["empty"]:
        hours = profile.get("business_hours") or {}
        method = t(lang, "method", hours=hours_text(hours, lang), tz=figures["timezone"])
        details = "".join(
            [
                sections.listening(figures, lang),
                sections.reputation(figures, lang),
                sections.responding(figures, lang, method),
                sections.loyalty(figures, lang),
                sections.rhythm(figures, lang),
                sections.follow(figures, lang),
                sections.threads(figures, lang),
            ]
        )
        body += _tiles(figures, lang) + advice_html(figures, lang)
        body += f'<div class="details">{details}</div>'
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{escape(heading)}</title><style>{CSS}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
