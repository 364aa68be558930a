"""The few figures the dashboard shows beside a report and compares with the month before.

Taken from the report's own figures (report.json), so the dashboard's comparison and the
report itself can never disagree.
"""

from __future__ import annotations


def highlights(figures: dict | None) -> dict | None:
    if not figures or figures.get("empty"):
        return None
    complaints = figures["response"]["complaints"]
    return {
        "mentions": figures["mentions"]["total"],
        "positive_share": figures["sentiment"]["shares"]["positive"],
        "negative_share": figures["sentiment"]["shares"]["negative"],
        "complaints": complaints["received"],
        "complaints_within_target": complaints["within_target"],
        "median_business_seconds": complaints["median_business_seconds"],
        "fans_gained": figures["people"]["fans"]["gained"],
        "posts_per_day": figures["rhythm"]["per_day"],
        "promo_share": figures["rhythm"]["promo_share"],
    }
