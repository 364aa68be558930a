"""`roos login linkedin`: log in to LinkedIn once, by hand, in Roos's own Chromium profile.

Roos never sees or stores the password: the user types it into LinkedIn's own
page in a visible Chromium window, and LinkedIn's session cookie stays in the
persistent profile (HOME/browser-profile) that the headless group scrapes use
afterwards. The window closes itself once LinkedIn shows the feed (logged in),
or when the user closes it.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..home import prepare_home
from .common import config_from, fail
from .scrape_cmd import say

if TYPE_CHECKING:
    from ..sources.browser import RouteHandler

LOGIN_URL = "https://www.linkedin.com/login"
SIGNED_IN_PATHS = ("/feed", "/groups/", "/mynetwork", "/in/")
WAIT_SECONDS = 600.0


def signed_in(url: str) -> bool:
    """LinkedIn sends a logged-in visitor from the login page on to the feed."""
    parts = urlsplit(url)
    return (parts.hostname or "").endswith("linkedin.com") and parts.path.startswith(
        SIGNED_IN_PATHS
    )


async def login(
    home: Path,
    *,
    headless: bool = False,
    routes: Mapping[str, RouteHandler] | None = None,
    wait: float = WAIT_SECONDS,
    poll: float = 1.0,
) -> bool:
    """Open LinkedIn's login page and wait for the user; True once they are logged in."""
    from ..sources.browser import one_tab, open_context  # Playwright only when needed

    async with open_context(home, headless=headless, routes=routes, load_media=True) as context:
        page = await one_tab(context)
        await page.goto(LOGIN_URL)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and not page.is_closed():
            if signed_in(page.url):
                return True
            await asyncio.sleep(poll)
    return False


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("login", help="log in to LinkedIn once, in Roos's own browser window")
    p.add_argument("site", choices=["linkedin"], help="only LinkedIn needs a login")
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    prepare_home(config.home)
    print(
        say(
            "A Chromium window opens on LinkedIn's login page. Log in there yourself; Roos never "
            "sees your password. The window closes once you are logged in.",
            "Er opent een Chromium-venster met de inlogpagina van LinkedIn. Log daar zelf in; Roos "
            "ziet je wachtwoord nooit. Het venster sluit zodra je bent ingelogd.",
        )
    )
    from playwright.async_api import Error as PlaywrightError

    try:
        done = asyncio.run(login(config.home))
    except PlaywrightError as exc:
        fail(
            say(
                "Chromium could not open Roos's browser profile (is Roos reading LinkedIn right "
                "now, or is there no desktop session?): ",
                "Chromium kon het browserprofiel van Roos niet openen (leest Roos nu LinkedIn, "
                "of is er geen bureaubladsessie?): ",
            )
            + exc.message.splitlines()[0]
        )
        return 1
    if not done:
        fail(
            say("not logged in; run `roos login linkedin` again", "niet ingelogd; probeer opnieuw")
        )
    print(say("Logged in. Roos will use this session.", "Ingelogd. Roos gebruikt deze sessie."))
    return 0
