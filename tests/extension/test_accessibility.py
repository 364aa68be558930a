"""axe-core (the npm package, through Playwright) finds no serious or critical accessibility
problem on the extension's popup and options page, paired with a real agent."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from .harness import EXTENSION_URL

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.skipif(not AXE.exists(), reason="npm install (axe-core) has not run")
@pytest.mark.parametrize("page_path", ["popup/popup.html", "options/options.html"])
def test_no_serious_accessibility_problems(context: BrowserContext, page_path: str):
    page = context.new_page()
    page.goto(f"{EXTENSION_URL}/{page_path}")
    page.wait_for_load_state("networkidle")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    page.close()
    assert len(result["passes"]) > 5  # axe really looked at the page
    assert found == []
