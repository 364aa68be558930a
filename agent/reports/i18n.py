"""The report's words in Dutch and English, and numbers written the way each reader expects.

A Dutch director reads "1.234", "1,5" and "1 u 20 min"; an English one "1,234", "1.5" and
"1 h 20 min". Every string has both languages (a test checks the two tables have the same
keys); counted nouns have a singular and a plural form.
"""

from __future__ import annotations

LANGS = ("nl", "en")

MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}

STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Maandrapport {month}",
        "generated": "Gemaakt op {date} door Roos",
        "running": "Deze maand loopt nog: cijfers tot en met {date}.",
        "summary": "In één minuut",
        "empty": "Geen gegevens voor {month}: Roos zag die maand geen berichten, eigen posts of "
        "volgerstanden. Staat de extensie aan en zijn er bronnen ingesteld?",
        "s_mentions": "In {month} werd {org} {count} keer genoemd{change}.",
        "s_change": " ({change} t.o.v. {previous})",
        "s_reputation": "Reputatie: {positive} van de berichten over ons was positief en "
        "{negative} negatief ({previous}: {previous_negative} negatief).",
        "s_reputation_new": "Reputatie: {positive} van de berichten over ons was positief en "
        "{negative} negatief.",
        "s_complaints": "{within} van de {received} klachten binnen {hours} {unit} beantwoord"
        "{median}.",
        "s_median": " (mediaan {value})",
        "s_no_complaints": "Geen klachten ontvangen.",
        "s_questions": "{answered} van de {received} vragen beantwoord{median}.",
        "s_leads": "Leads: {count} {questions} over producten{terms}.",
        "s_no_leads": "Leads: geen vragen over producten.",
        "s_loyalty": "Loyaliteit: {gained_fans} nieuwe {fans} en {gained_amb} nieuwe {ambs}, "
        "{lost} afgehaakt; nu {total} {fans_total}, van wie {amb_total} {ambs_total}.",
        "s_posts": "Je plaatste {posts} {posts_word}: {per_day} per dag (doel {target}), op "
        "{covered} van de {weekend} weekenddagen, {promo} promotioneel (max. {max}).",
        "s_no_posts": "Je plaatste deze maand geen eigen berichten (doel {target} per dag).",
        "s_follow": "{name}: {followers} volgers{change}, je volgt er {following}.",
        "unit_working": "werkuren",
        "unit_clock": "uur",
        "org_fallback": "je organisatie",
        "h_listen": "Luisteren: vermeldingen",
        "h_reputation": "Reputatie: sentiment",
        "h_respond": "Reageren: klachten en vragen",
        "h_leads": "Leads: vragen over producten",
        "h_loyalty": "Loyaliteit: fans en ambassadeurs",
        "h_rhythm": "Waardevol zijn: inhoud en ritme",
        "h_follow": "Volgverhouding",
        "h_threads": "Opvallende gesprekken",
        "k_mentions": "Vermeldingen",
        "k_positive": "Positief",
        "k_complaints": "Klachten op tijd",
        "k_median": "Mediane reactietijd",
        "k_fans": "Nieuwe fans",
        "k_posts": "Posts per dag",
        "c_source": "Bron",
        "c_term": "Zoekterm",
        "c_kind": "Soort",
        "c_count": "Aantal",
        "c_previous": "Vorige maand",
        "c_change": "Verschil",
        "c_week": "Week",
        "c_positive": "Positief",
        "c_neutral": "Neutraal",
        "c_negative": "Negatief",
        "c_received": "Ontvangen",
        "c_answered": "Beantwoord",
        "c_median": "Mediaan",
        "c_p90": "90% binnen",
        "c_median_bh": "Mediaan (werktijd)",
        "c_p90_bh": "90% binnen (werktijd)",
        "c_within": "Binnen {hours} {unit}",
        "c_group": "Groep",
        "c_now": "Nu",
        "c_gained": "Erbij",
        "c_lost": "Afgehaakt",
        "c_account": "Account",
        "c_followers": "Volgers",
        "c_following": "Volgt",
        "c_ratio": "Verhouding",
        "c_measure": "Maatstaf",
        "c_value": "Waarde",
        "c_target": "Doel",
        "complaints": "Klachten",
        "questions": "Vragen",
        "fans": "Fans (incl. ambassadeurs)",
        "ambassadors": "Ambassadeurs",
        "critics": "Critici",
        "new_names": "Nieuw: {names}",
        "r_posts": "Eigen berichten",
        "r_per_day": "Per dag",
        "r_days": "Dagen met een post",
        "r_weekend": "Weekenddagen met een post",
        "r_promo": "Promotioneel aandeel",
        "r_kinds": "Soorten",
        "kind_post": "posts",
        "kind_share": "gedeeld",
        "kind_comment": "reacties",
        "term_organisation": "organisatie",
        "term_product": "product",
        "term_person": "teamlid",
        "term_competitor": "concurrent",
        "t_comments": "Meeste reacties",
        "t_reactions": "Meeste likes",
        "t_negative": "Meest negatief",
        "t_line": "{author} · {source} · {date} · {comments} reacties · {reactions} likes",
        "none": "Geen.",
        "chart_terms": "Vermeldingen per zoekterm",
        "chart_weeks": "Sentiment per week",
        "chart_daily": "Eigen posts per dag (lijn: doel)",
        "method": "Reactietijd telt vanaf publicatie tot ons eerste antwoord; werktijd telt "
        "alleen de openingstijden ({hours}, {tz}). 90% binnen: negen op de tien antwoorden "
        "kwamen binnen die tijd.",
        "no_hours": "geen openingstijden ingesteld",
        "days": "ma di wo do vr za zo",
        "csv_id": "id",
        "csv_source": "bron",
        "csv_kind": "soort",
        "csv_published": "gepubliceerd",
        "csv_author": "auteur",
        "csv_url": "url",
        "csv_language": "taal",
        "csv_sentiment": "sentiment",
        "csv_compound": "score",
        "csv_intent": "bedoeling",
        "csv_about_us": "over_ons",
        "csv_mentions": "vermeldingen",
        "csv_needs_reply": "antwoord_nodig",
        "csv_answered": "beantwoord",
        "csv_answered_at": "beantwoord_op",
        "csv_response_seconds": "reactietijd_sec",
        "csv_business_seconds": "reactietijd_werktijd_sec",
        "csv_reactions": "likes",
        "csv_comments": "reacties",
        "csv_promotional": "promotioneel",
        "csv_text": "tekst",
    },
    "en": {
        "title": "Monthly report {month}",
        "generated": "Made on {date} by Roos",
        "running": "This month is still running: figures up to and including {date}.",
        "summary": "In one minute",
        "empty": "No data for {month}: Roos saw no posts, own posts or follower counts that "
        "month. Is the extension running and are sources set up?",
        "s_mentions": "In {month} {org} was mentioned {count} times{change}.",
        "s_change": " ({change} compared with {previous})",
        "s_reputation": "Reputation: {positive} of the posts about us were positive and "
        "{negative} negative ({previous}: {previous_negative} negative).",
        "s_reputation_new": "Reputation: {positive} of the posts about us were positive and "
        "{negative} negative.",
        "s_complaints": "{within} of {received} complaints answered within {hours} {unit}{median}.",
        "s_median": " (median {value})",
        "s_no_complaints": "No complaints received.",
        "s_questions": "{answered} of {received} questions answered{median}.",
        "s_leads": "Leads: {count} {questions} about products{terms}.",
        "s_no_leads": "Leads: no questions about products.",
        "s_loyalty": "Loyalty: {gained_fans} new {fans} and {gained_amb} new {ambs}, {lost} "
        "dropped off; now {total} {fans_total}, {amb_total} of them {ambs_total}.",
        "s_posts": "You published {posts} {posts_word}: {per_day} a day (target {target}), on "
        "{covered} of {weekend} weekend days, {promo} promotional (max. {max}).",
        "s_no_posts": "You published no posts of your own this month (target {target} a day).",
        "s_follow": "{name}: {followers} followers{change}, following {following}.",
        "unit_working": "working hours",
        "unit_clock": "hours",
        "org_fallback": "your organisation",
        "h_listen": "Listening: mentions",
        "h_reputation": "Reputation: sentiment",
        "h_respond": "Responding: complaints and questions",
        "h_leads": "Leads: questions about products",
        "h_loyalty": "Loyalty: fans and ambassadors",
        "h_rhythm": "Being valuable: content and rhythm",
        "h_follow": "Follow ratio",
        "h_threads": "Notable threads",
        "k_mentions": "Mentions",
        "k_positive": "Positive",
        "k_complaints": "Complaints on time",
        "k_median": "Median response time",
        "k_fans": "New fans",
        "k_posts": "Posts per day",
        "c_source": "Source",
        "c_term": "Term",
        "c_kind": "Kind",
        "c_count": "Count",
        "c_previous": "Previous month",
        "c_change": "Change",
        "c_week": "Week",
        "c_positive": "Positive",
        "c_neutral": "Neutral",
        "c_negative": "Negative",
        "c_received": "Received",
        "c_answered": "Answered",
        "c_median": "Median",
        "c_p90": "90% within",
        "c_median_bh": "Median (working time)",
        "c_p90_bh": "90% within (working time)",
        "c_within": "Within {hours} {unit}",
        "c_group": "Group",
        "c_now": "Now",
        "c_gained": "Gained",
        "c_lost": "Lost",
        "c_account": "Account",
        "c_followers": "Followers",
        "c_following": "Following",
        "c_ratio": "Ratio",
        "c_measure": "Measure",
        "c_value": "Value",
        "c_target": "Target",
        "complaints": "Complaints",
        "questions": "Questions",
        "fans": "Fans (incl. ambassadors)",
        "ambassadors": "Ambassadors",
        "critics": "Critics",
        "new_names": "New: {names}",
        "r_posts": "Own posts",
        "r_per_day": "Per day",
        "r_days": "Days with a post",
        "r_weekend": "Weekend days with a post",
        "r_promo": "Promotional share",
        "r_kinds": "Kinds",
        "kind_post": "posts",
        "kind_share": "shares",
        "kind_comment": "comments",
        "term_organisation": "organisation",
        "term_product": "product",
        "term_person": "team member",
        "term_competitor": "competitor",
        "t_comments": "Most comments",
        "t_reactions": "Most reactions",
        "t_negative": "Most negative",
        "t_line": "{author} · {source} · {date} · {comments} comments · {reactions} reactions",
        "none": "None.",
        "chart_terms": "Mentions per term",
        "chart_weeks": "Sentiment per week",
        "chart_daily": "Own posts per day (line: target)",
        "method": "Response time runs from publication to our first answer; working time counts "
        "only opening hours ({hours}, {tz}). 90% within: nine in ten answers came within that "
        "time.",
        "no_hours": "no opening hours set",
        "days": "Mon Tue Wed Thu Fri Sat Sun",
        "csv_id": "id",
        "csv_source": "source",
        "csv_kind": "kind",
        "csv_published": "published",
        "csv_author": "author",
        "csv_url": "url",
        "csv_language": "language",
        "csv_sentiment": "sentiment",
        "csv_compound": "score",
        "csv_intent": "intent",
        "csv_about_us": "about_us",
        "csv_mentions": "mentions",
        "csv_needs_reply": "needs_reply",
        "csv_answered": "answered",
        "csv_answered_at": "answered_at",
        "csv_response_seconds": "response_seconds",
        "csv_business_seconds": "response_working_seconds",
        "csv_reactions": "reactions",
        "csv_comments": "comments",
        "csv_promotional": "promotional",
        "csv_text": "text",
    },
}

NOUNS = {
    "nl": {
        "fan": ("fan", "fans"),
        "ambassador": ("ambassadeur", "ambassadeurs"),
        "question": ("vraag", "vragen"),
        "post": ("bericht", "berichten"),
    },
    "en": {
        "fan": ("fan", "fans"),
        "ambassador": ("ambassador", "ambassadors"),
        "question": ("question", "questions"),
        "post": ("post", "posts"),
    },
}


def lang_or_default(lang: str | None) -> str:
    return lang if lang in LANGS else "nl"


def t(lang: str, key: str, **values: object) -> str:
    return STRINGS[lang_or_default(lang)][key].format(**values)


def noun(lang: str, word: str, count: int) -> str:
    one, many = NOUNS[lang_or_default(lang)][word]
    return one if count == 1 else many


def month_name(lang: str, year: int, month: int) -> str:
    return f"{MONTHS[lang_or_default(lang)].split()[month - 1]} {year}"


def number(lang: str, value: float, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    if lang_or_default(lang) == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def percent(lang: str, share: float | None, exact: bool = False) -> str:
    """0.217 → "22%". With `exact`, one decimal unless it is zero ("19,5%"), for shares
    held against a limit: 19.5% against a maximum of 20% must not read as "20%"."""
    if share is None:
        return "–"
    value = round(share * 100, 1 if exact else 0)
    return number(lang, value, 0 if value == int(value) else 1) + "%"


def signed_percent(lang: str, change: float | None) -> str:
    if change is None:
        return "–"
    sign = "+" if change > 0 else "-" if change < 0 else "±"
    return sign + number(lang, abs(change), 0) + "%"


def signed(lang: str, value: int | None) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "-" if value < 0 else "±") + number(lang, abs(value))


def duration(lang: str, seconds: float | None) -> str:
    """A wait as a person says it: "45 min", "1 u 20 min", "2 d 3 u" ("h" in English)."""
    if seconds is None:
        return "–"
    hour = "u" if lang_or_default(lang) == "nl" else "h"
    minutes = round(seconds / 60)
    if minutes < 1:
        return "< 1 min"
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} {hour} {rest} min" if rest else f"{hours} {hour}"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} {hour}" if hours else f"{days} d"


def date_text(lang: str, iso: str) -> str:
    """ "2026-10-05" → "5 oktober 2026" / "5 October 2026"."""
    year, month, day = (int(p) for p in iso[:10].split("-"))
    return f"{day} {month_name(lang, year, month)}"
