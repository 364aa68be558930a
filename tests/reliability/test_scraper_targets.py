"""Scrapers are not steered into the local network by the sites they read.

The probe made a followed blog redirect to, and announce a feed on, 10.x,
169.254.169.254 and loopback, and Roos followed. Now what Roos discovers (redirects,
feed and comment-feed links, REST links, links in items) is only fetched from public
addresses, unless the source itself is local; the URL the user typed is fetched as given.

No real network is touched: the "public" blog lives on 127.0.0.2, which these tests let
stand in for the internet (netguard.address_is_public is told so), and the "intranet"
it points at is a server on 127.0.0.1 that counts every request it gets.
"""

from __future__ import annotations

import ipaddress
from dataclasses import replace

import pytest
from aiohttp import web

from agent.server.app import create_app
from agent.server.keys import SERVICES
from agent.sources import netguard
from agent.sources.scheduler import RUNNER

STAND_IN = ipaddress.ip_address("127.0.0.2")


@pytest.fixture
def internet(monkeypatch):
    """127.0.0.2 counts as a public address for the length of a test."""
    real = netguard.address_is_public
    monkeypatch.setattr(netguard, "address_is_public", lambda ip: ip == STAND_IN or real(ip))


async def intranet_server(aiohttp_server) -> tuple[str, list[str]]:
    hits: list[str] = []

    async def anything(request: web.Request) -> web.Response:
        hits.append(request.path)
        return web.Response(
            text="<rss version='2.0'><channel><title>secret</title></channel></rss>",
            content_type="application/rss+xml",
        )

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", anything)
    server = await aiohttp_server(app, host="127.0.0.1")
    return f"http://127.0.0.1:{server.port}", hits


def blog_app(secret: str) -> web.Application:
    home = """<!doctype html><html><head><title>Het Vlotblog</title>
<link rel="alternate" type="application/rss+xml" title="Feed" href="/feed.xml">
</head><body><h1>Het Vlotblog</h1></body></html>"""
    steering = f"""<!doctype html><html><head><title>Stuur</title>
<link rel="alternate" type="application/rss+xml" title="Feed" href="{secret}/feed.xml">
</head><body></body></html>"""
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Het Vlotblog</title>
<link>/</link><item><title>Over Vlotbank</title><link>{secret}/post-1/</link>
<guid>post-1</guid><description>Vlotbank doet het goed</description>
<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>"""

    pages = {
        "/": (home, "text/html"),
        "/steer/": (steering, "text/html"),
        "/feed.xml": (feed, "application/rss+xml"),
        "/robots.txt": ("User-agent: *\nAllow: /\n", "text/plain"),
    }

    async def serve(request: web.Request) -> web.Response:
        if request.path == "/away":
            raise web.HTTPFound(f"{secret}/admin")
        if request.path not in pages:
            raise web.HTTPNotFound()
        text, kind = pages[request.path]
        return web.Response(text=text, content_type=kind)

    app = web.Application()
    app.router.add_get("/{tail:.*}", serve)
    return app


@pytest.fixture
async def agent_app(aiohttp_server, config):
    app = create_app(replace(config, polite_delay=0.0))
    await aiohttp_server(app, host="127.0.0.1", port=config.port)
    return app


async def test_a_public_blog_cannot_steer_roos_to_the_local_network(
    aiohttp_server, agent_app, internet
):
    secret, hits = await intranet_server(aiohttp_server)
    blog = await aiohttp_server(blog_app(secret), host="127.0.0.2")
    runner = agent_app[SERVICES][RUNNER]
    base = f"http://127.0.0.2:{blog.port}"

    redirected = await runner.run_url(f"{base}/away")  # a redirect to the intranet
    announced = await runner.run_url(f"{base}/steer/")  # a feed announced on the intranet
    linked = await runner.run_url(f"{base}/")  # the feed's post links point there

    assert hits == []  # the intranet never heard from Roos
    assert "local network (127.0.0.1)" in " ".join(redirected["errors"])
    assert "local network (127.0.0.1)" in " ".join(announced["errors"])
    assert linked["new"] == 1  # the post itself is read from the feed; its page is not visited


async def test_a_url_the_user_typed_on_loopback_is_fetched_as_given(aiohttp_server, agent_app):
    secret, hits = await intranet_server(aiohttp_server)
    local_blog = await aiohttp_server(blog_app(secret), host="127.0.0.1")
    runner = agent_app[SERVICES][RUNNER]

    await runner.run_url(f"http://127.0.0.1:{local_blog.port}/steer/")

    assert hits == ["/robots.txt", "/feed.xml"]  # a local source may link its neighbours


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/feed.xml",
        "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1/admin",
        "http://[::1]:8765/api/items",
        "http://[fd00::1]/",
        "http://[::ffff:10.1.2.3]/",
        "http://224.0.0.1/",
        "http://0.0.0.0:8765/",
        "http://localhost:8765/api/items",
    ],
)
async def test_discovered_local_addresses_are_refused_before_any_connection(target, internet):
    with netguard.source("http://127.0.0.2/blog/"), pytest.raises(netguard.LocalTarget):
        await netguard.check(target)
    with netguard.source(target):  # typed by the user: fetched as given
        await netguard.check(target)
