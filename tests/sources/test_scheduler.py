"""Roos listens on its own: sources run at their interval, one failure stops nothing, and what
matters (complaints, questions, mentions of us) is pushed to the extension at once."""

from datetime import datetime, timedelta

import pytest

from agent.config import Config
from agent.server.app import create_app
from agent.server.keys import CONFIG, HUB, SERVICES, STORE, TOKEN
from agent.sources import registry
from agent.sources.runner import alert_reason
from agent.sources.scheduler import SCHEDULER
from tests.sources.blog_sites import BlogSite, status_handler
from tests.sources.listening import GROUP, GROUP_NEW, NOW, LinkedInSite, fixture, quiet_listening
from tests.support.agent import free_port

pytestmark = pytest.mark.timeout(120)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def vlot(api, vlotbank_profile):
    """Paired with the Vlotbank profile, without the profile's own example source."""
    resp = await api.put("/api/profile", json={**vlotbank_profile, "sources": []})
    assert resp.status == 200
    return api


@pytest.fixture
async def live(vlot, server):
    """The WebSocket the extension listens on."""
    ws = await vlot.ws_connect("/ws")
    await ws.send_json({"type": "hello", "token": server.app[TOKEN].value})
    assert (await ws.receive_json())["type"] == "welcome"
    yield ws
    await ws.close()


async def heard(ws, server) -> list[dict]:
    """Everything published so far (a marker event ends the list)."""
    server.app[HUB].publish("test.marker", {})
    messages = []
    while (message := await ws.receive_json(timeout=10))["type"] != "test.marker":
        messages.append(message)
    return messages


async def add(store, url: str, kind: str, **fields) -> dict:
    record = {**registry.new_record(url, kind, NOW), **fields}
    await store.upsert(registry.TABLE, [record])
    return record


async def state_of(api, source_id: str) -> dict:
    sources = (await (await api.get("/api/sources")).json())["sources"]
    return next(s for s in sources if s["id"] == source_id)["state"]


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def scheduler(server, clock):
    runner = quiet_listening(server.app)
    runner.clock = clock
    scheduler = server.app[SERVICES][SCHEDULER]
    scheduler.clock = clock
    return scheduler


async def test_due_sources_run_and_a_failing_one_stops_nothing(
    vlot, server, scheduler, aiohttp_server
):
    blog = BlogSite("koffiehoek")
    await blog.start(aiohttp_server)
    broken = BlogSite(routes={})
    broken.serve("/", status_handler(500, "Interne fout"))
    await broken.start(aiohttp_server)
    store = server.app[STORE]
    failing = await add(store, broken.url("/"), "blog")
    good = await add(store, blog.url("/"), "blog", next_run="2026-03-10T08:30:00Z")
    await add(store, blog.url("/uit/"), "blog", enabled=False)

    runs = await scheduler.run_due()

    assert [run["source_id"] for run in runs] == [failing["id"], good["id"]]
    assert runs[0]["errors"] == [f"{broken.url('/')} answered with HTTP 500"]
    assert runs[0]["problems"][0]["key"] == "sources.error.http_error"
    assert runs[1]["new"] == 13 and runs[1]["errors"] == []
    good_state, failing_state = (
        await state_of(vlot, good["id"]),
        await state_of(vlot, failing["id"]),
    )
    assert good_state["items_found"] == 13 and good_state["last_error"] is None
    assert good_state["last_run"] == "2026-03-10T09:00:00Z"
    assert failing_state["last_error"].endswith("HTTP 500")
    stored, _ = await store.find("items")
    assert len(stored) == 13


async def test_sources_wait_for_their_interval_with_a_little_jitter(
    vlot, server, scheduler, clock, aiohttp_server
):
    blog = BlogSite("koffiehoek")
    await blog.start(aiohttp_server)
    source = await add(server.app[STORE], blog.url("/"), "blog", interval_minutes=60)

    assert len(await scheduler.run_due()) == 1
    next_run = datetime.fromisoformat((await state_of(vlot, source["id"]))["next_run"])
    assert timedelta(minutes=54) <= next_run - NOW <= timedelta(minutes=66)

    clock.now = NOW + timedelta(minutes=30)
    assert await scheduler.run_due() == []

    clock.now = next_run
    again = await scheduler.run_due()
    assert [run["source_id"] for run in again] == [source["id"]]
    assert again[0]["new"] == 0  # everything was already known


async def test_complaints_questions_and_mentions_are_pushed_as_alerts(
    vlot, server, scheduler, live, aiohttp_server
):
    blog = BlogSite("koffiehoek")
    await blog.start(aiohttp_server)
    await add(server.app[STORE], blog.url("/"), "blog")

    [run] = await scheduler.run_due()

    messages = await heard(live, server)
    alerts = [m["data"] for m in messages if m["type"] == "alert"]
    new = [m["data"] for m in messages if m["type"] == "item.new"]
    assert len(new) == 13
    expected = {i["id"]: alert_reason(i["analysis"]) for i in new if alert_reason(i["analysis"])}
    assert {a["item"]["id"]: a["reason"] for a in alerts} == expected
    assert len(alerts) >= 1 and all(a["analysis"]["id"] == a["item"]["id"] for a in alerts)
    assert run["mentions"] == sum(bool(i["analysis"]["about_us"]) for i in new)
    assert run["complaints"] + run["questions"] == sum(
        a["reason"] in ("complaint", "question") for a in alerts
    )


async def test_a_linkedin_login_wall_pauses_every_group_for_a_day_and_tells_the_user(
    vlot, server, scheduler, clock, live
):
    site = LinkedInSite()
    site.serve(GROUP, fixture("login-wall.html"))
    site.serve(GROUP_NEW, fixture("group-new.html"))
    quiet_listening(server.app, site).clock = clock
    store = server.app[STORE]
    first = await add(store, GROUP, "linkedin_group", enabled=True)
    second = await add(
        store, GROUP_NEW, "linkedin_group", enabled=True, next_run="2026-03-10T08:30:00Z"
    )

    runs = await scheduler.run_due()

    assert [run["blocked"] for run in runs] == ["login_wall"]
    for source in (first, second):
        state = await state_of(vlot, source["id"])
        assert state["blocked_until"] == "2026-03-11T09:00:00Z"
        assert state["blocked_reason"] == "login_wall"
    blocked = [m["data"] for m in await heard(live, server) if m["type"] == "source.blocked"]
    assert [b["reason"] for b in blocked] == ["login_wall"]
    assert set(blocked[0]["message"]) == {"en", "nl"}
    events = (await (await vlot.get("/api/events")).json())["events"]
    assert [e["type"] for e in events] == ["source.blocked"]

    # No retry loop: hours later nothing is due, and LinkedIn is not visited again.
    clock.now = NOW + timedelta(hours=5)
    assert await scheduler.run_due() == []
    assert site.documents == [GROUP]


async def test_a_group_run_brings_its_posts_into_the_inbox(vlot, server, scheduler):
    site = LinkedInSite()
    site.serve(GROUP, fixture("group.html"))
    quiet_listening(server.app, site).clock = scheduler.clock
    source = await add(server.app[STORE], GROUP, "linkedin_group", enabled=True)

    [run] = await scheduler.run_due()

    assert run["new"] == 22 and run["errors"] == []
    assert run["questions"] >= 1 and run["mentions"] >= 1
    items = (await (await vlot.get("/api/items?source=linkedin&limit=100")).json())["items"]
    assert len(items) == 22
    assert (await state_of(vlot, source["id"]))["items_found"] == 22


async def test_the_running_agent_schedules_by_itself(aiohttp_server, aiohttp_client, home):
    app = create_app(Config(port=free_port(), home=home, scheduler=True))
    server = await aiohttp_server(app, host="127.0.0.1", port=app[CONFIG].port)
    api = await aiohttp_client(server, headers={"Authorization": f"Bearer {app[TOKEN].value}"})
    quiet_listening(app)
    blog = BlogSite("koffiehoek")
    await blog.start(aiohttp_server)
    ws = await api.ws_connect("/ws")
    await ws.send_json({"type": "hello", "token": app[TOKEN].value})

    added = await api.post("/api/sources", json={"url": blog.url("/")})
    assert added.status == 200

    while (message := await ws.receive_json(timeout=30))["type"] != "source.updated":
        pass
    await ws.close()
    assert message["data"]["state"]["items_found"] == 13


async def test_a_profile_source_without_a_kind_is_looked_at_once_and_remembered(
    vlot, server, scheduler, aiohttp_server
):
    blog = BlogSite("koffiehoek")
    await blog.start(aiohttp_server)
    resp = await vlot.put("/api/profile", json={"sources": [{"url": blog.url("/")}]})
    assert resp.status == 200
    [listed] = (await (await vlot.get("/api/sources")).json())["sources"]
    assert listed["origin"] == "profile" and listed["kind"] is None

    [run] = await scheduler.run_due()

    assert run["new"] == 13
    [after] = (await (await vlot.get("/api/sources")).json())["sources"]
    assert after["kind"] == "blog" and after["feed_url"] == blog.url("/feed/")


async def test_outside_business_hours_a_group_waits_without_an_error(
    vlot, server, scheduler, clock
):
    site = LinkedInSite()
    quiet_listening(server.app, site).clock = clock
    clock.now = NOW + timedelta(days=4)  # Saturday
    source = await add(server.app[STORE], GROUP, "linkedin_group", enabled=True)

    [run] = await scheduler.run_due()

    assert run["skipped"].startswith("Outside business hours") and run["errors"] == []
    [listed] = (await (await vlot.get("/api/sources")).json())["sources"]
    assert listed["id"] == source["id"] and listed["last_skipped"] == run["skipped"]
    assert listed["state"]["last_run"] is None and listed["state"]["last_error"] is None
    assert listed["state"]["next_run"] > "2026-03-14T10:00:00Z"
    assert site.seen == []


async def test_feed_validators_survive_a_restart_so_an_unchanged_feed_costs_one_small_request(
    vlot, server, scheduler, aiohttp_server, config
):
    from agent.sources.runner import HTTP_STATE, load_http_state
    from tests.sources.blog_sites import Conditional, FakeClock, polite_client

    blog = BlogSite("koffiehoek")
    blog.serve("/feed/", Conditional(blog, "/feed/"))
    await blog.start(aiohttp_server)
    source = await add(server.app[STORE], blog.url("/"), "blog")
    await server.app[SERVICES][SCHEDULER].runner.run_source(source)
    assert (config.home / HTTP_STATE).exists()  # written once the items were stored

    restarted = polite_client(FakeClock())  # a new agent process: a fresh client...
    load_http_state(config.home, restarted)  # ...that remembers what it saw
    async with restarted:
        answer = await restarted.get(blog.url("/feed/"))
    assert answer.not_modified
    assert blog.log[-1].headers.get("If-None-Match") == '"v1"'
