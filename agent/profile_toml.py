"""Saving the profile without losing the user's profile.toml: comments, order and layout stay.

profile.toml is the source of truth and people edit it by hand, with comments that explain
their choices. A change from the dashboard (PUT /api/profile) is applied to the parsed
document (tomlkit) key by key: values that did not change keep their exact text and the
comments around them; a changed value is replaced in place; a key the file never had is
added only when it differs from Roos's default, so the file does not fill up with defaults.
"""

from __future__ import annotations

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument


def _plain(value: object) -> object:
    return value.unwrap() if hasattr(value, "unwrap") else value


def _apply(container, new: dict, defaults: dict) -> None:
    for key in [k for k in container if k not in new]:
        del container[key]
    for key, value in new.items():
        if key not in container:
            if defaults.get(key) != value:
                container[key] = value
            continue
        current = container[key]
        if isinstance(value, dict) and isinstance(current, Table):
            _apply(
                current,
                value,
                defaults.get(key) or {} if isinstance(defaults.get(key), dict) else {},
            )
        elif _plain(current) != value:
            if isinstance(current, AoT) or (
                isinstance(value, list) and value and isinstance(value[0], dict)
            ):
                container[key] = tomlkit.aot()
                for row in value:
                    container[key].append(row)
            else:
                container[key] = value


def edit_toml(text: str, profile: dict, defaults: dict) -> str:
    """`text` (a valid profile.toml) changed to hold `profile`, keeping all else as it was."""
    document: TOMLDocument = tomlkit.parse(text)
    _apply(document, profile, defaults)
    return tomlkit.dumps(document)
