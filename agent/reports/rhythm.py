"""Be valuable: our own posts against the targets — how often, weekends too, how promotional.

The targets come from the profile (`targets.posts_per_day`, `targets.weekends`,
`targets.max_promo_share`). For a month that is still running only the days so far count,
so a report on the 10th does not say we posted a third of what we should.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, tzinfo

from agent.analysis.promo import post_is_promotional
from agent.reports.months import Month, local_date

promotional = post_is_promotional  # one rule for the report and the 20/80 check


def rhythm_figures(
    posts: list[dict],
    previous_posts: list[dict],
    month: Month,
    tz: tzinfo,
    targets: dict,
    today: date | None = None,
) -> dict:
    """Posts per day, weekend days covered and the promotional share for one month."""
    days = [d for d in month.dates() if today is None or d <= today] or [month.first_day]
    per_day = Counter(local_date(post, tz) for post in posts)
    weekend = [d for d in days if d.weekday() >= 5]
    selling = sum(1 for post in posts if promotional(post))
    return {
        "posts": len(posts),
        "previous_posts": len(previous_posts),
        "days": len(days),
        "per_day": round(len(posts) / len(days), 2),
        "target_per_day": targets.get("posts_per_day", 2),
        "days_with_posts": sum(1 for d in days if per_day.get(d)),
        "weekend_days": len(weekend),
        "weekend_days_covered": sum(1 for d in weekend if per_day.get(d)),
        "weekends_target": bool(targets.get("weekends", True)),
        "promotional": selling,
        "promo_share": round(selling / len(posts), 4) if posts else None,
        "max_promo_share": targets.get("max_promo_share", 0.2),
        "by_kind": dict(Counter(post.get("kind") or "post" for post in posts)),
        "by_lang": dict(Counter(post.get("lang") or "unknown" for post in posts)),
        "daily": [{"date": d.isoformat(), "count": per_day.get(d, 0)} for d in days],
    }
