"""A real Chromium with Roos loaded, LinkedIn served from fixture pages, paired with a real agent.

Nothing here touches the internet: requests to LinkedIn and X are answered from
tests/fixtures/linkedin, every other outside request is aborted, and the agent
runs on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import time
from html import escape
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, Route, Worker

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
EXTENSION_ID = "dgmkfnmhfpmekdcjlomdfigpjhlmjefp"
EXTENSION_URL = f"chrome-extension://{EXTENSION_ID}"
CHROMIUM = "/usr/bin/chromium"
FIXTURES = ROOT / "tests" / "fixtures" / "linkedin"
PROFILE = ROOT / "tests" / "fixtures" / "profile_vlotbank.json"

OWN_PAGES = Path(__file__).parent / "pages"
BEHAVIOUR = OWN_PAGES / "linkedin-behaviour.js"

# Which fixture page stands for which address (tests/fixtures/linkedin/expected.json and
# README.md); /feed/all/ is both feeds on one page (see combined_feed), /feed/hostile/ ours.
PAGES = {
    "https://www.linkedin.com/feed/": FIXTURES / "feed-classic.html",
    "https://www.linkedin.com/feed/new/": FIXTURES / "feed-new.html",
    "https://www.linkedin.com/feed/changed/": FIXTURES / "feed-changed.html",
    "https://www.linkedin.com/feed/update/urn:li:activity:7436984175820850001/": FIXTURES
    / "post.html",
    "https://www.linkedin.com/feed/wrapped/": FIXTURES / "feed-wrapped.html",
    "https://www.linkedin.com/feed/wrapped-new/": FIXTURES / "feed-wrapped-new.html",
    "https://www.linkedin.com/groups/9876543/": FIXTURES / "group.html",
    "https://www.linkedin.com/groups/4455667/": FIXTURES / "group-new.html",
    "https://www.linkedin.com/company/vlotbank/": FIXTURES / "company-nl.html",
    "https://www.linkedin.com/company/vlotbank-en/": FIXTURES / "company-en.html",
    "https://www.linkedin.com/in/pieter-bakker-3f1a9c/": FIXTURES / "profile-nl.html",
    "https://www.linkedin.com/in/ameliabrooks/": FIXTURES / "profile-en.html",
    "https://www.linkedin.com/in/sanne-de-wit-4b7a21/": FIXTURES / "profile-own-nl.html",
    "https://www.linkedin.com/in/marcus-ellery-2d7c41/": FIXTURES / "profile-activity-en.html",
    "https://www.linkedin.com/in/wendy-brouwer-5a9e03/": FIXTURES / "profile-activity-nl.html",
    "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/": FIXTURES
    / "network-followers-en.html",
    "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/": FIXTURES
    / "network-following-en.html",
    "https://x.com/vlotbank": FIXTURES / "x-profile.html",
    "https://x.com/harbourfinch": FIXTURES / "x-profile-en.html",
    "https://www.linkedin.com/authwall": FIXTURES / "login-wall.html",
    "https://www.linkedin.com/feed/hostile/": OWN_PAGES / "hostile.html",
}
ALL_FEED = "https://www.linkedin.com/feed/all/"


def combined_feed() -> str:
    """feed-classic.html with the posts of feed-new.html added: over 100 posts on one page,
    in both of LinkedIn's markups (as during a gradual redesign rollout)."""
    classic = (FIXTURES / "feed-classic.html").read_text(encoding="utf-8")
    modern = (FIXTURES / "feed-new.html").read_text(encoding="utf-8")
    start = modern.index(">", modern.index("<main")) + 1
    posts = modern[start : modern.index("</main>")]
    return classic.replace("</main>", posts + "</main>", 1)


def fresh_urn(n: int) -> str:
    """A LinkedIn activity urn minted now (ids are snowflakes: creation time in the top bits),
    so the agent counts it as recent, whatever day the tests run."""
    return f"urn:li:activity:{(int(time.time() * 1000) << 22) + n}"


def classic_post(urn: str, name: str, profile_url: str, text: str) -> str:
    """One invented post in LinkedIn's classic feed markup, with the few hooks Roos reads."""
    return f"""
<div class="feed-shared-update-v2 artdeco-card" data-urn="{escape(urn)}">
  <div class="update-components-actor"><a class="update-components-actor__meta-link"
     href="{escape(profile_url)}"><span class="update-components-actor__title"><span
     aria-hidden="true">{escape(name)}</span></span></a></div>
  <div class="feed-shared-update-v2__description-wrapper"><div
     class="update-components-update-v2__commentary"><span dir="ltr">{escape(text)}</span></div></div>
  <div class="feed-shared-social-action-bar"><button class="artdeco-button"><span
     class="artdeco-button__text">Reageren</span></button></div>
</div>"""


def classic_feed(posts: list[str], lang: str = "nl") -> str:
    return with_behaviour(
        f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Feed | LinkedIn</title>
</head><body><main><div class="scaffold-finite-scroll__content">{"".join(posts)}</div></main>
</body></html>"""
    )


def with_behaviour(html: str) -> str:
    """Give a static fixture page the editor behaviour of LinkedIn's own script."""
    script = BEHAVIOUR.read_text(encoding="utf-8")
    return html.replace("</body>", f"<script>{script}</script></body>", 1)


OUTSIDE = re.compile(r"^(?!chrome-extension:|data:|blob:|https?://(127\.0\.0\.1|localhost)[:/]).*")


def launch(
    playwright: Playwright, user_data_dir: Path, lang: str = "en", *, extension: bool = True
) -> BrowserContext:
    """Chromium with only Roos loaded (or, for comparisons, nothing at all).

    On Linux the UI language follows LANGUAGE, not --lang.
    """
    loaded = [f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}"]
    context = playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=CHROMIUM,
        headless=True,
        locale=lang,
        env={**os.environ, "LANGUAGE": lang, "LANG": "C.UTF-8"},
        args=[
            *(loaded if extension else ["--disable-extensions"]),
            f"--lang={lang}",
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )
    # Waits are bounded: a broken feature fails in seconds, not after Playwright's 30 s.
    context.set_default_timeout(10_000)
    if extension:
        # Roos opens its options page on install, whenever Chrome gets round to it; open it
        # now, so that late call finds it open instead of taking over a test's new tab.
        options_page(context)
    return context


def service_worker(context: BrowserContext) -> Worker:
    for worker in context.service_workers:
        if worker.url.startswith(EXTENSION_URL):
            return worker
    return context.wait_for_event(
        "serviceworker", predicate=lambda w: w.url.startswith(EXTENSION_URL), timeout=15_000
    )


def serve_fixtures(context: BrowserContext, pages: dict[str, str] | None = None) -> dict[str, str]:
    """Answer LinkedIn and X from fixture files; abort everything else that leaves the machine.

    Returns the (mutable) address → HTML map of extra pages, so a test can add an invented page.
    """
    extra = dict(pages or {})

    def body_for(url: str) -> str | None:
        for candidate in (url, url + "/"):
            if candidate in extra:
                return extra[candidate]
            if candidate == ALL_FEED:
                return with_behaviour(combined_feed())
            if candidate in PAGES and PAGES[candidate].exists():
                return with_behaviour(PAGES[candidate].read_text(encoding="utf-8"))
        return None

    def fulfil(route: Route) -> None:
        body = body_for(route.request.url.split("#")[0].split("?")[0])
        if body is None or route.request.resource_type != "document":
            route.fulfill(status=404, body="", content_type="text/plain")
        else:
            route.fulfill(status=200, body=body, content_type="text/html; charset=utf-8")

    context.route(OUTSIDE, lambda route: route.abort())
    context.route(re.compile(r"^https://(www\.linkedin\.com|x\.com)/"), fulfil)
    return extra


def options_page(context: BrowserContext) -> Page:
    """The options page, opened the way Roos opens it right after installing.

    chrome.runtime.openOptionsPage() reuses an options tab that is already open (Roos may
    have opened one by itself on install), so there is only ever one to fill in.
    """
    url = f"{EXTENSION_URL}/options/options.html"
    worker = service_worker(context)
    worker.evaluate("chrome.runtime.openOptionsPage()")
    deadline = time.monotonic() + 10
    while not (opened := [page for page in context.pages if page.url == url]):
        assert time.monotonic() < deadline, "the options page did not open"
        # A round trip to the browser lets Playwright take in the new tab.
        worker.evaluate("new Promise(resolve => setTimeout(resolve, 50))")
    page = opened[0]
    page.wait_for_load_state()
    page.wait_for_function("document.querySelector('#agent-url').value !== ''")
    return page


def pair(context: BrowserContext, agent_url: str, token: str) -> str:
    """Fill in the options page like a user would; returns the status text shown."""
    page = options_page(context)
    page.fill("#agent-url", agent_url)
    page.fill("#token", token)
    page.click("#save")
    status = page.locator("#status")
    page.wait_for_function(
        "() => !['', 'testing'].includes(document.querySelector('#status').dataset.state || '')",
        timeout=15_000,
    )
    text = status.text_content() or ""
    page.close()
    return text


def put_profile(agent, profile: dict | None = None) -> None:
    body = profile or json.loads(PROFILE.read_text(encoding="utf-8"))
    status, answer = agent.call("PUT", "/api/profile", body)
    assert status == 200, answer


def worker_errors(context: BrowserContext) -> list[str]:
    """Uncaught errors of Roos's worker this session (background/diagnostics.js keeps them)."""
    stored = service_worker(context).evaluate("chrome.storage.session.get('errors')")
    return [error["message"] for error in stored.get("errors", [])]


def content_eval(page: Page, expression: str):
    """Evaluate in Roos's content-script world of the page (where Roos.* and chrome.runtime live).

    Playwright only evaluates in the page's own world, so this goes through CDP: the
    isolated world Chromium creates for an extension is named after the extension.
    """
    session = page.context.new_cdp_session(page)
    contexts: list[dict] = []
    session.on("Runtime.executionContextCreated", lambda e: contexts.append(e["context"]))
    session.send("Runtime.enable")
    try:
        ours = [
            c
            for c in contexts
            if c.get("origin", "").startswith(EXTENSION_URL)
            or (c.get("auxData", {}).get("type") == "isolated" and c.get("name") == "Roos")
        ]
        assert ours, f"no Roos content-script world in {[c.get('name') for c in contexts]}"
        answer = session.send(
            "Runtime.evaluate",
            {
                "expression": expression,
                "contextId": ours[0]["id"],
                "awaitPromise": True,
                "returnByValue": True,
            },
        )
    finally:
        session.detach()
    if "exceptionDetails" in answer:
        raise RuntimeError(answer["exceptionDetails"].get("exception", {}).get("description"))
    return answer["result"].get("value")
