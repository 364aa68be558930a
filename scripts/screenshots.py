"""Screenshots of every dashboard page in Dutch and English, at 1366×768, into screenshots/.

Starts a throw-away agent with the invented Vlotbank profile and a working day of invented
messages (tests/support/demo_day.py), logs in as `roos open` does, and saves one PNG per page
and language (the visible screen, plus a full-page one), so anyone can look at the whole
dashboard in a minute. The folder is git-ignored.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.agent import AgentProcess  # noqa: E402
from tests.support.demo_day import demo_items  # noqa: E402

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
OUT = ROOT / "screenshots"


def seed(agent: AgentProcess) -> None:
    profile = json.loads((ROOT / "tests/fixtures/profile_vlotbank.json").read_text("utf-8"))
    profile["sources"] = []
    assert agent.call("PUT", "/api/profile", profile)[0] == 200
    items, kinds = demo_items()
    for start in range(0, len(items), 50):
        assert agent.call("POST", "/api/analyze", {"items": items[start : start + 50]})[0] == 200
    own_posts(agent)
    for item_id, (intent, sentiment) in kinds.items():
        agent.call("PATCH", "/api/items/" + item_id, {"intent": intent, "sentiment": sentiment})


def own_posts(agent: AgentProcess) -> None:
    """Three weeks of our own posts, fewer at weekends, one in five promotional."""
    now = datetime.now(UTC)
    for n in range(40):
        at = now - timedelta(hours=13 * n + 3)
        text = (
            "Open nu een Zonnewind-rekening met bonus!"
            if n % 5 == 0
            else f"Tip {n}: zo spaar je slim."
        )
        body = {
            "id": f"own:demo-{n}",
            "text": text,
            "posted_at": at.isoformat().replace("+00:00", "Z"),
        }
        agent.call("POST", "/api/own-posts", body)
    for followers, following in ((1180, 640), (1215, 655)):
        ratio = {
            "account": "https://www.linkedin.com/company/vlotbank/",
            "name": "Vlotbank",
            "followers": followers,
            "following": following,
            "own": True,
        }
        agent.call("POST", "/api/follow-ratio", ratio)
    mine = {
        "account": "https://www.linkedin.com/in/sanne-visser-vlot/",
        "name": "Sanne Visser",
        "followers": 410,
        "following": 380,
        "own": True,
    }
    agent.call("POST", "/api/follow-ratio", mine)


def main(only: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        agent = AgentProcess(Path(tmp) / "home").start()
        try:
            seed(agent)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--no-sandbox"]
                )
                for lang in ("nl", "en"):
                    context = browser.new_context(
                        viewport={"width": 1366, "height": 768}, locale=lang
                    )
                    page = context.new_page()
                    page.goto(agent.call("POST", "/api/session/code", {})[1]["url"])
                    page.wait_for_url(f"{agent.base}/#/**")
                    for name in only or PAGES:
                        page.goto(f"{agent.base}/#/{name}")
                        page.wait_for_selector("#page-title")
                        page.wait_for_load_state("networkidle")
                        page.wait_for_timeout(300)
                        page.screenshot(path=OUT / f"{name}-{lang}.png")
                        page.screenshot(path=OUT / f"{name}-{lang}-full.png", full_page=True)
                    context.close()
                browser.close()
        finally:
            agent.stop()
    print(f"Screenshots in {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
