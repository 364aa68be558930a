"""Crash-safe, sharded TinyDB store (see db.py for the design)."""

from .db import TABLES, Store, SyncStore
from .files import DiskFullError, StoreError
from .lock import HomeLock, is_locked

__all__ = ["TABLES", "DiskFullError", "HomeLock", "Store", "StoreError", "SyncStore", "is_locked"]
