"""A new user installs Roos, sees it is not paired yet, and pairs it on the options page.

Whatever goes wrong on the way, the options page says so in plain words: the agent
is not running, the token is wrong, the versions do not match, or it is connected.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import BrowserContext, Page, Worker

from tests.support.agent import free_port

from .harness import (
    EXTENSION_URL,
    launch,
    options_page,
    serve_fixtures,
    service_worker,
    worker_errors,
)

pytestmark = pytest.mark.browser


class OlderAgent(BaseHTTPRequestHandler):
    """An invented agent that speaks API version 2 (as a future Roos might)."""

    def do_GET(self) -> None:
        body = json.dumps({"ok": True, "name": "roos", "version": "9.0.0", "api": 2}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def other_version() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), OlderAgent)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def context(playwright, agent, tmp_path_factory) -> Iterator[BrowserContext]:
    """A fresh Chromium with Roos, not paired (this module does the pairing itself).

    Depends on the agent so the browser closes first, while the agent still runs.
    """
    ctx = launch(playwright, tmp_path_factory.mktemp("chromium"))
    service_worker(ctx)
    serve_fixtures(ctx)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def options(context: BrowserContext) -> Page:
    return options_page(context)


def save(options: Page, url: str, token: str) -> tuple[str, str]:
    options.fill("#agent-url", url)
    options.fill("#token", token)
    options.evaluate("document.querySelector('#status').dataset.state = ''")
    options.click("#save")
    options.wait_for_function(
        "() => !['', 'testing'].includes(document.querySelector('#status').dataset.state)",
        timeout=15_000,
    )
    status = options.locator("#status")
    return status.get_attribute("data-state") or "", status.text_content() or ""


def badge(worker: Worker) -> dict:
    return worker.evaluate(
        """async () => ({
            text: await chrome.action.getBadgeText({}),
            title: await chrome.action.getTitle({}),
            color: await chrome.action.getBadgeBackgroundColor({}),
        })"""
    )


def test_roos_loads_unpacked_with_its_fixed_id(context: BrowserContext):
    worker = service_worker(context)
    assert worker.url == f"{EXTENSION_URL}/background/service-worker.js"
    assert worker_errors(context) == []


def test_an_uncaught_error_in_the_worker_is_kept_for_later(context: BrowserContext):
    worker = service_worker(context)
    worker.evaluate("setTimeout(() => Promise.reject(new Error('probe: nobody caught me')))")
    worker.evaluate("new Promise(resolve => setTimeout(resolve, 100))")
    assert worker_errors(context) == ["probe: nobody caught me"]
    worker.evaluate("chrome.storage.session.remove('errors')")


def test_right_after_installing_roos_opens_its_options_to_pair_and_the_badge_asks_for_it(
    context: BrowserContext, options: Page
):
    worker = service_worker(context)
    worker.evaluate("roos.refreshConnection()")
    look = badge(worker)
    assert look["text"] in {"?", "off"}
    assert options.input_value("#agent-url") == "http://127.0.0.1:8765"
    assert options.input_value("#token") == ""


def test_no_agent_on_the_address_says_it_is_not_running(options: Page, context: BrowserContext):
    state, text = save(options, f"http://127.0.0.1:{free_port()}", "whatever")
    assert state == "offline"
    assert "not running" in text
    look = badge(service_worker(context))
    assert look["text"] == "off"
    assert "not running" in look["title"]
    assert look["color"] == [179, 38, 30, 255]


def test_a_wrong_token_is_called_a_wrong_token(options: Page, agent, context: BrowserContext):
    state, text = save(options, agent.base, "0" * 64)
    assert state == "unauthorized"
    assert text.startswith("Wrong token")
    look = badge(service_worker(context))
    assert look["text"] == "?"
    assert "wrong token" in look["title"]


def test_an_agent_of_another_api_version_is_a_version_mismatch(options: Page, other_version: str):
    state, text = save(options, other_version, "anything")
    assert state == "version"
    assert text.startswith("Version mismatch")


def test_an_address_off_this_computer_is_refused_before_anything_is_sent(
    options: Page, context: BrowserContext
):
    stored_before = options.evaluate("chrome.storage.local.get('agentUrl')")
    state, text = save(options, "https://roos.example.com:8765", "token")
    assert state == "error"
    assert "not on this computer" in text
    assert options.evaluate("chrome.storage.local.get('agentUrl')") == stored_before


def test_the_right_address_and_token_connect_and_the_badge_turns_green(
    options: Page, agent, context: BrowserContext
):
    state, text = save(options, agent.base, agent.token)
    version = agent.call("GET", "/api/health", token=False)[1]["version"]
    assert state == "connected"
    assert text == f"Connected to the agent (version {version})."
    worker = service_worker(context)
    worker.evaluate("roos.refreshConnection()")
    look = badge(worker)
    assert look["text"] == ""
    assert look["color"] == [46, 125, 50, 255]
    assert look["title"] == "Roos: connected to the agent"


def test_after_pairing_the_options_page_remembers_and_shows_the_connection(context: BrowserContext):
    page = context.new_page()
    page.goto(f"{EXTENSION_URL}/options/options.html")
    page.wait_for_function("document.querySelector('#status').dataset.state === 'connected'")
    assert page.input_value("#token") != ""
    page.close()


def test_none_of_this_left_an_uncaught_error_in_the_worker(context: BrowserContext):
    assert worker_errors(context) == []
