"""Activate: who became a fan or ambassador this month, who dropped off, and the follow ratio.

Flags are recomputed with the same rule the agent uses live (people.flag_for) at two moments,
the end of this month and the end of the previous one, so a fan "gained" is someone who was
not a fan a month ago and is now. A fan who became an ambassador is counted as a new
ambassador but was never lost as a fan: fans here include ambassadors.
"""

from __future__ import annotations

from datetime import datetime

from agent.analysis.people import flag_for
from agent.analysis.times import to_datetime

GROUPS = {"fans": ("fan", "ambassador"), "ambassadors": ("ambassador",), "critics": ("critic",)}
NAMES_SHOWN = 10


def _name(person: dict) -> str:
    return person.get("name") or person["id"]


def people_figures(people: list[dict], targets: dict, end: datetime, before: datetime) -> dict:
    """Per group: how many at month end, a month earlier, gained and lost (with names)."""
    flags_now = {p["id"]: flag_for(p, targets, end) for p in people}
    flags_then = {p["id"]: flag_for(p, targets, before) for p in people}
    by_id = {p["id"]: p for p in people}
    result = {}
    for group, flags in GROUPS.items():
        now = {pid for pid, flag in flags_now.items() if flag in flags}
        then = {pid for pid, flag in flags_then.items() if flag in flags}
        gained = sorted((_name(by_id[pid]) for pid in now - then), key=str.lower)
        lost = sorted((_name(by_id[pid]) for pid in then - now), key=str.lower)
        result[group] = {
            "total": len(now),
            "previous": len(then),
            "gained": len(gained),
            "lost": len(lost),
            "gained_names": gained[:NAMES_SHOWN],
            "lost_names": lost[:NAMES_SHOWN],
        }
    return result


def _latest(snapshots: list[dict], until: datetime) -> dict | None:
    dated = [(to_datetime(s.get("at")), s) for s in snapshots]
    known = [(at, s) for at, s in dated if at is not None and at < until]
    return max(known, key=lambda pair: pair[0])[1] if known else None


def ratio(followers: int, following: int) -> float | None:
    return round(followers / following, 2) if following else None


def follow_figures(snapshots: list[dict], end: datetime, start: datetime) -> list[dict]:
    """Per own account: the last snapshot of the month, and its change since the month began."""
    accounts: dict[str, list[dict]] = {}
    for snapshot in snapshots:
        if snapshot.get("own"):
            accounts.setdefault(snapshot["account"], []).append(snapshot)
    rows = []
    for account, history in sorted(accounts.items()):
        latest = _latest(history, end)
        if latest is None:
            continue
        earlier = _latest(history, start)
        rows.append(
            {
                "account": account,
                "name": latest.get("name") or latest.get("url") or account,
                "at": latest.get("at"),
                "followers": latest["followers"],
                "following": latest["following"],
                "ratio": ratio(latest["followers"], latest["following"]),
                "followers_change": latest["followers"] - earlier["followers"] if earlier else None,
                "following_change": latest["following"] - earlier["following"] if earlier else None,
            }
        )
    return rows
