"""Who should pick up an item nobody was assigned to: the colleague whose topics it is about.

A member's `topics` (profile `team[].topics`) are matched against the watch terms the item
mentions and, as whole words, against its text, case-folded. The member with most matching
topics gets it (team order breaks ties), and members who are away today are passed over in
favour of the next match; when every match is away, the first one's stand-in takes it (the
hand-over rule of `handover.owner`). The answer carries the reason, so the inbox can say why.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .handover import away_on, member_key, owner


@lru_cache(maxsize=1024)
def _as_word(topic: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(topic)}(?!\w)")


def matching_topics(member: dict, terms: list[str], text: str) -> list[str]:
    folded_terms = {t.casefold() for t in terms}
    folded_text = text.casefold()
    found = []
    for topic in member.get("topics") or []:
        key = str(topic).casefold().strip()
        if not key:
            continue
        if key in folded_terms or _as_word(key).search(folded_text):
            found.append(str(topic))
    return found


def route(terms: list[str], text: str, team: list[dict], today: date) -> dict | None:
    """`{"member", "topics", "skipped"}` for the colleague who should handle it, or None."""
    scored = []
    for position, member in enumerate(team):
        topics = matching_topics(member, terms, text)
        if topics and member_key(member):
            scored.append((-len(topics), position, member, topics))
    if not scored:
        return None
    scored.sort(key=lambda row: row[:2])
    skipped = []
    for _, _, member, topics in scored:
        if away_on(member, today) is None:
            return {"member": member_key(member), "topics": topics, "skipped": skipped}
        skipped.append(member.get("name") or member_key(member))
    first = scored[0][2]
    handler, _ = owner(member_key(first), team, today)
    if not handler or handler == member_key(first):
        return None
    return {"member": handler, "topics": scored[0][3], "skipped": skipped}
