"""Every word on the dashboard exists in Dutch and English, and the front end never turns text
into markup."""

from __future__ import annotations

import json
import re

import pytest

from agent.dashboard import STATIC

STRINGS = {
    lang: json.loads((STATIC / "i18n" / f"{lang}.json").read_text("utf-8")) for lang in ("nl", "en")
}
SOURCES = sorted((STATIC / "js").rglob("*.js")) + sorted(STATIC.glob("*.html"))


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_dutch_and_english_have_the_same_keys():
    assert sorted(STRINGS["nl"]) == sorted(STRINGS["en"])


def test_both_languages_fill_in_the_same_placeholders_and_leave_nothing_empty():
    for key, english in STRINGS["en"].items():
        dutch = STRINGS["nl"][key]
        assert placeholders(dutch) == placeholders(english), key
        assert dutch.strip() and english.strip(), key


def test_every_key_the_pages_use_exists():
    used = set()
    for path in SOURCES:
        text = path.read_text("utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", text))
        used |= set(re.findall(r"""(?:field|title)\(\s*["']([\w.]+)["']""", text))
        used |= set(re.findall(r'data-i18n(?:-label)?="([\w.]+)"', text))
    assert len(used) > 100
    assert sorted(used - set(STRINGS["en"])) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_script_turns_text_into_markup(path):
    text = path.read_text("utf-8")
    for sink in (
        "innerHTML",
        "outerHTML =",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setAttribute("style"',
    ):
        assert sink not in text, (path.name, sink)
    assert not re.search(r"""\sstyle=["']""", text), path.name


def test_every_counted_text_has_a_singular_and_a_plural():
    """tn("key", n) picks key.one or key.other, so "1 bericht" never reads "1 berichten"."""
    counted = set()
    for path in SOURCES:
        counted |= set(re.findall(r"""\btn\(\s*["']([\w.]+)["']""", path.read_text("utf-8")))
    assert len(counted) > 15
    for key in sorted(counted):
        for lang in ("nl", "en"):
            assert f"{key}.one" in STRINGS[lang] and f"{key}.other" in STRINGS[lang], (lang, key)
    assert STRINGS["nl"]["inbox.count.open.one"].replace("{n}", "1") == "1 wacht op antwoord"
