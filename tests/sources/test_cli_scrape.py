"""From the terminal: `roos scrape`, `roos sources` and `roos login linkedin`, with and without
a running agent. The blog is an invented one on 127.0.0.1; LinkedIn is never contacted."""

import asyncio
import os
from pathlib import Path

import pytest
import tomli_w
from aiohttp import web

from agent.cli.login_cmd import login
from agent.sources.browser import open_context
from agent.store import SyncStore
from tests.sources.blog_sites import BlogSite
from tests.sources.listening import GROUP, LinkedInSite
from tests.support.agent import ROOS, AgentProcess

pytestmark = pytest.mark.timeout(120)
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel>
<title>Het Ondernemersblog</title><link>{base}/</link><language>nl-NL</language>
<item><title>Drie dagen geen toegang tot Vlotbank</title><link>{base}/storing/</link>
<guid>{base}/?p=1</guid><author>Joris Mulder</author><pubDate>Tue, 10 Mar 2026 08:00:00 +0000</pubDate>
<description>Al drie dagen kan ik niet inloggen bij Vlotbank. Heel vervelend, ik kan mijn
leveranciers niet betalen.</description><slash:comments>0</slash:comments></item>
<item><title>Koffie en kasboeken</title><link>{base}/koffie/</link><guid>{base}/?p=2</guid>
<author>Joris Mulder</author><pubDate>Mon, 09 Mar 2026 08:00:00 +0000</pubDate>
<description>Elke maandag doe ik de boekhouding met een grote pot koffie.</description>
<slash:comments>0</slash:comments></item>
</channel></rss>"""


@pytest.fixture
def home(tmp_path, vlotbank_profile) -> Path:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    profile = {k: v for k, v in vlotbank_profile.items() if k not in ("sources", "voice")}
    (home / "profile.toml").write_text(tomli_w.dumps(profile), encoding="utf-8")
    return home


@pytest.fixture
async def blog(aiohttp_server) -> BlogSite:
    site = BlogSite(routes={})

    async def feed(request: web.Request) -> web.Response:
        return web.Response(text=FEED.format(base=site.base), content_type="application/rss+xml")

    site.serve("/feed.xml", feed)
    await site.start(aiohttp_server)
    return site


async def roos(home: Path, *args: str, env: dict | None = None) -> tuple[int, str, str]:
    """Run the real `roos` command without blocking the test's fixture servers."""
    process = await asyncio.create_subprocess_exec(
        str(ROOS),
        *args,
        env={**os.environ, "ROOS_HOME": str(home), "LANG": "C.UTF-8", **(env or {})},
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=100)
    return process.returncode, out.decode(), err.decode()


def stored_items(home: Path) -> list[dict]:
    return SyncStore(home / "store").open().find("items")[0]


async def test_scrape_a_blog_url_without_a_running_agent(home, blog):
    code, out, err = await roos(home, "scrape", blog.url("/feed.xml"))

    assert code == 0, err
    assert "1 source(s) read: 2 new items, 1 mentions, 1 complaints, 0 errors." in out
    assert "[####################] 1/1" in err
    assert {item["url"] for item in stored_items(home)} == {
        blog.url("/storing/"),
        blog.url("/koffie/"),
    }


async def test_scrape_asks_the_running_agent_instead_of_opening_the_store(home, blog):
    agent = AgentProcess(home).start()
    try:
        code, out, err = await roos(
            home, "scrape", blog.url("/feed.xml"), env={"ROOS_PORT": str(agent.port)}
        )
        status, answer = agent.call("GET", "/api/items")
    finally:
        agent.stop()

    assert code == 0, err
    assert "2 new items, 1 mentions, 1 complaints" in out
    assert status == 200 and answer["total"] == 2


async def test_sources_are_added_read_listed_and_removed_from_the_terminal(home, blog):
    # Told it is a feed, Roos does not visit it to find out.
    code, out, err = await roos(
        home, "sources", "add", blog.url("/feed.xml"), "--kind", "feed", "--interval", "30"
    )
    assert code == 0, err
    assert "feed" in out and "on" in out and blog.url("/feed.xml") in out

    assert blog.log == []

    code, out, err = await roos(home, "scrape", "--all")
    assert code == 0, err
    assert "1 source(s) read: 2 new items" in out

    code, out, _ = await roos(home, "sources", "list")
    assert code == 0 and blog.url("/feed.xml") in out and "last run" in out and ": 2 new" in out

    code, out, _ = await roos(home, "sources", "remove", blog.url("/feed.xml"))
    assert code == 0 and "Removed" in out
    assert "No sources yet." in (await roos(home, "sources", "list"))[1]


async def test_a_linkedin_group_is_explained_and_stays_off_without_a_yes(home):
    code, out, err = await roos(home, "sources", "add", GROUP)
    assert code == 0, err
    assert "never posts, likes, follows or sends messages" in err
    assert " off " in out

    code, out, err = await roos(home, "scrape", GROUP)
    assert code == 1 and "not confirmed" in err

    code, out, _ = await roos(
        home, "sources", "add", "https://www.linkedin.com/groups/4455667/", "--yes"
    )
    assert " on " in out


async def test_the_dutch_terminal_gets_dutch(home):
    code, _, err = await roos(home, "scrape", GROUP, env={"LANG": "nl_NL.UTF-8"})
    assert code == 1
    assert "het plaatst, liket, volgt en stuurt nooit iets" in err
    assert "niet bevestigd" in err


async def test_scrape_needs_one_url_or_all(home):
    code, _, err = await roos(home, "scrape")
    assert code == 1 and "give one URL, or --all" in err


async def test_login_keeps_linkedins_session_in_roos_own_profile(home):
    site = LinkedInSite()
    # The user logs in by hand; here the page does it and LinkedIn sends them on to the feed.
    site.serve(
        "https://www.linkedin.com/login",
        "<script>document.cookie = 'li_session=abc; max-age=86400; path=/';"
        "location.href = '/feed/';</script>",
    )
    site.serve("https://www.linkedin.com/feed/", "<h1>Feed</h1>")

    assert await login(home, headless=True, routes=site.routes, poll=0.05) is True

    async with open_context(home, routes=site.routes) as context:
        cookies = await context.cookies("https://www.linkedin.com/")
    assert [(c["name"], c["value"]) for c in cookies] == [("li_session", "abc")]


async def test_login_gives_up_when_the_user_does_not_log_in(home):
    site = LinkedInSite()
    site.serve("https://www.linkedin.com/login", "<form><input type=password></form>")

    assert await login(home, headless=True, routes=site.routes, wait=0.5, poll=0.05) is False
    assert site.documents == ["https://www.linkedin.com/login"]


def test_the_cli_offers_the_kinds_the_registry_knows():
    from agent.cli.sources_cmd import KINDS
    from agent.sources.registry import KINDS as REGISTRY_KINDS

    assert KINDS == REGISTRY_KINDS


async def test_a_blog_that_is_not_there_is_reported_in_the_users_language(home, unused_tcp_port):
    url = f"http://127.0.0.1:{unused_tcp_port}/feed.xml"
    code, out, _ = await roos(home, "scrape", url, env={"LANG": "nl_NL.UTF-8"})
    assert code == 1
    assert f"{url} is niet bereikbaar: de server antwoordt niet" in out
    assert "robots.txt" not in out
