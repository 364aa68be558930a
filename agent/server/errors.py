"""One error shape for every failure: {"ok": false, "error": "...", "status": N}."""

from __future__ import annotations

import errno
import logging

from aiohttp import web

from ..store import DiskFullError, StoreError
from .keys import CONFIG

log = logging.getLogger("roos.server")


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str, headers: dict | None = None) -> web.Response:
    return web.json_response(
        {"ok": False, "error": message, "status": status}, status=status, headers=headers
    )


_PLAIN = {
    404: "Not found.",
    405: "Method not allowed.",
    413: "The request body is too large.",
}


@web.middleware
async def error_middleware(request: web.Request, handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc.status, exc.message)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        message = _PLAIN.get(exc.status) or exc.text or exc.reason
        if exc.status == 413:
            limit = request.app[CONFIG].max_body
            message = f"The request body is too large (limit {limit} bytes)."
        # A 405 must say which methods the path does take (RFC 9110).
        allow = {"Allow": exc.headers["Allow"]} if "Allow" in exc.headers else None
        return error_response(exc.status, message, headers=allow)
    except DiskFullError as exc:
        return error_response(507, str(exc))
    except StoreError as exc:
        log.error("Store problem in %s %s: %s", request.method, request.path, exc)
        return error_response(503, str(exc))
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
            log.exception("Unexpected error in %s %s", request.method, request.path)
            return error_response(500, "Internal error; see the agent's log.")
        return error_response(
            507, "The disk is full: nothing was changed. Free some space and try again."
        )
    except Exception:
        log.exception("Unexpected error in %s %s", request.method, request.path)
        return error_response(500, "Internal error; see the agent's log.")
