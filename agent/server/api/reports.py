"""Evaluate: the monthly report — make one, list them, download the HTML, PDF or CSV."""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from ...reports.build import FILES, LANGS, choose_month, list_reports, report_folder
from ...reports.months import Month
from ...reports.pdf import PdfError
from ...reports.service import announce, make_report, public
from ..errors import ApiError
from ..keys import CONFIG, PROFILE
from ..requests import json_object, ok
from ..routing import Param, Route

MONTH = {"type": "string", "pattern": r"^(19[7-9][0-9]|2[0-9]{3})-(0[1-9]|1[0-2])$", "maxLength": 7}
CREATE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "month": {
            **MONTH,
            "description": "YYYY-MM, default last month. Only a month that has begun (in the "
            "profile's time zone) can be reported on: a later one is refused with 400.",
        },
        "lang": {"enum": ["nl", "en"]},
    },
}
REPORT = {
    "type": "object",
    "required": ["month", "lang", "generated_at", "summary", "files", "urls", "download_url"],
    "properties": {
        "month": {"type": "string"},
        "lang": {"enum": ["nl", "en"]},
        "generated_at": {"type": "string"},
        "automatic": {"type": "boolean"},
        "complete": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "summary": {"type": "array", "items": {"type": "string"}},
        "files": {"type": "object"},
        "urls": {"type": "object"},
        "download_url": {"type": "string"},
        "figures": {"type": "object"},
        "highlights": {"type": ["object", "null"]},
    },
}
MADE = {
    "type": "object",
    "required": ["ok", "report"],
    "properties": {"ok": {"const": True}, "report": REPORT},
}
LISTED = {
    "type": "object",
    "required": ["ok", "reports"],
    "properties": {"ok": {"const": True}, "reports": {"type": "array", "items": REPORT}},
}
# Served reports hold no scripts; this keeps it so even if someone edits the file.
HTML_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}


async def post_report(request: web.Request) -> web.Response:
    body = await json_object(request, CREATE)
    profile = request.app[PROFILE].current
    try:
        month = choose_month(body.get("month"), profile, datetime.now(UTC))
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    lang = body.get("lang") or (profile.get("report") or {}).get("lang") or "nl"
    try:
        meta = await make_report(request.app, month, lang)
    except PdfError as exc:
        raise ApiError(503, str(exc)) from None
    announce(request.app, meta)
    return ok({"report": public(meta, figures=True)})


async def get_reports(request: web.Request) -> web.Response:
    return ok({"reports": [public(meta) for meta in list_reports(request.app[CONFIG].home)]})


async def get_report_file(request: web.Request) -> web.StreamResponse:
    name = request.match_info["file"]
    if name not in FILES:
        raise ApiError(404, f"file: one of {', '.join(FILES)}")
    try:
        month = Month.parse(request.match_info["month"])
    except ValueError as exc:
        raise ApiError(404, str(exc)) from None
    lang = request.query.get("lang") or None
    if lang is not None and lang not in LANGS:
        raise ApiError(400, "lang: must be nl or en")
    profile = request.app[PROFILE].current
    preferred = (profile.get("report") or {}).get("lang") or "nl"
    path = report_folder(request.app[CONFIG].home, month, lang, preferred) / name
    if not path.is_file():
        raise ApiError(404, f"No report for {month.key} yet: POST /api/reports to make one.")
    headers = {"Content-Type": FILES[name], "X-Content-Type-Options": "nosniff"}
    if name == "report.html":
        headers |= HTML_HEADERS
    else:
        extension = name.split(".")[1]
        which = f"-{path.parent.name}" if path.parent.name in LANGS else ""
        headers["Content-Disposition"] = (
            f'attachment; filename="roos-{month.key}{which}.{extension}"'
        )
    return web.FileResponse(path, headers=headers)


ROUTES = [
    Route(
        "POST",
        "/api/reports",
        post_report,
        "Make the monthly report (HTML, PDF, CSV) for a month (default: last month) in nl or en; "
        "announces report.ready.",
        request=CREATE,
        response=MADE,
        tag="evaluate",
    ),
    Route(
        "GET",
        "/api/reports",
        get_reports,
        "The reports made so far, newest month first, with their summaries and download URLs.",
        response=LISTED,
        tag="evaluate",
    ),
    Route(
        "GET",
        "/api/reports/{month}/{file}",
        get_report_file,
        "Download one file of a report: report.html, report.pdf or report.csv (lang: nl or en; "
        "by default the profile's language, else the other).",
        tag="evaluate",
        params=(Param("lang", {"enum": list(LANGS)}, "Which language's report."),),
        produces="file",
        media=tuple(dict.fromkeys(FILES.values())),
    ),
]
