"""The report's detail sections as HTML fragments, one function per part of the roos.

Everything that came from outside (names, terms, post excerpts, URLs) goes through `escape`:
the report is opened in a browser and printed by Chromium, and a comment reading
"<script>" must stay a comment.
"""

from __future__ import annotations

from html import escape

from agent.reports import charts
from agent.reports.i18n import (
    date_text,
    duration,
    number,
    percent,
    signed,
    signed_percent,
    t,
)

_KINDS = {"kind_post", "kind_share", "kind_comment"}  # own post kinds with a translation
_TERMS = {"term_organisation", "term_product", "term_person", "term_competitor"}


def table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def section(title: str, *parts: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{''.join(parts)}</section>"


def para(text: str, css: str = "") -> str:
    return f'<p class="{css}">{escape(text)}</p>' if css else f"<p>{escape(text)}</p>"


def _counted_rows(lang: str, rows: list[dict], kind: bool = False) -> list[list[str]]:
    out = []
    for r in rows:
        term = f"term_{r.get('kind')}"
        cells = [str(r["key"])] + ([t(lang, term) if term in _TERMS else ""] if kind else [])
        cells += [number(lang, r["count"]), number(lang, r["previous"])]
        out.append([*cells, signed_percent(lang, r["change"])])
    return out


def listening(f: dict, lang: str) -> str:
    m = f["mentions"]
    counts = [t(lang, "c_count"), t(lang, "c_previous"), t(lang, "c_change")]
    terms = [(r["key"], r["count"]) for r in m["by_term"] if r["count"]][:12]
    return section(
        t(lang, "h_listen"),
        table([t(lang, "c_source"), *counts], _counted_rows(lang, m["by_source"])),
        table(
            [t(lang, "c_term"), t(lang, "c_kind"), *counts], _counted_rows(lang, m["by_term"], True)
        ),
        charts.bars(terms, t(lang, "chart_terms")) if terms else "",
    )


def reputation(f: dict, lang: str) -> str:
    s = f["sentiment"]
    keys = ("positive", "neutral", "negative")
    labels = [t(lang, f"c_{k}") for k in keys]
    split = [[number(lang, s["counts"][k]), percent(lang, s["shares"][k])] for k in keys]
    # Without items last month there is no share to compare with: a dash, never "0%".
    before = (lambda k: percent(lang, s["previous_shares"][k])) if s["previous_count"] else None
    rows = [[labels[i], *split[i], before(k) if before else "—"] for i, k in enumerate(keys)]
    weeks = [(f"{t(lang, 'c_week')} {w['week']}", {k: w[k] for k in keys}) for w in s["weeks"]]
    series = list(zip(keys, labels, strict=True))
    return section(
        t(lang, "h_reputation"),
        table(["", t(lang, "c_count"), "%", t(lang, "c_previous")], rows),
        charts.stacked_columns(weeks, series, t(lang, "chart_weeks")) if s["count"] else "",
    )


def responding(f: dict, lang: str, method: str) -> str:
    r = f["response"]
    unit = t(lang, "unit_working" if r["business_hours"] else "unit_clock")
    headers = [
        "",
        t(lang, "c_received"),
        t(lang, "c_answered"),
        t(lang, "c_median"),
        t(lang, "c_p90"),
        t(lang, "c_median_bh"),
        t(lang, "c_p90_bh"),
        t(lang, "c_within", hours=number(lang, r["target_hours"]), unit=unit),
    ]
    rows = []
    for key in ("complaints", "questions"):
        k = r[key]
        rows.append(
            [
                t(lang, key),
                number(lang, k["received"]),
                number(lang, k["answered"]),
                duration(lang, k["median_seconds"]),
                duration(lang, k["p90_seconds"]),
                duration(lang, k["median_business_seconds"]),
                duration(lang, k["p90_business_seconds"]),
                f"{k['within_target']} / {k['received']}",
            ]
        )
    leads = f["leads"]
    lead_rows = [[row["key"], number(lang, row["count"])] for row in leads["by_term"]]
    return section(t(lang, "h_respond"), table(headers, rows), para(method, "small")) + section(
        t(lang, "h_leads"),
        table([t(lang, "c_term"), t(lang, "c_count")], lead_rows)
        if lead_rows
        else para(t(lang, "none")),
    )


def loyalty(f: dict, lang: str) -> str:
    groups = f["people"]
    rows = [
        [
            t(lang, g),
            number(lang, groups[g]["total"]),
            number(lang, groups[g]["previous"]),
            number(lang, groups[g]["gained"]),
            number(lang, groups[g]["lost"]),
        ]
        for g in ("fans", "ambassadors", "critics")
    ]
    headers = [t(lang, "c_group"), t(lang, "c_now"), t(lang, "c_previous")]
    headers += [t(lang, "c_gained"), t(lang, "c_lost")]
    names = groups["fans"]["gained_names"]
    new = para(t(lang, "new_names", names=", ".join(names)), "small") if names else ""
    return section(t(lang, "h_loyalty"), table(headers, rows), new)


def rhythm(f: dict, lang: str) -> str:
    r = f["rhythm"]
    kinds = ", ".join(
        f"{n} {t(lang, 'kind_' + k)}"
        for k, n in sorted(r["by_kind"].items())
        if f"kind_{k}" in _KINDS
    )
    rows = [
        [t(lang, "r_posts"), number(lang, r["posts"]), ""],
        [t(lang, "r_per_day"), number(lang, r["per_day"], 1), number(lang, r["target_per_day"], 1)],
        [t(lang, "r_days"), f"{r['days_with_posts']} / {r['days']}", ""],
        [t(lang, "r_weekend"), f"{r['weekend_days_covered']} / {r['weekend_days']}", ""],
        [
            t(lang, "r_promo"),
            percent(lang, r["promo_share"], exact=True),
            "≤ " + percent(lang, r["max_promo_share"]),
        ],
        [t(lang, "r_kinds"), kinds or "–", ""],
    ]
    daily = [(d["date"][8:10].lstrip("0"), d["count"]) for d in r["daily"]]
    return section(
        t(lang, "h_rhythm"),
        table([t(lang, "c_measure"), t(lang, "c_value"), t(lang, "c_target")], rows),
        charts.columns_with_target(daily, r["target_per_day"], t(lang, "chart_daily")),
    )


def follow(f: dict, lang: str) -> str:
    rows = [
        [
            r["name"],
            f"{number(lang, r['followers'])} ({signed(lang, r['followers_change'])})",
            f"{number(lang, r['following'])} ({signed(lang, r['following_change'])})",
            number(lang, r["ratio"], 2) if r["ratio"] is not None else "–",
        ]
        for r in f["follow"]
    ]
    headers = [
        t(lang, "c_account"),
        t(lang, "c_followers"),
        t(lang, "c_following"),
        t(lang, "c_ratio"),
    ]
    return section(t(lang, "h_follow"), table(headers, rows) if rows else para(t(lang, "none")))


def _thread_list(rows: list[dict], lang: str) -> str:
    if not rows:
        return para(t(lang, "none"), "small")
    items = []
    for r in rows:
        line = t(
            lang,
            "t_line",
            author=r["author"] or "?",
            source=r["source"] or "",
            date=date_text(lang, r["published_at"]),
            comments=r["comments"],
            reactions=r["reactions"],
        )
        items.append(
            f'<li><q>{escape(r["excerpt"])}</q><br><span class="small">{escape(line)}</span></li>'
        )
    return f"<ol>{''.join(items)}</ol>"


def threads(f: dict, lang: str) -> str:
    parts = []
    for key, title in (
        ("most_comments", "t_comments"),
        ("most_reactions", "t_reactions"),
        ("most_negative", "t_negative"),
    ):
        parts.append(f"<h3>{escape(t(lang, title))}</h3>{_thread_list(f['threads'][key], lang)}")
    return section(t(lang, "h_threads"), *parts)
