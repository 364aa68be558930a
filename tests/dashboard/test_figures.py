"""The numbers behind the pages: business hours, hand-over, inbox order and filters, team,
listening, being valuable, follow ratio and people (pure functions and their API)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from agent.dashboard.handover import owner
from agent.dashboard.hours import business_seconds
from tests.dashboard.conftest import hours_ago, item, vlotbank

AMSTERDAM = {
    "timezone": "Europe/Amsterdam",
    "days": {d: ["09:00", "17:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
}


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_a_weekend_does_not_count_as_waiting_within_business_hours():
    friday_four = utc("2026-11-20T16:00:00+01:00")
    monday_ten = utc("2026-11-23T10:00:00+01:00")
    assert business_seconds(friday_four, monday_ten, AMSTERDAM) == 2 * 3600
    assert business_seconds(monday_ten, friday_four, AMSTERDAM) == 0


def test_business_hours_are_counted_in_real_time_across_a_clock_change():
    hours = {"timezone": "Europe/Amsterdam", "days": {"sun": ["00:00", "23:59"]}}
    # 25 October 2026: clocks go back an hour, so that Sunday has 24 h 59 min of opening.
    start, end = utc("2026-10-24T12:00:00+02:00"), utc("2026-10-26T12:00:00+01:00")
    assert business_seconds(start, end, hours) == 24 * 3600 + 59 * 60


def test_a_colleague_who_is_away_hands_over_to_the_one_they_named():
    today = date(2026, 11, 23)
    team = [
        {
            "id": "ruben",
            "name": "Ruben",
            "away": [{"from": "2026-11-20", "to": "2026-11-30", "delegate": "sanne"}],
        },
        {"id": "sanne", "name": "Sanne"},
        {
            "id": "ilse",
            "name": "Ilse",
            "away": [{"from": "2026-11-23", "to": "2026-11-23", "delegate": "Ruben"}],
        },
    ]
    assert owner("ruben", team, today) == (
        "sanne",
        {"from": "ruben", "from_name": "Ruben", "until": "2026-11-30"},
    )
    assert owner("Ruben", team, date(2026, 12, 1)) == ("ruben", None)
    # Ilse's delegate is away too: her items go on to his delegate.
    assert owner("ilse", team, today)[0] == "sanne"
    assert owner("ilse", team, date(2026, 11, 24)) == ("ilse", None)
    assert owner(None, team, today) == (None, None)
    assert owner("stranger", team, today) == ("stranger", None)


def test_delegates_that_point_at_each_other_do_not_loop():
    team = [
        {"id": "a", "away": [{"from": "2026-01-01", "to": "2026-12-31", "delegate": "b"}]},
        {"id": "b", "away": [{"from": "2026-01-01", "to": "2026-12-31", "delegate": "a"}]},
    ]
    assert owner("a", team, date(2026, 6, 1))[0] == "b"


async def seed(api, docs: list[dict], kinds: dict[str, tuple[str, str]]) -> None:
    assert (await api.post("/api/analyze", json={"items": docs})).status == 200
    for item_id, (intent, sentiment) in kinds.items():
        resp = await api.patch(
            f"/api/items/{item_id}", json={"intent": intent, "sentiment": sentiment}
        )
        assert resp.status == 200, await resp.text()


async def test_the_inbox_weighs_critics_above_others_and_filters(api):
    assert (await api.put("/api/profile", json=vlotbank())).status == 200
    kees = {"name": "Kees Kritisch", "profile_url": "https://www.linkedin.com/in/kees-kritisch/"}
    earlier = [
        item(n, "VlotPay faalt weer, slechte service", author=kees, hours=30 + n) for n in (21, 22)
    ]
    await seed(api, earlier, {d["id"]: ("complaint", "negative") for d in earlier})
    for doc in earlier:
        await api.patch(
            f"/api/items/{doc['id']}", json={"status": "ignored", "ignore_reason": "test"}
        )
    # The critic asked later, yet comes first.
    critic_question = item(23, "Hoe zit het met de kosten van VlotPay?", author=kees, hours=4)
    plain_question = item(
        24,
        "Hoe zit het met de kosten van Zonnewind?",
        author="Lies Lammers",
        hours=6,
        source="blog",
    )
    questions = [critic_question, plain_question]
    await seed(api, questions, {d["id"]: ("question", "neutral") for d in questions})

    body = await (await api.get("/api/inbox")).json()
    ids = [e["id"] for e in body["items"]]
    assert ids == [critic_question["id"], plain_question["id"]]
    first = body["items"][0]
    assert (
        first["author"]["flag"] == "critic"
        and 4 * 3600 - 60 <= first["waiting_seconds"] <= 4 * 3600 + 60
    )
    assert 0 <= first["business_seconds"] <= first["waiting_seconds"]
    assert body["facets"]["sources"] == ["blog", "linkedin"]

    only_blog = await (await api.get("/api/inbox?source=blog")).json()
    assert [e["id"] for e in only_blog["items"]] == [plain_question["id"]]
    about = await (await api.get("/api/inbox?term=Zonnewind")).json()
    assert [e["id"] for e in about["items"]] == [plain_question["id"]]
    ignored = await (await api.get("/api/inbox?status=ignored")).json()
    assert {e["id"] for e in ignored["items"]} == {d["id"] for d in earlier}
    assert (await api.get("/api/inbox?sentiment=furious")).status == 400


async def test_team_numbers_count_answers_and_the_median_response_time(api):
    assert (await api.put("/api/profile", json=vlotbank())).status == 200
    docs = [
        item(30 + n, f"Vraag {n} over VlotPay?", author=f"Klant {n}", hours=10) for n in range(3)
    ]
    await seed(api, docs, {d["id"]: ("question", "neutral") for d in docs})
    for doc, minutes in zip(docs[:2], (60, 180), strict=True):
        answered = datetime.fromisoformat(doc["published_at"].replace("Z", "+00:00")) + timedelta(
            minutes=minutes
        )
        resp = await api.post(
            "/api/replies",
            json={"item_id": doc["id"], "by": "sanne", "answered_at": answered.isoformat()},
        )
        assert resp.status == 200
    await api.patch(f"/api/items/{docs[2]['id']}", json={"assignee": "ruben"})

    team = await (await api.get("/api/team")).json()
    by_id = {m["id"]: m for m in team["members"]}
    assert by_id["sanne"]["answered"] == 2 and by_id["sanne"]["median_response_seconds"] == 120 * 60
    # Ruben is away: his open item counts for Sanne, who covers.
    assert by_id["ruben"]["open"] == 0 and by_id["ruben"]["away_now"]["delegate"] == "sanne"
    assert by_id["sanne"]["open"] == 1 and by_id["sanne"]["handed_over_to_them"] == 1
    assert by_id["ruben"]["delegate_name"] == "Sanne Visser"


async def test_listening_counts_mentions_per_term_and_source_and_finds_the_loudest_thread(api):
    assert (await api.put("/api/profile", json=vlotbank())).status == 200
    post = item(
        40, "Wie gebruikt VlotPay al?", author="Mia Mulder", hours=30, kind="post", parent_id=None
    )
    comments = [
        item(
            41 + n,
            f"VlotPay is top, echt waar {n}",
            author=f"Fan {n}",
            hours=29,
            parent_id=post["id"],
        )
        for n in range(3)
    ]
    blog = item(45, "Zonnewind sparen valt tegen", author="Noor Nijhof", hours=2, source="blog")
    await seed(api, [post, *comments, blog], {blog["id"]: ("complaint", "negative")})

    data = await (await api.get("/api/insights/listening?days=7")).json()
    assert len(data["dates"]) == 7 and data["total"] == 5
    assert sum(data["by_term"]["VlotPay"]) == 4 and sum(data["by_term"]["Zonnewind"]) == 1
    assert sum(data["by_source"]["linkedin"]) == 4 and sum(data["by_source"]["blog"]) == 1
    assert data["sentiment"]["negative"] >= 1
    loudest = data["loudest"][0]
    assert loudest["id"] == post["id"] and loudest["items"] == 4 and loudest["comments"] == 3
    found = await (await api.get("/api/insights/listening?q=nijhof")).json()
    assert [r["id"] for r in found["results"]] == [blog["id"]]


async def test_being_valuable_names_each_day_below_target_and_the_promotional_share(api):
    profile = vlotbank(targets={"posts_per_day": 1, "weekends": True, "max_promo_share": 0.2})
    assert (await api.put("/api/profile", json=profile)).status == 200
    today = datetime.now(UTC).date()
    saturday = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
    for n in range(1, 28):
        day = today - timedelta(days=n)
        if day == saturday:
            continue
        text = (
            "Schrijf je nu in: Zonnewind met 10% korting!"
            if n == 3
            else f"Tip {n}: zo spaar je slim voor je pensioen."
        )
        resp = await api.post(
            "/api/own-posts", json={"id": f"own:{n}", "text": text, "posted_at": f"{day}T11:00:00Z"}
        )
        assert resp.status == 200
    liked = item(50, "Wat een nuttige tip, dank je!", author="Olga Os", hours=20, parent_id="own:4")
    await seed(api, [liked], {liked["id"]: ("praise", "positive")})

    data = await (await api.get("/api/insights/valuable")).json()
    assert [g["date"] for g in data["gaps"]] == [saturday.isoformat()]
    assert data["gaps"][0]["weekday"] == 5 and data["gaps"][0]["posts"] == 0
    assert data["days"][-1] == {
        "date": today.isoformat(),
        "weekday": today.weekday(),
        "posts": 0,
        "target": 1.0,
        "short": False,
    }
    assert data["promo"]["promotional"] == 1 and data["promo"]["over_limit"] is False
    assert data["best"][0]["id"] == "own:4" and data["best"][0]["positive"] == 1


async def test_the_follow_ratio_history_of_every_tracked_account(api):
    me = "https://www.linkedin.com/in/vlotbank-social/"
    for followers, following in ((500, 300), (510, 480)):
        resp = await api.post(
            "/api/follow-ratio",
            json={"account": me, "followers": followers, "following": following, "own": True},
        )
        assert resp.status == 200
    other = {
        "account": "https://www.linkedin.com/in/someone/",
        "name": "Pim Pol",
        "followers": "1.2K",
        "following": 2000,
    }
    assert (await api.post("/api/follow-ratio", json=other)).status == 200

    data = await (await api.get("/api/insights/follow?lang=en")).json()
    mine, theirs = data["accounts"]
    assert mine["own"] and [h["following"] for h in mine["history"]] == [300, 480]
    assert theirs["name"] == "Pim Pol" and theirs["verdict"]["verdict"] == "warn"
    assert "follows 800 more accounts" in theirs["verdict"]["advice"]


async def test_people_show_who_is_warming_up(api):
    assert (await api.put("/api/profile", json=vlotbank())).status == 200
    author = {"name": "Rik Rutten", "profile_url": "https://www.linkedin.com/in/rik-rutten/"}
    moods = [("complaint", "negative")] + [("praise", "positive")] * 3
    docs = [
        item(60 + n, f"Bericht {n} over Vlotbank", author=author, hours=100 - 10 * n)
        for n in range(4)
    ]
    await seed(api, docs, {d["id"]: mood for d, mood in zip(docs, moods, strict=True)})
    people = (await (await api.get("/api/insights/people")).json())["people"]
    rik = next(p for p in people if p["name"] == "Rik Rutten")
    assert rik["interactions"] == 4 and rik["positive"] == 3 and rik["negative"] == 1
    assert rik["trend"] == "up" and rik["last_seen"].startswith(hours_ago(70)[:10])
