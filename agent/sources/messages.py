"""What went wrong reading a source, as translation keys with Dutch and English text.

Every problem a blog source can have is one key under `sources.error.*`, the
same keys the dashboard's i18n files carry (tests keep the two equal), with
its parameters. Agents, the CLI and the dashboard show `en` or `nl`, or look
the key up themselves; nothing downstream has to parse an English sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

PREFIX = "sources.error."
TEXTS: dict[str, tuple[str, str]] = {
    "not_http": (
        "Only web addresses starting with http:// or https:// can be followed: {url}",
        "Alleen webadressen die met http:// of https:// beginnen kunnen worden gevolgd: {url}",
    ),
    "linkedin_not_group": (
        "This LinkedIn address is not a group; use one like https://www.linkedin.com/groups/1234567/",
        "Dit LinkedIn-adres is geen groep; gebruik er een zoals https://www.linkedin.com/groups/1234567/",
    ),
    "unreachable": (
        "{url} could not be reached: the server did not answer",
        "{url} is niet bereikbaar: de server antwoordt niet",
    ),
    "dns": (
        "{url} could not be found: its domain name does not exist or cannot be looked up",
        "{url} is niet gevonden: de domeinnaam bestaat niet of kan niet worden opgezocht",
    ),
    "tls": (
        "{url} could not be read safely: its security certificate (TLS) is not valid",
        "{url} kon niet veilig worden gelezen: het beveiligingscertificaat (TLS) klopt niet",
    ),
    "robots_forbids": (
        "{url} is not read: the site's robots.txt forbids Roos to read it",
        "{url} wordt niet gelezen: de robots.txt van de site verbiedt Roos dat",
    ),
    "robots_unreadable": (
        "{url} is not read for now: the site's robots.txt could not be read (server error)",
        "{url} wordt voorlopig niet gelezen: de robots.txt van de site was niet te lezen (serverfout)",
    ),
    "login_required": (
        "{url} asks for a login: Roos only reads blogs that anyone can read",
        "{url} vraagt om in te loggen: Roos leest alleen blogs die iedereen kan lezen",
    ),
    "resting": (
        "{url} failed too often and is left alone until {until} UTC",
        "{url} ging te vaak mis en wordt tot {until} UTC met rust gelaten",
    ),
    "local_address": (
        "{url} is not followed: it points into the local network ({ip}), and Roos does not "
        "follow links it found on a site outside it",
        "{url} wordt niet gevolgd: het wijst naar het lokale netwerk ({ip}), en Roos volgt geen "
        "links die het op een site daarbuiten vond",
    ),
    "too_large": ("{url} is larger than {limit} KiB", "{url} is groter dan {limit} KiB"),
    "redirects": ("{url} redirects too often", "{url} stuurt te vaak door"),
    "http_error": ("{url} answered with HTTP {status}", "{url} antwoordde met HTTP {status}"),
    "bad_feed": (
        "{url} looks like a feed but cannot be read as RSS or Atom",
        "{url} lijkt een feed, maar is niet te lezen als RSS of Atom",
    ),
    "not_blog": (
        "{url} is not a blog: no feed, no post and no comments Roos can follow (it is {kind})",
        "{url} is geen blog: geen feed, geen bericht en geen reacties die Roos kan volgen (het is {kind})",
    ),
    "render_failed": (
        "{url}: the comments could not be rendered in the browser",
        "{url}: de reacties konden niet in de browser worden opgebouwd",
    ),
}


def key(code: str) -> str:
    return PREFIX + code


def texts(code: str, params: Mapping[str, object]) -> tuple[str, str]:
    english, dutch = TEXTS[code]
    return english.format(**params), dutch.format(**params)


def problem(code: str, **params: object) -> dict:
    """{"key", "params", "en", "nl"}: one problem, ready to store or show."""
    english, dutch = texts(code, params)
    shown = {name: str(value) for name, value in params.items()}
    return {"key": key(code), "params": shown, "en": english, "nl": dutch}


def i18n_entries(lang: str) -> dict[str, str]:
    """The dashboard's i18n entries for these keys, placeholders kept ({url} → {url})."""
    index = 0 if lang == "en" else 1
    return {key(code): pair[index] for code, pair in TEXTS.items()}
