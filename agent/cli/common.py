"""What CLI commands share: the config from flags and environment, and clear failures."""

from __future__ import annotations

import argparse
import sys

from ..config import Config


def config_from(args: argparse.Namespace) -> Config:
    try:
        return Config.from_env(
            home=getattr(args, "home", None),
            port=getattr(args, "port", None),
            verbose=getattr(args, "verbose", None),
        )
    except ValueError as exc:
        fail(str(exc))
        raise AssertionError from exc  # unreachable: fail() exits


def fail(message: str, code: int = 1) -> None:
    print(f"roos: {message}", file=sys.stderr)
    sys.exit(code)
