"""The dashboard's pages and static files, each served with a strict Content Security Policy.

Pages and assets hold no data (everything comes from the API with the session cookie), so
they are public. The policy allows scripts, styles and connections from the agent only: no
inline script or style, no plugins, no framing, no foreign form targets, so third-party text
that slipped into the DOM could still not run.
"""

from __future__ import annotations

from aiohttp import web

from ...dashboard import STATIC
from ..errors import ApiError
from ..keys import CONFIG
from ..routing import Route

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}
PAGES = {"/": "index.html", "/login": "login.html"}


def security_headers(port: int) -> dict[str, str]:
    csp = "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' ws://127.0.0.1:{port} ws://localhost:{port}",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ]
    )
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "no-cache",
    }


def _file(request: web.Request, relative: str) -> web.Response:
    root = STATIC.resolve()
    path = (root / relative).resolve()
    if (
        not path.is_relative_to(root)
        or path.suffix not in TYPES
        or any(part.startswith((".", "_")) for part in path.relative_to(root).parts)
        or not path.is_file()
    ):
        raise ApiError(404, "Not found.")
    headers = {**security_headers(request.app[CONFIG].port), "Content-Type": TYPES[path.suffix]}
    return web.Response(body=path.read_bytes(), headers=headers)


async def get_page(request: web.Request) -> web.Response:
    return _file(request, PAGES[request.path])


async def get_asset(request: web.Request) -> web.Response:
    return _file(request, request.match_info["path"])


ROUTES = [
    Route(
        "GET",
        "/",
        get_page,
        "The dashboard (inbox, listening, people, be valuable, follow ratio, team, sources).",
        auth=False,
        tag="dashboard",
        produces="page",
    ),
    Route(
        "GET",
        "/login",
        get_page,
        "The dashboard's login page: exchanges the one-time code in its fragment for a session.",
        auth=False,
        tag="dashboard",
        produces="page",
    ),
    Route(
        "GET",
        "/dashboard/{path:.*}",
        get_asset,
        "The dashboard's scripts, styles, strings and vendored chart library.",
        auth=False,
        tag="dashboard",
        produces="file",
    ),
]
