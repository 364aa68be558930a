"""Logging to the console and a rotating file in the home; the token is never logged."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def setup_logging(home: Path | None, verbose: bool = False) -> None:
    level = logging.DEBUG if verbose else logging.INFO
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler()
    console.setFormatter(fmt)
    root.addHandler(console)
    if home is not None:
        (home / "logs").mkdir(mode=0o700, parents=True, exist_ok=True)
        path = home / "logs" / "roos.log"
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(fmt)
        root.addHandler(file_handler)
        path.chmod(0o600)
    # aiohttp's access log would print query strings; ours never carry secrets, but keep it quiet.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
