"""The figures behind daily use: one count for Be valuable, share of voice and top terms,
whom to unfollow, topic routing, reasons read defensively, profile problems explained."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from agent.dashboard.listening import share_of_voice, top_terms
from agent.dashboard.profile_problem import explain
from agent.dashboard.reasons import category_of, reasons_of
from agent.dashboard.routing import route
from agent.dashboard.valuable import valuable
from agent.server.keys import STORE

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TEAM = [
    {"id": "sanne", "name": "Sanne Visser", "topics": ["social", "pers"]},
    {
        "id": "ruben",
        "name": "Ruben Dekker",
        "topics": ["VlotPay", "klachten"],
        "away": [{"from": "2026-11-20", "to": "2026-11-30", "delegate": "sanne"}],
    },
    {"id": "ilse", "name": "Ilse Brouwer", "topics": ["Zonnewind", "VlotPay"]},
]


def test_be_valuable_counts_one_set_of_posts_for_every_figure():
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    posts = [
        # 29 days ago in UTC terms, but the first day of the period in Amsterdam: counted.
        {"id": "edge", "published_at": "2026-10-31T23:30:00Z", "text": "Tip"},
        {"id": "old", "published_at": "2026-10-30T10:00:00Z", "text": "Nu met korting!"},
        *(
            {"id": f"p{n}", "published_at": f"2026-11-{n:02d}T10:00:00Z", "text": "Tip"}
            for n in range(2, 12)
        ),
    ]
    data = valuable(posts, [], now, AMSTERDAM, {"posts_per_day": 1})
    assert data["period"] == {
        "first": "2026-11-01",
        "last": "2026-11-28",
        "timezone": "Europe/Amsterdam",
    }
    assert data["posts"] == data["promo"]["count"] == 11
    assert data["promo"]["promotional"] == 0  # the promotional post fell outside the period


def test_share_of_voice_counts_us_against_each_competitor():
    day = date(2026, 11, 2)
    dated = [
        (day, {"text": "Vlotbank helpt snel", "analysis": {}}),
        (day, {"text": "Ik ging naar Spaarhuis", "analysis": {}}),
        (day, {"text": "VlotPay of Spaarhuis?", "analysis": {"mentions": [{"term": "VlotPay"}]}}),
        (day, {"text": "Spaarhuisje is iets anders", "analysis": {}}),
    ]
    rows = share_of_voice(dated, "Vlotbank", ["Spaarhuis", "Muntmeester"])
    assert [(r["name"], r["count"], r["ours"]) for r in rows] == [
        ("Vlotbank", 2, True),
        ("Spaarhuis", 2, False),
        ("Muntmeester", 0, False),
    ]
    assert rows[0]["share"] == 0.5
    assert top_terms({"VlotPay": [1, 2], "Zonnewind": [0, 0], "VlotPas": [3, 1]}) == [
        {"term": "VlotPas", "count": 4},
        {"term": "VlotPay", "count": 3},
    ]


def test_an_item_goes_to_the_colleague_whose_topics_it_is_about_skipping_who_is_away():
    today = date(2026, 11, 23)
    assert route(["VlotPay"], "VlotPay doet het niet", TEAM, today) == {
        "member": "ilse",
        "topics": ["VlotPay"],
        "skipped": ["Ruben Dekker"],
    }
    # Two topics beat one; whole words only ("persoonlijk" is not "pers").
    assert (
        route([], "Een klachten-vraag over VlotPay", TEAM, date(2026, 12, 5))["member"] == "ruben"
    )
    assert route([], "persoonlijk advies", TEAM, today) is None
    # Everyone whose topic it is is away: the first one's stand-in takes it.
    only_ruben = [TEAM[0], TEAM[1]]
    assert route(["VlotPay"], "", only_ruben, today)["member"] == "sanne"


def test_reasons_are_read_defensively():
    assert reasons_of({"reasons": ["asks how", {"text": "names VlotPay"}, 3, None]}) == [
        "asks how",
        "names VlotPay",
    ]
    assert reasons_of(
        {"reasons": "  a   complaint ", "urgency_reasons": ["A complaint", "critic"]}
    ) == [
        "a complaint",
        "critic",
    ]
    assert reasons_of({"reasons": {"weird": 1}}) == [] and reasons_of(None) == []
    assert category_of({"urgency_category": "outage"}) == "outage"
    assert category_of({"category": {"name": "billing"}}) == "billing"
    assert category_of({"urgency_category": 7}) is None


def test_a_profile_problem_names_the_field_and_what_to_write():
    assert explain("targets.posts_per_day: 'twee' is not of type 'number'") == {
        "field": "targets.posts_per_day",
        "message": "'twee' is not of type 'number'",
        "kind": "type",
        "expected": "number",
        "example": "2",
        "line": None,
    }
    toml = explain("profile.toml is not valid TOML: Expected '=' (at line 12, column 3)")
    assert toml["kind"] == "toml" and toml["line"] == 12
    assert explain("voice.address: 'u' is not one of ['je', 'jij']")["kind"] == "choice"
    assert explain(None) is None


async def test_the_follow_page_lists_whom_to_unfollow(api, server):
    for name, slug in (("Quiet Quinten", "quinten"), ("Stille Stan", "stan")):
        body = {
            "account": f"https://www.linkedin.com/in/{slug}/",
            "name": name,
            "followers": 100,
            "following": 100,
            "followed_by_me": True,
        }
        assert (await api.post("/api/follow-ratio", json=body)).status == 200
    data = await (await api.get("/api/insights/follow?lang=nl")).json()
    assert data["unfollow"] == []  # just followed: a fair chance of 90 days first
    long_ago = (datetime.now(UTC) - timedelta(days=200)).isoformat()
    await server.app[STORE].patch("people", "linkedin.com/in/quinten", {"followed_at": long_ago})
    data = await (await api.get("/api/insights/follow?lang=nl")).json()
    assert [p["name"] for p in data["unfollow"]] == ["Quiet Quinten"]


def test_the_webcare_reasons_come_in_both_languages_urgency_first():
    analysis = {
        "reasons": {
            "intent": [
                {
                    "rule": "failure",
                    "words": ["werkt niet"],
                    "nl": "iets werkt niet",
                    "en": "something fails",
                }
            ],
            "urgency": [{"rule": "safety", "words": ["rook"], "nl": "gevaar", "en": "danger"}],
            "sentiment": [
                {"rule": "lexicon", "words": ["slecht"], "nl": "gevoel", "en": "feeling"}
            ],
        }
    }
    assert reasons_of(analysis) == [
        {"rule": "safety", "nl": "gevaar", "en": "danger", "words": ["rook"]},
        {
            "rule": "failure",
            "nl": "iets werkt niet",
            "en": "something fails",
            "words": ["werkt niet"],
        },
    ]
    assert reasons_of({"reasons": {"intent": [{"nl": 3}, "x", None]}}) == []
