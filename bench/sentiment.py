"""Sentiment quality and speed, each beside plain VADER 3.3.2 measured in the same run.

- three-class accuracy on our labelled Dutch and English sets, on the dev half (used while
  tuning) and on the held-out half (never looked at while tuning), so overfitting shows;
- Pearson r with the human ratings of VADER's own 4,200 tweets (downloaded once with pip
  into .cache/vader; reported as unavailable when the registry cannot be reached);
- throughput of the whole path (language detection + scoring) on the same texts.

Run alone with `python -m bench.sentiment`.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from agent.analysis import evaluation, sentiment

from .common import row

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CACHE = ROOT / ".cache" / "vader"
PLAIN = "plain VADER 3.3.2"
_PASSES = 5  # texts are scored this many times per timed run
_RUNS = 7


def _plain() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _accuracy_rows(plain: SentimentIntensityAnalyzer) -> list[dict]:
    def ours(text: str) -> str:
        return sentiment.score(text)["label"]

    def baseline(text: str) -> str:
        return sentiment.label(plain.polarity_scores(text)["compound"])

    rows = []
    for lang in ("nl", "en"):
        items = evaluation.read_labelled(DATA / f"sentiment_{lang}.jsonl")
        for half, subset in zip(("dev", "held-out"), evaluation.split(items), strict=True):
            rows.append(
                row(
                    f"sentiment accuracy {lang}, {half} ({len(subset)} texts)",
                    evaluation.accuracy(ours, subset),
                    evaluation.accuracy(baseline, subset),
                    "share correct",
                    baseline_name=PLAIN,
                    better="higher",
                )
            )
    return rows


def _tweets_rows(plain: SentimentIntensityAnalyzer) -> list[dict]:
    """r on VADER's tweets read as English, and with Roos detecting the language itself (a
    short English text must never come out "unsupported" and score 0)."""
    figure = "VADER tweets: Pearson r with human ratings"
    detected = f"{figure}, language detected"
    try:
        tweets = evaluation.fetch_vader_tweets(CACHE)
    except evaluation.DataUnavailable as error:
        return [
            row(name, None, None, "r", baseline_name=PLAIN, note=str(error))  # type: ignore[arg-type]
            for name in (figure, detected)
        ]
    base = evaluation.tweets_r(lambda text: plain.polarity_scores(text)["compound"], tweets)
    english = evaluation.tweets_r(sentiment.english, tweets)
    scored = [sentiment.score(text) for text, _ in tweets]
    unsupported = sum(not s["supported"] for s in scored)
    by_text = {text: s["compound"] for (text, _), s in zip(tweets, scored, strict=True)}
    auto = evaluation.tweets_r(by_text.__getitem__, tweets)
    return [
        row(figure, english, base, "r", baseline_name=PLAIN, better="higher"),
        row(
            detected,
            auto,
            base,
            "r",
            baseline_name=PLAIN,
            better="higher",
            note=f"{unsupported} of {len(tweets)} read as unsupported",
        ),
    ]


def _throughput_row(plain: SentimentIntensityAnalyzer) -> dict:
    texts = [
        item["text"]
        for lang in ("nl", "en")
        for item in evaluation.read_labelled(DATA / f"sentiment_{lang}.jsonl")
    ] * _PASSES

    def rate(fn) -> float:
        start = time.perf_counter()
        for text in texts:
            fn(text)
        return len(texts) / (time.perf_counter() - start)

    ours_rates, plain_rates = [], []
    for _ in range(_RUNS):  # interleaved, so a busy machine slows both alike
        ours_rates.append(rate(sentiment.score))
        plain_rates.append(rate(plain.polarity_scores))
    return row(
        "sentiment throughput (detect + score)",
        statistics.median(ours_rates),
        statistics.median(plain_rates),
        "items/s",
        baseline_name=PLAIN,
        better="higher",
        note="target: ratio >= 0.5",
    )


def run() -> list[dict]:
    """Benchmark rows: accuracy nl/en (dev, held-out), tweets r, throughput."""
    plain = _plain()
    return [*_accuracy_rows(plain), *_tweets_rows(plain), _throughput_row(plain)]


if __name__ == "__main__":
    from .run import table

    print(table(run()))
