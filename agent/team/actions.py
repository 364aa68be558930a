"""Who did what: every workflow action records its member, and nobody answers twice.

Pure functions over plain documents; the API calls them inside the store transaction that
also writes the result, where the item's row is locked, so two members answering the same
item at the same moment are serialised: one wins, the other is told who and when.
"""

from __future__ import annotations


class AlreadyAnswered(Exception):
    def __init__(self, by: str, at: str | None) -> None:
        self.by, self.at = by, at
        super().__init__(
            f"{by} already answered this item{' at ' + at if at else ''}; nothing was stored twice."
        )


def answered_elsewhere(item: dict, member: str | None) -> AlreadyAnswered | None:
    """The item was answered by another member (alone, with no member names, never)."""
    by = item.get("answered_by")
    answered = item.get("answered") or item.get("status") == "answered"
    if member and answered and by and by != member:
        return AlreadyAnswered(by, item.get("answered_at"))
    return None


def workflow_fields(item: dict, body: dict, member: str | None, now: str) -> dict:
    """The fields a PATCH writes, with who did it: assigned_by, answered_by, noted_by."""
    fields = {k: body[k] for k in ("assignee", "status", "ignore_reason", "reply_url") if k in body}
    if "assignee" in body and body["assignee"] != item.get("assignee"):
        fields |= {"assigned_by": member, "assigned_at": now}
    if body.get("status") == "answered":
        fields["answered"] = True
        if not item.get("answered_by"):
            fields |= {"answered_by": member, "answered_at": item.get("answered_at") or now}
    if body.get("note"):
        note = {"text": body["note"], "noted_by": member, "at": now}
        fields["notes"] = [*(item.get("notes") or []), note]
        fields |= {"noted_by": member, "noted_at": now}
    return fields
