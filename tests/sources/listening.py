"""Helpers for the listening tests: LinkedIn fixture pages behind Playwright routes, a quiet runner.

LinkedIn is never contacted: `LinkedInSite` answers https://www.linkedin.com/** from
tests/fixtures/linkedin (or from HTML the test makes), aborts every other request,
and writes down what the browser asked for. `scrolling` and `with_load_more` add the
bits of LinkedIn behaviour the static fixture pages lack: more posts appearing as
the page is scrolled, and a "Load more comments" button.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from playwright.async_api import Route

from agent.server.keys import SERVICES
from agent.sources.linkedin_groups import GroupScraper, Pace
from agent.sources.scheduler import RUNNER
from tests.sources.blog_sites import FakeClock, polite_client

LINKEDIN = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"
EXPECTED = json.loads((LINKEDIN / "expected.json").read_text(encoding="utf-8"))
GROUP = "https://www.linkedin.com/groups/9876543/"  # group.html, classic markup
GROUP_NEW = "https://www.linkedin.com/groups/4455667/"  # group-new.html, newer markup
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # the fixtures' "now": a Tuesday, 10:00 in NL
OFFICE_HOURS = {
    "timezone": "Europe/Amsterdam",
    "days": {day: ["09:00", "17:30"] for day in ("mon", "tue", "wed", "thu", "fri")},
}


def fixture(name: str) -> str:
    return (LINKEDIN / name).read_text(encoding="utf-8")


@dataclass
class Page:
    body: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class LinkedInSite:
    pages: dict[str, Page] = field(default_factory=dict)
    seen: list[tuple[str, str]] = field(default_factory=list)  # (url, resource type)

    def serve(self, url: str, body: str, status: int = 200, **headers: str) -> None:
        self.pages[url] = Page(body, status, headers)

    def redirect(self, url: str, to: str) -> None:
        self.pages[url] = Page("", 302, {"Location": to})

    @property
    def documents(self) -> list[str]:
        return [url for url, kind in self.seen if kind == "document"]

    async def _answer(self, route: Route) -> None:
        request = route.request
        self.seen.append((request.url, request.resource_type))
        page = self.pages.get(request.url) or self.pages.get(request.url.split("?")[0])
        if page is None:
            await route.fulfill(status=404, body="Not found", content_type="text/plain")
        else:
            await route.fulfill(
                status=page.status,
                body=page.body,
                headers={"Content-Type": "text/html; charset=utf-8", **page.headers},
            )

    async def _elsewhere(self, route: Route) -> None:
        self.seen.append((route.request.url, route.request.resource_type))
        await route.abort()

    @property
    def routes(self) -> dict:
        # Later routes win in Playwright: LinkedIn's handler first, "everything else" last.
        return {"**/*": self._elsewhere, "https://www.linkedin.com/**": self._answer}


class Pauses:
    """Injected as the scraper's sleep: written down, never waited for."""

    def __init__(self) -> None:
        self.taken: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


def group_scraper(
    home: Path, site: LinkedInSite, pauses: Pauses | None = None, **pace
) -> GroupScraper:
    return GroupScraper(
        home,
        pace=Pace(**pace),
        sleep=pauses or Pauses(),
        rng=random.Random(7),
        routes=site.routes,
    )


def quiet_listening(app, site: LinkedInSite | None = None, now: datetime = NOW, **pace):
    """The app's runner without politeness delays, at a fixed time, on fixture LinkedIn."""
    runner = app[SERVICES][RUNNER]
    runner.polite = polite_client(FakeClock())
    runner.groups = group_scraper(runner.groups.home, site or LinkedInSite(), **pace)
    runner.clock = lambda: now
    runner.rng = random.Random(3)
    return runner


def scrolling(html: str, first: int, batch: int) -> str:
    """The page shows `first` posts; every scroll to the bottom brings `batch` more."""
    script = f"""<script>
(() => {{
  const cards = [...document.querySelectorAll("div.feed-shared-update-v2[data-urn]")];
  const list = cards[0].parentElement;
  const later = cards.slice({first});
  later.forEach((card) => card.remove());
  const scrollTo = window.scrollTo.bind(window);
  window.scrollTo = (...args) => {{
    for (const card of later.splice(0, {batch})) list.appendChild(card);
    scrollTo(...args);
  }};
}})();
</script>"""
    return html.replace("</body>", script + "</body>")


def with_load_more(html: str, loads: int | None) -> str:
    """A "Load more comments" button under the first post: each click brings one more comment
    (a copy of the first, with a new id); after `loads` clicks it is gone (None: never)."""
    script = f"""<script>
(() => {{
  const first = document.querySelector("article.comments-comment-entity");
  const list = first.parentElement;
  const button = document.createElement("button");
  button.textContent = "Load more comments";
  let loaded = 0;
  button.addEventListener("click", () => {{
    loaded += 1;
    const copy = first.cloneNode(true);
    copy.setAttribute("data-id", first.getAttribute("data-id").replace(/,(\\d+)\\)$/, (m, n) => `,${{BigInt(n) + BigInt(loaded)}})`));
    copy.querySelector(".comments-comment-item__main-content").textContent = `Eerdere reactie ${{loaded}} over VlotPay`;
    list.insertBefore(copy, button);
    if ({"false" if loads is None else f"loaded >= {loads}"}) button.remove();
  }});
  list.appendChild(button);
}})();
</script>"""
    return html.replace("</body>", script + "</body>")
