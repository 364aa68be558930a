"""What to do next month: advice derived from the month's own figures, for the report.

Each rule looks at one figure against its target or the month before and, when it falls
short, says what to do about it with the numbers in words. Rules that find nothing to say
stay silent; a month where every rule is content says so. At most five, most pressing first:
answering people, then reputation, then rhythm and the 20/80 share, then the audience.
"""

from __future__ import annotations

from html import escape

from agent.reports.i18n import lang_or_default, number, percent

TEXTS = {
    "nl": {
        "title": "Wat je volgende maand doet",
        "complaints": "Beantwoord klachten sneller: {within} van de {received} kregen binnen "
        "{hours} kantooruren antwoord. Verdeel de inbox over het team en zet een vervanger in "
        "bij afwezigheid.",
        "unanswered": "{open} van de {received} vragen bleven onbeantwoord. Gebruik de "
        "kennisbank-antwoorden in de inbox en loop de inbox elke ochtend door.",
        "negative": "Het aandeel negatieve berichten steeg van {before} naar {now}. Lees de "
        "scherpste kritiek in dit rapport en reageer persoonlijk.",
        "rhythm": "Plaats vaker: gemiddeld {per_day} berichten per dag tegen een doel van "
        "{target}. Plan berichten vooruit, ook voor het weekend.",
        "weekends": "In {missed} van de {weekend} weekenddagen plaatste je niets. Plan een "
        "bericht voor zaterdag en zondag.",
        "promo": "Minder promotie: {share} van je berichten was reclame (grens {limit}). "
        "Deel vaker nuttige tips, antwoorden en goed werk van anderen.",
        "fans": "Je verloor {lost} fans en won er {gained}. Bedank fans voor hun reacties en "
        "betrek ze bij nieuws.",
        "follow": "Je volgt meer accounts ({following}) dan er jou volgen ({followers}) op "
        "{name}. Ontvolg eerst wie al maanden niets van zich liet horen.",
        "mentions": "Je werd {drop} minder genoemd dan de maand ervoor. Reageer behulpzaam in "
        "groepen en op blogs en begin een gesprek over een vraag die vaak terugkomt.",
        "none": "Alle doelen gehaald: ga zo door en kijk in de details wat het goed deed.",
    },
    "en": {
        "title": "What to do next month",
        "complaints": "Answer complaints faster: {within} of the {received} were answered "
        "within {hours} business hours. Share the inbox across the team and name a stand-in "
        "for absences.",
        "unanswered": "{open} of the {received} questions were never answered. Use the "
        "knowledge-base answers in the inbox and go through the inbox every morning.",
        "negative": "The share of negative messages rose from {before} to {now}. Read the "
        "sharpest criticism in this report and answer it in person.",
        "rhythm": "Post more often: {per_day} posts a day on average against a target of "
        "{target}. Plan posts ahead, weekends included.",
        "weekends": "On {missed} of the {weekend} weekend days you posted nothing. Plan a post "
        "for Saturday and Sunday.",
        "promo": "Less promotion: {share} of your posts advertised (limit {limit}). Share "
        "useful tips, answers and other people's good work more often.",
        "fans": "You lost {lost} fans and gained {gained}. Thank fans for their reactions and "
        "involve them in news.",
        "follow": "You follow more accounts ({following}) than follow you ({followers}) on "
        "{name}. Unfollow those who have been silent for months first.",
        "mentions": "You were mentioned {drop} less than the month before. Comment helpfully "
        "in groups and on blogs, and start a conversation about a question that keeps coming "
        "back.",
        "none": "Every target was met: keep going, and see in the details what worked.",
    },
}
MAX_ADVICE = 5


def advice(figures: dict, lang: str) -> list[str]:
    """The month's recommendations as sentences (empty for a month without data)."""
    if figures.get("empty"):
        return []
    words = TEXTS[lang_or_default(lang)]
    found: list[str] = []
    response = figures["response"]
    complaints = response["complaints"]
    if complaints["received"] and complaints["within_target"] < complaints["received"]:
        found.append(
            words["complaints"].format(
                within=number(lang, complaints["within_target"]),
                received=number(lang, complaints["received"]),
                hours=number(lang, response["target_hours"]),
            )
        )
    questions = response["questions"]
    if questions["received"] and questions["answered"] < questions["received"]:
        found.append(
            words["unanswered"].format(
                open=number(lang, questions["received"] - questions["answered"]),
                received=number(lang, questions["received"]),
            )
        )
    sentiment = figures["sentiment"]
    now, before = sentiment["shares"]["negative"], sentiment["previous_shares"]["negative"]
    if sentiment["previous_count"] and sentiment["count"] and now > before + 0.05:
        found.append(words["negative"].format(before=percent(lang, before), now=percent(lang, now)))
    found += _rhythm(figures["rhythm"], lang, words)
    found += _audience(figures, lang, words)
    return found[:MAX_ADVICE] or [words["none"]]


def _rhythm(r: dict, lang: str, words: dict) -> list[str]:
    found = []
    if r["target_per_day"] and r["per_day"] < r["target_per_day"]:
        found.append(
            words["rhythm"].format(
                per_day=number(lang, r["per_day"], 1), target=number(lang, r["target_per_day"])
            )
        )
    missed = r["weekend_days"] - r["weekend_days_covered"]
    if r["weekends_target"] and r["posts"] and missed > r["weekend_days"] / 2:
        found.append(
            words["weekends"].format(
                missed=number(lang, missed), weekend=number(lang, r["weekend_days"])
            )
        )
    if r["promo_share"] is not None and r["promo_share"] > r["max_promo_share"]:
        found.append(
            words["promo"].format(
                share=percent(lang, r["promo_share"]), limit=percent(lang, r["max_promo_share"])
            )
        )
    return found


def _audience(figures: dict, lang: str, words: dict) -> list[str]:
    found = []
    fans = figures["people"]["fans"]
    if fans["lost"] > fans["gained"]:
        found.append(
            words["fans"].format(
                lost=number(lang, fans["lost"]), gained=number(lang, fans["gained"])
            )
        )
    for account in figures["follow"]:
        if account.get("following") and account["following"] > account["followers"]:
            found.append(
                words["follow"].format(
                    following=number(lang, account["following"]),
                    followers=number(lang, account["followers"]),
                    name=account["name"],
                )
            )
            break
    change = figures["mentions"]["change"]
    if change is not None and change <= -20:
        found.append(words["mentions"].format(drop=f"{number(lang, abs(change), 0)}%"))
    return found


def advice_html(figures: dict, lang: str) -> str:
    lines = advice(figures, lang)
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    title = TEXTS[lang_or_default(lang)]["title"]
    return f'<section class="advice"><h2>{escape(title)}</h2><ol>{items}</ol></section>'
