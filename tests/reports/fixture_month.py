"""A deterministic month of invented activity around Vlotbank (October 2026, plus September
and a few July days for the fans), stored through the real store.

Everything here is made up: the people, their words, the posts. The numbers a report must
show are designed in, so tests can say exactly what they expect:

- 23 mentions in October against 20 in September (+15%), on LinkedIn and blogs;
- 10 complaints, 9 answered within 4 working hours; working-time median 1 h 10 min, 90th
  percentile 2 h 30 min, clock-time median 2 h 15 min (one over a weekend, one overnight,
  one posted on a Saturday, one that took a day and a half);
- 6 questions about products (leads: VlotPay 3, Zonnewind 2, VlotPas 1), 5 answered;
- fans: Femke becomes a fan, Joris an ambassador, Mirjam (a fan in July) drops off;
- 41 own posts, 8 of them promotional, on 6 of the 9 weekend days;
- followers of our company page from 1,180 to 1,236 (+56).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from agent.analysis.pipeline import Analyzer
from agent.pipeline import analyze_in
from agent.server.api.own_posts import own_post
from agent.server.api.replies import record_reply
from agent.store import SyncStore

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONTH = "2026-10"
PAGE = "linkedin.com/company/vlotbank-example"


def at(day: str, clock: str) -> str:
    """Local Amsterdam time → the UTC timestamp the extension would send."""
    local = datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=AMSTERDAM)
    return local.astimezone(UTC).isoformat().replace("+00:00", "Z")


def person(name: str) -> dict:
    slug = name.lower().replace(" ", "-")
    return {"name": name, "profile_url": f"https://www.linkedin.com/in/{slug}-example"}


@dataclass
class Month:
    items: list[dict] = field(default_factory=list)
    replies: list[dict] = field(default_factory=list)
    own_posts: list[dict] = field(default_factory=list)
    snapshots: list[dict] = field(default_factory=list)
    intents: dict[str, str] = field(default_factory=dict)

    def add(self, when: str, text: str, author: str, intent: str, **extra: object) -> str:
        n = len(self.items) + 1
        source = extra.pop("source", "linkedin")
        item_id = f"li:{7300 + n}" if source == "linkedin" else f"blog:{7300 + n}"
        url = (
            f"https://www.linkedin.com/feed/update/urn:li:activity:{7300 + n}/"
            if source == "linkedin"
            else f"https://koffiehoek.example/2026/stuk-{n}/#comment-{n}"
        )
        published = datetime.fromisoformat(when.replace("Z", "+00:00"))
        self.items.append(
            {
                "id": item_id,
                "source": source,
                "kind": extra.pop("kind", "post" if source == "linkedin" else "comment"),
                "url": url,
                "text": text,
                "author": person(author),
                "published_at": when,
                "seen_at": (published + timedelta(minutes=5)).isoformat().replace("+00:00", "Z"),
                **extra,
            }
        )
        self.intents[item_id] = intent
        return item_id

    def answer(self, item_id: str, when: str) -> None:
        self.replies.append({"item_id": item_id, "answered_at": when, "by": "sanne"})


# (posted, answered) in local time; working minutes 30, 60, 60, 90, 60, 120, 45, 150, 80, 870.
COMPLAINTS = [
    (
        "2026-10-01 10:00",
        "2026-10-01 10:30",
        "Ria Voskamp",
        "nl",
        "linkedin",
        "VlotPay werkt al de hele ochtend niet, ik kan niet betalen. Slechte service, Vlotbank.",
    ),
    (
        "2026-10-02 16:30",
        "2026-10-05 09:30",
        "Gert Molendijk",
        "nl",
        "linkedin",
        "Alweer een storing bij Vlotbank, inloggen lukt niet. Slechte service zo.",
    ),
    (
        "2026-10-05 11:00",
        "2026-10-05 12:00",
        "Henk Braakman",
        "nl",
        "linkedin",
        "Mijn VlotPas werkt nog steeds niet na drie dagen. Teleurgesteld in Vlotbank.",
    ),
    (
        "2026-10-06 14:00",
        "2026-10-06 15:30",
        "Laura Finch",
        "en",
        "linkedin",
        "VlotPay is not working again, my payment failed twice. Disappointed in Vlotbank.",
    ),
    (
        "2026-10-07 20:00",
        "2026-10-08 10:00",
        "Bas Terpstra",
        "nl",
        "blog",
        "Vlotbank is onbereikbaar, al een uur in de wacht. Belachelijk.",
    ),
    (
        "2026-10-09 09:15",
        "2026-10-09 11:15",
        "Owen Marsh",
        "en",
        "linkedin",
        "Still waiting for my refund from Vlotbank, two weeks now. Unacceptable.",
    ),
    (
        "2026-10-12 13:00",
        "2026-10-12 13:45",
        "Noor Hazelaar",
        "nl",
        "blog",
        "Mijn Zonnewind rekening doet het niet, de app van Vlotbank geeft een foutmelding.",
    ),
    (
        "2026-10-14 10:00",
        "2026-10-14 12:30",
        "Henk Braakman",
        "nl",
        "linkedin",
        "Weer een storing bij VlotPay. Ik ben het zat, Vlotbank. Waardeloos.",
    ),
    (
        "2026-10-17 12:00",
        "2026-10-19 10:20",
        "Ella Brightwater",
        "en",
        "linkedin",
        "The Vlotbank app does not work on my phone since the update. Terrible.",
    ),
    (
        "2026-10-20 09:00",
        "2026-10-21 15:00",
        "Kees Dorrestein",
        "nl",
        "linkedin",
        "Geen reactie van Vlotbank op mijn mail over de VlotPas. Slechte service.",
    ),
]
QUESTIONS = [
    (
        "2026-10-05 10:00",
        "2026-10-05 11:00",
        "Sven Akkerman",
        "nl",
        "linkedin",
        "Kan ik met VlotPay ook in Duitsland betalen?",
    ),
    (
        "2026-10-08 15:00",
        "2026-10-08 16:00",
        "Iris Dijkhuis",
        "nl",
        "blog",
        "Hoeveel rente krijg je op een Zonnewind spaarrekening bij Vlotbank?",
    ),
    (
        "2026-10-13 09:30",
        "2026-10-13 10:00",
        "Tom Holloway",
        "en",
        "linkedin",
        "Does VlotPay work with Apple Pay?",
    ),
    (
        "2026-10-22 11:00",
        "2026-10-22 14:00",
        "Lotte Veenstra",
        "nl",
        "linkedin",
        "Wat kost VlotPay Plus per maand?",
    ),
    (
        "2026-10-27 10:00",
        "2026-10-27 10:20",
        "Grace Whitfield",
        "en",
        "blog",
        "How do I open a Zonnewind savings account?",
    ),
    (
        "2026-10-29 16:00",
        None,
        "Wouter Lindeboom",
        "nl",
        "linkedin",
        "Weet iemand of de VlotPas ook contactloos werkt?",
    ),
]
PRAISE = [
    (
        "2026-07-15 10:00",
        "Mirjam Oosterhout",
        "en",
        "Great experience with Vlotbank today, friendly and fast!",
    ),
    (
        "2026-07-16 11:00",
        "Mirjam Oosterhout",
        "en",
        "Love the VlotPay app, so easy and pleasant to use. Thanks Vlotbank!",
    ),
    (
        "2026-07-17 12:00",
        "Mirjam Oosterhout",
        "en",
        "Vlotbank support was wonderful again, thank you!",
    ),
    (
        "2026-09-08 09:40",
        "Joris Kleinveld",
        "nl",
        "Mooie resultaten van Zonnewind dit jaar, goed gedaan Vlotbank!",
    ),
    (
        "2026-09-21 14:10",
        "Joris Kleinveld",
        "nl",
        "Vlotbank blijft verrassen, erg tevreden klant hier. Top!",
    ),
    (
        "2026-10-03 10:05",
        "Femke Zonneveld",
        "nl",
        "Wat een fijne service van Vlotbank, binnen tien minuten geholpen!",
    ),
    (
        "2026-10-10 15:20",
        "Joris Kleinveld",
        "nl",
        "Vlotbank is echt een aanrader voor ondernemers, fantastisch!",
    ),
    (
        "2026-10-16 11:45",
        "Femke Zonneveld",
        "nl",
        "Blij met de nieuwe VlotPay app van Vlotbank, werkt heerlijk snel. Super!",
    ),
    (
        "2026-10-23 13:30",
        "Pieter Hollander",
        "en",
        "Great to see Vlotbank investing in local wind parks. Well done!",
    ),
    (
        "2026-10-28 09:10",
        "Femke Zonneveld",
        "nl",
        "Weer top geholpen door Vlotbank. Dank jullie wel, geweldig!",
    ),
]
NEUTRAL_OCTOBER = [
    (
        "2026-10-15 09:00",
        "Annet Kuipers",
        "linkedin",
        "Vlotbank opent een nieuw kantoor in Zwolle, lees het hele verhaal op hun blog.",
    ),
    (
        "2026-10-26 14:00",
        "Ruud Schippers",
        "blog",
        "Vlotbank publiceert het jaarverslag over 2025.",
    ),
]
SEPTEMBER_COMPLAINTS = [
    (
        "2026-09-02 10:00",
        "2026-09-02 13:00",
        "VlotPay werkt niet bij het tanken. Vlotbank, wat is er aan de hand?",
    ),
    ("2026-09-09 11:00", "2026-09-09 15:00", "Storing bij Vlotbank, de app laadt niet."),
    (
        "2026-09-15 09:30",
        "2026-09-16 09:30",
        "Nog steeds geen nieuwe VlotPas ontvangen. Teleurgesteld in Vlotbank.",
    ),
    (
        "2026-09-23 14:00",
        "2026-09-23 16:00",
        "Vlotbank not working for transfers today, terrible timing.",
    ),
    (
        "2026-09-29 10:00",
        "2026-09-29 10:45",
        "Slechte service van Vlotbank aan de telefoon vandaag.",
    ),
]
SEPTEMBER_QUESTIONS = [
    ("2026-09-03 10:00", "Werkt VlotPay ook op een smartwatch?"),
    ("2026-09-10 11:00", "Hoe open ik een zakelijke rekening bij Vlotbank?"),
    ("2026-09-17 15:00", "Can I use VlotPay abroad?"),
    ("2026-09-24 09:00", "Wat is de rente op Zonnewind op dit moment?"),
]
SEPTEMBER_NEUTRAL = [
    "Vlotbank heeft een nieuwe directeur benoemd.",
    "Vlotbank sponsort dit jaar de fietsvierdaagse in Drenthe.",
    "Artikel in de krant over Vlotbank en lokale energie.",
    "Vlotbank verhuist de klantenservice naar Zwolle.",
    "Vlotbank doet mee aan de week van het geld.",
    "Zonnewind financiert drie nieuwe windmolens bij Kampen.",
    "Vlotbank houdt open dag op zaterdag 26 september.",
    "Vlotbank publishes its quarterly figures next week.",
    "Vlotbank updates its app to version 5.",
]
PROMOTIONAL = [
    "Actie: VlotPay Plus drie maanden gratis. Bestel je pas vandaag en profiteer van de korting!",
    "Open deze maand een zakelijke rekening en ontvang 50 euro cadeau. Aanmelden via onze site.",
    "Korting! VlotPay Plus nu voor maar 1 euro per maand. Bestel je pas vandaag.",
    "Limited offer: get VlotPay Plus free for three months. Sign up today!",
]
VALUABLE = [
    "Vijf tips om als ondernemer je administratie op orde te houden",
    "Zo herken je een phishingmail: let op de afzender en klik nooit zomaar op een link",
    "Wat betekent de nieuwe btw-regel voor zzp'ers? Een uitleg in drie stappen",
    "Achter de schermen bij het windpark dat we samen met onze spaarders financieren",
    "Three ways small businesses can plan their cash flow for winter",
    "Interview met een bakker uit Deventer over duurzaam ondernemen",
    "Checklist: waar moet je op letten bij je eerste zakelijke lening",
]


def october() -> Month:
    """The whole fixture: October's activity, September to compare, July's fan."""
    m = Month()
    for posted, answered, author, lang, source, text in COMPLAINTS:
        item = m.add(at(*posted.split()), text, author, "complaint", source=source, lang=lang)
        m.answer(item, at(*answered.split()))
    for posted, answered, author, lang, source, text in QUESTIONS:
        item = m.add(at(*posted.split()), text, author, "question", source=source, lang=lang)
        if answered:
            m.answer(item, at(*answered.split()))
    for posted, author, lang, text in PRAISE:
        m.add(at(*posted.split()), text, author, "praise", lang=lang)
    for posted, author, source, text in NEUTRAL_OCTOBER:
        m.add(at(*posted.split()), text, author, "other", source=source, lang="nl")
    thread = m.items[-2]["id"]
    m.items[-2].update({"comments_count": 14, "reactions": 52})
    for n, text in enumerate(("Goed nieuws voor de regio!", "Eindelijk dichtbij.", "Mooi zo.")):
        m.add(
            at("2026-10-15", f"1{n}:30"),
            text,
            f"Buurman {n}",
            "other",
            kind="comment",
            parent_id=thread,
            lang="nl",
        )
    m.add(
        at("2026-10-19", "12:00"),
        "Spaarhuis verhoogt de spaarrente per november.",
        "Marco Visscher",
        "other",
        lang="nl",
    )
    _september(m)
    _own_posts(m)
    _snapshots(m)
    return m


def _september(m: Month) -> None:
    for n, (posted, answered, text) in enumerate(SEPTEMBER_COMPLAINTS):
        item = m.add(at(*posted.split()), text, f"Klant September {n}", "complaint", lang="nl")
        m.answer(item, at(*answered.split()))
    for n, (posted, text) in enumerate(SEPTEMBER_QUESTIONS):
        m.add(at(*posted.split()), text, f"Vrager September {n}", "question", source="blog")
    for n, text in enumerate(SEPTEMBER_NEUTRAL):
        day = f"2026-09-{n * 3 + 1:02d}"
        m.add(
            at(day, "12:00"),
            text,
            f"Lezer September {n}",
            "other",
            source="blog" if n % 3 == 0 else "linkedin",
        )


def _posts_on(day: datetime) -> int:
    weekday = day.weekday()
    if weekday >= 5:
        return 1 if day.day in (3, 4, 10, 17, 24, 31) else 0
    return 2 if weekday in (0, 2, 4) else 1


def _own_posts(m: Month) -> None:
    promo_days = {2, 7, 9, 14, 19, 23, 28, 30}  # one promotional post on each: 8 in total
    n = 0
    for day_number in range(1, 32):
        day = datetime(2026, 10, day_number)
        for slot in range(_posts_on(day)):
            promotional = day_number in promo_days and slot == 0
            pool = PROMOTIONAL if promotional else VALUABLE
            text = f"{pool[n % len(pool)]} ({day_number} oktober)"
            when = at(day.date().isoformat(), f"{9 + 4 * slot:02d}:00")
            m.own_posts.append({"text": text, "posted_at": when, "kind": "post"})
            n += 1
    for day_number in range(1, 31):  # September: one useful post a day
        when = at(f"2026-09-{day_number:02d}", "10:00")
        text = f"{VALUABLE[day_number % len(VALUABLE)]} ({day_number} september)"
        m.own_posts.append({"text": text, "posted_at": when, "kind": "post"})


def _snapshots(m: Month) -> None:
    for when, followers, following in (
        ("2026-09-01 12:00", 1150, 390),
        ("2026-09-30 12:00", 1180, 400),
        ("2026-10-15 12:00", 1210, 410),
        ("2026-10-31 10:00", 1236, 415),
    ):
        stamp = at(*when.split())
        m.snapshots.append(
            {
                "id": f"{PAGE}|{stamp}",
                "account": PAGE,
                "url": f"https://www.{PAGE}/",
                "name": "Vlotbank",
                "followers": followers,
                "following": following,
                "own": True,
                "at": stamp,
            }
        )
    stamp = at("2026-10-20", "12:00")
    m.snapshots.append(
        {
            "id": f"linkedin.com/in/other|{stamp}",
            "account": "linkedin.com/in/other",
            "followers": 10,
            "following": 900,
            "own": False,
            "at": stamp,
        }
    )


def store_month(tx: SyncStore, profile: dict, month: Month | None = None) -> Month:
    """Store the fixture the way the agent does: ingest analysis, replies, posts, snapshots."""
    month = month or october()
    ordered = sorted(month.items, key=lambda i: i["published_at"])
    analyze_in(tx, Analyzer(profile), None, ordered, store=True)
    for reply in month.replies:
        record_reply(tx, reply)
    tx.upsert("own_posts", [own_post(body) for body in month.own_posts])
    tx.upsert("follow_snapshots", month.snapshots)
    return month
