"""The Reports page in a real Chromium, against a real agent holding the invented October:
make a month's report in either language, keep both, view and download it, compare it with
the month before, and see an empty month say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import async_playwright, expect

from agent.reports.pdf import CHROMIUM
from agent.server.keys import PROFILE, STORE

from .fixture_month import store_month

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed"),
]


async def make(page, month: str, lang: str) -> None:
    await page.get_by_label("Month").select_option(month)
    await page.get_by_label("Language of the report").select_option(lang)
    await page.get_by_role("button", name="Make the report").click()
    await expect(page.locator(f'[data-report="{month}-{lang}"]')).to_be_visible(timeout=120_000)


async def test_reports_are_made_kept_per_language_and_compared(vlot_api, server):
    await server.app[STORE].transact(lambda tx: store_month(tx, server.app[PROFILE].current))
    code = await (await vlot_api.post("/api/session/code", json={})).json()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = await browser.new_context(locale="en-GB")
        page = await context.new_page()
        problems = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        await page.goto(code["url"])
        await page.wait_for_url("**/#/inbox")
        await page.goto(page.url.split("#")[0] + "#/reports")
        await expect(page.locator("#report-list")).to_contain_text("No reports yet")

        await make(page, "2026-10", "en")
        october = page.locator('[data-report="2026-10-en"]')
        await expect(october).to_contain_text("October 2026 · English")
        await expect(october).to_contain_text("In October 2026 Vlotbank was mentioned 23 times")
        view = october.get_by_role("link", name="View")
        assert (await view.get_attribute("href")) == "/api/reports/2026-10/report.html?lang=en"
        pdf = await context.request.get(
            page.url.split("#")[0].rstrip("/")
            + (await october.get_by_role("link", name="Download PDF").get_attribute("href"))
        )
        assert pdf.ok and (await pdf.body()).startswith(b"%PDF")

        await october.locator("summary").click()
        await expect(october.locator(".compare")).to_contain_text(
            "Make the report for September 2026"
        )
        await make(page, "2026-09", "en")
        await make(page, "2026-10", "nl")
        october = page.locator('[data-report="2026-10-en"]')
        await october.locator("summary").click()
        table = october.locator(".compare table")
        await expect(table.locator("thead")).to_contain_text("September 2026")
        await expect(table.get_by_role("row", name="Mentions")).to_contain_text("23")
        await expect(page.locator('[data-report="2026-10-nl"]')).to_contain_text(
            "In oktober 2026 werd Vlotbank 23 keer genoemd"
        )

        await make(page, "2026-03", "en")
        await expect(page.locator('[data-report="2026-03-en"]')).to_contain_text(
            "Roos heard nothing this month"
        )
        assert problems == []
        await browser.close()
