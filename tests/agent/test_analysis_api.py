"""The social media manager's day, through the API: what people say, who they are, what to answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.support.agent import make_item

pytestmark = pytest.mark.both_stores  # the same story on the team's PostgreSQL


def ago(**delta) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).isoformat().replace("+00:00", "Z")


def comment(n: int, text: str, author: str = "Sanne de Boer", **fields) -> dict:
    return make_item(
        n,
        kind="comment",
        text=text,
        seen_at=ago(hours=1),
        author={
            "name": author,
            "profile_url": f"https://www.linkedin.com/in/{author.lower().replace(' ', '-')}/",
        },
        **fields,
    )


async def analyze(api, *items, store=True) -> list[dict]:
    resp = await api.post("/api/analyze", json={"items": list(items), "store": store})
    assert resp.status == 200, await resp.text()
    return (await resp.json())["results"]


async def test_a_dutch_complaint_about_our_product_gets_an_apology_in_dutch(vlot_api):
    [result] = await analyze(
        vlot_api, comment(1, "Al drie dagen werkt VlotPay niet en niemand reageert. Schandalig!")
    )
    assert result["language"] == "nl"
    assert result["sentiment"]["label"] == "negative"
    assert result["intent"] == "complaint" and result["needs_reply"]
    assert [m["term"] for m in result["mentions"]] == ["VlotPay"]
    written = [s for s in result["suggestions"] if s["kind"] != "saved"]
    assert 2 <= len(written) <= 3  # the profile's saved replies come on top, ranked by fit
    assert all(s["language"] == "nl" and s["why"] for s in result["suggestions"])
    assert len({s["text"] for s in result["suggestions"]}) == len(result["suggestions"])
    assert any("Sanne" in s["text"] for s in written)
    assert not any("korting" in s["text"].lower() for s in written)  # never a sales pitch


async def test_an_english_question_is_answered_from_the_knowledge_base(vlot_api, vlotbank_profile):
    [result] = await analyze(
        vlot_api, comment(2, "Does anyone know if I can use VlotPay abroad", "Tom Baker")
    )
    assert result["language"] == "en" and result["intent"] == "question"
    answer = next(
        k["answer"]
        for k in vlotbank_profile["knowledge"]
        if k["question"] == "Can I use VlotPay abroad?"
    )
    assert any(answer in s["text"] and s["language"] == "en" for s in result["suggestions"])


async def test_analysis_is_stored_with_the_item(vlot_api):
    item = comment(3, "Wat een fijne service van Vlotbank, dank jullie wel!")
    await analyze(vlot_api, item)
    stored = await (await vlot_api.get(f"/api/items/{item['id']}")).json()
    assert stored["item"]["analysis"]["intent"] == "praise"
    assert stored["item"]["person_id"].startswith("linkedin.com/in/")


async def test_store_false_analyses_without_keeping_anything(vlot_api):
    await analyze(vlot_api, comment(4, "Vlotbank is top"), store=False)
    assert (await (await vlot_api.get("/api/items")).json())["total"] == 0


async def test_a_manual_correction_wins_over_the_model_and_survives_reanalysis(vlot_api):
    item = comment(5, "Nou, lekker dan met VlotPay vandaag...")
    await analyze(vlot_api, item)
    resp = await vlot_api.patch(
        f"/api/items/{item['id']}", json={"sentiment": "negative", "intent": "complaint"}
    )
    body = await resp.json()
    assert resp.status == 200
    assert body["item"]["analysis"]["sentiment"]["label"] == "negative"
    assert body["item"]["analysis"]["intent"] == "complaint"
    [again] = await analyze(vlot_api, item)  # the extension sees the post again
    assert again["sentiment"]["label"] == "negative" and again["intent"] == "complaint"


async def test_a_bad_correction_names_the_field(vlot_api):
    item = comment(6, "Vlotbank!")
    await analyze(vlot_api, item)
    resp = await vlot_api.patch(f"/api/items/{item['id']}", json={"sentiment": "furious"})
    assert resp.status == 400 and (await resp.json())["error"].startswith("sentiment")
    assert (
        await vlot_api.patch("/api/items/urn:li:activity:0", json={"intent": "praise"})
    ).status == 404


async def test_three_warm_comments_make_a_fan_and_two_angry_ones_a_critic(vlot_api):
    for n, text in enumerate(
        [
            "Top service van Vlotbank!",
            "VlotPay werkt geweldig, echt blij mee",
            "Weer super geholpen door Vlotbank, dank!",
        ]
    ):
        results = await analyze(vlot_api, comment(10 + n, text, "Fenna Fan"))
    assert results[0]["author"]["flag"] == "fan"
    for n, text in enumerate(
        ["VlotPay is waardeloos, al weken storing", "Slechtste bank ooit, Vlotbank reageert nooit"]
    ):
        results = await analyze(vlot_api, comment(20 + n, text, "Karel Kritisch"))
    assert results[0]["author"]["flag"] == "critic"
    fans = await (await vlot_api.get("/api/people", params={"flag": "fan"})).json()
    assert [p["name"] for p in fans["people"]] == ["Fenna Fan"]
    critics = await (await vlot_api.get("/api/people", params={"flag": "critic"})).json()
    assert [p["name"] for p in critics["people"]] == ["Karel Kritisch"]
    assert (await vlot_api.get("/api/people", params={"flag": "vip"})).status == 400


async def test_a_person_can_be_looked_up_merged_and_forgotten(vlot_api):
    blog_comment = make_item(
        31,
        source="blog",
        kind="comment",
        text="Fijn dat Vlotbank zo snel reageert",
        author={"name": "J. de Vries"},
        seen_at=ago(hours=1),
    )
    await analyze(
        vlot_api, comment(30, "Vlotbank helpt me altijd goed", "Jan de Vries"), blog_comment
    )
    people = (await (await vlot_api.get("/api/people")).json())["people"]
    ids = {p["name"]: p["id"] for p in people}
    person = await (await vlot_api.get(f"/api/people/{ids['Jan de Vries']}")).json()
    assert [i["id"] for i in person["items"]] == [make_item(30)["id"]]
    candidates = (await (await vlot_api.get("/api/people-merge-candidates")).json())["candidates"]
    assert any({c["a"], c["b"]} == set(ids.values()) for c in candidates)
    merged = await vlot_api.post(
        "/api/people-merge", json={"keep": ids["Jan de Vries"], "merge": ids["J. de Vries"]}
    )
    assert len((await merged.json())["person"]["interactions"]) == 2
    gone = await vlot_api.delete(
        f"/api/people/{ids['Jan de Vries']}", headers={"Content-Type": "application/json"}
    )
    assert (await gone.json())["removed"]["items"] == 2
    assert (await (await vlot_api.get("/api/items")).json())["total"] == 0
    assert (await vlot_api.get(f"/api/people/{ids['Jan de Vries']}")).status == 404


async def test_a_draft_speaking_for_us_needs_a_disclosure_until_it_has_one(vlot_api):
    resp = await vlot_api.post(
        "/api/drafts/check",
        json={
            "text": "Wij van Vlotbank lanceren vandaag VlotPay Zakelijk!",
            "context": {"kind": "post"},
        },
    )
    body = await resp.json()
    assert body["language"] == "nl"
    assert body["disclosure"]["needed"] is True and body["disclosure"]["present"] is False
    assert body["disclosure"]["insert"] == "(ik werk bij Vlotbank)"
    resp = await vlot_api.post(
        "/api/drafts/check",
        json={"text": "Wij van Vlotbank lanceren vandaag VlotPay Zakelijk! (ik werk bij Vlotbank)"},
    )
    assert (await resp.json())["disclosure"]["present"] is True


async def test_promotional_own_posts_push_the_share_over_twenty_percent(vlot_api):
    for text in (
        "Nu verkrijgbaar: VlotPay Zakelijk met 20% korting, bestel nu!",
        "Vijf tips om je administratie op orde te krijgen voor het nieuwe jaar.",
    ):
        assert (await vlot_api.post("/api/own-posts", json={"text": text})).status == 200
    body = await (
        await vlot_api.post(
            "/api/drafts/check", json={"text": "Schrijf je nu in en krijg de eerste maand gratis!"}
        )
    ).json()
    assert body["promotional"] is True
    assert body["promo_share"]["value"] == 0.5 and body["promo_share"]["limit"] == 0.2


async def test_follow_ratio_reads_counts_as_linkedin_shows_them_and_keeps_history(vlot_api):
    url = "https://www.linkedin.com/in/mijn-profiel/"
    resp = await vlot_api.post(
        "/api/follow-ratio",
        json={"account": url, "followers": "1.234 volgers", "following": "987", "own": True},
    )
    body = await resp.json()
    assert (body["followers"], body["following"], body["verdict"]) == (1234, 987, "ok")
    assert body["ratio"] == 1.25
    resp = await vlot_api.post(
        "/api/follow-ratio",
        json={"account": url, "followers": "1,2K", "following": "1.500", "own": True},
    )
    body = await resp.json()
    assert body["verdict"] == "warn" and "300" in body["advice"]
    history = await (await vlot_api.get("/api/follow-ratio", params={"account": url})).json()
    assert [h["followers"] for h in history["history"]] == [1234, 1200]


async def test_nonsense_counts_are_refused_clearly(vlot_api):
    resp = await vlot_api.post(
        "/api/follow-ratio",
        json={"account": "https://www.linkedin.com/in/x/", "followers": "veel", "following": "3"},
    )
    body = await resp.json()
    assert resp.status == 400 and body["error"].startswith("followers")


async def test_answering_an_item_records_the_response_time(vlot_api):
    item = comment(
        40, "Hoe kan ik VlotPay koppelen aan mijn boekhouding?", published_at=ago(hours=2)
    )
    await analyze(vlot_api, item)
    today = await (await vlot_api.get("/api/stats/today")).json()
    assert today["waiting"] == 1
    resp = await vlot_api.post(
        "/api/replies", json={"item_id": item["id"], "text": "Dat kan via Instellingen."}
    )
    reply = (await resp.json())["reply"]
    assert 7000 < reply["response_seconds"] < 7400
    stored = (await (await vlot_api.get(f"/api/items/{item['id']}")).json())["item"]
    assert stored["answered"] and stored["analysis"]["needs_reply"] is False
    assert (await (await vlot_api.get("/api/stats/today")).json())["waiting"] == 0
    assert (await vlot_api.post("/api/replies", json={"item_id": "nope"})).status == 404


async def test_a_page_linkedin_changed_is_reported(vlot_api):
    resp = await vlot_api.post(
        "/api/extractor-miss",
        json={"url": "https://www.linkedin.com/feed/", "hints": {"listitems": 40}},
    )
    assert resp.status == 200
    events = (await (await vlot_api.get("/api/events")).json())["events"]
    assert events[0]["type"] == "extractor.miss"


async def test_a_company_page_shows_followers_only_and_gets_no_ratio_verdict(vlot_api):
    resp = await vlot_api.post(
        "/api/follow-ratio",
        json={
            "account": "https://www.linkedin.com/company/spaarbank-noord/",
            "followers": "12.345 volgers",
        },
    )
    body = await resp.json()
    assert resp.status == 200
    assert (body["followers"], body["following"], body["ratio"], body["verdict"]) == (
        12345,
        None,
        None,
        "ok",
    )
    assert "alleen volgers" in body["advice"]


async def test_the_follow_page_shows_company_pages_beside_people(vlot_api):
    await vlot_api.post(
        "/api/follow-ratio",
        json={
            "account": "https://www.linkedin.com/company/vlotbank/",
            "followers": "12.345",
            "own": True,
        },
    )
    await vlot_api.post(
        "/api/follow-ratio",
        json={
            "account": "https://www.linkedin.com/in/anna/",
            "followers": "300",
            "following": "280",
            "own": True,
        },
    )
    resp = await vlot_api.get("/api/insights/follow", params={"lang": "en"})
    assert resp.status == 200, await resp.text()
    verdicts = {a["account"]: a["verdict"] for a in (await resp.json())["accounts"]}
    assert verdicts["linkedin.com/company/vlotbank"]["reason"] == "no_following"
    assert verdicts["linkedin.com/in/anna"]["verdict"] == "ok"
