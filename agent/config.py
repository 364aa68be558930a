"""Settings are data: one list with name, default and help (the README is checked against it)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

EXTENSION_ID = "dgmkfnmhfpmekdcjlomdfigpjhlmjefp"
EXTENSION_ORIGIN = f"chrome-extension://{EXTENSION_ID}"


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: object
    help: str


SETTINGS = (
    Setting("port", "ROOS_PORT", 8765, "TCP port on 127.0.0.1 the agent listens on."),
    Setting(
        "home",
        "ROOS_HOME",
        None,
        "Folder holding the store, profile.toml, logs and the token "
        "(default: the platform's user data folder, e.g. ~/.local/share/roos).",
    ),
    Setting("verbose", "ROOS_VERBOSE", False, "Log debug messages too."),
    Setting("max_body", "ROOS_MAX_BODY", 1024 * 1024, "Largest request body in bytes (413 above)."),
    Setting("scheduler", "ROOS_SCHEDULER", True, "Run source scrapes on their schedule."),
    Setting(
        "polite_delay",
        "ROOS_POLITE_DELAY",
        5.0,
        "Seconds between two requests to the same blog host (robots.txt Crawl-delay wins when longer).",
    ),
    Setting(
        "store_url",
        "ROOS_STORE",
        None,
        "postgresql://role@host/db: keep the store in a team's PostgreSQL database "
        "(default: the embedded TinyDB store in the home; `roos team join` sets it).",
    ),
    Setting("store_schema", "ROOS_STORE_SCHEMA", "roos", "Schema of the team database Roos uses."),
    Setting(
        "store_password_file",
        "ROOS_STORE_PASSWORD_FILE",
        None,
        "A private (0600) file holding the team database password (else PGPASSWORD or ~/.pgpass).",
    ),
    Setting("member", "ROOS_MEMBER", None, "Your name in the team (set by `roos team join --as`)."),
)


def default_home() -> Path:
    return Path(user_data_dir("roos", appauthor=False))


@dataclass
class Config:
    port: int = 8765
    home: Path = field(default_factory=default_home)
    verbose: bool = False
    max_body: int = 1024 * 1024
    scheduler: bool = True
    polite_delay: float = 5.0
    host: str = "127.0.0.1"
    store_url: str | None = None
    store_schema: str = "roos"
    store_password_file: str | None = None
    member: str | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> Config:
        """Command-line values win over environment variables, which win over defaults."""
        values: dict[str, object] = {}
        for s in SETTINGS:
            raw = os.environ.get(s.env)
            if raw is not None and raw != "":
                values[s.name] = _coerce(s.default, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if values.get("home") is not None:
            values["home"] = Path(str(values["home"])).expanduser().resolve()
        config = cls(**values)  # type: ignore[arg-type]
        from .team.membership import with_team  # team.toml fills what the environment left

        config = with_team(config)
        if not 0 < config.port < 65536:
            raise ValueError(f"port must be between 1 and 65535, not {config.port}")
        if config.polite_delay < 0:
            raise ValueError("ROOS_POLITE_DELAY must be zero or more seconds")
        return config

    @property
    def own_origins(self) -> set[str]:
        return {f"http://{h}:{self.port}" for h in ("127.0.0.1", "localhost", "[::1]")}


def _coerce(default: object, raw: str) -> object:
    if isinstance(default, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw
