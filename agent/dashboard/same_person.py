"""Records that may be one person, for the People page to propose (the user decides).

Two kinds of pair: names that look alike where one record has no profile address
(`analysis.people.merge_candidates`), and blog authors with the same name whose links point
to the same website: a commenter who leaves "janfiets.nl" on one blog and
"janfiets.nl/over-mij" on another is one person, although the two addresses differ. LinkedIn
profiles are never paired this way (two profiles are two people).
"""

from __future__ import annotations

from itertools import combinations

from ..analysis.people import merge_candidates
from ..analysis.textnorm import words

MAX_PAIRS = 50


def website_of(person_id: str) -> str | None:
    """The host of a URL-based person id ("janfiets.nl/over" → "janfiets.nl")."""
    if person_id.startswith("name:"):
        return None
    host = person_id.split("/", 1)[0]
    return None if not host or host == "linkedin.com" else host


def _folded(name: str | None) -> str:
    return " ".join(words(name or ""))


def same_site_pairs(people: list[dict]) -> list[tuple[str, str, float]]:
    groups: dict[tuple[str, str], list[str]] = {}
    for person in people:
        site, name = website_of(person["id"]), _folded(person.get("name"))
        if site and name:
            groups.setdefault((site, name), []).append(person["id"])
    return [(a, b, 100.0) for ids in groups.values() for a, b in combinations(sorted(ids), 2)]


def summary(person: dict) -> dict:
    return {
        "id": person["id"],
        "name": person.get("name") or person["id"],
        "profile_url": person.get("profile_url"),
        "website": website_of(person["id"]),
        "interactions": len(person.get("interactions") or []),
        "flag": person.get("flag"),
    }


def candidates(people: list[dict]) -> list[dict]:
    """`{a, b, score, reason, a_person, b_person}` pairs, best first (a and b are ids)."""
    by_id = {p["id"]: p for p in people}
    found: dict[frozenset, dict] = {}
    pairs = [(a, b, s, "website") for a, b, s in same_site_pairs(people)]
    pairs += [(a, b, s, "name") for a, b, s in merge_candidates(people)]
    for a, b, score, reason in pairs:
        key = frozenset((a, b))
        if key in found or a not in by_id or b not in by_id:
            continue
        found[key] = {
            "a": a,
            "b": b,
            "score": score,
            "reason": reason,
            "a_person": summary(by_id[a]),
            "b_person": summary(by_id[b]),
        }
    return sorted(found.values(), key=lambda pair: -pair["score"])[:MAX_PAIRS]
