"""Which team database this home uses and who the member is: HOME/team.toml.

`roos team join URL --as NAME` writes it; the agent reads it at start. The file never holds
a password (the URL's password is refused at join): that comes from PGPASSWORD, ~/.pgpass or
a private password file, so team.toml can be shown and backed up freely.
Environment variables (ROOS_STORE, ROOS_MEMBER...) win over the file, as everywhere.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import replace
from pathlib import Path

import tomli_w

from ..config import Config

FILE = "team.toml"
KEYS = ("store_url", "store_schema", "store_password_file", "member")
ENV = {
    "store_url": "ROOS_STORE",
    "store_schema": "ROOS_STORE_SCHEMA",
    "store_password_file": "ROOS_STORE_PASSWORD_FILE",
    "member": "ROOS_MEMBER",
}


def read_team_file(home: Path) -> dict:
    path = home / FILE
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {k: data[k] for k in KEYS if isinstance(data.get(k), str) and data[k]}


def write_team_file(home: Path, values: dict) -> Path:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = home / FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps({k: v for k, v in values.items() if v}), encoding="utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    return path


def leave(home: Path) -> bool:
    path = home / FILE
    if path.exists():
        path.unlink()
        return True
    return False


def with_team(config: Config) -> Config:
    """The config with team.toml's values for whatever the environment left unset."""
    try:
        stored = read_team_file(config.home)
    except (OSError, tomllib.TOMLDecodeError):
        return config
    values = {k: v for k, v in stored.items() if not os.environ.get(ENV[k])}
    return replace(config, **values) if values else config
