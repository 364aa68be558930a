"""Fixtures for the dashboard tests: a real agent, a real Chromium, and a logged-in page.

A browser start costs seconds, so each test module shares one agent and one browser; each test
gets a fresh browser context (its own cookies and storage) and logs in the way a user does,
with a one-time code in the login URL's fragment.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.support.agent import AgentProcess

CHROMIUM = "/usr/bin/chromium"
PROFILE = Path(__file__).resolve().parents[1] / "fixtures" / "profile_vlotbank.json"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def vlotbank(**changes: object) -> dict:
    """The invented Vlotbank profile; Ruben (service) is away today and Sanne covers for him."""
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    today = date.today()
    away = {
        "from": (today - timedelta(days=2)).isoformat(),
        "to": (today + timedelta(days=12)).isoformat(),
        "delegate": "sanne",
    }
    for member in profile["team"]:
        if member["id"] == "ruben":
            member["away"] = [away]
    profile.update(changes)
    return profile


def hours_ago(hours: float) -> str:
    moment = datetime.now(UTC) - timedelta(hours=hours)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def item(n: int, text: str, *, author: str | dict, hours: float, **fields: object) -> dict:
    """An invented LinkedIn comment, published `hours` ago, by a name (or a full author)."""
    doc = {
        "id": f"urn:li:comment:(activity:7300000000000000000,{7300000000000000000 + n})",
        "source": "linkedin",
        "kind": "comment",
        "url": f"https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000000/?c={n}",
        "text": text,
        "author": author if isinstance(author, dict) else {"name": author},
        "published_at": hours_ago(hours),
        "seen_at": hours_ago(hours),
    }
    doc.update(fields)
    return doc


def seed(agent: AgentProcess, docs: list[dict], kinds: dict[str, tuple[str, str]]) -> None:
    """Store items and fix their intent and sentiment by hand (the user's correction wins),
    so the tests depend on the inbox, not on the classifier's judgement of a sentence."""
    status, answer = agent.call("POST", "/api/analyze", {"items": docs})
    assert status == 200, answer
    for item_id, (intent, sentiment) in kinds.items():
        status, answer = agent.call(
            "PATCH", item_path(item_id), {"intent": intent, "sentiment": sentiment}
        )
        assert status == 200, answer


def item_path(item_id: str) -> str:
    """The item's API path; ids are URLs or urns, so "#" and "?" must be escaped."""
    return "/api/items/" + quote(item_id, safe="/:(),")


@dataclass
class Watched:
    """A page with everything that went wrong on it: console errors, failed or refused
    requests, and dialogs (an alert() would mean injected script ran)."""

    page: Page
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        page = self.page
        page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on(
            "response", lambda r: r.status >= 400 and self.problems.append(f"{r.status} {r.url}")
        )
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def login_url(agent: AgentProcess) -> str:
    status, answer = agent.call("POST", "/api/session/code", {})
    assert status == 200, answer
    return answer["url"]


def open_dashboard(
    context: BrowserContext, agent: AgentProcess, page_name: str = "inbox"
) -> Watched:
    """Log in with a fresh one-time code, as `roos open` does, and show one page."""
    watched = Watched(context.new_page())
    watched.page.goto(login_url(agent))
    watched.page.wait_for_url(f"{agent.base}/#/inbox")
    if page_name != "inbox":
        watched.page.goto(f"{agent.base}/#/{page_name}")
    watched.page.wait_for_selector("#page-title")
    return watched


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentProcess]:
    home = tmp_path_factory.mktemp("dashboard") / "home"
    process = AgentProcess(home).start()
    status, answer = process.call("PUT", "/api/profile", vlotbank())
    assert status == 200, answer
    yield process
    process.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="en-GB")
    yield ctx
    ctx.close()
