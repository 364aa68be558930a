"""A profile.toml problem in parts the dashboard can explain: which field, what is wrong, and
what to write instead.

The profile manager keeps one sentence ("targets.posts_per_day: 'twee' is not of type
'number'", or "profile.toml is not valid TOML: ... (at line 12, column 3)"). The dashboard
shows it next to the field's name with a fix in the user's language, so it is parsed here into
``{"field", "message", "kind", "expected", "line"}``; kinds the dashboard has no words for
fall back to the sentence itself.
"""

from __future__ import annotations

import re

TYPE = re.compile(r"is not of type '(\w+)'")
ONE_OF = re.compile(r"is not one of (\[.*\])")
REQUIRED = re.compile(r"'(\w+)' is a required property")
LINE = re.compile(r"line (\d+)")
EXAMPLES = {
    "number": "2",
    "integer": "3",
    "string": '"…"',
    "boolean": "true",
    "array": '["…"]',
    "object": "{ … }",
}


def explain(problem: str | None) -> dict | None:
    if not problem:
        return None
    if "not valid TOML" in problem:
        line = LINE.search(problem)
        return {
            "field": None,
            "message": problem,
            "kind": "toml",
            "expected": None,
            "line": int(line.group(1)) if line else None,
        }
    field, _, message = problem.partition(": ")
    if not message:
        field, message = "", problem
    found = {"field": field or None, "message": message, "kind": "other", "expected": None}
    if match := TYPE.search(message):
        found |= {"kind": "type", "expected": match.group(1)}
        found["example"] = EXAMPLES.get(match.group(1), "…")
    elif match := ONE_OF.search(message):
        found |= {"kind": "choice", "expected": match.group(1)}
    elif match := REQUIRED.search(message):
        found |= {"kind": "required", "expected": match.group(1)}
    return {**found, "line": None}
