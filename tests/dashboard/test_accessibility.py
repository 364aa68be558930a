"""axe-core (the npm package, run through Playwright) finds no serious or critical
accessibility problem on any dashboard page, in Dutch or English, with a day's messages in
the inbox, the keyboard help open, and the profile's error notice showing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.demo_day import demo_items

from .conftest import open_dashboard, seed

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "start",
    "inbox",
    "listening",
    "people",
    "valuable",
    "reach-out",
    "follow",
    "team",
    "sources",
    "reports",
    "profile",
]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module", autouse=True)
def working_day(agent):
    items, kinds = demo_items(30)
    seed(agent, items, kinds)


def serious(page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.skipif(not AXE.exists(), reason="npm install (axe-core) has not run")
@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_no_serious_accessibility_problems_on_any_page(browser, agent, locale):
    # axe is injected by the test, so this context may run it despite the dashboard's CSP.
    context = browser.new_context(
        locale=locale, bypass_csp=True, viewport={"width": 1366, "height": 768}
    )
    page = open_dashboard(context, agent).page
    found = {}
    for name in PAGES:
        page.goto(f"{agent.base}/#/{name}")
        page.wait_for_selector("#page-title")
        page.wait_for_load_state("networkidle")
        problems = serious(page)
        if problems:
            found[name] = problems
    page.goto(f"{agent.base}/#/inbox")
    page.wait_for_selector("#inbox-list > li.row")
    page.keyboard.press("?")
    page.wait_for_selector("dialog[open]")
    if problems := serious(page):
        found["inbox keyboard help"] = problems
    context.close()
    assert found == {}
