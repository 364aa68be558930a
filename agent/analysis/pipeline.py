"""One item in, everything Roos knows about it out.

`Analyzer` is built once per profile (the mention matcher compiles the watch terms, the
replier prepares the knowledge base, contact lines and signature) and then analyses items at
a few times the cost of plain VADER (bench/analysis.py): the text is folded and split into
words once (`text.Text`) and every step reads that; most steps first ask a set of words
whether their regex could match at all; suggestions are only written for items that need a
reply. What the user corrected by hand (`item["corrections"]`) always wins over the models,
so a wrong guess is fixed once and stays fixed when the item is analysed again.
"""

from __future__ import annotations

from typing import Any

from agent.analysis import (
    disclosure,
    explain,
    intent,
    language,
    promo,
    sentiment,
    suggestions,
    webcare,
)
from agent.analysis.mentions import MentionMatcher
from agent.analysis.mentions import about_us as mentions_about_us
from agent.analysis.people import flag_for
from agent.analysis.text import Text
from agent.analysis.times import now_or, to_datetime

# A hostile text can name us 60,000 times; the overlay and the store need the first few.
MAX_MENTIONS = 200
_DEFAULT_COMPOUND = {"positive": 0.5, "negative": -0.5, "neutral": 0.0}


def _corrected_sentiment(model: dict[str, Any], label: str | None) -> dict[str, Any]:
    if label not in _DEFAULT_COMPOUND or label == model.get("label"):
        return {"label": model.get("label", "neutral"), "compound": model.get("compound", 0.0)}
    compound = model.get("compound", 0.0)
    agrees = (compound > 0) - (compound < 0) == (label == "positive") - (label == "negative")
    return {"label": label, "compound": compound if agrees else _DEFAULT_COMPOUND[label]}


class Analyzer:
    """Analysis for one profile; cheap to call, safe to share between threads."""

    def __init__(self, profile: dict[str, Any]) -> None:
        self.profile = profile
        self.matcher = MentionMatcher(profile)
        self.replier = suggestions.Replier(profile)
        self.targets = profile.get("targets") or {}

    def analyze(
        self,
        item: dict[str, Any],
        person: dict[str, Any] | None = None,
        now: object = None,
        about_us_hint: bool = False,
    ) -> dict[str, Any]:
        """The analysis of `item` (shape of POST /api/analyze). `about_us_hint` says the item
        sits under one of our own posts, so it is about us even without naming us."""
        moment = now_or(now)
        text = item.get("text") or ""
        prepared = Text(text)  # folded and split once, read by every step below
        fixes = item.get("corrections") or {}
        given = (item.get("lang") or "").split("-")[0].lower()
        lang = fixes.get("language") or given or language.detect(text)
        cues = webcare.cues(prepared, lang if lang in ("nl", "en") else None)
        guessed = not (fixes.get("language") or given)
        scored = webcare.mood(sentiment.score(text, lang, guessed=guessed), cues)
        mood = _corrected_sentiment(scored, fixes.get("sentiment"))
        mentions = self.matcher.find(prepared)[:MAX_MENTIONS]
        about = fixes.get("about_us")
        if not isinstance(about, bool):
            about = about_us_hint or mentions_about_us(mentions)
        cue_lang = lang if lang in ("nl", "en") else None
        classified = intent.classify(prepared, cue_lang, mood, mentions, about_us=about)
        kind = fixes.get("intent") if fixes.get("intent") in intent.INTENTS else None
        kind = kind or classified["intent"]
        # Customers complain and ask; they do not advertise, even when they quote an offer.
        selling = _promotional(prepared, lang, fixes, kind, classified["reasons"])
        if selling and kind != "other" and not fixes.get("intent"):
            kind = "other"  # an offer that sounds happy, or says "don't miss", is an offer
            classified = {**classified, "reasons": [webcare.reason("promotion")]}
        category = classified["category"] if kind == classified["intent"] else None
        flag = flag_for(person, self.targets, moment) if person else None
        published = to_datetime(item.get("published_at")) or to_datetime(item.get("seen_at"))
        age = (moment - published).total_seconds() / 3600 if published else None
        # Answered, or set aside by the user: nothing left to do, whatever the text says.
        answered = item.get("status") in _DONE or bool(item.get("answered") or item.get("replied"))
        reply = intent.needs_reply(kind, about) and not answered
        result: dict[str, Any] = {
            "id": item.get("id"),
            "language": lang,
            "sentiment": mood,
            "mentions": mentions,
            "about_us": about,
            "intent": kind,
            "is_question": classified["is_question"],
            "urgency": intent.urgency(kind, mood["compound"], age, flag, answered, category),
            "urgency_category": category,
            "needs_reply": reply,
            "author": {
                "flag": flag,
                "interactions": len((person or {}).get("interactions") or []),
            },
            "promotional": selling,
            "corrected": sorted(k for k in fixes if k in _CORRECTABLE) if fixes else [],
            "reasons": explain.reasons(
                fixes, classified, scored, mood, category, selling, prepared, age
            ),
            "suggestions": [],
        }
        if reply:
            who = {**person, "flag": flag} if person else None
            result["suggestions"] = self.replier.suggest(item, result, who, text=prepared)
        return result

    def analyze_draft(
        self,
        text: str,
        context: dict[str, Any] | None = None,
        own_posts: list[dict[str, Any]] | None = None,
        now: object = None,
    ) -> dict[str, Any]:
        """Checks on something the user is about to post: whom it speaks for, whether it
        sells, and what that does to the promotional share of our feed."""
        context = context or {}
        lang = context.get("lang") or language.detect(text or "")
        mentions = self.matcher.find(text or "")[:MAX_MENTIONS]
        selling = promo.is_promotional(text, lang)
        why = explain.promotion(text) if selling else []
        limit = self.targets.get("max_promo_share", promo.DEFAULT_LIMIT)
        share = promo.promo_share(own_posts or [], now, limit=limit)
        if context.get("kind", "post") == "post":
            count, promotional = share["count"] + 1, share["promotional"] + int(selling)
            share["value_with_draft"] = round(promotional / count, 4)
            share["over_limit_with_draft"] = share["value_with_draft"] > limit
        return {
            "language": lang,
            "disclosure": disclosure.check(text, lang, self.profile, mentions),
            "promotional": selling,
            "promotional_reasons": why,
            "promo_share": share,
            "mentions": mentions,
        }


_CORRECTABLE = ("language", "sentiment", "intent", "about_us", "promotional")
_SERIOUS = frozenset(
    {"failure", "broken_promise", "ignored", "request", "money", "safety", "privacy", "outage"}
    | {"legal", "negative", "fed_up", "rhetorical"}
)
_SURE_PROMOTION = 0.8
_DONE = ("answered", "ignored")


def _promotional(
    text: Text, lang: str, fixes: dict[str, Any], kind: str, why: list[dict[str, Any]]
) -> bool:
    """A complaint or question quoting an offer is no promotion, unless the offer is all it
    says: a strong call to buy with nothing the matter."""
    if isinstance(fixes.get("promotional"), bool):
        return fixes["promotional"]
    if kind not in ("complaint", "question"):
        return promo.is_promotional(text, lang)
    serious = any(reason["rule"] in _SERIOUS for reason in why)
    return not serious and promo.promo_score(text, lang) >= _SURE_PROMOTION
