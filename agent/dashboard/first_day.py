"""The first-run checklist: what a new user does on day one, each step ticked off by what
Roos can see for itself (so nothing has to be clicked "done").

1. describe the organisation (a name and a story in the profile),
2. pair the extension (it has sent something only it sends: own posts, follower counts, or
   LinkedIn items that are not from a group Roos reads itself),
3. add a source, 4. a first scan (a source that has been read), 5. a first answer.
"""

from __future__ import annotations

STEPS = ("organisation", "pair", "source", "scan", "answer")
LINKS = {
    "organisation": "#/profile",
    "pair": "#/start",
    "source": "#/sources",
    "scan": "#/sources",
    "answer": "#/inbox",
}


def from_extension(item: dict) -> bool:
    return item.get("source") == "linkedin" and "/groups/" not in (item.get("url") or "")


def checklist(profile: dict, sources: list[dict], extension_seen: bool, answered: bool) -> dict:
    organisation = profile.get("organisation") or {}
    done = {
        "organisation": bool(organisation.get("name") and organisation.get("story")),
        "pair": extension_seen,
        "source": bool(sources),
        "scan": any((s.get("state") or {}).get("last_run") for s in sources),
        "answer": answered,
    }
    steps = [{"key": key, "done": done[key], "link": LINKS[key]} for key in STEPS]
    return {"steps": steps, "done": sum(done.values()), "total": len(STEPS)}
