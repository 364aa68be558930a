"""LinkedIn groups, read the way one careful person reads them: the group scraper.

LinkedIn's User Agreement restricts automated access, so this is opt-in per group
(see agent/sources/registry.py) and deliberately slow and small: one tab, never
two visits at once, randomised pauses, a bounded number of scrolls and clicks on
"see more" / "load more comments", a daily page budget shared by all groups (and
kept across restarts), and only within the organisation's business hours. It
stops scrolling at the first post it already knows. It only reads: nothing here
clicks anything that posts, likes, follows or messages.

The page is read by THE SAME extractor the extension uses (the scripts manifest.json lists up
to content/linkedin/extractor.js, injected in that order), so a post
looks the same to Roos whichever way it was seen and LinkedIn's markup is known
in one place. When LinkedIn shows a login wall, a checkpoint or captcha, or
answers HTTP 999 or 429, LinkedIn reading stops for BLOCK_HOURS and the reason is
handed to the caller (LinkedInBlocked) to tell the user; it is never retried.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import orjson
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from agent.dashboard.hours import DAY_NAMES, zone
from agent.home import write_private
from agent.sources.blogs import ScrapeResult
from agent.sources.browser import RouteHandler, one_tab, open_context

ROOT = Path(__file__).resolve().parents[2]
EXTRACTOR = "content/linkedin/extractor.js"


def extractor_files() -> tuple[Path, ...]:
    """The extension's own load order: its content scripts up to and including the extractor."""
    manifest = orjson.loads((ROOT / "extension" / "manifest.json").read_bytes())
    scripts = manifest["content_scripts"][0]["js"]
    return tuple(ROOT / "extension" / name for name in scripts[: scripts.index(EXTRACTOR) + 1])


EXTRACTOR_FILES = extractor_files()
EXTRACT = (
    "(now) => Roos.extractor.extractItems(document, location.href, {expandSeeMore: true, now})"
)
STATE_FILE = "linkedin-state.json"
BLOCK_HOURS = 24
GOTO_TIMEOUT_MS = 45_000
# The labels live with the other LinkedIn selectors in selectors.js, injected into the page.
CLICK_LOAD_MORE = """() => {
  const wanted = new RegExp(`^(${Roos.selectors.loadMoreLabels.join("|")})`, "i");
  for (const button of document.querySelectorAll("button")) {
    const label = (button.getAttribute("aria-label") || button.textContent || "").replace(/\\s+/g, " ").trim();
    if (!button.disabled && wanted.test(label)) { button.click(); return true; }
  }
  return false;
}"""
SCROLL = (
    "() => { const h = document.scrollingElement.scrollHeight; window.scrollTo(0, h); return h; }"
)
HEIGHT = "() => document.scrollingElement.scrollHeight"
WALL_SIGNS = """() => ({
  password: Boolean(document.querySelector('input[type="password"]')),
  captcha: Boolean(document.querySelector('iframe[src*="captcha" i], [id*="captcha" i]')),
})"""

MESSAGES = {
    "http_999": (
        "LinkedIn refused the visit (HTTP 999): it suspects automated access.",
        "LinkedIn weigerde het bezoek (HTTP 999): het vermoedt geautomatiseerd gebruik.",
    ),
    "http_429": (
        "LinkedIn asked Roos to slow down (HTTP 429).",
        "LinkedIn vroeg Roos om rustiger aan te doen (HTTP 429).",
    ),
    "login_wall": (
        "LinkedIn showed a login page: log in again with `roos login linkedin`.",
        "LinkedIn toonde een inlogpagina: log opnieuw in met `roos login linkedin`.",
    ),
    "checkpoint": (
        "LinkedIn wants to check it is really you (security checkpoint or captcha).",
        "LinkedIn wil controleren of jij het echt bent (beveiligingscontrole of captcha).",
    ),
    "outside_hours": (
        "Outside business hours: LinkedIn groups are read during office hours only.",
        "Buiten kantoortijd: LinkedIn-groepen worden alleen tijdens kantoortijd gelezen.",
    ),
    "budget": (
        "Today's LinkedIn page budget is used up; reading continues tomorrow.",
        "Het LinkedIn-paginabudget van vandaag is op; morgen wordt weer gelezen.",
    ),
    "blocked": (
        "LinkedIn reading is paused until {until} ({reason}).",
        "Het lezen van LinkedIn staat stil tot {until} ({reason}).",
    ),
}


def message(code: str, **details: object) -> dict[str, str]:
    english, dutch = MESSAGES[code]
    return {"en": english.format(**details), "nl": dutch.format(**details)}


class NotNow(Exception):
    """Not a failure: LinkedIn is not read right now (hours, budget or an earlier block)."""

    def __init__(self, code: str, **details: object) -> None:
        self.code, self.text = code, message(code, **details)
        super().__init__(self.text["en"])


class LinkedInBlocked(Exception):
    """LinkedIn pushed back; reading stops until `until` (ISO) and the user must be told."""

    def __init__(self, reason: str, until: str) -> None:
        self.reason, self.until, self.text = reason, until, message(reason)
        super().__init__(self.text["en"])


@dataclass(frozen=True)
class Pace:
    scrolls: int = 5  # per visit
    expands: int = 10  # "load more comments" clicks per visit
    pause: tuple[float, float] = (2.0, 7.0)  # seconds, drawn at random each time
    daily_pages: int = 50  # page loads per day, all groups together


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def in_business_hours(hours: Mapping, now: datetime) -> bool:
    """True when `now` falls within the profile's business hours (in its time zone)."""
    local = now.astimezone(zone(dict(hours)))
    span = (hours.get("days") or {}).get(DAY_NAMES[local.weekday()])
    return bool(span) and span[0] <= local.strftime("%H:%M") < span[1]


def block_reason(status: int | None, url: str, signs: Mapping[str, bool]) -> str | None:
    """Why this page means "stop reading LinkedIn", or None for a normal page."""
    if status in (999, 429):
        return f"http_{status}"
    path = urlsplit(url).path
    if "/checkpoint/" in path or "captcha" in url.lower() or signs.get("captcha"):
        return "checkpoint"
    if path.startswith(("/authwall", "/login", "/uas/login", "/signup")) or signs.get("password"):
        return "login_wall"
    return None


class LinkedInState:
    """The daily page budget and any block, in HOME/linkedin-state.json (agent and CLI share it)."""

    def __init__(self, path: Path, daily_pages: int) -> None:
        self.path, self.daily_pages = path, daily_pages

    def load(self) -> dict:
        try:
            return orjson.loads(self.path.read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError):
            return {}

    def _save(self, state: dict) -> None:
        write_private(self.path, orjson.dumps(state).decode())

    def pages_used(self, now: datetime) -> int:
        state = self.load()
        return state.get("pages", 0) if state.get("day") == now.date().isoformat() else 0

    def blocked(self, now: datetime) -> tuple[str, str] | None:
        state = self.load()
        until = state.get("blocked_until")
        return (until, state.get("blocked_reason", "")) if until and until > iso(now) else None

    def check(self, now: datetime, hours: Mapping) -> None:
        """Raise NotNow unless a visit may start now."""
        block = self.blocked(now)
        if block:
            raise NotNow("blocked", until=block[0], reason=block[1])
        if not in_business_hours(hours, now):
            raise NotNow("outside_hours")
        if self.pages_used(now) >= self.daily_pages:
            raise NotNow("budget")

    def spend_page(self, now: datetime) -> None:
        used = self.pages_used(now)
        if used >= self.daily_pages:
            raise NotNow("budget")
        self._save({**self.load(), "day": now.date().isoformat(), "pages": used + 1})

    def block(self, now: datetime, reason: str) -> str:
        until = iso(now + timedelta(hours=BLOCK_HOURS))
        self._save({**self.load(), "blocked_until": until, "blocked_reason": reason})
        return until


class GroupScraper:
    """One per agent: its lock makes sure there is never more than one LinkedIn visit at a time."""

    def __init__(
        self,
        home: Path,
        *,
        pace: Pace = Pace(),
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        rng: random.Random | None = None,
        routes: Mapping[str, RouteHandler] | None = None,
        headless: bool = True,
    ) -> None:
        self.home, self.pace, self.sleep = home, pace, sleep
        self.rng = rng or random.Random()
        self.routes, self.headless = routes, headless
        self.state = LinkedInState(home / STATE_FILE, pace.daily_pages)
        self.lock = asyncio.Lock()

    async def pause(self) -> None:
        await self.sleep(self.rng.uniform(*self.pace.pause))

    async def scrape(
        self, source: Mapping, known_ids: set[str], now: datetime, business_hours: Mapping
    ) -> ScrapeResult:
        """New items of one group; raises NotNow or LinkedInBlocked (partial items are lost then)."""
        async with self.lock:
            self.state.check(now, business_hours)
            async with open_context(self.home, headless=self.headless, routes=self.routes) as ctx:
                visit = _Visit(self, await one_tab(ctx), known_ids, now)
                try:
                    await visit.run(source["url"])
                except PlaywrightError as exc:
                    visit.result.errors.append(f"{source['url']}: {exc.message.splitlines()[0]}")
        return visit.finish()


class _Visit:
    def __init__(self, scraper: GroupScraper, page: Page, known: set[str], now: datetime) -> None:
        self.scraper, self.page, self.known, self.now = scraper, page, known, now
        self.result = ScrapeResult(stats={"pages": 0, "scrolls": 0, "expanded": 0})
        self.seen: set[str] = set()

    def finish(self) -> ScrapeResult:
        self.result.stats["new"] = len(self.result.items)
        self.result.stats["errors"] = len(self.result.errors)
        return self.result

    async def run(self, url: str) -> None:
        pace = self.scraper.pace
        self.scraper.state.spend_page(self.now)
        self.result.stats["pages"] += 1
        response = await self.page.goto(url, wait_until="domcontentloaded", timeout=GOTO_TIMEOUT_MS)
        await self.check(response.status if response else None)
        for script in EXTRACTOR_FILES:
            await self.page.add_script_tag(path=str(script))
        await self.scraper.pause()
        for step in range(pace.scrolls + 1):
            await self.expand_comments()
            now_ms = int(self.now.timestamp() * 1000)
            reached_known = self.collect(await self.page.evaluate(EXTRACT, now_ms))
            if reached_known or step == pace.scrolls or not await self.scroll():
                return
            await self.check(None)

    async def check(self, status: int | None) -> None:
        reason = block_reason(status, self.page.url, await self.page.evaluate(WALL_SIGNS))
        if reason:
            raise LinkedInBlocked(reason, self.scraper.state.block(self.now, reason))

    async def expand_comments(self) -> None:
        while self.result.stats["expanded"] < self.scraper.pace.expands:
            if not await self.page.evaluate(CLICK_LOAD_MORE):
                return
            self.result.stats["expanded"] += 1
            await self.scraper.pause()

    async def scroll(self) -> bool:
        """Scroll to the end and give the page time; False when nothing more appeared."""
        before = await self.page.evaluate(SCROLL)
        self.result.stats["scrolls"] += 1
        await self.scraper.pause()
        return await self.page.evaluate(HEIGHT) > before

    def collect(self, items: list[dict]) -> bool:
        """Keep the new items; True once a post we already know shows up (the rest is older)."""
        reached_known = False
        for item in items:
            if item["id"] in self.known:
                reached_known = reached_known or item["kind"] == "post"
            elif item["id"] not in self.seen:
                self.seen.add(item["id"])
                self.result.items.append(item)
        return reached_known
