"""The organisation profile: changed in parts, validated, never replaced by a broken one."""

from __future__ import annotations

import asyncio

from agent.cli.init_cmd import EXAMPLE
from agent.profile import ProfileManager, parse_toml, with_defaults


async def test_a_partial_update_changes_only_the_keys_sent(api):
    await api.put(
        "/api/profile",
        json={
            "organisation": {"name": "Vlotbank", "aliases": ["Vlot Bank"]},
            "watch_terms": ["VlotPay"],
        },
    )
    resp = await api.put("/api/profile", json={"targets": {"posts_per_day": 3}})
    profile = (await resp.json())["profile"]
    assert profile["organisation"]["name"] == "Vlotbank"
    assert profile["watch_terms"] == ["VlotPay"]
    assert profile["targets"]["posts_per_day"] == 3
    assert profile["targets"]["max_promo_share"] == 0.2  # untouched sibling key


async def test_an_invalid_profile_names_the_field_and_changes_nothing(api):
    before = await (await api.get("/api/profile")).json()
    resp = await api.put("/api/profile", json={"targets": {"max_promo_share": 3}})
    body = await resp.json()
    assert resp.status == 400 and body["error"].startswith("targets.max_promo_share")
    assert await (await api.get("/api/profile")).json() == before


async def test_a_broken_hand_edit_is_reported_and_the_last_good_profile_kept(
    api, home, monkeypatch
):
    from agent.server import app as app_module

    await api.put("/api/profile", json={"organisation": {"name": "Vlotbank"}})
    (home / "profile.toml").write_text('[targets]\nposts_per_day = "veel"\n', encoding="utf-8")
    for _ in range(60):
        body = await (await api.get("/api/profile")).json()
        if body["problem"]:
            break
        await asyncio.sleep(app_module.PROFILE_POLL_SECONDS / 10)
    assert body["problem"].startswith("targets.posts_per_day")
    assert body["profile"]["organisation"]["name"] == "Vlotbank"


def test_the_last_good_profile_survives_a_restart_with_a_broken_file(tmp_path):
    manager = ProfileManager(tmp_path)
    manager.update({"organisation": {"name": "Vlotbank"}})
    (tmp_path / "profile.toml").write_text("this is not toml = [", encoding="utf-8")
    restarted = ProfileManager(tmp_path)
    restarted.load()
    assert restarted.current["organisation"]["name"] == "Vlotbank"
    assert "not valid TOML" in restarted.problem


def test_the_example_profile_is_valid_and_has_every_fixed_key():
    profile = with_defaults(parse_toml(EXAMPLE.read_text(encoding="utf-8")))
    for key in (
        "organisation",
        "disclosure",
        "watch_terms",
        "knowledge",
        "saved_replies",
        "team",
        "sources",
        "business_hours",
        "targets",
    ):
        assert key in profile
    assert profile["targets"] == {
        "posts_per_day": 2,
        "weekends": True,
        "max_promo_share": 0.2,
        "fan_min_interactions": 3,
        "fan_window_days": 90,
    }


def test_text_that_is_not_valid_unicode_is_refused_and_nothing_is_written(tmp_path):
    from agent.profile import ProfileError

    manager = ProfileManager(tmp_path)
    manager.update({"organisation": {"name": "Vlotbank"}})
    before = (tmp_path / "profile.toml").read_bytes()
    try:
        manager.update({"organisation": {"name": "Vlot\ud800bank"}})
    except ProfileError as exc:
        assert "not valid Unicode" in str(exc)
    else:
        raise AssertionError("a lone surrogate was accepted")
    assert (tmp_path / "profile.toml").read_bytes() == before
    assert manager.current["organisation"]["name"] == "Vlotbank"


async def test_a_profile_with_odd_extra_keys_is_used_or_refused_never_half_applied(api):
    resp = await api.put(
        "/api/profile", json={"disclosure": {"nl": "(ik werk bij Vlotbank)", "x": {}}}
    )
    assert resp.status == 400 and (await resp.json())["error"].startswith("disclosure")
    resp = await api.put(
        "/api/profile",
        json={"disclosure": {"nl": "(ik werk bij Vlotbank)", "de": "(ich arbeite bei Vlotbank)"}},
    )
    assert resp.status == 200
    check = await api.post(
        "/api/drafts/check", json={"text": "Wij van Vlotbank! (ich arbeite bei Vlotbank)"}
    )
    assert check.status == 200 and (await check.json())["disclosure"]["present"] is True


def test_the_example_listens_for_its_products_and_competitors():
    profile = parse_toml(EXAMPLE.read_text(encoding="utf-8"))
    assert profile["watch_terms"] == ["VlotPay", "Zonnewind"]
    assert profile["competitors"] == ["Spaarbank Noord"]
    assert set(profile["disclosure"]) == {"nl", "en"}
