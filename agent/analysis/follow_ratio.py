"""The follow ratio: never follow more accounts than follow you.

An account that follows more people than follow it looks like it is fishing for follow-backs.
`assess` warns when that is the case *or* about to be: when, at the pace of the recent history,
following overtakes followers within 30 days. The advice says by how much, in the user's
language. `unfollow_candidates` names whom to unfollow first: followed people without any
interaction in the last 90 days, the least engaged first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from agent.analysis.counts import parse_count
from agent.analysis.times import now_or, to_datetime

HORIZON_DAYS = 30
_ADVICE = {
    ("own", "following_more", "nl"): "Je volgt {n} accounts meer dan je volgers; ontvolg er "
    "minstens {n}, te beginnen met accounts waar je 90 dagen geen contact mee had, en volg pas "
    "weer nieuwe mensen als je volgers groeien.",
    ("own", "following_more", "en"): "You follow {n} more accounts than follow you; unfollow at "
    "least {n}, starting with accounts you have had no contact with for 90 days, and only follow "
    "new people once your followers grow.",
    ("own", "trend", "nl"): "In het huidige tempo volg je over ongeveer {days} dagen meer "
    "accounts dan je volgers (nu nog {n} ruimte). Volg voorlopig niemand nieuw en ontvolg "
    "accounts waar je geen contact mee hebt.",
    ("own", "trend", "en"): "At the current pace you will follow more accounts than follow you "
    "in about {days} days ({n} to spare now). Hold off following new people and unfollow "
    "accounts you have no contact with.",
    ("own", "ok", "nl"): "Gezonde verhouding: {followers} volgers, je volgt er {following}. Je "
    "kunt nog {n} accounts volgen voordat je meer volgt dan je volgers.",
    ("own", "ok", "en"): "Healthy ratio: {followers} followers, you follow {following}. You can "
    "follow {n} more accounts before you follow more than follow you.",
    ("other", "following_more", "nl"): "Dit account volgt {n} accounts meer dan het volgers "
    "heeft; vaak een teken van volgen om teruggevolgd te worden.",
    ("other", "following_more", "en"): "This account follows {n} more accounts than follow it; "
    "often a sign of following to be followed back.",
    ("other", "trend", "nl"): "Dit account volgt in het huidige tempo over ongeveer {days} dagen "
    "meer accounts dan het volgers heeft.",
    ("other", "trend", "en"): "At the current pace this account will follow more accounts than "
    "follow it in about {days} days.",
    ("other", "ok", "nl"): "Dit account heeft {followers} volgers en volgt er {following}: een "
    "gezonde verhouding.",
    ("other", "ok", "en"): "This account has {followers} followers and follows {following}: a "
    "healthy ratio.",
}


def _number(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "nl" else text


def _days_until_crossing(
    history: list[dict[str, Any]], gap_now: int, now: datetime
) -> float | None:
    """Days until following passes followers at the pace of the last 30 days, if it will."""
    points = []
    for point in history:
        at = to_datetime(point.get("at"))
        if at is not None and 0 < (now - at).total_seconds() <= HORIZON_DAYS * 86400:
            gap = parse_count(point["followers"]) - parse_count(point["following"])
            points.append((at, gap))
    if not points or gap_now < 0:
        return None
    then, gap_then = min(points)
    elapsed = max((now - then).total_seconds() / 86400, 1.0)
    pace = (gap_now - gap_then) / elapsed
    if pace >= 0:
        return None
    return gap_now / -pace


_NO_FOLLOWING = {
    "nl": "Deze pagina toont alleen volgers ({followers}); er is geen volgratio om te bewaken.",
    "en": "This page shows followers only ({followers}); there is no follow ratio to guard.",
}


def assess(
    followers: int | str,
    following: int | str | None,
    history: list[dict[str, Any]] | None = None,
    own: bool = True,
    lang: str = "nl",
    now: object = None,
) -> dict[str, Any]:
    """Verdict and advice on a follower/following pair, optionally with earlier snapshots
    (`history`: [{"at", "followers", "following"}]) to see where it is heading. A page that
    shows followers only (a company page: companies follow no one) has no ratio to guard."""
    lang = lang if lang in ("nl", "en") else "nl"
    if following is None:
        have = parse_count(followers)
        return {
            "followers": have,
            "following": None,
            "ratio": None,
            "gap": None,
            "verdict": "ok",
            "reason": "no_following",
            "days_until_cross": None,
            "advice": _NO_FOLLOWING[lang].format(followers=_number(have, lang)),
        }
    history = [h for h in history or [] if h.get("following") is not None]
    have, follow = parse_count(followers), parse_count(following)
    gap = have - follow
    days = _days_until_crossing(history or [], gap, now_or(now))
    if gap < 0:
        reason = "following_more"
    elif days is not None and days <= HORIZON_DAYS:
        reason = "trend"
    else:
        reason = "ok"
    advice = _ADVICE[("own" if own else "other", reason, lang)].format(
        n=_number(abs(gap), lang),
        days=max(round(days or 0), 1),
        followers=_number(have, lang),
        following=_number(follow, lang),
    )
    return {
        "followers": have,
        "following": follow,
        "ratio": round(have / follow, 2) if follow else float(have),
        "gap": gap,
        "verdict": "ok" if reason == "ok" else "warn",
        "reason": reason,
        "days_until_cross": round(days) if reason == "trend" and days is not None else None,
        "advice": advice,
    }


def unfollow_candidates(
    followed_people: list[dict[str, Any]],
    interactions: list[dict[str, Any]] | None = None,
    now: object = None,
    days: int = 90,
) -> list[dict[str, Any]]:
    """Followed people without interaction in `days`, least interaction first. Interactions
    come from `interactions` ([{"person_id", "at"}]) or else from each person's own record.
    Someone followed less than `days` ago has not had a fair chance yet and is left out."""
    moment = now_or(now)
    by_person: dict[str, list[datetime]] = {}
    for person in followed_people:
        own = (person.get("interactions") or []) if interactions is None else []
        by_person[person["id"]] = [t for t in map(_at, own) if t is not None]
    for interaction in interactions or []:
        at = _at(interaction)
        if interaction.get("person_id") in by_person and at is not None:
            by_person[interaction["person_id"]].append(at)
    candidates = []
    for person in followed_people:
        times = by_person[person["id"]]
        followed_at = to_datetime(person.get("followed_at"))
        if followed_at is not None and (moment - followed_at).days < days:
            continue
        if any((moment - t).days < days for t in times):
            continue
        last = max(times) if times else None
        candidates.append(
            {
                "id": person["id"],
                "name": person.get("name"),
                "profile_url": person.get("profile_url"),
                "interactions": len(times),
                "last_interaction": last.isoformat() if last else None,
            }
        )
    candidates.sort(key=lambda c: (c["interactions"], c["last_interaction"] or ""))
    return candidates


def _at(record: dict[str, Any]) -> datetime | None:
    return to_datetime(record.get("at"))
