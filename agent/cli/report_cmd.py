"""`roos report [--month 2026-10] [--out DIR] [--lang nl|en]`: the monthly report by hand.

While an agent runs on the home it owns the store, so the command asks it over HTTP (with the
token from HOME/token) and, with --out, downloads the files. Without a running agent the
command takes the home lock itself, opens the store read-and-write as the agent would, and
writes the report directly. Either way the output is the same three files and the summary.
"""

from __future__ import annotations

import argparse
import json
import os
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from ..home import prepare_home, read_token
from ..profile import ProfileManager
from ..reports.build import FILES, choose_month, draft, folder_for, gather, write_report_sync
from ..reports.files import FILE_MODE, copy_out, write_private
from ..reports.pdf import PdfError
from ..store import HomeLock, StoreError, SyncStore, is_locked
from ..store.backend import open_sync_store
from .common import config_from, fail

TIMEOUT = 300  # Chromium on a busy two-core laptop; the agent answers when the PDF is written


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="make the monthly report (HTML, PDF, CSV)")
    p.add_argument("--month", help="YYYY-MM (default: last month)")
    p.add_argument("--lang", choices=["nl", "en"], help="language (default: the profile's)")
    p.add_argument("--out", help="also put the files in this folder")
    p.add_argument(
        "--mode",
        type=_octal,
        default=FILE_MODE,
        help="file mode of the --out copies, e.g. 644 to share them (default 600: only you)",
    )
    p.add_argument("--home", help="data folder (env ROOS_HOME)")
    p.add_argument("--port", type=int, help="port of the running agent (env ROOS_PORT)")
    p.set_defaults(run=run)


def _octal(text: str) -> int:
    try:
        mode = int(text, 8)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an octal file mode such as 600"
        ) from None
    if not 0 <= mode <= 0o777:
        raise argparse.ArgumentTypeError(f"{text!r} is not a file mode (000 to 777)")
    return mode


def _call(base: str, token: str, method: str, path: str, body: dict | None = None) -> bytes:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.read()


def via_agent(base: str, token: str, body: dict, out: Path | None, mode: int = FILE_MODE) -> dict:
    """Ask the running agent for the report; with `out`, download its files there."""
    report = json.loads(_call(base, token, "POST", "/api/reports", body))["report"]
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for kind, url in report["urls"].items():
            target = out / f"report.{kind}"
            write_private(target, _call(base, token, "GET", url))
            os.chmod(target, mode)
            report["files"][kind] = str(target)
    return report


def directly(
    home: Path,
    month_text: str | None,
    lang: str | None,
    out: Path | None,
    mode: int = FILE_MODE,
    config=None,
) -> dict:
    """No agent runs: hold the home lock and read the store ourselves."""
    with HomeLock(home):
        profile = ProfileManager(home).load()
        month = choose_month(month_text, profile, datetime.now(UTC))
        # A home in a team reads the team database (store.backend), alone its own TinyDB store.
        store = open_sync_store(config) if config else SyncStore(home / "store").open()
        inputs = gather(store, month, profile)
        lang = lang or (profile.get("report") or {}).get("lang") or "nl"
        made = draft(month, lang, profile, inputs)
        report = write_report_sync(folder_for(home, month, made.lang), made)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for kind, path in report["files"].items():
            report["files"][kind] = str(copy_out(Path(path), out / Path(path).name, mode))
    return report


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        return json.loads(exc.read()).get("error") or str(exc)
    except ValueError:
        return str(exc)


def _ask_agent(port: int, home: Path, args: argparse.Namespace, out: Path | None) -> dict:
    token = read_token(home) or ""
    body = {k: v for k, v in (("month", args.month), ("lang", args.lang)) if v}
    try:
        return via_agent(f"http://127.0.0.1:{port}", token, body, out, args.mode)
    except urllib.error.HTTPError as exc:
        fail(f"the agent refused: {_error_text(exc)}")
    except urllib.error.URLError as exc:
        fail(
            f"an agent holds {home} but does not answer on port {port} ({exc.reason}); "
            "pass its --port, or stop it"
        )
    except (TimeoutError, ConnectionError) as exc:
        fail(f"the agent did not answer in time ({exc})")
    raise AssertionError("unreachable: fail() exits")


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    prepare_home(config.home)
    out = Path(args.out).expanduser().resolve() if args.out else None
    if is_locked(config.home):
        report = _ask_agent(config.port, config.home, args, out)
    else:
        try:
            report = directly(config.home, args.month, args.lang, out, args.mode, config)
        except (ValueError, StoreError, PdfError, OSError) as exc:
            fail(str(exc))
            return 1
    for line in report["summary"]:
        print(line)
    print()
    for kind in (name.split(".")[1] for name in FILES):
        print(f"{kind}: {report['files'][kind]}")
    return 0
