"""People behind the items: who they are, how they feel about us, who is a fan or a critic.

A person record collects one interaction per item (re-analysing an item updates it, never
duplicates it), so flags follow from plain counting over a window: a *fan* spoke positively
about us at least `fan_min_interactions` times in `fan_window_days`, an *ambassador* is a fan
who also recommends us to others, a *critic* complained at least twice. The same person often
appears under two spellings ("Jan de Vries", "J. de Vries"); `merge_candidates` proposes such
pairs, the user decides, and `merge` joins the records.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime, timedelta
from itertools import combinations
from typing import Any
from urllib.parse import unquote, urlsplit

from rapidfuzz import fuzz

from agent.analysis.mentions import about_us as mentions_about_us
from agent.analysis.textnorm import fold, words
from agent.analysis.times import now_or, parse_iso, to_datetime

MERGE_THRESHOLD = 85
_RECOMMENDS = re.compile(
    r"\b(?:aanrader|aan te raden|kan ik iedereen aanraden|raad (?:ik|het) (?:iedereen )?aan|"
    r"beveel (?:ik|het) aan|aanbevolen|i recommend|i'd recommend|highly recommend|"
    r"would recommend|strongly recommend|must try|check (?:them|it) out)\b"
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)")
_TAG = re.compile(r"@[^\W\d_][\w.-]*")
_TITLES = {"dr", "drs", "ir", "ing", "mr", "prof", "mevr", "dhr", "mw", "msc", "bsc", "mba", "phd"}
_PARTICLES = {"de", "van", "der", "den", "het", "ter", "ten", "te", "t", "la", "le", "von", "du"}


def person_id(author: dict[str, Any]) -> str:
    """Stable id: the normalised profile URL when known, else "name:" + the folded name."""
    url = (author.get("profile_url") or "").strip()
    if _SCHEME.match(url) and not url.lower().startswith(("http://", "https://")):
        url = ""  # javascript:, data: and friends are no profile address: go by the name
    try:
        parts = urlsplit(url if "//" in url else "https://" + url) if url else None
    except ValueError:  # not a URL at all (e.g. "http://[x"): fall back to the name
        parts = None
    if parts is not None:
        host = (parts.hostname or "").removeprefix("www.")
        if host.endswith(".linkedin.com"):
            host = "linkedin.com"
        path = unquote(parts.path).rstrip("/").lower()
        if host:
            return host + path
    return "name:" + " ".join(words(author.get("name") or ""))


def recommends(text: str, mentions: list[dict[str, Any]]) -> bool:
    """True when `text` recommends us to others, in words or by tagging someone else."""
    if not mentions_about_us(mentions):
        return False
    if _RECOMMENDS.search(fold(text or "")):
        return True
    ours = [(m["start"], m["end"]) for m in mentions]
    return any(
        not any(start <= tag.start() + 1 < end for start, end in ours)
        for tag in _TAG.finditer(text or "")
    )


def _interaction(item: dict[str, Any], analysis: dict[str, Any]) -> dict[str, Any]:
    mentions = analysis.get("mentions") or []
    about = analysis.get("about_us")
    about = mentions_about_us(mentions) if about is None else bool(about)
    sentiment = analysis.get("sentiment") or {}
    at = to_datetime(item.get("published_at")) or to_datetime(item.get("seen_at"))
    return {
        "item_id": item["id"],
        "at": at.isoformat() if at else None,
        "sentiment": sentiment.get("label", "neutral"),
        "compound": sentiment.get("compound", 0.0),
        "about_us": about,
        "shared": bool(item.get("shared")) or recommends(item.get("text") or "", mentions),
    }


def record_interaction(
    person: dict[str, Any] | None,
    item: dict[str, Any],
    analysis: dict[str, Any],
    targets: dict[str, Any] | None = None,
    now: object = None,
) -> dict[str, Any]:
    """A new person record with this item's interaction added or updated. With `targets`,
    the flag is recomputed too."""
    author = item.get("author") or {}
    record = dict(person) if person else {"id": person_id(author), "flag": None}
    for key in ("name", "profile_url", "headline"):
        record[key] = author.get(key) or record.get(key)
    fresh = _interaction(item, analysis)
    kept = [i for i in record.get("interactions") or [] if i["item_id"] != fresh["item_id"]]
    record["interactions"] = _in_order(kept, fresh)
    _refresh_seen(record)
    if targets is not None:
        record["flag"] = flag_for(record, targets, now)
    return record


def _in_order(kept: list[dict[str, Any]], fresh: dict[str, Any]) -> list[dict[str, Any]]:
    """`sorted([*kept, fresh])` by time. A record written here is in order already, so the
    new interaction is placed by bisection (after equal times, as the stable sort would)."""
    keys = [i["at"] or "" for i in kept]
    if keys != sorted(keys):  # kept in some other order (merged, or hand-edited): sort all
        return sorted([*kept, fresh], key=lambda i: i["at"] or "")
    at = bisect_right(keys, fresh["at"] or "")
    return [*kept[:at], fresh, *kept[at:]]


def _refresh_seen(record: dict[str, Any]) -> None:
    times = [i["at"] for i in record["interactions"] if i.get("at")]
    record["first_seen"] = min(times) if times else None
    record["last_seen"] = max(times) if times else None


def flag_for(
    person: dict[str, Any], targets: dict[str, Any] | None, now: object = None
) -> str | None:
    """ "fan", "ambassador", "critic" or None; a flag the user set by hand always wins."""
    corrected = (person.get("corrections") or {}).get("flag", False)
    if corrected is not False:
        return corrected
    targets = targets or {}
    window = targets.get("fan_window_days", 90) * 86400
    minimum = targets.get("fan_min_interactions", 3)
    moment = now_or(now)
    said = [i for i in person.get("interactions") or [] if i.get("about_us")]
    since = _since(moment, window)
    if since is not None:
        # Whole seconds: the same test as `_within`, as two comparisons of datetimes (a
        # person with a thousand interactions is read on every item they write).
        at = [_parsed(i.get("at")) for i in said]
        recent = [
            i for i, t in zip(said, at, strict=True) if t is not None and since <= t <= moment
        ]
    else:
        recent = [i for i in said if _within(to_datetime(i.get("at")), moment, window)]
    positive = [i for i in recent if i.get("sentiment") == "positive"]
    negative = sum(1 for i in recent if i.get("sentiment") == "negative")
    fan = len(positive) >= minimum
    if negative >= 2 and (not fan or negative > len(positive)):
        return "critic"
    if fan:
        return "ambassador" if any(i.get("shared") for i in positive) else "fan"
    return None


_LONGEST_WINDOW = 100 * 365 * 86400  # beyond this, moment - window could leave datetime's range


def _since(moment: datetime, window: object) -> datetime | None:
    """The window's first moment, when `window` is whole seconds (else None)."""
    if type(window) is not int or not 0 <= window <= _LONGEST_WINDOW:
        return None
    try:
        return moment - timedelta(seconds=window)
    except OverflowError:  # a moment near year 1
        return None


def _parsed(value: object) -> datetime | None:
    # The stored form (an ISO string) straight to the cached parser: this runs per interaction.
    return parse_iso(value) if type(value) is str and value else to_datetime(value)


def _within(at: datetime | None, moment: datetime, window: float) -> bool:
    return at is not None and 0 <= (moment - at).total_seconds() <= window


def _name_parts(name: str) -> tuple[str, tuple[str, ...]] | None:
    cleaned = re.split(r"[|(\[]", name or "", maxsplit=1)[0]
    parts = [w for w in words(cleaned) if w not in _TITLES]
    if len(parts) < 2:
        return None
    return parts[0], tuple(p for p in parts[1:] if p not in _PARTICLES)


def name_similarity(a: str, b: str) -> float:
    """0..100: how likely two display names belong to one person."""
    pa, pb = _name_parts(a), _name_parts(b)
    if pa is None or pb is None or not pa[1] or not pb[1]:
        return 0.0
    (ga, sa), (gb, sb) = pa, pb
    initial = min(len(ga), len(gb)) == 1 and ga[0] == gb[0]
    given = 100.0 if ga == gb else 90.0 if initial else fuzz.ratio(ga, gb)
    if set(sa) == set(sb):
        surname = 100.0
    elif set(sa) <= set(sb) or set(sb) <= set(sa):
        surname = 90.0  # a double surname after marriage: "de Vries" and "de Vries-Bakker"
    else:
        surname = fuzz.ratio(" ".join(sa), " ".join(sb))
    if given < 80 or surname < 80:
        return 0.0
    return round(0.4 * given + 0.6 * surname, 1)  # the surname says more than a first name


def merge_candidates(
    people: list[dict[str, Any]], threshold: float = MERGE_THRESHOLD
) -> list[tuple[str, str, float]]:
    """Pairs of records that look like the same person, best first. People are only compared
    within a shared surname start, and two different profile URLs are two different people."""
    blocks: dict[str, list[int]] = {}
    for index, person in enumerate(people):
        parts = _name_parts(person.get("name") or "")
        # Blocking on the first three letters still pairs "Vries" with the typo "Vires".
        for prefix in {word[:3] for word in parts[1]} if parts else ():
            blocks.setdefault(prefix, []).append(index)
    seen: set[tuple[int, int]] = set()
    found = []
    for members in blocks.values():
        for i, j in combinations(members, 2):
            if (i, j) in seen:
                continue
            seen.add((i, j))
            a, b = people[i], people[j]
            if not a["id"].startswith("name:") and not b["id"].startswith("name:"):
                continue
            score = name_similarity(a.get("name") or "", b.get("name") or "")
            if score >= threshold:
                found.append((a["id"], b["id"], score))
    return sorted(found, key=lambda pair: -pair[2])


def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """One record for two: the URL-based id survives, interactions are joined per item."""
    keep, other = (
        (b, a) if a["id"].startswith("name:") and not b["id"].startswith("name:") else (a, b)
    )
    merged = {**other, **{k: v for k, v in keep.items() if v not in (None, "", [])}}
    names = [n for n in (keep.get("name"), other.get("name")) if n]
    merged["name"] = max(names, key=_name_quality) if names else None
    merged["aliases"] = sorted(
        {*(keep.get("aliases") or []), *(other.get("aliases") or []), *names} - {merged["name"]}
    )
    merged["merged_ids"] = [
        *(keep.get("merged_ids") or []),
        other["id"],
        *(other.get("merged_ids") or []),
    ]
    by_item = {i["item_id"]: i for i in other.get("interactions") or []}
    by_item.update({i["item_id"]: i for i in keep.get("interactions") or []})
    merged["interactions"] = sorted(by_item.values(), key=lambda i: i.get("at") or "")
    merged["flag"] = keep.get("flag") or other.get("flag")
    _refresh_seen(merged)
    return merged


def _name_quality(name: str) -> tuple[int, int]:
    parts = _name_parts(name)
    full_given = parts is not None and len(parts[0]) > 1
    return int(full_given), len(name)
