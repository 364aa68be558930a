"""The report's first lines: what a director reads in one minute, in the business's terms.

Each sentence answers one question — how often were we talked about, how do people feel about
us (reputation), did we answer complaints in time, who wants to buy (leads), who is loyal
(fans and ambassadors), did we post enough and not too commercially. A topic without data is
left out rather than filled with zeros, except complaints: "none received" is good news.
"""

from __future__ import annotations

from agent.reports.i18n import (
    duration,
    month_name,
    noun,
    number,
    percent,
    signed,
    signed_percent,
    t,
)
from agent.reports.months import Month


def _month(lang: str, key: str) -> str:
    month = Month.parse(key)
    return month_name(lang, month.year, month.month)


def _mentions(f: dict, lang: str) -> str:
    m = f["mentions"]
    change = ""
    if m["change"] is not None:
        previous = _month(lang, f["previous_month"]).rsplit(" ", 1)[0]
        change = t(lang, "s_change", change=signed_percent(lang, m["change"]), previous=previous)
    org = f["organisation"] or t(lang, "org_fallback")
    month = _month(lang, f["month"])
    return t(
        lang, "s_mentions", month=month, org=org, count=number(lang, m["total"]), change=change
    )


def _reputation(f: dict, lang: str) -> str | None:
    s = f["sentiment"]
    if not s["count"]:
        return None
    values = {"positive": percent(lang, s["shares"]["positive"])}
    values["negative"] = percent(lang, s["shares"]["negative"])
    if not s["previous_count"]:
        return t(lang, "s_reputation_new", **values)
    previous = _month(lang, f["previous_month"]).rsplit(" ", 1)[0]
    before = percent(lang, s["previous_shares"]["negative"])
    return t(lang, "s_reputation", previous=previous, previous_negative=before, **values)


def typical_wait(kind: dict, working: bool) -> float | None:
    """The median a reader should see: working time when opening hours are known."""
    return kind["median_business_seconds"] if working else kind["median_seconds"]


def _responding(f: dict, lang: str) -> list[str]:
    r = f["response"]
    working = r["business_hours"]
    complaints, questions = r["complaints"], r["questions"]
    lines = []
    if complaints["received"]:
        wait = typical_wait(complaints, working)
        median = t(lang, "s_median", value=duration(lang, wait)) if wait is not None else ""
        unit = t(lang, "unit_working" if working else "unit_clock")
        lines.append(
            t(
                lang,
                "s_complaints",
                within=complaints["within_target"],
                received=complaints["received"],
                hours=number(lang, r["target_hours"]),
                unit=unit,
                median=median,
            )
        )
    else:
        lines.append(t(lang, "s_no_complaints"))
    if questions["received"]:
        wait = typical_wait(questions, working)
        median = t(lang, "s_median", value=duration(lang, wait)) if wait is not None else ""
        lines.append(
            t(
                lang,
                "s_questions",
                answered=questions["answered"],
                received=questions["received"],
                median=median,
            )
        )
    return lines


def _leads(f: dict, lang: str) -> str:
    leads = f["leads"]
    if not leads["count"]:
        return t(lang, "s_no_leads")
    terms = ", ".join(f"{row['key']} {row['count']}" for row in leads["by_term"])
    return t(
        lang,
        "s_leads",
        count=leads["count"],
        questions=noun(lang, "question", leads["count"]),
        terms=f" ({terms})" if terms else "",
    )


def _loyalty(f: dict, lang: str) -> str | None:
    fans, ambs = f["people"]["fans"], f["people"]["ambassadors"]
    if not (fans["total"] or fans["previous"]):
        return None
    return t(
        lang,
        "s_loyalty",
        gained_fans=fans["gained"],
        fans=noun(lang, "fan", fans["gained"]),
        gained_amb=ambs["gained"],
        ambs=noun(lang, "ambassador", ambs["gained"]),
        lost=fans["lost"],
        total=fans["total"],
        fans_total=noun(lang, "fan", fans["total"]),
        amb_total=ambs["total"],
        ambs_total=noun(lang, "ambassador", ambs["total"]),
    )


def _posting(f: dict, lang: str) -> str:
    r = f["rhythm"]
    target = number(
        lang, r["target_per_day"], 0 if r["target_per_day"] == int(r["target_per_day"]) else 1
    )
    if not r["posts"]:
        return t(lang, "s_no_posts", target=target)
    return t(
        lang,
        "s_posts",
        posts=r["posts"],
        posts_word=noun(lang, "post", r["posts"]),
        per_day=number(lang, r["per_day"], 1),
        target=target,
        covered=r["weekend_days_covered"],
        weekend=r["weekend_days"],
        promo=percent(lang, r["promo_share"], exact=True),
        max=percent(lang, r["max_promo_share"]),
    )


def _follow(f: dict, lang: str) -> list[str]:
    lines = []
    for row in f["follow"][:2]:
        change = row["followers_change"]
        lines.append(
            t(
                lang,
                "s_follow",
                name=row["name"],
                followers=number(lang, row["followers"]),
                change=f" ({signed(lang, change)})" if change is not None else "",
                following=number(lang, row["following"]),
            )
        )
    return lines


def summary_lines(figures: dict, lang: str) -> list[str]:
    """The plain-language summary, one sentence per topic."""
    if figures["empty"]:
        return [t(lang, "empty", month=_month(lang, figures["month"]))]
    lines = [_mentions(figures, lang), _reputation(figures, lang)]
    lines += _responding(figures, lang)
    lines += [_leads(figures, lang), _loyalty(figures, lang), _posting(figures, lang)]
    lines += _follow(figures, lang)
    return [line for line in lines if line]
