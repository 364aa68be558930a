"""A working day of invented messages for Vlotbank, for screenshots and the inbox-size test.

96 items: Dutch and English, LinkedIn posts and comments and blog comments, complaints,
questions, praise and plain mentions, posted over the last three days. Every name and text is
made up; the mix follows what a small consumer brand sees on an ordinary weekday.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

FIRST = [
    "Bea",
    "Cas",
    "Dirk",
    "Eva",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ivo",
    "Joris",
    "Kim",
    "Lotte",
    "Mees",
    "Noor",
    "Olaf",
    "Pien",
    "Quinten",
    "Roos",
    "Sem",
    "Tess",
    "Umut",
]
LAST = [
    "Bakker",
    "Claes",
    "Dijkstra",
    "Evers",
    "Faber",
    "de Graaf",
    "Hendriks",
    "Jansen",
    "Kok",
    "Lammers",
    "Mulder",
    "Nijland",
    "Oosterhuis",
    "Prins",
]
TEXTS = [
    ("complaint", "negative", "nl", "VlotPay rekent al twee dagen dubbel af. Wie kan me helpen?"),
    (
        "complaint",
        "negative",
        "nl",
        "Weer een storing bij VlotPay, ik kan niet pinnen bij de kassa.",
    ),
    (
        "complaint",
        "negative",
        "en",
        "VlotPay declined my card abroad three times today. Not great.",
    ),
    ("question", "neutral", "nl", "Hoe blokkeer ik mijn VlotPas als ik hem kwijt ben?"),
    ("question", "neutral", "nl", "Kan ik met Zonnewind ook maandelijks inleggen?"),
    ("question", "neutral", "en", "Does Vlotbank offer a business account for freelancers?"),
    (
        "praise",
        "positive",
        "nl",
        "Wat een fijne hulp van Vlotbank vandaag, binnen vijf minuten geregeld!",
    ),
    ("praise", "positive", "en", "Switched to Vlotbank last month and the VlotPay app is lovely."),
    ("other", "neutral", "nl", "Interessant stuk over groen sparen, Zonnewind wordt ook genoemd."),
    (
        "question",
        "negative",
        "nl",
        "Waarom duurt het overboeken naar Spaarhuis bij Vlotbank zo lang?",
    ),
]


OPENINGS = [
    "",
    "Hallo,",
    "Goedemorgen!",
    "Vraagje:",
    "Even iets anders:",
    "Hoi team,",
    "Beste Vlotbank,",
    "Update:",
]
FALLBACK = "Ik wacht op een reactie."
CLOSINGS = [
    "",
    "Groet, een trouwe klant.",
    "Alvast bedankt voor het meedenken.",
    "Ik hoor het graag vandaag nog.",
    "Mijn partner merkt hetzelfde sinds maandag.",
    "Dit gebeurde gisteravond rond acht uur.",
    "Wie weet raad?",
    "Thanks in advance!",
]


def _stamp(at: datetime) -> str:
    return at.isoformat(timespec="seconds").replace("+00:00", "Z")


def demo_items(count: int = 96, now: datetime | None = None) -> tuple[list[dict], dict]:
    """The items, and the intent and sentiment of each (as the user would correct them)."""
    now = now or datetime.now(UTC)
    items, kinds = [], {}
    for n in range(count):
        intent, sentiment, lang, text = TEXTS[n % len(TEXTS)]
        at = now - timedelta(minutes=23 * n + 7)
        blog = n % 4 == 3
        name = f"{FIRST[n % len(FIRST)]} {LAST[(n * 3 + n // len(FIRST)) % len(LAST)]}"
        if blog:
            doc = {
                "id": f"https://blog.example/groen-bankieren#comment-{1000 + n}",
                "source": "blog",
                "kind": "comment",
                "url": f"https://blog.example/groen-bankieren#comment-{1000 + n}",
                "parent_id": "https://blog.example/groen-bankieren",
                "author": {"name": name},
            }
        else:
            doc = {
                "id": f"urn:li:comment:(activity:7400000000000000000,{7400000000000000000 + n})",
                "source": "linkedin",
                "kind": "comment",
                "url": f"https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000000/?c={n}",
                "author": {
                    "name": name,
                    "profile_url": f"https://www.linkedin.com/in/{name.lower().replace(' ', '-')}/",
                },
            }
        if n >= len(TEXTS):  # the same matter again, in other words around it
            opening = OPENINGS[n % len(OPENINGS)]
            closing = CLOSINGS[(n // len(TEXTS) + n) % len(CLOSINGS)]
            # Only the start of the matter, so no text holds another whole (a near-duplicate).
            start = " ".join(text.split()[: 3 + n % 3]).rstrip(",.?!")
            text = " ".join(part for part in (opening, start, "…", closing or FALLBACK) if part)
        doc.update({"text": text, "lang": lang, "published_at": _stamp(at), "seen_at": _stamp(at)})
        items.append(doc)
        kinds[doc["id"]] = (intent, sentiment)
    return items, kinds
