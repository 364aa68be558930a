"""The one way Roos starts Chromium for LinkedIn: the user's own session, nothing heavy loaded.

LinkedIn is only read through the user's own account, so every LinkedIn visit
(headless scrapes and the visible `roos login linkedin` window alike) uses one
persistent profile in HOME/browser-profile, private to the user (0700). Images,
video and fonts are never loaded: Roos reads text, and a page without them is
lighter for LinkedIn and for this machine. Chromium is started for a visit and
closed after it, so it holds no memory between scrapes and the profile is free
for the login window.

Tests (and the benchmark) pass `routes`: URL patterns answered by their own
handlers (fixture pages), registered before the media gate, so the gate still
applies to whatever the handlers would serve.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

from playwright.async_api import BrowserContext, Page, Route, async_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
PROFILE_FOLDER = "browser-profile"
BLOCKED_RESOURCES = frozenset({"image", "media", "font"})

RouteHandler = Callable[[Route], Awaitable[None]]


def profile_dir(home: Path) -> Path:
    """The persistent Chromium profile (LinkedIn's cookies live here, so only the user reads it)."""
    folder = home / PROFILE_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    return folder


async def block_media(route: Route) -> None:
    if route.request.resource_type in BLOCKED_RESOURCES:
        await route.abort()
    else:
        await route.fallback()


@asynccontextmanager
async def open_context(
    home: Path,
    *,
    headless: bool = True,
    routes: Mapping[str, RouteHandler] | None = None,
    load_media: bool = False,
) -> AsyncIterator[BrowserContext]:
    """Chromium with the persistent LinkedIn profile; closed (and the profile freed) on exit.

    `load_media` is for the login window only, where a captcha may need its pictures.
    """
    async with async_playwright() as playwright:
        context = await playwright.chromium.launch_persistent_context(
            str(profile_dir(home)),
            executable_path=CHROMIUM,
            headless=headless,
            args=list(CHROMIUM_ARGS),
            # LinkedIn's Content-Security-Policy would refuse the injected extractor scripts.
            bypass_csp=True,
            service_workers="block",
        )
        try:
            for pattern, handler in (routes or {}).items():
                await context.route(pattern, handler)
            if not load_media:
                # Registered last, so it runs first: media never reaches a handler or the network.
                await context.route("**/*", block_media)
            yield context
        finally:
            await context.close()


async def one_tab(context: BrowserContext) -> Page:
    """The single tab a visit uses: a careful person reads one page at a time."""
    pages = context.pages
    for extra in pages[1:]:
        await extra.close()
    return pages[0] if pages else await context.new_page()
