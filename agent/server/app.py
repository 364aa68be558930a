"""create_app(config): the agent's aiohttp application.

State lives under typed AppKeys; the store (and later Playwright and the
scheduler) are opened and closed in cleanup contexts, so tests and the CLI get
the same lifecycle.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from aiohttp import web

from .. import pipeline, privacy
from ..config import Config
from ..home import TokenKeeper, prepare_home
from ..profile import ProfileManager
from ..reports.schedule import report_ctx
from ..sources.scheduler import listening_ctx
from ..store.backend import make_store, team_mode
from ..team.live import TeamHub, live_ctx
from ..team.profile_sync import team_profile_ctx
from ..team.roles import role_middleware
from . import sessions
from .api import debug
from .api.openapi import OPENAPI_KEY, build_openapi
from .api.profile import notify_profile_listeners
from .errors import error_middleware
from .guards import ROUTE_INDEX, guard_middleware
from .keys import CONFIG, HUB, PROFILE, SERVICES, STORE, TOKEN
from .registry import all_routes
from .routing import add_routes
from .ws import Hub

log = logging.getLogger("roos.server")

PROFILE_POLL_SECONDS = 2.0


async def _store_ctx(app: web.Application) -> AsyncIterator[None]:
    store = make_store(app[CONFIG])
    await store.open()
    app[STORE] = store
    yield
    store.close()


async def _close_websockets(app: web.Application) -> None:
    """On shutdown, before aiohttp waits for open handlers: a listening socket never ends by itself."""
    await app[HUB].close_all()


async def _watch_files_ctx(app: web.Application) -> AsyncIterator[None]:
    async def watch() -> None:
        while True:
            await asyncio.sleep(PROFILE_POLL_SECONDS)
            app[TOKEN].refresh()
            if app[PROFILE].reload_if_changed():
                notify_profile_listeners(app, app[PROFILE].current)

    task = asyncio.create_task(watch())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def create_app(config: Config) -> web.Application:
    prepare_home(config.home)
    app = web.Application(
        middlewares=[error_middleware, guard_middleware, role_middleware],
        client_max_size=config.max_body,
    )
    app[CONFIG] = config
    app[TOKEN] = TokenKeeper(config.home)
    profile = ProfileManager(config.home)
    profile.load()
    app[PROFILE] = profile
    app[HUB] = TeamHub(config.member) if team_mode(config) else Hub()
    app[SERVICES] = {"profile_listeners": []}
    pipeline.setup(app)
    sessions.setup(app)
    routes = all_routes()
    add_routes(app, routes)
    app[ROUTE_INDEX] = {(r.method, r.path): r for r in routes}
    app[OPENAPI_KEY] = build_openapi(routes)
    app.cleanup_ctx.extend(
        [
            _store_ctx,
            live_ctx,
            team_profile_ctx,
            _watch_files_ctx,
            listening_ctx,
            privacy.retention_ctx,
            report_ctx,
            debug.probe_ctx,
        ]
    )
    app.on_shutdown.append(_close_websockets)
    return app
