"""Reach out: from a month of listening, who to follow, which blogs, what to share, where to help."""

from __future__ import annotations

import pytest

from tests.fixtures.outreach_month import TOPICS, month


@pytest.fixture
async def listened(vlot_api):
    resp = await vlot_api.put(
        "/api/profile", json={"topics": TOPICS, "competitors": ["Spaarbank Noord"]}
    )
    assert resp.status == 200
    resp = await vlot_api.post("/api/analyze", json={"items": month()})
    assert resp.status == 200, await resp.text()
    return vlot_api


async def get(api, path: str, **params) -> dict:
    resp = await api.get(path, params=params)
    assert resp.status == 200, await resp.text()
    return await resp.json()


async def test_constructive_relevant_authors_are_suggested_to_follow_critics_are_not(listened):
    follow = (await get(listened, "/api/reach-out/follow"))["follow"]
    names = [s["name"] for s in follow["suggestions"]]
    assert set(names) >= {"Ilse Groen", "Milan Bos"} and "Ruud Zuur" not in names
    assert names[0] == "Ilse Groen"  # three relevant posts, most engagement
    assert follow["suggestions"][0]["top_items"] and follow["ratio_known"] is False


async def test_following_suggestions_never_break_the_ratio_rule(listened):
    await listened.post(
        "/api/follow-ratio",
        json={
            "account": "https://www.linkedin.com/in/ik/",
            "followers": "501",
            "following": "500",
            "own": True,
        },
    )
    follow = (await get(listened, "/api/reach-out/follow"))["follow"]
    assert follow["room"] == 1 and len(follow["suggestions"]) == 1
    assert follow["suggestions"][0]["ratio_after"] == 1.0
    await listened.post(
        "/api/follow-ratio",
        json={
            "account": "https://www.linkedin.com/in/ik/",
            "followers": "500",
            "following": "510",
            "own": True,
        },
    )
    assert (await get(listened, "/api/reach-out/follow"))["follow"]["suggestions"] == []


async def test_blogs_linked_from_relevant_items_are_suggested_as_sources(listened):
    blogs = (await get(listened, "/api/reach-out/blogs"))["blogs"]
    assert [b["host"] for b in blogs][:2] == ["groenegeldzaken.example", "zonnedak.example"]
    assert blogs[0]["linked_from"] == 2 and blogs[0]["url"] == "https://groenegeldzaken.example/"
    assert not any("linkedin" in b["host"] for b in blogs)


async def test_useful_posts_are_worth_sharing_but_never_a_competitors_ad(listened):
    share = (await get(listened, "/api/reach-out/share"))["share"]
    authors = [s["author"] for s in share]
    assert authors[0] == "Eva Dijkstra"
    assert "Spaarbank Noord" not in authors and "Ruud Zuur" not in authors
    assert share[0]["language"] == "nl" and "zonnepanelen" in share[0]["comment"]


async def test_open_questions_our_knowledge_answers_get_a_helpful_comment(
    listened, vlotbank_profile
):
    comment = (await get(listened, "/api/reach-out/comment"))["comment"]
    answer = next(
        k["answer"]
        for k in vlotbank_profile["knowledge"]
        if k["question"] == "Can I use VlotPay abroad?"
    )
    assert comment[0]["author"] == "Tom Baker" and answer in comment[0]["comment"]
    assert comment[0]["comment"].startswith("Good question, Tom!")
    assert "(I work at Vlotbank)" in comment[0]["comment"] or "Vlotbank" in comment[0]["comment"]


async def test_a_recurring_unanswered_question_becomes_a_discussion_opener(listened):
    discussions = (await get(listened, "/api/reach-out/discussions"))["discussions"]
    top = discussions[0]
    assert top["size"] == 4 and top["language"] == "nl" and top["where"] == "Duurzaam Ondernemen NL"
    assert "hypotheek" in top["opener"] and "Hoe pakken jullie dit aan?" in top["opener"]


async def test_rhythm_and_unknown_sections(listened):
    rhythm = (await get(listened, "/api/reach-out/rhythm"))["rhythm"]
    assert rhythm["target"] == 2 and rhythm["posts_today"] == 0
    assert (await listened.get("/api/reach-out/everything")).status == 404


async def test_the_ratio_popup_says_whether_a_profile_is_relevant_and_why(listened):
    resp = await listened.post(
        "/api/follow-ratio",
        json={
            "account": "https://www.linkedin.com/in/ilse-groen/",
            "followers": "2.345",
            "following": "400",
        },
    )
    relevance = (await resp.json())["relevance"]
    assert relevance["relevant"] is True and "duurzaam bankieren" in relevance["topics"]
    assert "Ilse Groen" in relevance["why"]
    resp = await listened.post(
        "/api/follow-ratio",
        json={
            "account": "https://www.linkedin.com/in/ruud-zuur/",
            "followers": "80",
            "following": "900",
        },
    )
    assert (await resp.json())["relevance"]["relevant"] is False


async def test_our_company_page_with_followers_only_does_not_count_as_our_ratio(listened):
    await listened.post(
        "/api/follow-ratio",
        json={
            "account": "https://www.linkedin.com/company/vlotbank/",
            "followers": "12.345",
            "own": True,
        },
    )
    follow = (await get(listened, "/api/reach-out/follow"))["follow"]
    assert follow["ratio_known"] is False and follow["suggestions"]
