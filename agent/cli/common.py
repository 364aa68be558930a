"""What CLI commands share: the config from flags and environment, and clear failures."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ..config import Config
from ..store import HomeLock, StoreError


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


@contextmanager
def held_home(config: Config) -> Iterator[None]:
    """Hold the home's lock for this process, or exit 3 saying who holds it."""
    lock = HomeLock(config.home)
    try:
        lock.acquire()
    except StoreError as exc:
        fail(str(exc), code=3)
    try:
        yield
    finally:
        lock.release()
