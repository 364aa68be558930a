"""The words of a webcare reading: data only, read by `webcare.py`.

Each rule lists phrases in a small word-sequence syntax on folded words (accents off, lower
case, punctuation gone): words are separated by spaces, alternatives for one place by "|", a
trailing "*" matches any word that starts so ("crash*"), and "~" lets up to three other
words stand in between ("werkt ~ niet" finds "werkt de app sinds gisteren niet" only up to
three words apart). Phrases under "nl" or "en" count only when the text is not known to be
in the other language ("brand" is a fire in Dutch and a brand name in English); phrases
under "*" count always, because people mix the two.

A rule's reason is what the user reads on hover, in Dutch and English.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    # Requests to act on something that is wrong; "please" alone asks nothing of the kind.
    "request": {
        "en": """please fix|sort|solve|repair|refund|resolve|respond|reply|answer|call
            | fix this|it|that|asap|already | sort this|it out | sort it|this|that out
            | get this|it fixed|sorted | refund me|my | i want|need my money back
            | give me my money back | get back to me | call|ring me back | do something
            | can|could you finally | when will you|this be fix*|sort*|solve*|repair*
            | why is nobody|nobody|no one | someone please | take responsibility""",
        "nl": """graag ~ oplossen|terugstorten|terugbetalen|vergoeden|repareren|terugbellen
            | graag snel | los dit|het|dat ~ op | los ~ op | lossen jullie | oplossen graag
            | terugstorten|terugbetalen | stort|storten ~ terug | kunnen|kun|kan jullie|u
            eindelijk | wanneer lossen|lost|gaan|komen jullie | zorg|zorgen dat | regel
            dit|het | doe|doen er|eens iets aan | ik wil|eis mijn geld terug | bel|bellen
            me|mij terug | wie gaat|kan dit oplossen | neem|nemen verantwoordelijkheid""",
    },
    "persistence": {
        "en": """still | again | yet again | once again | keeps|kept * | for the second|third|
            fourth|fifth|nth time | every single|time|day | for days|weeks|months | since
            monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last""",
        "nl": """nog steeds|altijd | weer | alweer | wederom | opnieuw | steeds | telkens
            | elke|iedere keer|dag | voor de zoveelste|tweede|derde|vierde keer | zoveelste
            | al # dagen|weken|maanden|uur|keer | al dagen|weken|maanden|tijden | sinds
            maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|gisteren|vorige""",
    },
    "failure": {
        "en": """crash|crashes|crashed|crashing | keeps crashing|failing|dropping|freezing
            | doesn|does|don|do|didn|did|won|can|couldn|isn|aren|wasn t|not ~ work|
            working|open|load|connect|unlock|lock|charge|start|turn|respond|arrive|boot|sync
            | not working|arrived|delivered|received | stopped working|charging|responding
            | broken|broke|faulty|defective|damaged|dead | error|errors|bug|bugs|glitch*
            | fails|failed|failing | stuck | freezes|frozen | never arrived|came|showed
            | hasn t|haven t arrived|come | wrong item|size|order|product | missing parts|
            items|package | lost my|the package|parcel | no signal|connection | jammed|jams
            | keeps disconnecting | won t|can t log in|login | can t|cannot|unable log|sign in
            | is down | went down | out of order""",
        "nl": """werkt|werken|werkte|werkten ~ niet | doet|doen het niet | deed het niet
            | kapot | is|zijn|was|waren|ging|gingen|gaat|alweer|weer|steeds|al stuk | defect | klemt|klemmen|klemde|hapert|haperen|hapert | valt|vallen
            uit | viel|vielen uit | loopt|liep vast | vastgelopen|vastloopt | crasht|crashte
            | foutmelding|foutmeldingen | error | gaat|ging niet aan|open|dicht | start|startte
            niet | laadt|laden|laadde niet | kan|kon|kunnen niet inloggen|betalen|pinnen|
            ontgrendelen|openen|laden|bellen | lukt|lukte niet | niet ontvangen|geleverd|
            bezorgd|aangekomen | nooit aangekomen|ontvangen|geleverd | nog niet ontvangen|
            geleverd|bezorgd | beschadigd | verkeerde|verkeerd maat|artikel|product|pakket|
            bestelling|bedrag | ontbreekt|ontbreken | zoek geraakt|geraakt | kwijtgeraakt
            | piept|kraakt|rammelt | reageert niet | geen verbinding|bereik|signaal""",
    },
    "broken_promise": {
        "en": """never called|got|wrote back | nobody|no one called|got back | promised|promise
            ~ still|never|week|days|yesterday|but | was told ~ but|still|would | you said ~
            would|will | supposed to ~ but|be | still haven t heard | still no answer|reply|
            refund|word""",
        "nl": """nooit|niet teruggebeld|gebeld|teruggemaild | niemand belt|belde|heeft|neemt ~
            terug|contact|op | beloofd|belooft|beloofde|toegezegd ~ vorige|gisteren|nog|niet|
            maar|nooit|dagen|week|weken | zou|zouden ~ teruggebeld|terugbellen|terugkomen|
            terugmailen | dat was vorige week|maand""",
    },
    "ignored": {
        "en": """no answer|reply|response|callback | nobody|no one answers|responds|replies|
            picks|gets|got|called | haven t|hasn t heard back | not heard back | ignored
            | ignoring | left on read | on hold for""",
        "nl": """geen antwoord|reactie|respons|gehoor | niemand reageert|antwoordt|belt|neemt
            | nog niks|niets gehoord|vernomen | krijg|krijgen|kreeg ~ geen antwoord|reactie
            | genegeerd | negeren | in de wacht""",
    },
    "money": {
        "en": """charged twice|double|me twice|two times | double charged|billed | billed
            twice|double | overcharged | refund | refunds | refunded | money back | wrong
            amount|invoice|bill | invoice is wrong | debited twice | extra charge|charges
            | unauthorized|unauthorised charge|payment|debit | paid twice""",
        "nl": """afgeschreven | twee keer|dubbel afgeschreven|betaald|gefactureerd|geincasseerd
            | terugstorten | terugstorting | terugbetaling | terugbetalen | geld terug | teveel
            betaald|gerekend|afgeschreven | te veel betaald|gerekend|afgeschreven | factuur
            klopt niet | klopt ~ factuur | verkeerd bedrag | verkeerde factuur|bedrag
            | onterecht afgeschreven|gefactureerd|geincasseerd|in rekening | incasso
            | dubbele afschrijving|factuur|betaling | niet terugbetaald|teruggestort""",
    },
    # Praise words said about a failure: "Top service... drie weken geen antwoord".
    "sarcasm": {
        "en": """great another | great just great | just great | brilliant | thanks for
            nothing | thanks a lot | well done | good job | nice one | love it when | love
            how | so much for | top service|notch | fantastic service | awesome service
            | wonderful | what a joke | yeah right | oh great | oh joy""",
        "nl": """top service | topservice | fijn hoor | lekker dan | lekker bezig | goed bezig
            | bedankt hoor | dank je wel hoor | geweldig hoor | super hoor | mooi is dat
            | mooi zo | leuk hoor | heerlijk weer | knap hoor | chapeau hoor | echt niet
            | klasse service | prima service | wat een service | hulde""",
    },
    # Praise, including negated negatives that a lexicon counts against the writer.
    "praise": {
        "en": """never had a|any problem|problems|issue|issues|complaint|complaints|trouble
            | never let me down | never lets me down | can t|cannot fault | no complaints
            | nothing to complain | couldn t be happier | not disappointed | zero issues
            | no issues|problems at all | without any problem|problems|issue|issues|trouble
            | didn t expect it so|to be so fast|quick|good|easy | faster than expected
            | can t|cannot beat | hassle free | worked flawlessly | works flawlessly""",
        "nl": """nog nooit|nooit ~ probleem|problemen|pech|storing|storingen|klachten|klacht|
            gedoe|last | geen klachten|klagen | niets|niks te klagen | niet teleurgesteld
            | kan|kon niet beter | niet te verslaan | zonder problemen|gedoe|moeite|zorgen
            | niet verwacht dat ~ zo snel|goed|makkelijk|mooi|fijn|soepel|vlot | sneller dan verwacht|gedacht | beter dan verwacht
            | nooit teleurgesteld | nooit in de steek""",
    },
    # A failure that is over: "werkt weer", "crasht niet meer".
    "resolved": {
        "en": """works|working again | fixed now | is|was|got fixed|resolved|sorted | no
            longer crash*|fail*|freez* | problem|issue solved|resolved""",
        "nl": """werkt|werken|werkte weer | doet|doen het weer | is|zijn|werd|alweer opgelost|verholpen | crasht
            niet meer | probleem opgelost|verholpen""",
    },
    "safety": {
        "en": """caught|catch|catches fire | burst into flames | fire hazard | a|small fire | smoke | smoking | smoked
            | burn|burned|burnt|burning | explod* | explosion | sparks|sparking | melted
            | melting | overheat* | electric shock | got|gave me a shock | injur* | got|was
            hurt | hurt my|myself | hospital | brakes ~ fail*|failed|gave|don|didn|work|not
            | brake failure | dangerous | unsafe | hazard | gas leak|smell | smell gas
            | carbon monoxide | leaking acid|battery | battery leak*""",
        "nl": """rook|rookt|rookte|rookwolk|rookontwikkeling|rooklucht | brand | in brand|vlam
            | brandde | brandt ~ accu|batterij|lader|motor | brandgevaar|brandlucht|brandplek
            | ontploft|ontplofte|ontploffing|explodeerde|geexplodeerd | vlammen | vlam gevat
            | vuur | gesmolten | smolt | oververhit* | gloeiend|bloed|veel|erg|heel te heet
            | gewond|verwond*|letsel | in|naar het ziekenhuis | ziekenhuis in | eerste hulp
            | stroomschok
            | schok gekregen | onder stroom | gevaarlijk|levensgevaarlijk|onveilig | gevaar
            | remmen|rem ~ werkt|werken|werkte|werkten ~ niet | remmen|rem ~ doet|doen|deed|deden
            het niet | remmen|rem ~ weigert|weigeren|weigerde|faalt|falen|faalde
            | gaslek|gaslucht | ruik|rook gas | koolmonoxide | lekt|lekkage ~ accu|batterij|
            zuur""",
    },
    "privacy": {
        "*": """datalek | data breach|leak | someone else s|someones data|details|invoice|order|
            address|account | another customer s|customers data|details|invoice|order
            | other people s|customers data|details|invoices|orders | hacked | gehackt
            | gegevens van een|iemand ander|anders | andermans gegevens|factuur|bestelling
            | iemand anders ~ gegevens|factuur|bestelling|adres|naam | persoonsgegevens
            ~ gelekt|openbaar|zichtbaar | privacyschending | privacy ~ schending|geschonden|
            breach|violation|violated | avg|gdpr ~ overtreding|schending|breach|violation
            | my data ~ leaked|exposed""",
    },
    "outage": {
        "*": """storing | storingen | stroomstoring | outage | outages | offline | down again
            | is|are|was down | ligt|lag eruit|plat | geen stroom|internet|tv|netwerk|
            service|bereik | no power|internet|service|network|signal | service unavailable
            | niemand kan ~ inloggen|betalen|pinnen | nobody|no one can ~ log|pay""",
    },
    "legal": {
        "*": """advocaat | lawyer | juridische stappen | legal action|steps | sue|suing
            | rechtszaak | naar de rechter|consumentenbond | aangifte ~ doen|gedaan|doe|tegen
            | doe|doen ~ aangifte | geschillencommissie | ombudsman | small claims
            | ingebrekestelling | sommatie | to|in court
            | autoriteit persoonsgegevens | report you to""",
    },
}

# The user reads these on hover (extension) and in the inbox.
REASONS: dict[str, dict[str, str]] = {
    "request": {"nl": "vraagt om actie", "en": "asks us to act"},
    "persistence": {"nl": "het probleem blijft", "en": "the problem persists"},
    "failure": {"nl": "iets werkt niet", "en": "something fails"},
    "broken_promise": {"nl": "belofte niet nagekomen", "en": "a promise was broken"},
    "ignored": {"nl": "krijgt geen antwoord", "en": "gets no answer"},
    "money": {"nl": "geld: dubbel betaald of terugbetaling", "en": "money: charges or refund"},
    "sarcasm": {"nl": "sarcasme rond een probleem", "en": "sarcasm about a failure"},
    "praise": {"nl": "lof (ook 'nooit een probleem')", "en": "praise (also 'never a problem')"},
    "resolved": {"nl": "probleem is opgelost", "en": "the problem is solved"},
    "safety": {"nl": "veiligheid: gevaar voor mensen", "en": "safety: people at risk"},
    "privacy": {"nl": "privacy: gegevens in verkeerde handen", "en": "privacy: data exposed"},
    "outage": {"nl": "storing", "en": "outage"},
    "legal": {"nl": "dreigt met juridische stappen", "en": "threatens legal action"},
    "lexicon": {"nl": "woorden met gevoel", "en": "words with feeling"},
    "question": {"nl": "stelt een vraag", "en": "asks a question"},
    "negative": {"nl": "negatief over ons", "en": "negative about us"},
    "complaint_overrides": {
        "nl": "klacht weegt zwaarder dan vriendelijke woorden",
        "en": "a complaint outweighs polite words",
    },
    "praise_overrides": {
        "nl": "ontkend negatief woord is lof",
        "en": "a negated negative word is praise",
    },
    "waiting": {"nl": "wacht al lang", "en": "waiting long"},
    "corrected": {"nl": "door jou gecorrigeerd", "en": "corrected by you"},
    "promotion": {"nl": "verkoopt of roept op tot kopen", "en": "sells or calls to buy"},
}
