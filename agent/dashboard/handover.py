"""Out of office: a colleague who is away hands their open items to the one they named.

The profile says who is away when (``team[].away = [{from, to, delegate}]``, dates inclusive).
Hand-over is worked out when the inbox is read, not written into the items: the moment the
colleague is back, their items are theirs again, and nobody has to remember to move them back.
A delegate who is away too passes the items on; a loop of delegates stops where it started.
"""

from __future__ import annotations

from datetime import date


def member_key(member: dict) -> str:
    return member.get("id") or member.get("name") or ""


def find_member(team: list[dict], who: str | None) -> dict | None:
    """A team member by id, or by name in any case (assignees may be either)."""
    if not who:
        return None
    folded = who.casefold()
    for member in team:
        if member.get("id") == who or (member.get("name") or "").casefold() == folded:
            return member
    return None


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def away_on(member: dict, day: date) -> dict | None:
    """The away period covering ``day``, if any."""
    for period in member.get("away") or []:
        start, end = _day(period.get("from")), _day(period.get("to"))
        if start and end and start <= day <= end:
            return period
    return None


def next_away(member: dict, day: date) -> dict | None:
    """The current or next away period (for the team page)."""
    coming = [p for p in member.get("away") or [] if (_day(p.get("to")) or date.min) >= day]
    return min(coming, key=lambda p: str(p.get("from")), default=None)


def owner(assignee: str | None, team: list[dict], day: date) -> tuple[str | None, dict | None]:
    """Who handles an item assigned to ``assignee`` today, and the hand-over if there is one:
    ``{"from": key, "from_name", "until": date}``."""
    member = find_member(team, assignee)
    if member is None:
        return assignee, None
    first = member
    seen = {member_key(member)}
    period = away_on(member, day)
    while period:
        delegate = find_member(team, period.get("delegate"))
        if delegate is None or member_key(delegate) in seen:
            break
        member = delegate
        seen.add(member_key(member))
        period = away_on(member, day)
    if member is first:
        return member_key(first), None
    handed = {
        "from": member_key(first),
        "from_name": first.get("name"),
        "until": away_on(first, day).get("to"),  # type: ignore[union-attr]
    }
    return member_key(member), handed
