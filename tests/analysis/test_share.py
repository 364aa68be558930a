"""Worth sharing is others' useful content: a complaint, an urgent report, a question to us or
praise for us is for the inbox, never a post to pass on with "Waardevol stuk ... Aanrader"."""

from datetime import UTC, datetime

from agent.analysis.outreach.share import worth_sharing
from agent.analysis.pipeline import Analyzer
from agent.analysis.relevance import RelevanceScorer

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
PROFILE = {
    "organisation": {"name": "Vonk Fietsen", "aliases": ["Vonk"]},
    "watch_terms": ["VonkApp"],
    "topics": [{"name": "e-bikes", "keywords": {"nl": ["accu", "e-bike", "fiets"]}}],
}


def post(n, text, author="Lotte Smit"):
    item = {
        "id": f"p{n}",
        "source": "linkedin",
        "kind": "post",
        "url": f"https://www.linkedin.com/feed/update/urn:li:activity:{n}",
        "text": text,
        "author": {"name": author},
        "published_at": "2026-11-29T08:00:00Z",
    }
    return {**item, "analysis": Analyzer(PROFILE).analyze(item, now=NOW)}


def test_a_complaint_about_us_is_never_worth_sharing_but_useful_content_is():
    items = [
        post(
            1,
            "Vonk Fietsen, mijn accu is vanochtend ontploft in de gang! Er kwam rook uit. "
            "Wat nu?! Ik durf de fiets niet meer in huis te zetten, hij stond aan de lader.",
        ),
        post(
            2,
            "Vijf tips om je e-bike accu de winter door te helpen: laad binnen, bewaar hem "
            "tussen 30 en 60 procent en fiets regelmatig, dan gaat je accu jaren mee.",
            author="Eva Dijkstra",
        ),
        post(
            3,
            "Wat een geweldige e-bikes maakt Vonk, ik fiets er nu drie jaar op en nog nooit "
            "een probleem gehad met de accu. Aanrader voor iedereen die veel fietst!",
        ),
    ]
    assert items[0]["analysis"]["intent"] == "complaint"
    shared = worth_sharing(items, PROFILE, RelevanceScorer(PROFILE), NOW)
    assert [s["id"] for s in shared] == ["p2"]
