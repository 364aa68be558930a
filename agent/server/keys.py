"""Typed keys for everything the app holds (aiohttp's web.AppKey)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..config import Config
from ..home import TokenKeeper
from ..profile import ProfileManager
from ..store import Store

if TYPE_CHECKING:
    from .ws import Hub

CONFIG = web.AppKey("config", Config)
STORE = web.AppKey("store", Store)
PROFILE = web.AppKey("profile", ProfileManager)
HUB: web.AppKey[Hub] = web.AppKey("hub")
TOKEN = web.AppKey("token", TokenKeeper)
# Feature services added by later modules (analyzer, scheduler, sessions...) live here by name.
SERVICES = web.AppKey("services", dict[str, Any])
