"""Roos speaks the language of the browser: Dutch for a Dutch browser, English otherwise.

The popup, the options page, the toolbar badge and the overlays on LinkedIn all follow
the browser's UI language (chrome.i18n), whatever language a post is written in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Playwright

from .harness import EXTENSION_URL, launch, options_page, pair, serve_fixtures, service_worker

pytestmark = pytest.mark.browser

LOCALES = Path("/usr/lib/chromium/locales")

SAYS = {
    "nl": {
        "options_title": "Roos-instellingen",
        "save": "Opslaan en testen",
        "label_url": "Adres van de agent",
        "connected": "Verbonden met de agent",
        "today": "Vandaag",
        "waiting": "Wachten op antwoord",
        "where": "Open een LinkedIn-profiel, een bedrijfspagina of je eigen pagina Volgers of Volgend (Mijn netwerk), of een X-profiel, om de volgverhouding te bekijken.",
        "badge_title": "Roos: verbonden met de agent",
        "negative": "negatief",
        "prompt": "Wacht op je reactie. Suggesties:",
        "need_following": "Deze pagina toont je volgers (3.384), niet hoeveel mensen je volgt.",
        "lower_bound": "LinkedIn toont 500+ connecties: minstens 500, dus de echte verhouding is hoogstens 2,32.",
        "diagnostics": "Diagnose",
    },
    "en": {
        "options_title": "Roos settings",
        "save": "Save and test",
        "label_url": "Agent address",
        "connected": "Connected to the agent",
        "today": "Today",
        "waiting": "Waiting for a reply",
        "where": "Open a LinkedIn profile, a company page or your own Followers or Following page (My Network), or an X profile, to check its follow ratio.",
        "badge_title": "Roos: connected to the agent",
        "negative": "negative",
        "prompt": "Waiting for your reply. Suggestions:",
        "need_following": "This page shows your followers (3,384), not how many people you follow.",
        "lower_bound": "LinkedIn shows 500+ connections: at least 500, so the real ratio is at most 2.32.",
        "diagnostics": "Diagnostics",
    },
}


@pytest.fixture(scope="module", params=["nl", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    if request.param == "nl" and not (LOCALES / "nl.pak").exists():
        pytest.skip("Chromium has no Dutch UI here: apt-get install chromium-l10n")
    return request.param


@pytest.fixture(scope="module")
def context(
    playwright: Playwright, agent, lang: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    ctx = launch(playwright, tmp_path_factory.mktemp(f"chromium-{lang}"), lang=lang)
    serve_fixtures(ctx)
    pair(ctx, agent.base, agent.token)
    yield ctx
    ctx.close()


def test_the_options_page_speaks_the_browsers_language(context: BrowserContext, lang: str):
    page = options_page(context)
    says = SAYS[lang]
    assert page.title() == says["options_title"]
    assert page.evaluate("document.documentElement.lang").startswith(lang)
    assert page.text_content("#save") == says["save"]
    assert page.text_content("label[for='agent-url']") == says["label_url"]
    assert page.text_content("#status").startswith(says["connected"])


def test_the_popup_speaks_the_browsers_language(context: BrowserContext, lang: str):
    page = context.new_page()
    page.goto(f"{EXTENSION_URL}/popup/popup.html")
    page.wait_for_selector("body[data-ready='true']")
    says = SAYS[lang]
    assert page.text_content("#agent-state") == says["connected"]
    assert page.text_content("#today h2") == says["today"]
    assert page.text_content("#today dt") == says["waiting"]
    assert page.text_content("#ratio-where") == says["where"]
    page.close()


def ratio_note(context: BrowserContext, url: str) -> str:
    tab = context.new_page()
    tab.goto(url)
    popup = context.new_page()
    popup.goto(f"{EXTENSION_URL}/popup/popup.html?tab=0")
    tab_id = popup.evaluate("u => chrome.tabs.query({url: u}).then(tabs => tabs[0].id)", url)
    popup.goto(f"{EXTENSION_URL}/popup/popup.html?tab={tab_id}")
    popup.wait_for_selector("body[data-ready='true']")
    popup.click("#check-ratio")
    popup.wait_for_selector("#ratio-partial:not([hidden])")
    note = popup.text_content("#ratio-partial") or ""
    popup.close()
    tab.close()
    return note


def test_what_a_page_does_not_show_is_said_in_the_browsers_language(
    context: BrowserContext, lang: str
):
    says = SAYS[lang]
    followers = "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/"
    assert ratio_note(context, followers).startswith(says["need_following"])
    assert says["lower_bound"] in ratio_note(
        context, "https://www.linkedin.com/in/marcus-ellery-2d7c41/"
    )
    page = options_page(context)
    assert page.text_content("#diagnostics-heading") == says["diagnostics"]


def test_the_toolbar_badge_title_speaks_the_browsers_language(context: BrowserContext, lang: str):
    worker = service_worker(context)
    worker.evaluate("roos.refreshConnection()")
    assert worker.evaluate("chrome.action.getTitle({})") == SAYS[lang]["badge_title"]


def test_the_overlays_on_linkedin_speak_the_browsers_language(context: BrowserContext, lang: str):
    page = context.new_page()
    page.goto("https://www.linkedin.com/feed/")  # a Dutch feed, whatever the browser speaks
    badge = page.locator('[data-roos="badge"][data-sentiment="negative"]').first
    badge.wait_for()
    assert badge.locator(".negative").text_content() == SAYS[lang]["negative"]
    prompt = page.locator('[data-roos="reply-prompt"]').first
    prompt.wait_for()
    assert prompt.locator(".title").text_content().endswith(SAYS[lang]["prompt"])
    page.close()
