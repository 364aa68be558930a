"""The manager keeps the feed from turning into an advert: promotional posts are recognised in
Dutch and English, and the share of promotion over the last 30 days is measured."""

import pytest

from agent.analysis.promo import is_promotional, promo_cues, promo_score, promo_share

NOW = "2026-05-31T12:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "VlotPay Plus nu verkrijgbaar voor € 2,95 per maand!",
        "20% korting op je eerste jaar Zonnewind met code ZON20",
        "Schrijf je in voor ons webinar over groen sparen",
        "Bestel nu je nieuwe VlotPas in de app",
        "Gratis proberen? Link in bio.",
        "Sign up today and get your first month free",
        "Limited offer: buy now and save",
        "Use code SPRING for a discount on VlotPay Plus",
    ],
)
def test_offers_prices_and_calls_to_buy_or_sign_up_are_promotional(text):
    assert is_promotional(text, "nl")
    assert promo_score(text) >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Ze hebben 10 euro afgeschreven zonder reden, wat is dit?",
        "Vandaag namen we afscheid van collega Marloes na 25 jaar. Dank je wel!",
        "De nieuwe app is traag en gratis is ook niet alles",
        "Lessons learned from three years of building a green bank",
    ],
)
def test_stories_complaints_and_a_single_price_are_not_promotion(text):
    assert not is_promotional(text, "nl")


def test_cues_show_why_a_post_counts_as_promotion():
    assert "bestel nu" in promo_cues("Bestel nu je VlotPas")


def test_promo_share_counts_only_the_window_and_respects_corrections():
    posts = [
        {"id": "1", "text": "Bestel nu je VlotPas!", "published_at": "2026-05-30T09:00:00Z"},
        {"id": "2", "text": "Ons team plantte 200 bomen", "published_at": "2026-05-20T09:00:00Z"},
        {
            "id": "3",
            "text": "Schrijf je in voor de nieuwsbrief",
            "published_at": "2026-05-10T09:00:00Z",
            "corrections": {"promotional": False},
        },
        {
            "id": "4",
            "text": "Ons jubileum",
            "published_at": "2026-05-05T09:00:00Z",
            "promotional": True,
        },
        {"id": "5", "text": "Bestel nu!", "published_at": "2026-03-01T09:00:00Z"},
    ]
    share = promo_share(posts, NOW, window_days=30, limit=0.2)
    assert share == {
        "value": 0.5,
        "limit": 0.2,
        "window_days": 30,
        "count": 4,
        "promotional": 2,
        "over_limit": True,
    }


def test_an_empty_feed_has_no_promotion():
    share = promo_share([], NOW)
    assert (share["value"], share["count"], share["over_limit"]) == (0.0, 0, False)
