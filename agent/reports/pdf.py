"""report.pdf: the HTML report printed by Chromium (A4, backgrounds on) via Playwright.

The page gets the report as content, with JavaScript off and every network request refused:
the report is self-contained, and a third-party URL quoted in it must never be fetched. A
browser is started per report; reports are monthly, and a browser left running would cost
the user memory all month for a few seconds' gain.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import Route, async_playwright

from ..sources.browser import CHROMIUM, CHROMIUM_ARGS
from .files import write_private

MARGIN = "0"  # the document's own @page rule sets the margins


class PdfError(RuntimeError):
    """Chromium could not be started or could not print the report."""


async def _refuse(route: Route) -> None:
    await route.abort()


async def html_to_pdf(html: str, target: Path, executable: str = CHROMIUM) -> Path:
    """Print `html` to `target` as A4 with backgrounds; returns `target`."""
    if not Path(executable).exists():
        raise PdfError(f"Chromium is not installed at {executable} (apt-get install chromium)")
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
            )
            try:
                context = await browser.new_context(java_script_enabled=False)
                page = await context.new_page()
                await page.route("**/*", _refuse)
                await page.set_content(html, wait_until="load")
                data = await page.pdf(
                    format="A4",
                    print_background=True,
                    prefer_css_page_size=True,
                    margin={"top": MARGIN, "bottom": MARGIN, "left": MARGIN, "right": MARGIN},
                )
            finally:
                await browser.close()
    except PdfError:
        raise
    except Exception as exc:  # Playwright raises its own Error and OS errors alike
        raise PdfError(f"Chromium could not print the report: {exc}") from exc
    write_private(target, data)  # 0600 whatever the umask, like every report file
    return target


def html_to_pdf_sync(html: str, target: Path, executable: str = CHROMIUM) -> Path:
    """For the CLI, which has no event loop of its own."""
    return asyncio.run(html_to_pdf(html, target, executable))
