"""The words `roos watch` prints, in Dutch and English (a test checks both have every key)."""

from __future__ import annotations

import os

LANGS = ("nl", "en")

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "connecting": "Verbinden met de agent op {url} …",
        "connected": "Verbonden. Live gebeurtenissen volgen ({only}); Ctrl-C stopt.",
        "reconnected": "Weer verbonden.",
        "lost": "Verbinding met de agent verbroken; opnieuw proberen over {seconds} s.",
        "waiting": "De agent antwoordt niet op {url}; opnieuw proberen over {seconds} s.",
        "refused": "De agent weigerde het token uit {home}. Koppel opnieuw met `roos token` "
        "en probeer het daarna nog eens; opnieuw proberen over {seconds} s.",
        "no_token": "Geen token in {home}: start de agent eerst met `roos serve`.",
        "stopped": "Gestopt.",
        "no_notify": "Bureaubladmeldingen zijn niet mogelijk: `notify-send` ontbreekt "
        "(installeer libnotify-bin). Urgente berichten verschijnen wel hier.",
        "notify_title": "Roos: urgent bericht",
        "updated": "bijgewerkt",
        "complaint": "klacht",
        "question": "vraag",
        "praise": "lof",
        "other": "overig",
        "mention": "vermelding",
        "urgent": "urgent",
        "soon": "snel",
        "later": "kan wachten",
        "fan": "fan",
        "ambassador": "ambassadeur",
        "critic": "criticus",
        "safety": "veiligheid",
        "privacy": "privacy",
        "money": "geld",
        "outage": "storing",
        "legal": "juridisch",
        "s_linkedin": "LinkedIn",
        "s_group": "LinkedIn-groep",
        "s_blog": "Blog",
        "s_x": "X",
        "s_web": "Web",
        "answered": "Beantwoord{by} na {wait}: {text}",
        "answered_by": " door {name}",
        "blocked": "Bron geblokkeerd: {message}",
        "source_error": "Bron {url}: {error}",
        "report": "Maandrapport {month} is klaar: {url}",
        "miss": "Roos kon {missed} van {seen} kaarten niet lezen op {url}",
        "miss_plain": "Roos kon een pagina niet lezen: {url}",
        "own_post": "Eigen bericht: {text}",
        "forgotten": "Een persoon is vergeten (op verzoek).",
        "claimed": "{name} beantwoordt nu een bericht.",
        "hours_minutes": "{hours} u {minutes} min",
        "minutes": "{minutes} min",
        "days_hours": "{days} d {hours} u",
    },
    "en": {
        "connecting": "Connecting to the agent at {url} …",
        "connected": "Connected. Following live events ({only}); Ctrl-C stops.",
        "reconnected": "Connected again.",
        "lost": "Lost the connection to the agent; trying again in {seconds} s.",
        "waiting": "The agent does not answer at {url}; trying again in {seconds} s.",
        "refused": "The agent refused the token from {home}. Pair again with `roos token` and "
        "try once more; trying again in {seconds} s.",
        "no_token": "No token in {home}: start the agent first with `roos serve`.",
        "stopped": "Stopped.",
        "no_notify": "Desktop notifications are not available: `notify-send` is missing "
        "(install libnotify-bin). Urgent items still appear here.",
        "notify_title": "Roos: urgent item",
        "updated": "updated",
        "complaint": "complaint",
        "question": "question",
        "praise": "praise",
        "other": "other",
        "mention": "mention",
        "urgent": "urgent",
        "soon": "soon",
        "later": "can wait",
        "fan": "fan",
        "ambassador": "ambassador",
        "critic": "critic",
        "safety": "safety",
        "privacy": "privacy",
        "money": "money",
        "outage": "outage",
        "legal": "legal",
        "s_linkedin": "LinkedIn",
        "s_group": "LinkedIn group",
        "s_blog": "Blog",
        "s_x": "X",
        "s_web": "Web",
        "answered": "Answered{by} after {wait}: {text}",
        "answered_by": " by {name}",
        "blocked": "Source blocked: {message}",
        "source_error": "Source {url}: {error}",
        "report": "Monthly report {month} is ready: {url}",
        "miss": "Roos could not read {missed} of {seen} cards on {url}",
        "miss_plain": "Roos could not read a page: {url}",
        "own_post": "Own post: {text}",
        "forgotten": "A person was forgotten (on request).",
        "claimed": "{name} is answering an item now.",
        "hours_minutes": "{hours} h {minutes} min",
        "minutes": "{minutes} min",
        "days_hours": "{days} d {hours} h",
    },
}


def default_lang(environ: dict[str, str] | None = None) -> str:
    """Dutch for a Dutch locale (LC_ALL, LC_MESSAGES or LANG), English otherwise."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def say(lang: str, key: str, **values: object) -> str:
    table = WORDS.get(lang, WORDS["en"])
    return table[key].format(**values)
