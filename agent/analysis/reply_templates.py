"""The words of Roos's reply suggestions: data only, read by `suggestions.py`.

Per kind of reply, a few variants per voice: Dutch informal ("je"), Dutch formal ("u") and
English. Placeholders: {subject} (what the item is about, e.g. "VlotPay"), {contact} (how to
reach us, as an infinitive phrase), {answer} (a knowledge-base answer). Replies never sell:
a complaint gets an acknowledgement, an apology and a next step, nothing else.
"""

from __future__ import annotations

GREETING = {
    "nl_je": ("Hoi {name},", "Hoi,"),
    "nl_u": ("Beste {name},", "Goedendag,"),
    "en": ("Hi {name},", "Hi,"),
}

CALL = {
    "nl": {
        "phone": "Bel ons direct op {phone}, dan helpen we je meteen verder.",
        "none": "Stuur ons meteen een DM met je telefoonnummer, dan bellen we je direct.",
    },
    "nl_u": {
        "phone": "Belt u ons direct op {phone}? Dan helpen we u meteen verder.",
        "none": "Stuurt u ons meteen een DM met uw telefoonnummer? Dan bellen we u direct.",
    },
    "en": {
        "phone": "Please call us right away on {phone} and we'll help you at once.",
        "none": "Please DM us your phone number right away and we'll call you at once.",
    },
}

CONTACT = {
    "nl": {"phone": "ons bellen op {phone}", "email": "ons mailen via {email}", "or": " of "},
    "en": {"phone": "call us on {phone}", "email": "email us at {email}", "or": " or "},
}

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "apology": {
        "nl_je": (
            "Wat vervelend dat je dit met {subject} meemaakt, sorry daarvoor. Stuur je ons een "
            "DM met wat er precies misgaat? Dan zoeken we het meteen voor je uit.",
            "Dat is niet hoe het hoort met {subject}, en het spijt ons dat je hier last van "
            "hebt. Wil je ons een DM sturen? Dan kijken we direct met je mee.",
            "Sorry dat {subject} je zo in de steek laat. Dat willen we snel rechtzetten: stuur "
            "ons een DM (deel hier geen persoonlijke gegevens), dan pakken we het op.",
        ),
        "nl_u": (
            "Wat vervelend dat u dit met {subject} meemaakt, excuses daarvoor. Wilt u ons een "
            "DM sturen met wat er precies misgaat? Dan zoeken we het meteen voor u uit.",
            "Dat is niet hoe het hoort met {subject}, en het spijt ons dat u hier last van "
            "heeft. Wilt u ons een DM sturen? Dan kijken we direct met u mee.",
            "Excuses dat {subject} u zo in de steek laat. Dat willen we snel rechtzetten: "
            "stuurt u ons een DM (deel hier geen persoonlijke gegevens)? Dan pakken we het op.",
        ),
        "en": (
            "Sorry to hear {subject} let you down like this. Could you send us a DM with what "
            "exactly goes wrong? We'll look into it right away.",
            "That's not how {subject} should work, and we're sorry for the trouble. Would you "
            "send us a DM? We'll take a look with you straight away.",
            "We're sorry {subject} is giving you trouble. Let's put it right: send us a DM "
            "(please don't share personal details here) and we'll pick it up.",
        ),
    },
    "contact": {
        "nl_je": (
            "Sorry voor het ongemak met {subject}, dat moet beter. Wil je {contact}? Dan helpen "
            "we je persoonlijk verder.",
            "Vervelend, dit willen we graag voor je oplossen. Je kunt {contact}, dan zoeken we "
            "samen uit wat er misgaat.",
        ),
        "nl_u": (
            "Excuses voor het ongemak met {subject}, dat moet beter. Wilt u {contact}? Dan "
            "helpen we u persoonlijk verder.",
            "Vervelend, dit willen we graag voor u oplossen. U kunt {contact}, dan zoeken we "
            "samen uit wat er misgaat.",
        ),
        "en": (
            "Sorry for the trouble with {subject}, that's not good enough. Could you {contact}? "
            "We'll help you personally.",
            "Sorry about this, we'd like to sort it out for you. You can {contact} and we'll "
            "work out together what's going wrong.",
        ),
    },
    "follow_up": {
        "nl_je": (
            "Sorry voor het ongemak met {subject}. We zoeken uit wat er aan de hand is en laten "
            "het je hier weten.",
            "Zo hoort het niet te gaan. We duiken erin en komen hier bij je terug zodra we meer "
            "weten over {subject}.",
        ),
        "nl_u": (
            "Excuses voor het ongemak met {subject}. We zoeken uit wat er aan de hand is en "
            "laten het u hier weten.",
            "Zo hoort het niet te gaan. We duiken erin en komen hier bij u terug zodra we meer "
            "weten over {subject}.",
        ),
        "en": (
            "Sorry for the trouble with {subject}. We're looking into what's going on and will "
            "get back to you here.",
            "That's not how it should go. We're digging into it and will come back to you here "
            "as soon as we know more about {subject}.",
        ),
    },
    # Safety first: stop, get safe, call; never "we'll look into it".
    "safety": {
        "nl_je": (
            "Dit klinkt gevaarlijk, dus eerst je veiligheid: stop meteen met het gebruik van "
            "{subject} en houd afstand. {call} Is er brand of is iemand gewond? Bel dan eerst "
            "112.",
            "Gebruik {subject} nu niet meer en breng jezelf en anderen in veiligheid. {call} "
            "Bij brand, rook of letsel: bel eerst 112.",
        ),
        "nl_u": (
            "Dit klinkt gevaarlijk, dus eerst uw veiligheid: stop meteen met het gebruik van "
            "{subject} en houd afstand. {call} Is er brand of is iemand gewond? Bel dan eerst "
            "112.",
            "Gebruik {subject} nu niet meer en breng uzelf en anderen in veiligheid. {call} "
            "Bij brand, rook of letsel: bel eerst 112.",
        ),
        "en": (
            "This sounds dangerous, so your safety first: stop using {subject} straight away "
            "and keep your distance. {call} If there is a fire or anyone is hurt, call the "
            "emergency services first.",
            "Please stop using {subject} now and get yourself and others to safety. {call} "
            "With fire, smoke or an injury, call the emergency services first.",
        ),
    },
    "safety_known": {
        "nl_je": ("Dit klinkt gevaarlijk en je veiligheid gaat voor. {answer}",),
        "nl_u": ("Dit klinkt gevaarlijk en uw veiligheid gaat voor. {answer}",),
        "en": ("This sounds dangerous and your safety comes first. {answer}",),
    },
    "answer": {
        "nl_je": ("Goede vraag! {answer}", "Dank voor je vraag. {answer}"),
        "nl_u": ("Goede vraag! {answer}", "Dank voor uw vraag. {answer}"),
        "en": ("Good question! {answer}", "Thanks for asking. {answer}"),
    },
    "honest": {
        "nl_je": (
            "Goede vraag, daar willen we je een goed antwoord op geven. We zoeken het uit en "
            "komen erop terug.",
            "Dank voor je vraag! We zoeken het even goed voor je uit en komen erop terug.",
        ),
        "nl_u": (
            "Goede vraag, daar willen we u een goed antwoord op geven. We zoeken het uit en "
            "komen erop terug.",
            "Dank voor uw vraag! We zoeken het even goed voor u uit en komen erop terug.",
        ),
        "en": (
            "Good question, and we want to give you a proper answer. We'll find out and get "
            "back to you.",
            "Thanks for asking! We're checking this properly and will get back to you.",
        ),
    },
    "personal": {
        "nl_je": (
            "Omdat het om jouw situatie gaat, helpen we je liever persoonlijk. Stuur je ons een "
            "DM? Dan kijken we met je mee.",
        ),
        "nl_u": (
            "Omdat het om uw situatie gaat, helpen we u liever persoonlijk. Wilt u ons een DM "
            "sturen? Dan kijken we met u mee.",
        ),
        "en": (
            "As this is about your own situation, we'd rather help you personally. Could you "
            "send us a DM? We'll look into it with you.",
        ),
    },
    "thanks": {
        "nl_je": (
            "Dank je wel voor je mooie woorden over {subject}! Fijn om te horen dat het bevalt.",
            "Wat leuk om te lezen, dank je wel! Zo'n reactie maakt ons hele team blij.",
            "Dank je! Fijn dat {subject} je goed bevalt.",
        ),
        "nl_u": (
            "Hartelijk dank voor uw mooie woorden over {subject}! Fijn om te horen dat het bevalt.",
            "Wat leuk om te lezen, hartelijk dank! Zo'n reactie maakt ons hele team blij.",
            "Dank u wel! Fijn dat {subject} u goed bevalt.",
        ),
        "en": (
            "Thank you for the kind words about {subject}! Great to hear you're enjoying it.",
            "Lovely to read this, thank you! A message like this makes our whole team's day.",
            "Thanks! Glad {subject} is working well for you.",
        ),
    },
    "thanks_fan": {
        "nl_je": (
            "Wat fijn om weer van je te horen! Dank je wel voor je steun voor {subject}, dat "
            "waarderen we enorm.",
            "Dank je wel dat je ons steeds zo steunt. Fijn dat {subject} je blijft bevallen!",
        ),
        "nl_u": (
            "Wat fijn om weer van u te horen! Hartelijk dank voor uw steun voor {subject}, dat "
            "waarderen we enorm.",
            "Hartelijk dank dat u ons steeds zo steunt. Fijn dat {subject} u blijft bevallen!",
        ),
        "en": (
            "Great to hear from you again! Thank you for supporting {subject}, we really "
            "appreciate it.",
            "Thanks for always backing us. Glad {subject} keeps working for you!",
        ),
    },
    "share_invite": {
        "nl_je": (
            "Dank je wel! Zou je je ervaring met {subject} willen delen met je netwerk? Daar "
            "help je anderen echt mee.",
        ),
        "nl_u": (
            "Hartelijk dank! Zou u uw ervaring met {subject} willen delen met uw netwerk? Daar "
            "helpt u anderen echt mee.",
        ),
        "en": (
            "Thank you! Would you share your experience with {subject} with your network? It "
            "really helps others.",
        ),
    },
    "engage": {
        "nl_je": ("Dank je wel! We zijn benieuwd: wat vind je het fijnst aan {subject}?",),
        "nl_u": ("Hartelijk dank! We zijn benieuwd: wat vindt u het fijnst aan {subject}?",),
        "en": ("Thank you! We're curious: what do you like most about {subject}?",),
    },
}

WHY: dict[str, dict[str, str]] = {
    "apology": {
        "nl": "Klacht over {subject}: erkennen, excuses en een DM als concrete volgende stap, "
        "zonder verkooppraatje.",
        "en": "Complaint about {subject}: acknowledge, apologise and offer a DM as the concrete "
        "next step, no sales pitch.",
    },
    "contact": {
        "nl": "Klacht over {subject}: persoonlijke hulp via de contactgegevens uit het profiel.",
        "en": "Complaint about {subject}: personal help through the contact details in the "
        "profile.",
    },
    "follow_up": {
        "nl": "Klacht over {subject}: publiek erkennen en toezeggen dat je erop terugkomt.",
        "en": "Complaint about {subject}: acknowledge publicly and promise to come back.",
    },
    "safety": {
        "nl": "Veiligheid: laat direct stoppen en bellen, geen standaard 'we zoeken het uit'.",
        "en": "Safety: tell them to stop and call at once, no canned 'we'll look into it'.",
    },
    "safety_known": {
        "nl": "Veiligheid: het veiligheidsadvies uit kennisbank-item '{question}'.",
        "en": "Safety: the safety advice from knowledge base entry '{question}'.",
    },
    "answer": {
        "nl": "Vraag lijkt op kennisbank-item '{question}' ({score}% overeenkomst).",
        "en": "Question resembles knowledge base entry '{question}' ({score}% match).",
    },
    "honest": {
        "nl": "Vraag zonder zeker antwoord in de kennisbank: eerlijk zeggen dat je het uitzoekt.",
        "en": "Question without a sure answer in the knowledge base: say honestly you'll find out.",
    },
    "personal": {
        "nl": "Vraag die over iemands eigen situatie kan gaan: persoonlijk verder via DM.",
        "en": "Question that may concern someone's own situation: continue personally by DM.",
    },
    "thanks": {
        "nl": "Lof over {subject}: bedanken.",
        "en": "Praise for {subject}: say thank you.",
    },
    "thanks_fan": {
        "nl": "Lof van een fan die vaker positief over ons schreef: warmer bedanken.",
        "en": "Praise from a fan who often wrote positively about us: a warmer thank you.",
    },
    "share_invite": {
        "nl": "Lof van een fan die nog geen ambassadeur is: uitnodigen de ervaring te delen.",
        "en": "Praise from a fan who is not yet an ambassador: invite them to share it.",
    },
    "engage": {
        "nl": "Lof over {subject}: bedanken en het gesprek gaande houden met een vraag.",
        "en": "Praise for {subject}: thank and keep the conversation going with a question.",
    },
    "saved": {
        "nl": "Opgeslagen antwoord '{title}' past bij deze {intent} ({score}% passend).",
        "en": "Saved reply '{title}' fits this {intent} ({score}% fit).",
    },
}

INTENT_NAMES = {
    "nl": {"complaint": "klacht", "question": "vraag", "praise": "lof", "other": "reactie"},
    "en": {"complaint": "complaint", "question": "question", "praise": "praise", "other": "post"},
}
