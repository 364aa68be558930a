"""What happened to an item, for the inbox's detail pane: assigned, answered, ignored,
corrected, a note added. Kept on the item (newest last, capped), so it travels with it in
exports and is forgotten with it."""

from __future__ import annotations

from datetime import UTC, datetime

MAX_ENTRIES = 100


def stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def with_entry(item: dict, action: str, **detail: object) -> list[dict]:
    entry = {"at": stamp(), "action": action}
    entry.update({k: v for k, v in detail.items() if v not in (None, "")})
    return [*(item.get("history") or []), entry][-MAX_ENTRIES:]


def patch_entries(item: dict, body: dict) -> list[dict]:
    """History entries for a PATCH of the item (workflow fields and corrections)."""
    history = list(item.get("history") or [])
    probe = {**item, "history": history}
    if "assignee" in body and body["assignee"] != item.get("assignee"):
        history = with_entry(probe, "assigned", to=body["assignee"])
        probe["history"] = history
    if body.get("status") and body["status"] != item.get("status"):
        history = with_entry(probe, body["status"], reason=body.get("ignore_reason"))
        probe["history"] = history
    corrected = {k: body[k] for k in ("sentiment", "intent") if k in body}
    if corrected:
        history = with_entry(probe, "corrected", **corrected)
    return history
