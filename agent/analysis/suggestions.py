"""Reply suggestions: two or three different drafts in the writer's language, plus saved
replies that fit.

The plan per intent is a list of reply kinds (complaint: apology with a DM, contact details,
a public follow-up; question: the knowledge-base answer, an honest "we'll find out", a DM for
personal matters; praise: thanks, warmer for fans, an invitation to share for fans who are not
ambassadors yet). Each kind has a few variants; the variant is picked from a hash of the item
id, so analysing the same item again gives the same suggestions. The user copies and edits;
Roos never posts.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import Any

from agent.analysis import disclosure, escalation
from agent.analysis.knowledge import KnowledgeBase
from agent.analysis.reply_templates import CONTACT, GREETING, INTENT_NAMES, TEMPLATES, WHY
from agent.analysis.text import Text
from agent.analysis.textnorm import fold

_NAME_FIELD = re.compile(r"\{(?:name|naam|voornaam|first_name)\}")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.!?])")
_NAME_END = re.compile(r"[|(\[,]")
_TITLES = {"dr", "drs", "ir", "ing", "mr", "prof", "mevr", "dhr", "mw", "mrs", "ms"}
_FALLBACK_SUBJECT = {"nl": "onze dienst", "en": "our service"}
_PRODUCT = {"nl": "het product", "en": "the product"}
_LANGS = ("nl", "en")  # what `reply_language` answers
_COMPANY = {"bv", "nv", "vof", "ltd", "inc", "gmbh", "llc", "bank", "group", "groep"}


def first_name(name: str | None, profile: dict[str, Any] | None = None) -> str | None:
    """The first name to address someone by, or None for initials, companies and ourselves."""
    return _first_name(name, _folded_org(profile or {}))


def _folded_org(profile: dict[str, Any]) -> str:
    return fold((profile.get("organisation") or {}).get("name") or "")


@lru_cache(maxsize=4096)  # the same few hundred authors write most items
def _first_name(name: str | None, org: str) -> str | None:
    cleaned = _NAME_END.split(name or "", maxsplit=1)[0]
    parts = [p for p in cleaned.split() if fold(p.strip(".")) not in _TITLES]
    if not parts or any(fold(p.strip(".")) in _COMPANY for p in parts):
        return None
    if org and org in fold(cleaned):
        return None
    first = parts[0].strip(":;!?\"'")
    if len(first) < 2 or first.endswith(".") or not first[0].isalpha():
        return None
    return first


def reply_language(lang: str | None, profile: dict[str, Any]) -> str:
    """Dutch or English: the writer's language when Roos has templates for it, the profile's
    language when the text was too short to tell, else English as the common ground."""
    if lang in ("nl", "en"):
        return lang
    if lang in (None, "", "unknown"):
        default = (profile.get("report") or {}).get("lang") or "nl"
        return default if default in ("nl", "en") else "nl"
    return "en"


def _voice(lang: str, profile: dict[str, Any]) -> str:
    if lang == "en":
        return "en"
    return "nl_u" if (profile.get("voice") or {}).get("address") == "u" else "nl_je"


def _contact(lang: str, profile: dict[str, Any]) -> str | None:
    contact = profile.get("contact") or {}
    words = CONTACT[lang]
    ways = [words[k].format(**contact) for k in ("phone", "email") if contact.get(k)]
    return words["or"].join(ways) or None


def _names_product(analysis: dict[str, Any]) -> bool:
    return any(m.get("kind") == "product" for m in analysis.get("mentions") or [])


def _subject(analysis: dict[str, Any], profile: dict[str, Any], lang: str) -> str:
    ours = [m for m in analysis.get("mentions") or [] if m.get("kind") != "competitor"]
    products = [m["term"] for m in ours if m.get("kind") == "product"]
    if products:
        return products[0]
    name = ((profile.get("organisation") or {}).get("name") or "").strip()
    return name or _FALLBACK_SUBJECT[lang]


def _plan(
    intent: str,
    text: str | Text,
    lang: str,
    profile: dict[str, Any],
    person: dict[str, Any] | None,
    contact: str | None,
    known: KnowledgeBase,
    category: str | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    dm = (profile.get("contact") or {}).get("dm", True)
    if intent == "complaint" and category == "safety":
        voice = _voice(lang, profile)
        return escalation.plan(profile, known.knowledge, lang, voice)
    if intent == "complaint":
        plan = [("apology", {})] if dm else []
        plan += [("contact", {"contact": contact})] if contact else []
        return [*plan, ("follow_up", {})]
    if intent == "question":
        found = known.best_answer(text, lang)
        plan = []
        if found is not None:
            entry, score = found
            fields = {"answer": entry["answer"], "question": entry["question"]}
            plan.append(("answer", {**fields, "score": round(score)}))
        plan.append(("honest", {}))
        if dm:
            plan.append(("personal", {}))
        elif contact:
            plan.append(("contact", {"contact": contact}))
        return plan
    if intent != "praise":
        return []  # no reply called for: only saved replies the user kept for such items
    flag = (person or {}).get("flag")
    plan = [("thanks_fan" if flag in ("fan", "ambassador") else "thanks", {})]
    if flag == "fan":
        plan.append(("share_invite", {}))
    return [*plan, ("engage", {})]


def _variant(kind: str, voice: str, seed: str, offset: int = 0) -> str:
    variants = TEMPLATES[kind][voice]
    return variants[(zlib.crc32(f"{seed}:{kind}".encode()) + offset) % len(variants)]


def _ending(lang: str, profile: dict[str, Any], disclose: bool = True) -> str:
    """What closes every reply: the signature, then the disclosure when replying from a
    personal account (unless the signature already says it)."""
    signature = profile.get("signature") or ""
    if isinstance(signature, dict):
        signature = signature.get(lang) or signature.get("nl") or ""
    if disclose and profile.get("reply_from_personal_account", True):
        signature = disclosure.append(signature, lang, profile).strip()
    return f" {signature}" if signature else ""


def _finish(body: str, name: str | None, voice: str, ending: str) -> str:
    greeting = GREETING[voice][0 if name else 1].format(name=name)
    if not body.startswith(("I ", "I'")):  # "Hoi Marije, dat is ...": one sentence goes on
        body = body[:1].lower() + body[1:]
    return f"{greeting} {body}{ending}"


def _fill_name(text: str, name: str | None) -> str:
    filled = _NAME_FIELD.sub(name or "", text) if "{" in text else text
    if "  " in filled or "\t" in filled:
        filled = _SPACES.sub(" ", filled)
    return _SPACE_BEFORE_MARK.sub(r"\1", filled).strip()


class Replier:
    """Suggestions for one profile. What depends on the profile alone (contact details,
    signature and disclosure, our own name) is worked out once, not for every item."""

    def __init__(self, profile: dict[str, Any]) -> None:
        self.profile = profile
        self._org = _folded_org(profile)
        self.known = KnowledgeBase(
            profile.get("knowledge") or [], profile.get("saved_replies") or []
        )
        self._contact = {lang: _contact(lang, profile) for lang in _LANGS}
        self._ending = {
            (lang, d): _ending(lang, profile, d) for lang in _LANGS for d in (True, False)
        }

    def suggest(
        self,
        item: dict[str, Any],
        analysis: dict[str, Any],
        person: dict[str, Any] | None = None,
        lang: str | None = None,
        ui_lang: str | None = None,
        text: Text | None = None,
    ) -> list[dict[str, Any]]:
        """As `suggest`; `text` is the item's text when already prepared."""
        profile = self.profile
        lang = reply_language(lang or analysis.get("language"), profile)
        ui = ui_lang or profile.get("ui_lang")
        ui = ui if ui in ("nl", "en") else "nl"
        voice = _voice(lang, profile)
        intent = analysis.get("intent") or "other"
        raw = item.get("text") or ""
        asked = text if text is not None and text.raw == raw else Text(raw)
        name = _first_name((item.get("author") or {}).get("name"), self._org)
        seed = str(item.get("id") or raw)
        subject = _subject(analysis, profile, lang)
        category = analysis.get("urgency_category")
        plan = _plan(
            intent, asked, lang, profile, person, self._contact[lang], self.known, category
        )[:3]
        if len(plan) == 1:  # without DM or contact details: offer the other wording as well
            plan.append((plan[0][0], {**plan[0][1], "offset": 1}))
        results: list[dict[str, Any]] = []
        for kind, fields in plan:
            values = {"subject": subject, **fields}
            if kind == "safety" and not _names_product(analysis):
                values["subject"] = _PRODUCT[lang]  # "stop using it" means the thing, not us
            body = _variant(kind, voice, seed, values.pop("offset", 0)).format(**values)
            # Only a knowledge-base answer, written by the organisation, might disclose already.
            disclosed = kind == "answer" and disclosure.is_present(body, profile)
            results.append(
                {
                    "text": _finish(body, name, voice, self._ending[lang, not disclosed]),
                    "language": lang,
                    "kind": kind,
                    "why": WHY[kind][ui].format(**values),
                }
            )
        for reply, fit in self.known.rank_saved(asked, intent, lang)[:2]:
            results.append(
                {
                    "text": _finish_saved(reply, name, lang, profile),
                    "language": lang,
                    "kind": "saved",
                    "why": WHY["saved"][ui].format(
                        title=reply.get("title") or reply["text"][:40],
                        intent=INTENT_NAMES[ui].get(intent, intent),
                        score=round(fit),
                    ),
                }
            )
        return results


def suggest(
    item: dict[str, Any],
    analysis: dict[str, Any],
    profile: dict[str, Any],
    person: dict[str, Any] | None = None,
    lang: str | None = None,
    ui_lang: str | None = None,
) -> list[dict[str, Any]]:
    """Reply drafts for `item`: generated ones first, then fitting saved replies (kind
    "saved"). `lang` overrides the reply language; `ui_lang` (default: the profile's
    "ui_lang", else Dutch) is the language of `why`, which the user reads, not the writer."""
    return Replier(profile).suggest(item, analysis, person, lang, ui_lang)


def _finish_saved(
    reply: dict[str, Any], name: str | None, lang: str, profile: dict[str, Any]
) -> str:
    text = _fill_name(reply["text"], name)
    if profile.get("reply_from_personal_account", True):
        text = disclosure.append(text, lang, profile)
    return text
