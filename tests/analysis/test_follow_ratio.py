"""Never follow more accounts than follow you: Roos warns when that happens or is about to,
says by how much, and suggests whom to unfollow first."""

from agent.analysis.follow_ratio import assess, unfollow_candidates

NOW = "2026-06-30T12:00:00Z"


def test_following_more_than_followers_warns_with_the_exact_number_in_dutch():
    result = assess("1.000 volgers", "1.120", own=True)
    assert result["verdict"] == "warn"
    assert result["reason"] == "following_more"
    assert result["ratio"] == 0.89
    assert result["advice"].startswith(
        "Je volgt 120 accounts meer dan je volgers; ontvolg er minstens 120"
    )


def test_the_advice_comes_in_english_when_asked():
    result = assess(1000, 1120, lang="en")
    assert result["advice"].startswith("You follow 120 more accounts than follow you")


def test_a_trend_towards_following_more_within_30_days_warns_early():
    history = [{"at": "2026-06-10T12:00:00Z", "followers": 990, "following": 700}]
    result = assess(1000, 900, history=history, now=NOW)
    assert result["verdict"] == "warn"
    assert result["reason"] == "trend"
    assert result["days_until_cross"] == 11
    assert "over ongeveer 11 dagen" in result["advice"]


def test_a_slow_trend_or_growing_followers_is_fine():
    slow = [{"at": "2026-06-01T12:00:00Z", "followers": 1000, "following": 590}]
    assert assess(1000, 600, history=slow, now=NOW)["verdict"] == "ok"
    growing = [{"at": "2026-06-01T12:00:00Z", "followers": "800", "following": "600"}]
    result = assess(1000, 600, history=growing, now=NOW)
    assert result["verdict"] == "ok"
    assert "Je kunt nog 400 accounts volgen" in result["advice"]


def test_old_history_outside_the_window_is_ignored():
    old = [{"at": "2026-01-01T12:00:00Z", "followers": 2000, "following": 100}]
    assert assess(1000, 900, history=old, now=NOW)["verdict"] == "ok"


def test_following_nobody_is_not_an_error():
    result = assess(500, 0)
    assert result["ratio"] == 500.0
    assert result["verdict"] == "ok"


def test_someone_elses_account_is_described_not_advised():
    result = assess(200, 1_500, own=False)
    assert result["verdict"] == "warn"
    assert result["advice"].startswith("Dit account volgt 1.300 accounts meer")


def test_unfollow_candidates_are_people_without_interaction_in_90_days_least_engaged_first():
    people = [
        {"id": "anna", "name": "Anna Smit", "followed_at": "2025-01-01T00:00:00Z"},
        {"id": "bram", "name": "Bram Kok", "followed_at": "2025-01-01T00:00:00Z"},
        {"id": "cees", "name": "Cees Mol", "followed_at": "2025-01-01T00:00:00Z"},
        {"id": "dirk", "name": "Dirk Vos", "followed_at": "2026-06-20T00:00:00Z"},
        {"id": "eva", "name": "Eva Bos"},
    ]
    interactions = [
        {"person_id": "anna", "at": "2026-06-25T00:00:00Z"},
        {"person_id": "bram", "at": "2026-01-05T00:00:00Z"},
        {"person_id": "bram", "at": "2026-02-05T00:00:00Z"},
        {"person_id": "eva", "at": "2025-12-01T00:00:00Z"},
    ]
    found = unfollow_candidates(people, interactions, NOW)
    assert [p["id"] for p in found] == ["cees", "eva", "bram"]
    assert found[2]["interactions"] == 2
    assert found[2]["last_interaction"] == "2026-02-05T00:00:00+00:00"


def test_unfollow_candidates_can_read_interactions_from_person_records():
    people = [
        {"id": "anna", "interactions": [{"item_id": "i1", "at": "2026-06-01T00:00:00Z"}]},
        {"id": "bram", "interactions": [{"item_id": "i2", "at": "2025-06-01T00:00:00Z"}]},
    ]
    assert [p["id"] for p in unfollow_candidates(people, now=NOW)] == ["bram"]
