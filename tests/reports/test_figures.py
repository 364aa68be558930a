"""The numbers behind the report, from the invented October stored through the real store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agent.reports.figures import compute_figures
from agent.reports.months import Month
from agent.reports.response_times import median, percentile
from agent.reports.summary import summary_lines

from .conftest import AFTER, OCTOBER

HOUR = 3600


@pytest.fixture(scope="module")
def figures(inputs, profile) -> dict:
    return compute_figures(OCTOBER, profile, now=AFTER, **inputs)


def october_items(store, intent=None):
    start = datetime(2026, 9, 30, 22, 0, tzinfo=UTC)  # 1 October, midnight in Amsterdam
    end = datetime(2026, 10, 31, 23, 0, tzinfo=UTC)  # 1 November (winter time)

    def inside(item):
        at = datetime.fromisoformat(item["published_at"].replace("Z", "+00:00"))
        wanted = intent is None or item["analysis"]["intent"] == intent
        return start <= at < end and wanted

    return store.find("items", inside)[0]


def test_mentions_are_counted_per_source_and_term_against_september(figures, stored):
    mentions = figures["mentions"]
    assert (mentions["total"], mentions["previous"], mentions["change"]) == (23, 20, 15.0)
    by_source = {row["key"]: row["count"] for row in mentions["by_source"]}
    assert sum(by_source.values()) == 23 and set(by_source) == {"linkedin", "blog"}
    in_store = [i for i in october_items(stored[0]) if i["source"] == "blog"]
    named = [
        i for i in in_store if any(m["kind"] != "competitor" for m in i["analysis"]["mentions"])
    ]
    assert by_source["blog"] == len(named)
    terms = {row["key"]: row for row in mentions["by_term"]}
    assert terms["VlotPay"]["count"] == 7 and terms["VlotPay"]["kind"] == "product"
    # A competitor is listed among the terms but never counted as a mention of us.
    assert terms["Spaarhuis"]["kind"] == "competitor" and terms["Spaarhuis"]["count"] == 1


def test_complaints_have_clock_and_working_time_medians_and_a_90th_percentile(figures):
    complaints = figures["response"]["complaints"]
    assert complaints["received"] == 10 and complaints["answered"] == 10
    assert complaints["median_business_seconds"] == 70 * 60
    assert complaints["p90_business_seconds"] == 150 * 60
    assert complaints["median_seconds"] == 135 * 60
    assert complaints["within_target"] == 9  # the day-and-a-half one missed 4 working hours
    assert complaints["previous_received"] == 5


def test_an_unanswered_question_counts_as_received_but_not_answered(figures):
    questions = figures["response"]["questions"]
    assert (questions["received"], questions["answered"]) == (6, 5)
    assert questions["median_seconds"] == HOUR


def test_leads_are_questions_about_products(figures):
    leads = figures["leads"]
    assert leads["count"] == 6
    assert [(r["key"], r["count"]) for r in leads["by_term"]] == [
        ("VlotPay", 3),
        ("Zonnewind", 2),
        ("VlotPas", 1),
    ]


def test_fans_and_ambassadors_gained_and_lost_over_the_month(figures):
    people = figures["people"]
    assert people["fans"]["gained_names"] == ["Femke Zonneveld", "Joris Kleinveld"]
    assert people["fans"]["lost_names"] == ["Mirjam Oosterhout"]  # her praise was in July
    assert (people["fans"]["total"], people["fans"]["previous"]) == (2, 1)
    assert people["ambassadors"]["gained_names"] == ["Joris Kleinveld"]
    assert people["critics"]["gained_names"] == ["Henk Braakman"]


def test_posting_rhythm_against_the_targets(figures):
    rhythm = figures["rhythm"]
    assert rhythm["posts"] == 41 and rhythm["per_day"] == round(41 / 31, 2)
    assert (rhythm["weekend_days_covered"], rhythm["weekend_days"]) == (6, 9)
    assert rhythm["promotional"] == 8 and rhythm["promo_share"] == round(8 / 41, 4)
    assert rhythm["max_promo_share"] == 0.2 and rhythm["previous_posts"] == 30
    assert sum(d["count"] for d in rhythm["daily"]) == 41


def test_follow_ratio_takes_the_latest_own_snapshot_and_its_change(figures):
    [page] = figures["follow"]  # the other account's snapshot is not ours
    assert (page["followers"], page["following"]) == (1236, 415)
    assert (page["followers_change"], page["following_change"]) == (56, 15)
    assert page["ratio"] == round(1236 / 415, 2)


def test_notable_threads_show_the_most_discussed_and_the_most_negative(figures):
    threads = figures["threads"]
    top = threads["most_comments"][0]
    assert top["comments"] == 14 and top["reactions"] == 52 and "Zwolle" in top["excerpt"]
    worst = threads["most_negative"]
    assert len(worst) == 3 and worst[0]["compound"] <= worst[1]["compound"] <= worst[2]["compound"]
    assert all(t["compound"] < 0 for t in worst)


def test_sentiment_split_and_weekly_trend_cover_everything_about_us(figures):
    sentiment = figures["sentiment"]
    assert sum(sentiment["counts"].values()) == sentiment["count"] >= 23
    weekly = sum(w["positive"] + w["neutral"] + w["negative"] for w in sentiment["weeks"])
    assert weekly == sentiment["count"]
    assert [w["week"] for w in sentiment["weeks"]] == [40, 41, 42, 43, 44]


def test_the_summary_reads_like_a_director_wants_it_in_both_languages(figures):
    nl = " ".join(summary_lines(figures, "nl"))
    assert "In oktober 2026 werd Vlotbank 23 keer genoemd (+15% t.o.v. september)." in nl
    assert "9 van de 10 klachten binnen 4 werkuren beantwoord (mediaan 1 u 10 min)." in nl
    assert "Leads: 6 vragen over producten (VlotPay 3, Zonnewind 2, VlotPas 1)." in nl
    assert "2 nieuwe fans en 1 nieuwe ambassadeur" in nl
    assert "19,5% promotioneel (max. 20%)" in nl and "1.236 volgers (+56)" in nl
    en = " ".join(summary_lines(figures, "en"))
    assert "In October 2026 Vlotbank was mentioned 23 times (+15% compared with September)." in en
    assert "9 of 10 complaints answered within 4 working hours (median 1 h 10 min)." in en
    assert "1,236 followers (+56)" in en


def test_a_month_without_data_is_empty_not_an_error(inputs, profile):
    december = Month.parse("2026-12")
    figures = compute_figures(december, profile, now=datetime(2027, 1, 5, tzinfo=UTC), **inputs)
    assert figures["empty"] and figures["mentions"]["total"] == 0
    assert summary_lines(figures, "nl") == [
        "Geen gegevens voor december 2026: Roos zag die maand geen berichten, eigen posts of "
        "volgerstanden. Staat de extensie aan en zijn er bronnen ingesteld?"
    ]
    assert summary_lines(figures, "en")[0].startswith("No data for December 2026:")


def test_a_running_month_counts_only_the_days_so_far(inputs, profile):
    halfway = datetime(2026, 10, 10, 12, 0, tzinfo=UTC)
    figures = compute_figures(OCTOBER, profile, now=halfway, **inputs)
    assert not figures["complete"] and figures["rhythm"]["days"] == 10


def test_percentiles_are_values_that_really_occurred():
    assert percentile([5, 1, 4, 2, 3, 10, 9, 8, 7, 6], 0.9) == 9
    assert percentile([42], 0.9) == 42 and percentile([], 0.9) is None
    assert median([1, 3, 2, 10]) == 2.5 and median([]) is None
