"""Roos puts strangers' words on the user's screen; none of it may ever run as code.

Every .js and .html file under extension/ is searched for the DOM and JS
features that turn text into markup or code. One hit fails the suite.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[2] / "extension"

UNSAFE = {
    "innerHTML": re.compile(r"\binnerHTML\b"),
    "outerHTML": re.compile(r"\bouterHTML\b"),
    "insertAdjacentHTML": re.compile(r"\binsertAdjacentHTML\b"),
    "document.write": re.compile(r"\bdocument\s*\.\s*write(ln)?\b"),
    "eval": re.compile(r"(?<![\w.$])eval\s*\("),
    "new Function": re.compile(r"\bnew\s+Function\s*\("),
    "setTimeout with a string": re.compile(r"\bset(Timeout|Interval)\s*\(\s*[\"'`]"),
    "createContextualFragment": re.compile(r"\bcreateContextualFragment\b"),
    "srcdoc": re.compile(r"\bsrcdoc\b"),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "inline event handler": re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE),
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
}


def source_files() -> list[Path]:
    return sorted(p for p in EXTENSION.rglob("*") if p.suffix in {".js", ".html"})


def test_the_extension_has_sources_to_check():
    names = {p.name for p in source_files()}
    assert {"service-worker.js", "popup.html", "options.html", "page-watch.js"} <= names


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(EXTENSION)))
def test_no_text_ever_becomes_markup_or_code(path: Path):
    text = path.read_text(encoding="utf-8")
    found = [
        f"{name} (line {text.count(chr(10), 0, match.start()) + 1})"
        for name, pattern in UNSAFE.items()
        for match in pattern.finditer(text)
    ]
    assert not found, f"{path.relative_to(EXTENSION)} uses {', '.join(found)}"


def test_the_check_itself_catches_each_unsafe_pattern():
    samples = {
        "innerHTML": "node.innerHTML = text",
        "outerHTML": "node.outerHTML = text",
        "insertAdjacentHTML": "node.insertAdjacentHTML('beforeend', text)",
        "document.write": "document.write(text)",
        "eval": "eval(text)",
        "new Function": "new Function(text)()",
        "setTimeout with a string": "setTimeout('alert(1)', 10)",
        "createContextualFragment": "range.createContextualFragment(text)",
        "srcdoc": "frame.srcdoc = text",
        "javascript: URL": "a.href = 'javascript:alert(1)'",
        "inline event handler": '<img src=x onerror="alert(1)">',
        "inline script": "<script>alert(1)</script>",
    }
    assert samples.keys() == UNSAFE.keys()
    for name, sample in samples.items():
        assert UNSAFE[name].search(sample), name
    assert not UNSAFE["eval"].search("retrieval(x); obj.evaluate(y)")
    assert not UNSAFE["inline script"].search('<script type="module" src="popup.js"></script>')
