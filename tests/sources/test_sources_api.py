"""The social media manager tells Roos what to listen to, over the API the dashboard uses."""

import pytest

from agent.server.keys import PROFILE
from tests.sources.blog_sites import BlogSite
from tests.sources.listening import GROUP, LinkedInSite, fixture, quiet_listening

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
async def blog(aiohttp_server) -> BlogSite:
    site = BlogSite("koffiehoek")
    await site.start(aiohttp_server)
    return site


@pytest.fixture
def linkedin(server) -> LinkedInSite:
    site = LinkedInSite()
    site.serve(GROUP, fixture("group.html"))
    quiet_listening(server.app, site)
    return site


async def sources(api) -> list[dict]:
    resp = await api.get("/api/sources")
    assert resp.status == 200
    return (await resp.json())["sources"]


async def test_a_blog_is_added_by_its_address_and_its_kind_worked_out(api, linkedin, blog):
    resp = await api.post("/api/sources", json={"url": blog.url("/")})
    assert resp.status == 200, await resp.text()
    source = (await resp.json())["source"]

    assert source["kind"] == "blog" and source["enabled"] is True
    assert source["interval_minutes"] == 60
    assert source["feed_url"] == blog.url("/feed/")
    assert source["state"] == {
        "last_run": None,
        "items_found": None,
        "last_error": None,
        "last_problems": None,
        "next_run": None,
        "blocked_until": None,
        "blocked_reason": None,
    }
    assert [s["id"] for s in await sources(api)] == [source["id"]]


async def test_a_feed_address_is_a_feed(api, linkedin, blog):
    resp = await api.post("/api/sources", json={"url": blog.url("/feed/"), "interval_minutes": 15})
    source = (await resp.json())["source"]
    assert source["kind"] == "feed" and source["interval_minutes"] == 15


async def test_a_linkedin_group_waits_for_the_users_explicit_yes(api, linkedin):
    resp = await api.post(
        "/api/sources", json={"url": "https://nl.linkedin.com/groups/9876543/?lipi=abc"}
    )
    source = (await resp.json())["source"]
    assert source["kind"] == "linkedin_group" and source["url"] == GROUP
    assert source["enabled"] is False and source["interval_minutes"] == 120

    refused = await api.patch(f"/api/sources/{source['id']}", json={"enabled": True})
    assert refused.status == 400
    error = (await refused.json())["error"]
    assert "User Agreement" in error and "gebruikersovereenkomst" in error

    agreed = await api.patch(
        f"/api/sources/{source['id']}", json={"enabled": True, "confirm": True}
    )
    assert agreed.status == 200
    assert (await agreed.json())["source"]["enabled"] is True
    assert (await sources(api))[0]["confirmed_at"]

    off = await api.patch(f"/api/sources/{source['id']}", json={"enabled": False})
    assert (await off.json())["source"]["enabled"] is False
    assert linkedin.seen == []  # adding and switching never visits LinkedIn


@pytest.mark.parametrize(
    ("url", "english"),
    [
        ("ftp://files.example/", "Only web addresses"),
        ("https://www.linkedin.com/company/vlotbank/", "not a group"),
    ],
)
async def test_what_roos_cannot_follow_is_refused_in_english_and_dutch(api, linkedin, url, english):
    resp = await api.post("/api/sources", json={"url": url})
    assert resp.status == 400
    error = (await resp.json())["error"]
    assert english in error and " / " in error
    assert await sources(api) == []


async def test_the_same_address_is_followed_once(api, linkedin, blog):
    assert (await api.post("/api/sources", json={"url": blog.url("/")})).status == 200
    again = await api.post("/api/sources", json={"url": blog.url("/")})
    assert again.status == 400
    assert "already follows" in (await again.json())["error"]


async def test_a_source_is_removed(api, linkedin, blog):
    added = (await (await api.post("/api/sources", json={"url": blog.url("/")})).json())["source"]

    resp = await api.delete(f"/api/sources/{added['id']}")

    assert resp.status == 200
    assert await sources(api) == []
    assert (await api.delete(f"/api/sources/{added['id']}")).status == 404


async def test_sources_in_the_profile_are_listed_and_removing_one_edits_the_profile(
    vlot_api, server
):
    [listed] = await sources(vlot_api)
    assert listed["origin"] == "profile" and listed["kind"] == "feed"
    assert listed["url"] == "http://127.0.0.1:8765/blog/feed.xml"

    resp = await vlot_api.delete(f"/api/sources/{listed['id']}")

    assert resp.status == 200
    assert server.app[PROFILE].current["sources"] == []
    assert await sources(vlot_api) == []


async def test_read_now_a_url_that_is_not_a_source(api, linkedin, blog):
    resp = await api.post("/api/sources/run", json={"url": blog.url("/")})

    assert resp.status == 200, await resp.text()
    [run] = (await resp.json())["runs"]
    assert run["new"] == 13 and run["errors"] == []
    assert await sources(api) == []  # read once, not followed
    items = (await (await api.get("/api/items?limit=100")).json())["items"]
    assert len(items) == 13


async def test_read_now_a_linkedin_group_only_with_confirmation(api, linkedin):
    refused = await api.post("/api/sources/run", json={"url": GROUP})
    assert refused.status == 400 and linkedin.seen == []

    resp = await api.post("/api/sources/run", json={"url": GROUP, "confirm": True})

    [run] = (await resp.json())["runs"]
    assert run["new"] == 22 and run["kind"] == "linkedin_group"
    assert linkedin.documents == [GROUP]


async def test_read_all_enabled_sources_now(api, linkedin, blog):
    await api.post("/api/sources", json={"url": blog.url("/")})
    await api.post("/api/sources", json={"url": GROUP})  # a group, not switched on

    resp = await api.post("/api/sources/run", json={"all": True})

    runs = (await resp.json())["runs"]
    assert [run["kind"] for run in runs] == ["blog"]
    [blog_source] = [s for s in await sources(api) if s["kind"] == "blog"]
    assert blog_source["state"]["items_found"] == 13 and blog_source["state"]["next_run"]
    assert linkedin.seen == []


async def test_a_kind_given_by_the_user_is_believed_without_a_visit(api, linkedin, blog):
    resp = await api.post("/api/sources", json={"url": blog.url("/feed/"), "kind": "feed"})
    source = (await resp.json())["source"]
    assert source["kind"] == "feed" and source["feed_url"] == blog.url("/feed/")
    assert blog.log == []

    wrong = await api.post("/api/sources", json={"url": blog.url("/"), "kind": "linkedin_group"})
    assert wrong.status == 400
