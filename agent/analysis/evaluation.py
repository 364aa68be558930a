"""How good is a sentiment scorer? Measures shared by the tests and the benchmark.

Two yardsticks:
- three-class accuracy on our labelled sets (tests/data/sentiment_{nl,en}.jsonl), split by a
  hash of each text into a dev half, used while tuning word lists and rules, and a held-out
  half that tuning never looked at, so the held-out figure is the honest one;
- Pearson r between a scorer's compound and the mean rating of human raters on the 4,200
  tweets VADER was validated on (Hutto & Gilbert, ICWSM 2014; VADER reports r = 0.881 and
  its 3.3.2 release reproduces about 0.87). That data set ships in the vaderSentiment 3.3.2
  source distribution, not in the wheel; `fetch_vader_tweets` downloads it with pip into a
  cache directory at run time, so it is never committed here.

Everything is pure except `read_labelled` and `fetch_vader_tweets`, which read (and for the
tweets, download) files.
"""

import json
import math
import subprocess
import sys
import tarfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

VADER_SDIST = "vaderSentiment==3.3.2"
_ARCHIVE = "vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz"
_TWEETS = "hutto_ICWSM_2014/tweets_GroundTruth.txt"
TWEETS_FILE = "tweets_GroundTruth.txt"


class DataUnavailable(RuntimeError):
    """The VADER tweet set is neither cached nor downloadable (no route to the registry)."""


def read_labelled(path: Path) -> list[dict]:
    """The items of a JSONL evaluation set: {"text", "label", "lang", "kind"} per line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def is_held_out(text: str) -> bool:
    """Stable half of the texts, independent of file order, reserved for reporting."""
    return zlib.crc32(text.encode("utf-8")) % 2 == 1


def split(items: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    """(dev, held_out) halves of a labelled set."""
    dev, held_out = [], []
    for item in items:
        (held_out if is_held_out(item["text"]) else dev).append(item)
    return dev, held_out


def accuracy(classify: Callable[[str], str], items: Sequence[dict]) -> float:
    """Share of items whose label `classify` gets right (three classes)."""
    if not items:
        return 0.0
    return sum(classify(item["text"]) == item["label"] for item in items) / len(items)


def mistakes(classify: Callable[[str], str], items: Iterable[dict]) -> list[tuple[str, str, str]]:
    """(text, expected, got) for each item `classify` gets wrong: what to look at when tuning."""
    wrong = []
    for item in items:
        got = classify(item["text"])
        if got != item["label"]:
            wrong.append((item["text"], item["label"], got))
    return wrong


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation coefficient of two equally long series."""
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / math.sqrt(var_x * var_y)


def parse_tweets(raw: str) -> list[tuple[str, float]]:
    """(tweet, mean human rating) from tweets_GroundTruth.txt: id <tab> rating <tab> text."""
    tweets = []
    for line in raw.splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            tweets.append((parts[2], float(parts[1])))
    return tweets


def tweets_r(compound: Callable[[str], float], tweets: Sequence[tuple[str, float]]) -> float:
    """Pearson r between `compound` and the human ratings of VADER's tweets."""
    return pearson([compound(text) for text, _ in tweets], [rating for _, rating in tweets])


def _download_sdist(cache_dir: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
    command += [VADER_SDIST, "-d", str(cache_dir), "--timeout", "20", "--retries", "1"]
    command += ["--disable-pip-version-check", "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DataUnavailable(f"pip download of {VADER_SDIST} failed: {error}") from error
    found = sorted(cache_dir.glob("vaderSentiment-3.3.2.tar.gz"))
    if done.returncode != 0 or not found:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise DataUnavailable(f"pip could not download {VADER_SDIST}: {tail[0]}")
    return found[0]


def _extract_tweets(sdist: Path, target: Path) -> None:
    """Copy the one tweets file out of the archive nested inside the sdist."""
    with tarfile.open(sdist) as outer:
        inner_file = outer.extractfile(_ARCHIVE)
        if inner_file is None:
            raise DataUnavailable(f"{sdist.name} has no {_ARCHIVE}")
        with tarfile.open(fileobj=inner_file) as inner:
            tweets = inner.extractfile(_TWEETS)
            if tweets is None:
                raise DataUnavailable(f"{_ARCHIVE} has no {_TWEETS}")
            partial = target.with_suffix(".part")
            partial.write_bytes(tweets.read())
            partial.replace(target)


def fetch_vader_tweets(cache_dir: Path) -> list[tuple[str, float]]:
    """VADER's 4,200 rated tweets, downloaded once into `cache_dir` (e.g. <repo>/.cache/vader)."""
    target = cache_dir / TWEETS_FILE
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        sdist = next(iter(cache_dir.glob("vaderSentiment-3.3.2.tar.gz")), None)
        _extract_tweets(sdist or _download_sdist(cache_dir), target)
    return parse_tweets(target.read_text(encoding="utf-8", errors="replace"))
