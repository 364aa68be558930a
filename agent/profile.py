"""The organisation profile: defaults, validation, TOML on disk, partial updates.

An invalid profile never replaces a good one: the agent names the field and the
problem and keeps using the last good profile (also kept as last-good.json, so a
broken edit survives a restart).
"""

from __future__ import annotations

import copy
import logging
import time
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson
import tomli_w

from .home import write_private
from .profile_toml import edit_toml
from .schemas import first_error

log = logging.getLogger("roos.profile")

PROFILE_FILE = "profile.toml"
LAST_GOOD_FILE = "profile.last-good.json"

DEFAULT_PROFILE: dict = {
    "organisation": {"name": "", "aliases": [], "story": ""},
    "disclosure": {"nl": "", "en": ""},
    "watch_terms": [],
    "competitors": [],
    "topics": [],
    "knowledge": [],
    "saved_replies": [],
    "team": [],
    "sources": [],
    "business_hours": {
        "timezone": "Europe/Amsterdam",
        "days": {d: ["09:00", "17:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
    },
    "targets": {
        "posts_per_day": 2,
        "weekends": True,
        "max_promo_share": 0.2,
        "fan_min_interactions": 3,
        "fan_window_days": 90,
    },
    "contact": {},
    "allowed_extension_ids": [],
    "retention_months": 12,
    "reply_from_personal_account": True,
    "report": {"day_of_month": 1, "lang": "nl"},
}


class ProfileError(ValueError):
    """The profile is invalid; the message names the field."""


def merge(base: dict, changes: dict) -> dict:
    """Top-level keys in ``changes`` replace those in ``base``; objects merge one level deep."""
    result = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = {**result[key], **value}
        else:
            result[key] = copy.deepcopy(value)
    return result


def validate(profile: object) -> dict:
    if not isinstance(profile, dict):
        raise ProfileError("the profile must be an object of settings")
    problem = first_error("profile", profile) or value_problem(profile)
    if problem:
        raise ProfileError(problem)
    return profile


def value_problem(profile: dict) -> str | None:
    """What the schema cannot say but pages depend on: the time zone must exist."""
    name = (profile.get("business_hours") or {}).get("timezone")
    if name is None:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return (
            f"business_hours.timezone: {name[:64]!r} is not a known time zone "
            "(use a name such as Europe/Amsterdam or UTC)"
        )
    return None


def with_defaults(profile: dict) -> dict:
    return validate(merge(DEFAULT_PROFILE, profile))


def parse_toml(text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"profile.toml is not valid TOML: {exc}") from exc


class ProfileManager:
    """Holds the current profile and persists changes; only the agent writes the file."""

    def __init__(self, home: Path) -> None:
        self.path = home / PROFILE_FILE
        self.last_good_path = home / LAST_GOOD_FILE
        self.current: dict = copy.deepcopy(DEFAULT_PROFILE)
        self.problem: str | None = None
        self._mtime: float | None = None

    def load(self) -> dict:
        if self.last_good_path.exists():
            try:
                saved = orjson.loads(self.last_good_path.read_bytes())
                if not isinstance(saved, dict):
                    raise ProfileError("not a profile")
                self.current = with_defaults(saved)
            except (ProfileError, orjson.JSONDecodeError):
                aside = _move_aside(self.last_good_path)
                log.warning("%s was damaged; moved it aside to %s.", LAST_GOOD_FILE, aside.name)
        self.reload_if_changed(force=True)
        return self.current

    def reload_if_changed(self, force: bool = False) -> bool:
        """Pick up a hand-edited profile.toml; an invalid edit is reported, not applied."""
        if not self.path.exists():
            return False
        mtime = self.path.stat().st_mtime
        if not force and mtime == self._mtime:
            return False
        self._mtime = mtime
        try:
            profile = with_defaults(parse_toml(self.path.read_text(encoding="utf-8")))
        except (ProfileError, UnicodeDecodeError) as exc:
            self.problem = str(exc)
            log.error("profile.toml: %s — keeping the last good profile.", exc)
            return False
        self.problem = None
        self.current = profile
        self._remember()
        return True

    def update(self, changes: dict) -> dict:
        """Apply a partial update (PUT /api/profile); raises ProfileError, changing nothing."""
        if not isinstance(changes, dict):
            raise ProfileError("the profile must be an object of settings")
        profile = with_defaults(merge(self.current, changes))
        text = self._text_for(profile)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: no file could hold it
            raise ProfileError(
                f"the profile holds text that is not valid Unicode ({exc.reason})"
            ) from None
        if self.problem and self.path.exists():
            # The file on disk is a broken hand edit: keep it for the user, do not overwrite it.
            aside = _move_aside(self.path)
            log.warning("Kept the broken profile.toml as %s before saving the new one.", aside.name)
        write_private(self.path, text)
        self._mtime = self.path.stat().st_mtime
        self.current = profile
        self.problem = None
        self._remember()
        return profile

    def _text_for(self, profile: dict) -> str:
        """The file's own text with the changes applied (comments and order kept); a fresh
        file when there is none yet, or when the one on disk is broken."""
        safe = _toml_safe(profile)
        if self.path.exists() and not self.problem:
            try:
                old = self.path.read_text(encoding="utf-8")
                text = edit_toml(old, safe, _toml_safe(DEFAULT_PROFILE))
                if with_defaults(tomllib.loads(text)) == profile:
                    return text
                log.warning("profile.toml could not be edited in place; writing it anew.")
            except (OSError, UnicodeDecodeError, ValueError, tomllib.TOMLDecodeError):
                log.warning("profile.toml could not be edited in place; writing it anew.")
        return tomli_w.dumps(safe)

    def _remember(self) -> None:
        write_private(self.last_good_path, orjson.dumps(self.current).decode())


def _move_aside(path: Path) -> Path:
    aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
    path.replace(aside)
    return aside


def _toml_safe(value: object) -> object:
    """TOML has no null: drop None values."""
    if isinstance(value, dict):
        return {k: _toml_safe(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_toml_safe(v) for v in value if v is not None]
    return value
