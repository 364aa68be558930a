"""Reports inside the running agent: one at a time, read from the live store, announced.

The API and the monthly schedule both come here. A lock keeps two requests for reports from
starting two Chromiums and writing the same folder at once; the store is read in one call on
its writer thread, so the figures see one consistent moment.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from aiohttp import web

from agent.reports.build import FILES, Draft, draft, folder_for, gather, write_report
from agent.reports.months import Month
from agent.server.keys import CONFIG, HUB, PROFILE, SERVICES, STORE

LOCK = "report_lock"


def urls(month: str, lang: str | None = None) -> dict[str, str]:
    which = f"?lang={lang}" if lang else ""
    return {name.split(".")[1]: f"/api/reports/{month}/{name}{which}" for name in FILES}


def public(meta: dict, figures: bool = False) -> dict:
    """A report as the API shows it: paths on disk, download URLs, summary (figures on request)."""
    shown = {k: v for k, v in meta.items() if figures or k != "figures"}
    links = urls(meta["month"], meta.get("lang"))
    return {**shown, "urls": links, "download_url": links["pdf"]}


def _lock(app: web.Application) -> asyncio.Lock:
    services = app[SERVICES]
    if LOCK not in services:
        services[LOCK] = asyncio.Lock()
    return services[LOCK]


async def make_report(
    app: web.Application,
    month: Month,
    lang: str,
    now: datetime | None = None,
    automatic: bool = False,
    skip_empty: bool = False,
) -> dict | None:
    """Generate the report of `month` into HOME/reports/YYYY-MM/<lang>/ and return its meta;
    with `skip_empty`, a month Roos heard nothing in gets no report (None)."""
    profile = app[PROFILE].current
    async with _lock(app):
        inputs = await app[STORE].transact(lambda tx: gather(tx, month, profile))
        report: Draft = await asyncio.to_thread(draft, month, lang, profile, inputs, now)
        if skip_empty and report.figures["empty"]:
            return None
        folder = folder_for(app[CONFIG].home, month, report.lang)
        return await write_report(folder, report, automatic=automatic)


def announce(app: web.Application, meta: dict) -> None:
    """Tell the extension and the dashboard a report is ready (the `report.ready` event)."""
    app[HUB].publish("report.ready", public(meta))
