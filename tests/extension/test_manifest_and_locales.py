"""The extension loads unpacked as it is, asks for little, and speaks Dutch and English alike."""

from __future__ import annotations

import json
import re
from pathlib import Path

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
KEY = (
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyXozPd6WgryuZ2RGgtWPtw5L07g88qllBWf+OMs/U8+64F+8"
    "ATLVFD2gDiG9clva4dR45rU/fDyl2rGmcZj5VcsNI0CObtZwS0tYsjzVo/YzxwI6/SBQR9G6tOOlllJnUhU/R74KQ3GQ"
    "/n2ao3ayfpng00TnDoxpWUcyjtV3+I/JlfXlOIZdO8gqhKZlOCRPAyeGxeku37uYq4g3EU/4eDoSqysTDPi/ub/bkaJ9"
    "80pDLFhN/DN6/N8t6Xokhkxc0QVV8P71CNp8GYWb0NUCnew3J4ED56iv7HBAZjDQDtsgMznvLDaJTspmDC5qSmJz/b+T"
    "qsa0KP4ka6v3X8hMlQIDAQAB"
)


def manifest() -> dict:
    return json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))


def messages(lang: str) -> dict:
    return json.loads((EXTENSION / "_locales" / lang / "messages.json").read_text(encoding="utf-8"))


def sources() -> dict[Path, str]:
    return {
        p: p.read_text(encoding="utf-8")
        for p in EXTENSION.rglob("*")
        if p.suffix in {".js", ".html", ".json"} and "_locales" not in p.parts
    }


def test_manifest_is_mv3_with_the_fixed_key_and_id_bearing_settings():
    m = manifest()
    assert m["manifest_version"] == 3
    assert m["key"] == KEY
    assert m["default_locale"] == "en"
    assert m["background"]["type"] == "module"
    assert m["browser_specific_settings"]["gecko"]["id"]


def test_manifest_asks_only_for_what_roos_uses():
    m = manifest()
    # scripting: the popup reads follower counts from the open profile page on request.
    assert set(m["permissions"]) == {"storage", "alarms", "notifications", "scripting"}
    assert set(m["host_permissions"]) == {
        "https://www.linkedin.com/*",
        "https://x.com/*",
        "http://127.0.0.1/*",
        "http://localhost/*",
    }
    assert "<all_urls>" not in json.dumps(m)


def test_every_file_the_manifest_names_exists():
    m = manifest()
    named = [
        m["background"]["service_worker"],
        m["action"]["default_popup"],
        m["options_ui"]["page"],
    ]
    named += list(m["icons"].values()) + list(m["action"]["default_icon"].values())
    for script in m["content_scripts"]:
        named += script["js"] + script.get("css", [])
    missing = [name for name in named if not (EXTENSION / name).is_file()]
    assert not missing


def test_content_scripts_run_on_linkedin_once_the_page_is_parsed_with_the_registry_last():
    [script] = manifest()["content_scripts"]
    assert script["matches"] == ["https://www.linkedin.com/*"]
    # document_end: the feed is in the DOM; waiting for idle would cost the user ~100 ms of badges
    assert script["run_at"] == "document_end"
    js = script["js"]
    # the extractor's parts load after counts and selectors and before the extractor itself,
    # in the order the group scraper injects them too (agent/sources/linkedin_groups.py)
    end = js.index("content/linkedin/extractor.js")
    assert js[:2] == ["lib/counts.js", "content/linkedin/selectors.js"]
    assert all(name.startswith("content/linkedin/extractor/") for name in js[2:end])
    assert js[end - 1] == "content/linkedin/extractor/cards.js"
    assert js[-1] == "content/linkedin/main.js"


def test_dutch_and_english_have_the_same_messages_and_placeholders():
    en, nl = messages("en"), messages("nl")
    assert en.keys() == nl.keys()
    for key in en:
        assert en[key].get("placeholders", {}).keys() == nl[key].get("placeholders", {}).keys(), key
        assert en[key]["message"].strip() and nl[key]["message"].strip(), key


def test_the_dutch_texts_are_really_dutch():
    en, nl = messages("en"), messages("nl")
    translated = [k for k in en if en[k]["message"] != nl[k]["message"]]
    same = set(en) - set(translated)
    # Only names and words Dutch borrowed unchanged may be identical.
    assert same <= {"extName", "labelToken", "fanFan"}, same


def test_every_message_the_code_asks_for_exists_and_every_message_is_used():
    defined = set(messages("en"))
    code = "\n".join(sources().values())
    asked = set(re.findall(r"(?:getMessage|\bt)\(\s*\"([A-Za-z]+)\"", code))
    asked |= set(re.findall(r"data-i18n(?:-title|-placeholder)?=\"([A-Za-z]+)\"", code))
    asked |= set(re.findall(r"__MSG_([A-Za-z]+)__", code))
    assert asked, "the pattern found no message lookups at all"
    assert asked <= defined, asked - defined
    unused = {key for key in defined if f'"{key}"' not in code and f"__MSG_{key}__" not in code}
    assert not unused
