"""scripts/bench: every figure with its baseline measured in the same run, in one table.

Each module in BENCHES exposes run() -> rows (see bench/common.py). A module that
fails is reported in the table, and the others still run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path

BENCHES = (
    "store",
    "sentiment",
    "webcare",
    "analysis",
    "matching",
    "api",
    "extension",
    "scrapers_blogs",
    "scrapers_groups",
    "suggestions",
    "memory",
    "crash",
    "reliability",
    "watch",
    "inbox",
    "team_store",
)
RESULTS = Path(__file__).resolve().parent / "results.json"


def fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def table(rows: list[dict]) -> str:
    head = ("figure", "Roos", "baseline", "ratio", "unit", "baseline is")
    lines = [head] + [
        (
            r["figure"],
            fmt(r["value"]),
            fmt(r["baseline"]),
            "—" if r["ratio"] is None else f"{r['ratio']:.2f}",
            r["unit"],
            r.get("baseline_name", ""),
        )
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
    out = []
    for n, line in enumerate(lines):
        out.append(" | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            out.append("-|-".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", help="run only these benchmark modules")
    args = parser.parse_args(argv)
    rows: list[dict] = []
    failures = []
    started = time.time()
    for name in args.only or BENCHES:
        t0 = time.perf_counter()
        print(f"… {name}", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
            rows += module.run()
        except Exception as exc:  # a broken figure must not hide the others
            traceback.print_exc()
            failures.append(f"{name}: {exc}")
        print(f"  {name} took {time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
    print(table(rows))
    for failure in failures:
        print(f"FAILED {failure}")
    RESULTS.write_text(
        json.dumps(
            {
                "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
                "machine": {
                    "python": platform.python_version(),
                    "cpus": __import__("os").cpu_count(),
                },
                "seconds": round(time.time() - started),
                "rows": rows,
                "failures": failures,
            },
            indent=2,
        )
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
