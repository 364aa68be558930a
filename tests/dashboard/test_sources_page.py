"""Sources in a real Chromium: add a blog by its address and read it now, add a LinkedIn group
that stays off until the user says yes (as `roos sources add` asks), switch off, remove.
The blog is the invented Koffiehoek fixture, served on 127.0.0.1."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.sources.blog_sites import CONTENT_TYPES, BlogSite
from tests.support.agent import AgentProcess

from .conftest import open_dashboard, vlotbank

pytestmark = pytest.mark.browser
GROUP = "https://www.linkedin.com/groups/7654321/"


def site_handler(site: BlogSite) -> type[http.server.BaseHTTPRequestHandler]:
    """The Koffiehoek site as BlogSite lays it out (its routes, its links to itself)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            key = self.path if self.path in site.routes else urlsplit(self.path).path
            if key not in site.routes:
                self.send_error(404)
                return
            body = site.body(key)
            self.send_response(200)
            self.send_header(
                "Content-Type", CONTENT_TYPES.get(Path(site.routes[key]).suffix, "text/plain")
            )
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def blog() -> Iterator[str]:
    site = BlogSite("koffiehoek")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), site_handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site.url("/feed/")
    server.shutdown()


@pytest.fixture(scope="module")
def agent(tmp_path_factory) -> Iterator[AgentProcess]:
    home = tmp_path_factory.mktemp("sources") / "home"
    process = AgentProcess(home, env={"ROOS_POLITE_DELAY": "0"}).start()
    assert process.call("PUT", "/api/profile", vlotbank(sources=[]))[0] == 200
    yield process
    process.stop()


def entry(page, url: str):
    return page.locator("#source-list li").filter(has_text=url)


def test_a_blog_is_added_by_its_address_and_read_now(context, agent, blog):
    page = open_dashboard(context, agent, "sources").page
    expect(page.locator("#source-list")).to_contain_text("No sources yet")
    page.get_by_label("Address").fill(blog)
    page.get_by_role("button", name="Add", exact=True).click()
    feed = entry(page, blog)
    expect(feed).to_contain_text("Feed · on")
    feed.get_by_role("button", name="Read now").click()
    expect(feed.locator(".inline-message")).to_contain_text("Read: ", timeout=60_000)
    sources = agent.call("GET", "/api/sources")[1]["sources"]
    assert [s["state"]["last_run"] is not None for s in sources] == [True]
    feed = entry(page, blog)
    expect(feed).to_contain_text("last read")
    feed.get_by_role("button", name="Switch off").click()
    expect(entry(page, blog)).to_contain_text("Feed · off")


def test_a_linkedin_group_stays_off_until_the_user_says_yes(context, agent):
    page = open_dashboard(context, agent, "sources").page
    page.get_by_label("Address").fill(GROUP)
    page.get_by_role("button", name="Add", exact=True).click()
    group = entry(page, GROUP)
    expect(group).to_contain_text("LinkedIn group · off")
    consent = group.locator("form.consent")
    expect(consent).to_contain_text("LinkedIn's User Agreement restricts automated access")
    consent.get_by_role("button", name="Switch on").click()
    expect(consent.locator(".inline-message")).to_contain_text("Tick the box first")
    assert not next(
        s for s in agent.call("GET", "/api/sources")[1]["sources"] if s["url"] == GROUP
    )["enabled"]
    consent.get_by_label("I have read this and want Roos to read this group").check()
    consent.get_by_role("button", name="Switch on").click()
    expect(entry(page, GROUP)).to_contain_text("LinkedIn group · on")
    assert next(s for s in agent.call("GET", "/api/sources")[1]["sources"] if s["url"] == GROUP)[
        "enabled"
    ]


def test_a_bad_address_is_explained_next_to_the_field_and_a_source_can_be_removed(context, agent):
    page = open_dashboard(context, agent, "sources").page
    page.get_by_label("Address").fill("ftp://files.example/feed")
    page.get_by_role("button", name="Add", exact=True).click()
    message = page.locator("form.add-source + .inline-message")
    expect(message).to_contain_text("Only web addresses starting with http:// or https://")
    expect(message).not_to_contain_text("Alleen webadressen")  # one language, not both
    group = entry(page, GROUP)
    group.get_by_role("button", name="Remove").click()
    group.get_by_role("button", name="Remove the source").click()
    expect(entry(page, GROUP)).to_have_count(0)
    assert all(s["url"] != GROUP for s in agent.call("GET", "/api/sources")[1]["sources"])
