"""Every output field of the analysis over every labelled text, recorded and compared.

Speed work on the analysis must not change a single result. `record` writes what the pipeline
makes of the labelled sentiment and webcare sets, the bench corpus and the API bench texts
(each read with and without a person record, with and without a given language, and as a
draft); `compare` runs it again and lists every difference (floats within 1e-9 are equal).

    python -m tests.analysis.snapshot record  [.cache/analysis-snapshot.json]
    python -m tests.analysis.snapshot compare [.cache/analysis-snapshot.json]
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agent.analysis import sentiment, webcare_eval
from agent.analysis.pipeline import Analyzer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
DEFAULT = ROOT / ".cache" / "analysis-snapshot.json"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
API_TEXTS = [
    "Al drie dagen kan ik niet inloggen bij Vlotbank, wat is er aan de hand?",
    "Wat een fijne service van Vlotbank, binnen tien minuten een rekening geopend!",
    "Does anyone know if VlotPay works abroad? Asking for a trip to Spain.",
    "Zonnewind sparen: iemand ervaring mee? Ik twijfel nog tussen Spaarhuis en Vlotbank.",
]


def _lines(name: str) -> list[dict[str, Any]]:
    return webcare_eval.read(DATA / name)


def _person(n: int) -> dict[str, Any]:
    """A returning author: some are fans, some critics, by the rules in people.flag_for."""
    moods = ("positive", "negative", "neutral")
    return {
        "id": f"p{n}",
        "name": "Sam de Vries",
        "interactions": [
            {
                "at": f"2026-11-{10 + k:02d}T10:00:00Z",
                "about_us": True,
                "sentiment": moods[(n + k) % 3],
            }
            for k in range(n % 6)
        ],
    }


def collect() -> dict[str, Any]:
    out: dict[str, Any] = {}
    profile = json.loads((ROOT / "tests" / "fixtures" / "profile_vlotbank.json").read_text())
    vlot = Analyzer(profile)
    texts = [m["text"] for m in _lines("sentiment_nl.jsonl") + _lines("sentiment_en.jsonl")]
    texts += [f"{t} (0)" for t in texts] + API_TEXTS
    for n, text in enumerate(texts):
        item = {
            "id": f"s-{n}",
            "source": "linkedin",
            "kind": "comment",
            "url": "https://x",
            "text": text,
            "author": {"name": "Sanne de Boer"},
            "seen_at": "2026-11-23T10:00:00Z",
        }
        out[f"plain/{n}"] = vlot.analyze(item, now=NOW)
        out[f"person/{n}"] = vlot.analyze(item, _person(n), now=NOW, about_us_hint=n % 2 == 0)
        out[f"lang/{n}"] = vlot.analyze({**item, "lang": "nl" if n % 2 else "en-GB"}, now=NOW)
        out[f"draft/{n}"] = vlot.analyze_draft(text, {"kind": "post"}, [], now=NOW)
        out[f"score/{n}"] = sentiment.score(text)
    reader = webcare_eval.Reader(webcare_eval.profiles(DATA / "webcare_companies.json"))
    for lang in ("nl", "en"):
        for n, message in enumerate(_lines(f"webcare_{lang}.jsonl")):
            out[f"webcare/{lang}/{n}"] = reader.analyze(n, message)
    return json.loads(json.dumps(out, default=str))


def differences(old: Any, new: Any, path: str = "") -> list[str]:
    if isinstance(old, float) or isinstance(new, float):
        ok = isinstance(old, int | float) and isinstance(new, int | float)
        return [] if ok and abs(old - new) <= 1e-9 else [f"{path}: {old!r} -> {new!r}"]
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in sorted(set(old) | set(new)):
            found += differences(
                old.get(key, "<absent>"), new.get(key, "<absent>"), f"{path}.{key}"
            )
        return found
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return [f"{path}: {len(old)} elements -> {len(new)}: {old!r} -> {new!r}"]
        found = []
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            found += differences(a, b, f"{path}[{i}]")
        return found
    return [] if old == new and type(old) is type(new) else [f"{path}: {old!r} -> {new!r}"]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compare"
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    results = collect()
    if command == "record":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, ensure_ascii=False, sort_keys=True))
        print(f"recorded {len(results)} results in {path}")
        return 0
    found = differences(json.loads(path.read_text()), results)
    for line in found[:50]:
        print(line)
    print(f"{len(results)} results, {len(found)} differences")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
