"""Webcare reading, beside plain VADER in the same run, on our own labelled webcare sets.

tests/data/webcare_{nl,en}.jsonl: messages as invented companies receive them (an e-bike
maker, banks, telcos, webshops, energy suppliers, meal boxes), each labelled with intent,
urgency category, sentiment and promotion; split into a dev half (used while tuning) and a
held-out half (never looked at while tuning) by `evaluation.split`. Per half, both languages
together: intent accuracy, complaint recall, complaints read as praise (target 0) or as
positive, the share of urgent items (safety, privacy, money, outage, legal) ranked above
every non-urgent one, promotional precision and recall; per language: sentiment accuracy.
Plain VADER's reading: its label makes a complaint (negative) or praise (positive) about us,
a question is a question, urgency is the intent's band; it has no notion of promotion.

Run alone with `python -m bench.webcare`.
"""

from __future__ import annotations

from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from agent.analysis import evaluation, webcare_eval

from .common import row

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
PLAIN = "plain VADER 3.3.2"
# figure -> (unit, better): counts are better lower, shares higher.
_FIGURES = {
    "intent accuracy": ("share correct", "higher"),
    "complaint recall": ("share found", "higher"),
    "complaints read as praise": ("count (target 0)", "lower"),
    "complaints read as positive": ("count (target 0)", "lower"),
    "urgent ranked above all non-urgent": ("share of urgent", "higher"),
    "promotional precision": ("share", "higher"),
    "promotional recall": ("share", "higher"),
}


def _halves() -> dict[str, dict[str, list[dict]]]:
    halves: dict[str, dict[str, list[dict]]] = {"dev": {}, "held-out": {}}
    for lang in ("nl", "en"):
        dev, held = evaluation.split(webcare_eval.read(DATA / f"webcare_{lang}.jsonl"))
        halves["dev"][lang], halves["held-out"][lang] = dev, held
    return halves


def run() -> list[dict]:
    reader = webcare_eval.Reader(webcare_eval.profiles(DATA / "webcare_companies.json"))
    vader = SentimentIntensityAnalyzer()

    def plain_compound(text: str) -> float:
        return vader.polarity_scores(text)["compound"]

    rows = []
    for half, by_lang in _halves().items():
        messages = [m for lang in ("nl", "en") for m in by_lang[lang]]
        ours = webcare_eval.scores(messages, webcare_eval.ours(reader, messages))
        base = webcare_eval.scores(messages, webcare_eval.plain(reader, messages, plain_compound))
        for figure, (unit, better) in _FIGURES.items():
            rows.append(
                row(
                    f"webcare {figure}, {half} ({len(messages)} messages)",
                    ours[figure],
                    base[figure],
                    unit,
                    baseline_name=PLAIN,
                    better=better,
                )
            )
        for lang in ("nl", "en"):
            subset = by_lang[lang]
            mine = webcare_eval.scores(subset, webcare_eval.ours(reader, subset))
            theirs = webcare_eval.scores(subset, webcare_eval.plain(reader, subset, plain_compound))
            rows.append(
                row(
                    f"webcare sentiment accuracy {lang}, {half} ({len(subset)} messages)",
                    mine["sentiment accuracy"],
                    theirs["sentiment accuracy"],
                    "share correct",
                    baseline_name=PLAIN,
                    better="higher",
                )
            )
    return rows


if __name__ == "__main__":
    from .run import table

    print(table(run()))
