"""The words of a webcare reading: data only, read by `webcare.py`.

Each rule lists phrases in a small word-sequence syntax on folded words (accents off, lower
case, punctuation gone): words are separated by spaces, alternatives for one place by "|", a
trailing "*" matches any word that starts so ("crash*"), and "~" lets up to three other
words stand in between ("werkt ~ niet" finds "werkt de app sinds gisteren niet" only up to
three words apart; "~~" up to six). Phrases under "nl" or "en" count only when the text is not known to be
in the other language ("brand" is a fire in Dutch and a brand name in English); phrases
under "*" count always, because people mix the two.

A rule's reason is what the user reads on hover, in Dutch and English.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    # Requests to act on something that is wrong; "please" alone asks nothing of the kind.
    "request": {
        "en": """please fix|sort|solve|repair|refund|resolve|respond|reply|answer|call|replace
            | please send ~ engineer|technician|someone|replacement|new | fix this|it|that|asap
            | fix ~ already|first|now | sort this|it|that out | sort it|this|that out | sort
            out | get this|it fixed|sorted | refund me|my | i want|need my money back | give
            me my money back | get back to me | call|ring me back | do something | can|could
            you finally | when will you ~ fix|sort|solve|repair|refund | when will this|it be
            fix*|sort*|solve*|repair* | why is nobody | why is no one | someone please
            | take responsibility | make sure ~ works|working | get this fixed | get it
            sorted | refund please | money back please | could|can|would you ~ correct|adjust|
            refund|reverse|cancel|fix|sort""",
        "nl": """graag ~ oplossen|terugstorten|terugbetalen|vergoeden|repareren|terugbellen|
            vervangen | graag snel | graag ~ monteur|actie|reactie | los dit|het|dat ~ op
            | lossen jullie | oplossen graag | terugstorten|terugbetalen | stort|storten ~ terug
            | kunnen|kun|kan jullie|u eindelijk | wanneer lossen|lost jullie | wanneer gaan|komen
            jullie ~ oplossen|repareren|terugbellen|terugstorten | zorg|zorgen ~ dat ~ werkt|
            doet|opgelost|geregeld | regel dit|het ~ eens|nou|nu|eindelijk | doe|doen er|eens
            iets aan | ik wil|eis mijn geld terug | bel|bellen me|mij terug | wie gaat|kan dit
            oplossen | neem|nemen verantwoordelijkheid | kunnen jullie eerst | eerst ~ zorgen
            dat | graag terug|retour | wilt|kunt|kunnen|willen u|jullie ~ aanpassen|corrigeren|
            rechtzetten|terugbetalen|terugstorten|oplossen|repareren|vervangen""",
    },
    "persistence": {
        "en": """still | again | yet again | once again | keep|keeps|kept * | every|each * | for the second|third|
            fourth|fifth|nth time | second|third|fourth|fifth time | every single|time|day
            | every ~ minutes|hour|day|time|morning|evening|night|week | for # days|weeks|
            months|hours | for days|weeks|months|hours | for a|an week|month|day|hour | # days|weeks|
            months|hours|day|week|month|hour | # days|weeks|months|hours waiting|
            later|now | waiting # days|weeks|months|hours | waiting days|weeks|months|hours
            | since monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last
            | three|several|multiple|# times | after # calls|attempts|tries|emails|visits
            | twice""",
        "nl": """nog steeds|altijd | weer | alweer | wederom | opnieuw | steeds | telkens
            | elke|iedere * | # dagen|weken|maanden|uur|uren|maand|week|dag | al # maand|week|dag
            | elke|iedere ~ keer|dag|avond|ochtend|week|minuten|uur | voor de zoveelste|tweede|
            derde|vierde keer | zoveelste | al # dagen|weken|maanden|uur|uren|keer | al dagen|
            weken|maanden|tijden|uren | sinds maandag|dinsdag|woensdag|donderdag|vrijdag|
            zaterdag|zondag|gisteren|vorige|vanochtend | # keer | # maanden|weken later
            | wachten al | wacht al | na # telefoontjes|pogingen|mails|keer""",
    },
    "failure": {
        "en": """crash|crashes|crashed|crashing | keeps crashing|failing|dropping|freezing|
            disconnecting|cutting | doesn|does|don|do|didn|did|won|can|couldn|isn|aren|wasn
            t|not ~ work|working|open|load|connect|unlock|lock|charge|start|turn|respond|arrive|
            boot|sync|pair|print|send|pay|log|sign|install|update|ride|shift|brake|close|ship|
            shipped | not working|arrived|delivered|received|shipped|dispatched | stopped
            working|charging|responding | broken|broke|faulty|defective|damaged|dead|smashed
            | dies|died | error|errors|bug|bugs|glitch* | fails|failed|failing | stuck
            | freezes|frozen | never arrived|came|showed|got|received | nobody came|showed
            | didn t show|turn up | hasn|haven t ~ arrived|come|shipped|arrive | still hasn|
            haven t | wrong item|size|order|
            product|amount | missing|ingredients|parts|items|package | lost my|the package|
            parcel | no signal|connection | jammed|jams | won|can t log|sign in | cannot|unable log|sign
            in | can t|cannot login | went down | out of order | drops|dropping|dropped
            | disconnects | cuts|cutting out | worn out | botched | messed|screwed up
            | without internet|power|service|signal|phone | no working phone|internet|line
            | came|arrived ~ without | not okay|ok|acceptable | hung up | cancelled ~ but
            | ruined | locked out | never came|turned up | fell apart""",
        "nl": """werkt|werken|werkte|werkten ~ niet | doet|doen|deed|deden het ~ niet | kapot*
            | defecte | beschadigde
            | is|zijn|was|waren|ging|gingen|gaat|alweer|weer|steeds|al stuk | defect | klemt|
            klemmen|klemde|hapert|haperen|haperde | valt|vallen|viel|vielen ~~ uit | uitgevallen
            | loopt|liep vast | vastgelopen|vastloopt | crasht|crashte | foutmelding|foutmeldingen
            | foutcode | error | gaat|ging niet aan|open|dicht | start|startte niet | laadt|laden|
            laadde niet | rijdt|rijden|fietst ~ niet | logt|logde ~~ uit | kan|kon|kunnen niet
            inloggen|betalen|pinnen|ontgrendelen|openen|laden|bellen | lukt|lukte ~ niet
            | niet ontvangen|geleverd|bezorgd|aangekomen|verzonden|verstuurd | nooit aangekomen|
            ontvangen|geleverd | nog niet ontvangen|geleverd|bezorgd|verzonden | beschadigd
            | verkeerde|verkeerd maat|artikel|product|pakket|bestelling|bedrag | ontbreekt|
            ontbreken | zoek geraakt | kwijtgeraakt | piept|kraakt|rammelt | reageert niet
            | geen verbinding|bereik|signaal|internet|werkende | versleten | verprutst|verknald
            | mislukt | niemand geweest | kwam|kwamen ~ zonder | zonder internet|stroom|telefoon
            | niet oke|ok|acceptabel | opgehangen | verbrand | lauw | verbreekt ~ verbinding
            | nooit gekomen|bezorgd | niet gekomen|bezorgd | buitengesloten | kan er niet in""",
    },
    "broken_promise": {
        "en": """never called|got|wrote back | nobody|no one called|got back | promised|promise
            ~ still|never|week|days|yesterday|but|within|by | was told ~ but|still|would | you
            said ~ would|will | supposed to | meant to arrive | still haven t heard | still no
            answer|reply|refund|word | despite my|the ~ instructions|request|requests
            | anyway""",
        "nl": """nooit|niet teruggebeld|gebeld|teruggemaild | niemand belt|belde|heeft|neemt ~
            terug|contact|op | beloofd|belooft|beloofde|beloven|toegezegd ~ vorige|gisteren|nog|
            niet|maar|nooit|dagen|week|weken|binnen|voor | zou|zouden ~ teruggebeld|terugbellen|
            terugkomen|terugmailen|geleverd|bezorgd|komen|klaar | dat was vorige|in ~ week|
            maand|augustus|september|oktober|november|december|juli|juni | ondanks mijn|de ~
            instructies|verzoek|afspraak | en toch""",
    },
    "ignored": {
        "en": """no answer|reply|response|callback | nobody|no one answers|responds|replies|
            picks|gets|got|called | haven|hasn t heard back | not heard back | heard nothing
            | ignored | ignoring | left on read | on hold | not a single reply|response
            | second|third|fourth|fifth ~ time|times ~ called|calling|emailed|asked|chased""",
        "nl": """geen antwoord|reactie|respons|gehoor | geen enkel antwoord | niemand reageert|
            antwoordt|belt|neemt | nog niks|niets gehoord|vernomen | hoor|hoorde niks|niets
            | krijg|krijgen|kreeg ~ geen antwoord|reactie | genegeerd | negeren | in de wacht
            | tweede|derde|vierde|vijfde|# keer ~ gebeld|bel|gemaild|gevraagd""",
    },
    "money": {
        "en": """charged twice|double|me twice|two times | double charged|billed | billed
            twice|double | overcharged | refund | refunds | refunded | money back | wrong
            amount|invoice|bill | invoice is wrong | debited twice | extra charge|charges
            | unauthorized|unauthorised charge|payment|debit | paid twice | fee | fees
            | exit|cancellation|late fee | billing|billed|
            charging|charged ~ extra|twice|double|too | took|taken ~ from my card|account
            | took the money | my money | disappeared from my | bounced | salary | returned my
            ~ deposit | charged my ~ card | three|# times for one
            | charges ~ on my ~ bill|invoice|card|statement | deposit | credit|compensation""",
        "nl": """afgeschreven | twee keer afgeschreven|betaald|gefactureerd|geincasseerd
            | dubbel afgeschreven|betaald|gefactureerd|geincasseerd | terugstorten
            | terugstorting | terugbetaling | terugbetalen | geld terug | restitutie | borg
            | belast | teruggeboekt | rekent|rekende|rekenen|rekenden ~ af | schrijft|schreef ~ af
            | teruggestort | bijbetalen | geld ~ weg|verdwenen|kwijt
            | euro ~ verdwenen|weg|afgeschreven|teveel | mijn geld | teveel|te veel
            betaald|gerekend|afgeschreven|gefactureerd | rekent|rekenen|rekende ~ te|teveel
            | euro te veel | factuur klopt niet | klopt ~ factuur | verkeerd bedrag
            | verkeerde factuur|bedrag | onterecht afgeschreven|gefactureerd|geincasseerd|in
            | onterechte afschrijving|incasso | incasso | boete | dubbele afschrijving|factuur|betaling
            | niet terugbetaald|teruggestort | aanbetaling | vergoeding | kosten ~ op mijn
            rekening|factuur""",
    },
    # Praise words said about a failure: "Top service... drie weken geen antwoord".
    "sarcasm": {
        "en": """great another | great just great | just great | brilliant | thanks for
            nothing | thanks a lot | well done | good job | nice one | love it when | love
            how | so much for | top service|notch | fantastic | awesome | wonderful | lovely
            | perfect | what a joke | yeah right | oh great | oh joy | great | thanks | love
            that|how | bon appetit | smakelijk | cheers""",
        "nl": """top service | topservice | fijn hoor | lekker dan | lekker bezig | goed bezig | heerlijk dat | fijn dat | leuk dat
            | bedankt hoor | dank je wel hoor | geweldig | super hoor | mooi is dat | mooi zo
            | leuk hoor | knap hoor | chapeau hoor | echt niet | klasse service | prima service
            | wat een service|bank|bedrijf|klantenservice | hulde | bedankt | fantastisch
            | top | super""",
    },
    # Praise that negates a negative; `webcare` also finds "geen|no ... storing|problem".
    "praise": {
        "en": """can t fault | cannot fault | nothing to complain | couldn t be happier | not
            disappointed | didn t expect ~ so|that fast|quick|quickly|good|easy|smooth | faster|better
            than expected | can t beat | cannot beat | hassle free | worked|works flawlessly
            | never lets|let me down | never going back to my|the old | not bad at all
            | without ~~ chaos|disaster|nightmare|mess | can t|cannot complain | didn t think
            | never thought ~ could|would|this|so | in no time | no time at all
            | no|not|never|without|zero ~ problem|problems|issue|issues|trouble|complaint|
            complaints|fuss|hassle|queue|delay|delays|outage|outages|crash|crashes|glitch|
            glitches|errors|breakdown|breakdowns|downtime|choppy|regrets|worries|dropouts|
            drops|interruptions|buffering""",
        "nl": """niets|niks te klagen | niet teleurgesteld | kan|kon niet beter | niet te
            verslaan | niet verwacht dat ~ zo snel|goed|makkelijk|mooi|fijn|soepel|vlot
            | sneller|beter dan verwacht|gedacht | nooit teleurgesteld | stelt nooit teleur
            | nooit in de steek | nooit meer terug naar mijn|de oude | niet gedacht dat
            | zonder ~~ chaos|ramp|nachtmerrie|puinhoop | geen|nooit|zonder|nergens|nul ~ probleem|problemen|pech|storing|storingen|gedoe|klacht|
            klachten|wachtrij|wachttijd|vertraging|moeite|haperende|haperingen|spijt|zorgen|
            last|onderbrekingen|uitval | kan|mag niet klagen | in een mum van tijd""",
    },
    # A failure that is over: "werkt weer", "crasht niet meer", "fixed the outage".
    "resolved": {
        "en": """works|working again | fixed|sorted|solved|resolved|repaired|replaced""",
        "nl": """werkt|werken|werkte weer | doet|doen het weer | opgelost|verholpen|gerepareerd|
            vervangen | crasht niet meer""",
    },
    "safety": {
        "en": """caught|catch|catches fire | burst into flames | fire hazard | a|small fire
            | smoke | smoking | smoked | burn|burned|burnt|burning | explod* | explosion
            | sparks|sparking | melted | melting | overheat* | electric shock | got|gave me a
            shock | injur* | got|was hurt | hurt my|myself | in|to hospital | in|to the
            hospital | brakes|brake ~ fail*|failed | brakes|brake ~ don|didn|doesn|won t work
            | brakes|brake gave out|way | brake failure | dangerous | unsafe | hazard | gas
            leak|smell | smell gas | carbon monoxide | leaking acid|battery | battery leak*
            | swelled|swollen|swelling | could have been killed|hurt | nearly|almost ~ killed|
            hit|fell | allergic reaction | hissing | hisses | crackling | crackles | burning
            smell | smells burnt|burned|like burning | so|too|very hot | gets|got|getting|
            became ~ hot | too hot to | wound | wounded | bleeding | blood | cut my|his|her|
            their ~ mouth|hand|finger|lip|leg|arm|head | shard|shards|piece of glass | glass
            in | broken glass | barely|hardly brakes|brake | brakes|brake ~ barely|hardly
            | snapped ~ while | collapsed ~ while | fell off | choking | poisoning
            | food poisoning | sick after | ill after | i fell | fell off | fallen off | sparking
            | exposed|bare|loose wire|wires|cable|cables | frame|fork|handlebar|handlebars|stem|
            crank ~ cracked|snapped|broke|split
            | gave off sparks""",
        "nl": """rook|rookt|rookte|rookwolk|rookontwikkeling|rooklucht | brand | in brand|vlam
            | brandde | brandt ~ accu|batterij|lader|motor | brandgevaar|brandlucht|brandplek|
            brandgevaarlijk | ontploft|ontplofte|ontploffing|explodeerde|geexplodeerd|knalde|
            knal|knalt | vlammen | vlam gevat | vuur | gesmolten | smolt | smelten | oververhit*
            | gloeiend heet | bloedheet | veel|erg|heel te heet | gewond|verwond*|letsel | in|naar
            het ziekenhuis | ziekenhuis in | eerste hulp | stroomschok | schok ~ gekregen|gaf
            | een schok | onder stroom | gevaarlijk|levensgevaarlijk|onveilig | gevaar
            | remmen|rem|achterrem|voorrem ~~ werkt|werken|werkte|werkten ~ niet | remmen|rem|
            achterrem|voorrem ~~ doet|doen|deed|deden het ~ niet | remmen|rem|achterrem|voorrem ~
            weigert|weigeren|weigerde|faalt|falen|faalde | gaslek|gaslucht | ruik|ruiken ~ gas
            | koolmonoxide | te roken | lekt|lekkage ~ accu|batterij|zuur | bijna ~ aangereden|verongelukt|
            gevallen|auto | allergische reactie | opgezwollen|bolling | sist|sissen|siste
            | knetter* | ruikt|rook|ruik ~ verbrand|schroei* | zo|te|heel|erg|gloeiend ~ heet
            | wordt|werd|worden ~ heet | *wond | wond | bloed|bloedt|bloedde | gesneden | snee
            | *scherf | *scherven | glas in | brak|bezweek|klapte ~ terwijl | remt|remmen ~
            niet | remt ~ nauwelijks|slecht | voedselvergiftiging | ziek geworden | ziek na
            | gestikt | verslikt | bezeerd | geblesseerd | ben|is|was|werd ~ gevallen
            | geeft|geven|gaf ~ vonken | spoedeisende hulp | blootliggende|losse draden|draad|kabel
            | frame|vork|stuur|balhoofd|crank ~ gescheurd|gebroken|afgebroken|brak|knapte""",
    },
    "privacy": {
        "*": """datalek | data breach|leak | someone else s|someones data|details|invoice|order|
            address|account|bill | another customer s|customers data|details|invoice|order
            | other people s|customers data|details|invoices|orders | another|other ~ s data|
            details|trips|bill|invoice|account|name|address|location|order|orders|statement|
            history | neighbour|neighbor|neighbours|neighbors ~ bill|details|data|invoice|
            post|order|account | in my name | with my details | hacked | gehackt | gegevens
            van een|iemand ander|anders | andermans gegevens|factuur|bestelling | iemand anders
            ~ gegevens|factuur|bestelling|adres|naam|rekening | factuur|gegevens|post|
            bestelling|rekening|adres ~ van mijn|de|onze buurman|buurvrouw|buren | op mijn
            naam | met mijn gegevens | persoonsgegevens ~ gelekt|openbaar|zichtbaar
            | privacyschending | privacy ~ schending|geschonden|breach|violation|violated
            | avg|gdpr ~ overtreding|schending|breach|violation | my data ~ leaked|exposed
            | phishing | meant|intended|addressed for|to someone else | bedoeld voor iemand anders
            | someone else s package|parcel | logged|logging into|in ~ my ~ account|accounts ~
            from | someone|somebody
            ~ logged|used|accessed ~ my | wasn t me | not me | ingelogd op mijn | iemand ~
            ingelogd|ingebroken | factuur|gegevens|adres|bestelling|rekening|naam|pakket ~ van
            ene|meneer|mevrouw | met de|met gegevens van | gegevens van weer|nog iemand
            | s invoice|bill|details|data|address|statement|records|passport""",
    },
    "outage": {
        "*": """storing | storingen | stroomstoring | outage | outages | offline | down again
            | is|are|was ~ down | ligt|lag eruit|plat | ligt|lag er ~ uit | geen stroom|tv|
            netwerk|service | no power|internet|service|network | power cut | service
            unavailable | niemand kan ~ inloggen|betalen|pinnen | nobody|no one can ~ log|pay
            | weggevallen | unreachable | onbereikbaar | is|ligt|zijn|lijkt ~ plat | plat
            | werkt|werken ~ nergens | nergens ~ pinnen|betalen|bereik|internet | aren|isn t
            working|work anywhere | not working anywhere | anywhere today | half|halve ~ wijk|stad|straat|neighbourhood|
            town|street|city | hele|heel ~ flat|wijk|straat|dorp | whole|entire ~ block|
            building|street|town|area""",
    },
    # Many people at once: with a failure, that is an outage ("foutmelding bij iedereen").
    "widespread": {
        "*": """bij iedereen | for everyone | iedereen in | everyone in | for anyone | bij niemand
            | voor niemand | is it just me | ligt het aan mij | anyone else | iemand anders ook
            | meer mensen | landelijk | nationwide | heel|hele ~ wijk|stad|
            straat|dorp|regio|land|provincie | in heel|hele * | the whole|entire of | whole|entire ~ street|town|city|area|county|
            country|region|neighbourhood|neighborhood""",
    },
    "legal": {
        "*": """advocaat | lawyer | solicitor | attorney | juridische stappen | legal action|
            steps | sue|suing | rechtszaak | naar de rechter|consumentenbond | aangifte ~ doen|
            gedaan|doe|tegen | doe|doen ~ aangifte | geschillencommissie | ombudsman | small
            claims | ingebrekestelling | sommatie | to|in court | autoriteit persoonsgegevens
            | report you to | acm | better business bureau | regulator | consumer law | strijd
            met de wet | klacht indienen bij | rechtsbijstand* | legal insurance|aid|advice
            | juridisch* | juridische | dagvaard* | trading standards | ombudsman""",
    },
    # Calls to buy or book, offers with a deadline: what makes a post promotional.
    "promotion": {
        "nl": """bestel|bestelt|koop|shop|reserveer|boek ~ nu|direct|vandaag|meteen | nu te
            bestellen|koop|boeken | actie geldig | geldig tot|t m|tm|t/m | alleen ~ deze|dit
            week|weekend|maand|vandaag | alleen vandaag | zolang de voorraad strekt | op op
            | maak|plan|boek ~ nu|snel|direct|vandaag ~ afspraak|proefrit | maak|plan ~ je|uw|een
            afspraak | vraag nu|direct|vandaag ~ aan | sluit|regel|stap ~ vandaag|nu ~ af|over|
            het | profiteer nu|van | welkomstbonus | halve prijs | tot # korting | # korting
            | met|gebruik ~ code | mis het niet | schrijf je ~ in | meld je ~ aan | probeer ~
            nu|gratis | eerste box|maand|jaar ~ gratis|voor | open dag | gratis proefrit
            | gratis verzending | bekijk de actie | ontvang ~ gratis|bonus|korting
            | voorwaarden van toepassing""",
        "en": """order|buy|shop|book|grab|get ~ now|today|yours | sign up ~ today|now | join ~
            today|now | register ~ today|now|via | offer valid | valid until|through|till
            | this week|weekend only | only this week|weekend | today only | while stocks last
            | limited time | book your ~ appointment|slot|test|spot | request your|a free
            | welcome bonus | half price | up to # off | # off | use ~ code | with code
            | don t miss | try ~ now|free|today | first box|month|year ~ free|for | open day
            | free test ride | free shipping|delivery | see the offer | get ~ free|bonus|off
            | now available to order | order by | terms apply | t cs apply""",
    },
    # Words people describe trouble with. One counts as a point towards a complaint, not as
    # a complaint: "traag" may be a question ("is het traag?"). Suffixes ("*wond") catch
    # compounds (hoofdwond), prefixes ("beschimmel*") inflections.
    "trouble": {
        "en": """slow | slower | flat | sluggish | laggy | late | delayed | delay | delays | rubbish
            | junk | garbage | useless | worthless | mouldy|moldy|mould|mold | rotten | spoiled
            | expired | snapped | cracked | ripped | torn | leaking | leaks | disappeared
            | vanished | vanishing | gone | lost | missing | wrong | incorrect | dirty
            | scratched | dented | cold | soggy | stale | raw | worst | terrible | awful
            | horrible | joke | ridiculous | scam | rip off | ripoff | nightmare | mess
            | chaos | excuse|excuses | runaround | strung along | fobbed off | problem|problems|
            issue|issues | stopped | unusable | unreachable | impossible | expected better|more
            | could be better | not what i expected|ordered|paid | hoped for better""",
        "nl": """traag | trager | sloom | laat | te laat | vertraging | vertraagd | bagger
            | troep | rommel | waardeloos | nutteloos | beschimmel* | schimmel | rot | bedorven
            | verlopen | over de datum | gebroken | brak | gescheurd | opengescheurd
            | verdwenen | verdwijnt | weg | kwijt | ontbrak | ontbreekt | verkeerd* | klopt niet
            | vies | vuil | gekrast | deuk | koud | lauw | slechtste | slecht
            | belachelijk | schandalig | oplichting | oplichters | nachtmerrie | puinhoop | chaos
            | smoes | smoesjes | excuus | probleem|problemen | onbruikbaar | onbereikbaar
            | onmogelijk | aan het lijntje | van het kastje naar de muur | om de haverklap
            | niks aan | spijt | lek | lekke | verwacht|verwachtte ~ beter|meer | kan|kon beter
            | niet wat ik ~ verwachtte|verwacht|bestelde|besteld""",
    },
    # Asked in a way that complains: "Is dit normaal?", "Why do I have to ...".
    "rhetorical": {
        "en": """is this normal | is that normal | what is this | how is this possible | how
            can this be | why do|should|must i have|need to | why should i | seriously
            | are you kidding | you can t reach|get a human|person | how hard can it be
            | what kind of | for this price | for this money | why is|was my | why am i
            | how did that|this happen | how could this|that happen""",
        "nl": """is dit|dat normaal | wat is dit | hoe kan dit|dat | hoe kan het dat | waarom
            moet ik | serieus | echt waar | je krijgt|krijg je ~ niet te spreken | een mens
            krijg je ~ niet | wat is dit voor | voor dit geld | voor deze prijs | hoe moeilijk
            kan het zijn | waarom is|staat|wordt mijn | hoe kan dat|dit gebeuren""",
    },
    # Impatience: "kunnen jullie eindelijk", "waar blijft mijn", "how much longer".
    "impatience": {
        "en": """finally | how much longer | where is|s my | how long do|will|must i | where is my | where s my
            | when do i get | when will i get | still waiting | any update|news | take|takes|
            taking|took ~ so long|forever|ages | hello anyone | is anyone there | it s been ~
            month|months|week|weeks|days|ages | it has been ~ month|months|week|weeks|days|ages""",
        "nl": """eindelijk | nou eens | hoe lang nog | hoe lang moet ik | waar blijft|blijven
            | wanneer krijg ik | waar is mijn | help ~ alsjeblieft|aub|svp | het duurt|duurt ~
            al|lang|eeuwen | nog nieuws""",
    },
    "fed_up": {
        "en": """i m done | i am done | fed up | had enough | never again | switching to
            | leaving you | i regret | regret buying|my | should have bought|gone""",
        "nl": """ik ben er klaar mee | ben er klaar mee | het zat | nooit meer ~ bij|van|een
            | ik stap over | overstappen naar | ik ga weg | ik zeg op | ik zeg mijn ~ op
            | had beter | spijt als haren""",
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
    "widespread": {"nl": "treft veel mensen", "en": "affects many people"},
    "trouble": {"nl": "beschrijft een probleem", "en": "describes a problem"},
    "rhetorical": {"nl": "verwijtende vraag", "en": "a reproachful question"},
    "impatience": {"nl": "ongeduldig", "en": "impatient"},
    "fed_up": {"nl": "is het zat", "en": "fed up"},
    "negation": {"nl": "iets gebeurt niet", "en": "something does not happen"},
    "emphasis": {"nl": "nadruk (!!, ?!, 🙄)", "en": "emphasis (!!, ?!, 🙄)"},
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
