"""`roos serve`: run the agent on 127.0.0.1 until stopped."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from aiohttp import web

from ..home import prepare_home, remove_leftovers, tighten_modes
from ..logs import setup_logging
from ..server import limits
from ..server.app import create_app
from ..store import StoreError
from .common import config_from, fail, held_home
from .problems import ListenError, describe

log = logging.getLogger("roos")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="run the agent (what ./scripts/run starts)")
    p.add_argument("--port", type=int, help="port on 127.0.0.1 (env ROOS_PORT, default 8765)")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--verbose", action="store_true", default=None)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    try:
        prepare_home(config.home)
        setup_logging(config.home, config.verbose)
        with held_home(config):
            tighten_modes(config.home)
            remove_leftovers(config.home)
            return asyncio.run(_serve(config))
    except StoreError as exc:
        fail(str(exc), code=4)
    except ListenError as exc:
        fail(f"cannot listen on 127.0.0.1:{config.port}: {exc.strerror or exc}", code=5)
    except OSError as exc:
        # Not the port: the home, the store or the disk. Say which, and what to do.
        fail(describe(exc), code=4)
    return 4


async def _serve(config) -> int:
    app = create_app(config)
    runner = limits.runner(app)  # idle/header timeouts and a connection cap
    await runner.setup()
    # Loopback only, never 0.0.0.0: other machines must not reach the agent.
    site = web.TCPSite(runner, config.host, config.port, reuse_address=True)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise ListenError(exc.errno, exc.strerror) from exc
    url = f"http://127.0.0.1:{config.port}/"
    log.info("Roos agent listening on %s (home %s)", url, config.home)
    print(f"Roos is running: {url}", flush=True)
    print(
        f"  Pair the extension: its options page → agent URL http://127.0.0.1:{config.port}"
        " and the token from `roos token`.",
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("Stopping")
    await runner.cleanup()
    return 0
