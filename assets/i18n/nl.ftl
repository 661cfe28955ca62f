# Digidak kiosk — Nederlands (standaardtaal). Korte zinnen, eenvoudige woorden (B1 of lager).
language-name = Nederlands

nav-home = Start
nav-back = Terug
nav-done = Ik ben klaar
staff-open = Begeleiders

home-welcome = Welkom! Wat wil je doen?
home-hint = Tik op een grote knop.

tile-help = Ik wil hulp

help-title = Een begeleider komt naar je toe
help-explain = Tik op de groene knop. Een begeleider ziet dan dat je hulp wilt.
help-name-label = Je voornaam (als je wilt)
help-call = Roep een begeleider
help-sent-title = Een begeleider weet het
help-sent-explain = Blijf hier zitten. Iemand komt zo naar je toe.
help-failed = Dat lukte niet. Vraag het aan iemand in de zaal.

idle-title = Ben je er nog?
idle-countdown = Over { $seconds } seconden wissen we alles. Dan kan de volgende persoon veilig beginnen.
idle-stay = Ja, ik ben er nog

pin-title = Code voor begeleiders
pin-explain = Alleen voor begeleiders en de coördinator.
pin-ok = OK
pin-erase = Wissen
pin-cancel = Stoppen
pin-wrong = Verkeerde code. Probeer opnieuw.
pin-locked = Te veel verkeerde codes. Wacht { $seconds } seconden.
pin-checking = Even controleren…
pin-no-volunteer = Deze computer heeft geen code voor begeleiders.

staff-leave = Sluiten

volunteer-title = Begeleider
volunteer-pause = Niet automatisch wissen
volunteer-pause-explain = Gebruik dit als je iemand helpt. Zet het daarna weer uit.
volunteer-resume = Weer automatisch wissen
volunteer-paused-banner = Een begeleider helpt: automatisch wissen staat uit.
volunteer-help-title = Wie wil hulp?
volunteer-help-none = Niemand wacht op hulp.
volunteer-help-noname = (geen naam)
volunteer-help-item = { $name } — wacht { $minutes } min
volunteer-help-done = Geholpen

admin-title = Beheer
admin-kiosk = Computer
admin-site = Plaats
admin-version = Versie
admin-data-folder = Map met gegevens
admin-database = Databank
admin-database-ok = in orde (schema { $version })
admin-database-waiting = wordt geopend…
admin-languages = Talen
admin-default-language = Standaardtaal
admin-modules = Onderdelen
admin-idle = Wissen na stilte
admin-idle-value = waarschuwing na { $warn } s, wissen na { $wipe } s
admin-lesson-idle = Wissen in een les
admin-server = Server
admin-server-none = geen (deze computer werkt alleen)
admin-pins = Codes
admin-pins-value = beheer: ingesteld · begeleider: { $volunteer }
admin-pin-set = ingesteld
admin-pin-unset = niet ingesteld
admin-config = Instellingen uit
admin-exit = Kiosk afsluiten
admin-exit-confirm = Wil je de kiosk echt afsluiten?
admin-exit-yes = Ja, afsluiten
admin-exit-no = Nee

module-help = Hulp vragen

store-problem = Deze computer kan niets bewaren. Zeg het aan een begeleider.

admin-sync-title = Server
admin-sync-not-paired = Niet gekoppeld: deze computer werkt alleen.
admin-sync-online = Verbonden met de server.
admin-sync-offline = Geen verbinding met de server. We proberen opnieuw.
admin-sync-revoked = De server weigert deze computer. Koppel opnieuw met een nieuwe code.
admin-sync-behind = Alarm: de server mist gegevens die hij al had. De synchronisatie staat stil. Bel de beheerder van de server.
admin-sync-paired-as = Gekoppeld als { $name } (plaats { $site }), { $url }
admin-sync-pending = Wacht op verzending: { $count }
admin-sync-dead = Geweigerd door de server: { $count }
admin-sync-last-success = Laatst gelukt: { $seconds } seconden geleden
admin-sync-never = Nog nooit gelukt
admin-sync-last-error = Laatste fout: { $error }
admin-pair-url = Adres van de server
admin-pair-code = Koppelcode
admin-pair-button = Koppelen
admin-pair-again = Opnieuw koppelen
admin-pair-busy = Bezig met koppelen…
admin-pair-ok = Gekoppeld als { $name }.
admin-pair-wrong-code = Deze koppelcode klopt niet, is al gebruikt of is verlopen. Maak een nieuwe code op de server.
admin-pair-unreachable = De server antwoordt niet. Kijk het adres en de internetverbinding na.
admin-pair-bad-address = Dat is geen webadres. Een webadres begint met https:// .
admin-pair-failed = Koppelen lukte niet: { $error }
volunteer-help-at = bij { $kiosk }

## Lessen
tile-lessons = Leren
module-lessons = Lessen
lessons-title = Leren met de computer
lessons-hint = Kies een les. Je kunt altijd stoppen en later verder doen.
lessons-loading = De lessen worden geladen…
lessons-none = Er zijn nog geen lessen in deze taal.
lessons-all-topics = Alles
lessons-have-code = Ik heb een code
lessons-minutes = { $minutes } minuten
topic-government = Overheid en itsme
topic-email = E-mail
topic-safety = Veilig online
topic-money = Bank en winkelen
topic-smartphone = Smartphone
topic-calling = Videobellen
topic-work = Werk zoeken
lesson-step-of = Stap { $step } van { $total }
lesson-next = Volgende
lesson-back = Vorige
lesson-read-aloud = Voorlezen
lesson-later = Later verder
lesson-tip = Tip
lesson-guided = Je begeleidt deze les.
lesson-other-language = Deze les bestaat niet in jouw taal. Je leest ze in het { $language }.
lesson-done-title = Goed gedaan!
lesson-done-text = Je hebt de les “{ $title }” helemaal gedaan.
lesson-another = Nog een les
lesson-take-home = Op je telefoon
lesson-initiation = Initiatie gegeven
lesson-initiation-done = Initiatie genoteerd: { $topic }
lesson-saved-title = Later verder doen
lesson-saved-text = Schrijf deze code op of maak er een foto van. Typ de code later op een Digidak-computer: hier, of in een ander buurthuis.
lesson-saved-expires = De code werkt { $days } dagen. Er staat niets persoonlijks in.
lesson-saved-qr = Of scan dit met je telefoon om verder te lezen.
lesson-saving = De code wordt gemaakt…
lesson-save-failed = Het lukte niet om een code te maken. Vraag hulp aan een begeleider.
lesson-back-to-lesson = Terug naar de les
resume-title = Verder met een les
resume-explain = Typ de code van 10 cijfers die je kreeg.
resume-ok = Verder
resume-looking = Even zoeken…
resume-invalid = Een code heeft 10 cijfers. Kijk nog eens.
resume-not-found = Deze code kennen we niet, of hij is te oud. Kijk de cijfers na, of begin de les opnieuw.
resume-offline = Deze computer kan de server nu niet bereiken. Alleen codes van deze computer werken nu. Probeer het later opnieuw.
resume-missing-lesson = Deze les staat niet op deze computer. Vraag hulp aan een begeleider.
takehome-title = Neem de les mee
takehome-text = Open de camera van je telefoon en richt hem op de code. Dan opent de les op je telefoon.
takehome-no-server = Deze computer is niet verbonden met een server. Vraag een begeleider.
qr-label = QR-code
practice-try-again = Probeer nog eens.
practice-from = Van
practice-email-label = E-mailadres
practice-email-check = Controleren
practice-email-right = Juist!
practice-email-empty = Het vak is nog leeg. Typ het adres.
practice-email-space = Er staat een spatie in. Een e-mailadres heeft geen spaties.
practice-email-comma = Er staat een komma (,). Gebruik een punt (.).
practice-email-no-at = Het teken @ ontbreekt.
practice-email-two-ats = Er staan twee keer @ in. Een adres heeft maar één @.
practice-email-no-name = Voor de @ moet een naam staan.
practice-email-no-dot = Na de @ moet een punt staan, zoals in voorbeeld.be.
practice-email-name-differs = Bijna! Kijk goed naar het deel vóór de @, letter per letter.
practice-email-domain-differs = Bijna! Kijk goed naar het deel na de @, letter per letter.
practice-itsme-title = itsme (oefening)
practice-itsme-confirm-button = Bevestigen
practice-itsme-reject-button = Weigeren
practice-itsme-confirm = Juist antwoord: bevestigen.
practice-itsme-reject = Juist antwoord: weigeren.
volunteer-give-lesson = Een les geven
volunteer-give-lesson-explain = Kies een les en doe ze samen. Tik op het einde op “Initiatie gegeven”.
admin-lessons = Lessen
admin-lessons-loaded = { $count } lessen uit { $origin }
admin-lessons-problems = Niet geladen: { $count }
admin-lessons-month = Lessen op deze computer
admin-lessons-counts = { $month }: { $opened } geopend, { $finished } afgewerkt
admin-lessons-initiations = Initiaties: { $list }
admin-lessons-none = nog geen

## Telefoonpagina's
page-languages = Talen
page-footer = Digidak: samen leren met de computer in je buurt. Deze pagina bewaart niets over jou.
page-lessons-title = Lessen
page-all-lessons = Alle lessen
page-not-found-title = Niet gevonden
page-not-found-text = Deze pagina bestaat niet (meer). Kijk het adres na.
page-continue-at = Ga verder bij stap { $step }
page-show-answer = Toon het antwoord

## Activiteiten
tile-activities = Activiteiten
module-activities = Activiteiten
activities-title = Wat doen we samen?
activities-have-code = Ik heb een code
activities-none = Er zijn nu geen activiteiten gepland.
activities-next = Eerstvolgende
activities-places-left = { $count ->
    [one] Nog 1 plaats
   *[other] Nog { $count } plaatsen
}
activities-full = Volzet: je komt op de wachtlijst
activities-i-come = Ik kom
signup-name = Je voornaam
signup-phone = Je telefoonnummer (niet verplicht)
signup-phone-why = Voor een herinnering, of als er iets verandert. Alleen de begeleiders zien het.
signup-party = Met hoeveel personen?
signup-party-less = Minder
signup-party-more = Meer
signup-submit = Inschrijven
signup-for = { $count ->
    [one] Voor { $name }, 1 persoon
   *[other] Voor { $name }, { $count } personen
}
signup-confirmed = Je bent ingeschreven. Tot dan!
signup-pending = Nog niet bevestigd. Deze computer heeft geen verbinding. Typ later je code op een Digidak-computer of kijk op je telefoon: daar zie je of je plaats hebt.
signup-waitlisted = Je staat op de wachtlijst. Komt er een plaats vrij, dan schuif je op.
signup-waitlisted-at = Je staat op de wachtlijst: plaats { $position }. Komt er een plaats vrij, dan schuif je op.
signup-cancelled = Deze inschrijving is geannuleerd.
signup-code-explain = Dit is je code. Schrijf hem op of maak er een foto van. Met de code zie je of je plaats hebt, of schrijf je je uit.
signup-code-title = Je code van de inschrijving
signup-code-ok = Kijken
signup-code-invalid = Een code heeft 8 cijfers. Kijk nog eens.
signup-code-unknown = Deze code kennen we hier niet. Kijk de cijfers na, of vraag een begeleider.
signup-cancel = Uitschrijven
signup-problem-no-name = Typ je voornaam.
signup-problem-name-long = Je voornaam is te lang. Typ alleen je voornaam.
signup-problem-phone = Dat telefoonnummer klopt niet. Typ alleen cijfers, of laat het leeg.
signup-problem-party = Zoveel personen kan niet voor deze activiteit.
signup-problem-closed = De inschrijving is gesloten. Vraag een begeleider.
signup-problem-deleted = Deze activiteit gaat niet door.
page-signup-title = Je inschrijving
page-signup-code = Code
page-signup-cancel-ask = Kan je niet komen? Schrijf je dan uit. Zo krijgt iemand van de wachtlijst je plaats.
page-signup-cancel-sure = Wil je je echt uitschrijven?
page-signup-cancel-yes = Ja, schrijf me uit
page-signup-cancel-no = Nee, ik kom toch
page-signup-cancelled-now = Je bent uitgeschreven. Bedankt om het te laten weten.
volunteer-checkin = Aanwezigheden
checkin-title = Wie is er?
checkin-count = { $here } van de { $expected } personen zijn er.
checkin-code = Code
checkin-code-ok = Aanmelden
checkin-code-done = Aangemeld.
checkin-code-unknown = Geen inschrijving met deze code voor deze activiteit.
checkin-row = { $count } pers. · { $state }
checkin-state-confirmed = ingeschreven
checkin-state-pending = nog niet bevestigd
checkin-state-waitlisted = wachtlijst
checkin-state-cancelled = uitgeschreven
checkin-here = Is er
checkin-button = { $name } is er
checkin-walk-in = Iemand aan de deur zonder inschrijving
checkin-walk-in-add = Toevoegen
activity-admin-open = Activiteiten
activity-admin-title = Activiteiten beheren
activity-admin-new = Nieuwe activiteit
activity-admin-edit = Wijzigen: { $title } ({ $date })
activity-admin-export = Lijst (CSV): { $title } ({ $date })
activity-admin-delete = Gaat niet door: { $title } ({ $date })
activity-admin-saved = Opgeslagen: { $count } activiteit(en). De andere computers krijgen ze via de server.
activity-admin-exported = De lijst staat in { $path }
activity-form-title = Titel
activity-form-description = Uitleg (niet verplicht)
activity-form-place = Plaats
activity-form-date = Datum (jjjj-mm-dd)
activity-form-start = Begint om (uu:mm)
activity-form-end = Eindigt om (uu:mm)
activity-form-capacity = Aantal plaatsen
activity-form-max-party = Hoogstens zoveel personen per inschrijving
activity-form-block = Plaatsen die elke computer zonder verbinding mag geven
activity-form-close-hours = Inschrijven sluit zoveel uur voor de start
activity-form-months = Elke maand herhalen, zoveel maanden
activity-form-help = Herhalen gebeurt op dezelfde dag van de maand: is de datum de tweede woensdag, dan elke tweede woensdag.
activity-form-problem = Kijk “{ $field }” na: verwacht wordt { $expected }.
activity-form-save = Opslaan
activity-form-close = Sluiten zonder opslaan

activities-spoken = We spreken: { $list }
signup-party-over = Er zijn nog { $count } plaatsen. Met meer personen kom je op de wachtlijst.
activity-form-languages = Talen die we spreken (codes: nl, fr, ar, ...)
spoken-nl = Nederlands
spoken-fr = Français
spoken-en = English
spoken-ar = العربية
spoken-tr = Türkçe
spoken-es = Español
spoken-de = Deutsch
spoken-pl = Polski
spoken-ro = Română
spoken-ru = Русский
spoken-uk = Українська
spoken-so = Soomaali
spoken-ti = ትግርኛ
spoken-fa = فارسی
spoken-ps = پښتو

## Ask & offer board
tile-board = Prikbord
module-board = Prikbord
board-title = Prikbord
board-new = Iets vragen of aanbieden
board-have-code = Ik heb een code
board-all = Alles
board-asks = Vragen
board-offers = Aanbod
board-search = Zoeken
board-search-hint = Zoek een woord of nummer
board-count = { $count ->
    [one] 1 bericht
   *[other] { $count } berichten
}
board-empty = Er staat nog niets op het prikbord. Vraag of bied als eerste iets aan!
board-none-found = Niets gevonden. Probeer een ander woord of kies "Alles".
board-kind-ask = Vraag
board-kind-offer = Aanbod
board-cat-paperwork = Papieren en brieven
board-cat-computer = Computer en gsm
board-cat-odd-jobs = Klusjes
board-cat-shopping = Boodschappen
board-cat-transport = Vervoer
board-cat-language = Taal oefenen
board-cat-cooking = Koken en eten
board-cat-children = Kinderen
board-cat-lending = Iets lenen
board-cat-company = Gezelschap en babbel
board-number = Nummer { $number }
board-post-gone = Dit bericht staat niet meer op het prikbord.
board-can-help = Ik kan helpen
board-interested = Ik heb interesse
board-report = Melden
board-replied = Verstuurd! De persoon leest je bericht met zijn of haar code.
board-reported = Bedankt. Het bericht is weg tot een begeleider ernaar kijkt.
board-reply-to = Antwoord op: { $title }
board-reply-message = Je bericht
board-reply-hint = Bijvoorbeeld: ik kan je dinsdag helpen.
board-reply-contact = Hoe kan de persoon je bereiken? (mag leeg)
board-reply-contact-why = Alleen de persoon met de code ziet dit. Laat het leeg, dan geeft een begeleider je bericht door.
board-reply-send = Versturen
board-report-title = Wil je dit bericht melden?
board-report-explain = Het verdwijnt van het prikbord tot een begeleider ernaar kijkt.
board-report-yes = Ja, melden
board-report-no = Nee, terug
board-step = Stap { $n } van 4
board-new-kind = Wat wil je doen?
board-i-ask = Ik heb iets nodig
board-i-offer = Ik bied iets aan
board-new-category = Waarover gaat het?
board-new-words = Vertel het kort
board-title-ask = Wat zoek je? (kort)
board-title-offer = Wat bied je aan? (kort)
board-text = Meer uitleg (mag leeg)
board-no-contact = Schrijf geen telefoonnummer of adres. Mensen antwoorden via de Digidak-computer.
board-languages = Welke talen spreek je?
board-publish = Plaatsen
board-posted = Bewaar je code
board-posted-explain = Een begeleider kijkt je bericht eerst na. Met je code zie je of het op het prikbord staat en lees je de antwoorden.
board-posted-keep = Schrijf de code op of scan de QR-code met je telefoon.
board-to-board = Naar het prikbord
board-code-title = Typ de code van je bericht
board-code-ok = Bekijken
board-code-invalid = Een code heeft 12 cijfers.
board-code-unknown = Deze code kennen we niet. Kijk de cijfers na.
board-status-waiting = Wacht op een begeleider.
board-status-public = Staat op het prikbord tot { $date }.
board-status-expired = Niet meer op het prikbord: de tijd is om.
board-status-rejected = Niet geplaatst: { $reason }
board-status-reported = Tijdelijk weg: een begeleider kijkt ernaar.
board-status-closed = Afgesloten.
board-still-needed = Nog nodig?
board-renew = Ja, nog nodig
board-replies = Antwoorden
board-no-replies = Nog geen antwoorden.
board-replies-wiped-on = Deze antwoorden worden gewist op { $date }. Schrijf op wat je nodig hebt.
board-replies-wiped = De antwoorden zijn gewist: dit bericht stopte meer dan 30 dagen geleden.
board-reach = Bereikbaar via: { $contact }
board-helped = Dit heeft geholpen
board-remove = Haal weg
board-mine-qr = Bekijk dit ook op je telefoon.
board-problem-kind = Kies eerst: vragen of aanbieden.
board-problem-category = Kies eerst waarover het gaat.
board-problem-title = Schrijf kort wat je zoekt of aanbiedt.
board-problem-message = Schrijf een kort bericht.
board-problem-reason = Schrijf waarom (de persoon leest dit).
board-problem-language = Deze taal kennen we niet.
volunteer-moderate = Prikbord nakijken ({ $count })
moderate-title = Prikbord nakijken
moderate-none = Er wacht niets. Goed zo!
moderate-count = { $count ->
    [one] 1 bericht wacht
   *[other] { $count } berichten wachten
}
moderate-reported = { $count ->
    [one] 1 keer gemeld
   *[other] { $count } keer gemeld
}
moderate-approve = Goedkeuren
moderate-edit = Aanpassen
moderate-reject = Weigeren
moderate-edit-title = Titel
moderate-edit-text = Uitleg
moderate-save-approve = Opslaan en goedkeuren
moderate-cancel = Annuleren
moderate-reason = Waarom? (de persoon leest dit)
moderate-reason-why = Kies een reden of schrijf er zelf een.
moderate-reason-contact = Er staan persoonlijke gegevens in.
moderate-reason-money = Dit gaat over geld of verkoop.
moderate-reason-rude = Dit is niet vriendelijk.
moderate-reject-confirm = Weigeren
admin-print-board = Prikbord afdrukken (PDF)
admin-print-board-new = Alleen nieuw van deze week (PDF)
admin-printed = Opgeslagen: { $path }
paper-heading = Vraag & aanbod
paper-week = { $site } · { $date }
paper-week-new = { $site } · nieuw deze week · { $date }
paper-howto = Wil je reageren? Scheur een strookje af. Typ het nummer bij "Zoeken" op het prikbord van een Digidak-computer, of vraag het aan een begeleider.
paper-empty = Er staat nog niets op het prikbord.
paper-empty-new = Deze week kwam er niets nieuws bij op het prikbord.
paper-languages = Talen
page-post-code = Code
page-post-renewed = Verlengd: je bericht blijft langer staan.
page-post-helped = Fijn dat het geholpen heeft! Je bericht is afgesloten.
page-post-removed = Je bericht is weggehaald.
numbers-board-posts = Vraag & aanbod: berichten
numbers-board-replies = Vraag & aanbod: antwoorden
numbers-board-matches = Vraag & aanbod: "dit heeft geholpen"
board-spoken = Spreekt: { $list }

# On-screen keyboard
keyboard-name = Toetsenbord
keyboard-erase = Wissen
keyboard-upper = Hoofdletter
keyboard-lower = Kleine letters
keyboard-accents = Letters met accent
keyboard-letters = Gewone letters
keyboard-space = spatie
keyboard-hide = Toetsenbord weg

## Lessen: bronnen, nakijken, oefenen met itsme (issue 22)
lesson-review-title = Lessen nakijken
lesson-review-explain = Deze lessen zijn meer dan een jaar niet nagekeken. Vraag de beheerder om ze te controleren met hun bronnen.
lesson-review-item = { $title } — nagekeken op { $date }
practice-itsme-who = Wie: { $who }
practice-itsme-what = Wat: { $what }
practice-itsme-wrong-caller = Nee: iemand aan de telefoon vraagt het, dan bevestig je nooit.
practice-itsme-wrong-not-started = Nee: jij bent hier niet zelf mee begonnen.
practice-itsme-wrong-other = Nee: de app toont iets anders dan wat jij wilde doen.
practice-itsme-wrong-good = Dit was in orde: jij begon zelf, en wie en wat kloppen.

# Phone links of sign-ups and posts (issue 14: codes nobody can guess or share)
page-code-not-found = Deze link werkt niet (meer). Je code werkt nog altijd op de computers in de ruimte: tik hem daar in.
page-phone-guard-title = Dat lukte niet
page-phone-guard-wait = Er werd van hier te veel geprobeerd. Wacht een paar minuten en probeer dan opnieuw.
page-phone-guard-other-site = Deze knop werkt alleen op je eigen pagina. Open de link van je code opnieuw en tik daar.

# Confirmations and goodbye
board-remove-sure = Wil je je bericht echt weghalen? Niemand kan het dan nog lezen of beantwoorden.
board-remove-yes = Ja, haal weg
board-remove-no = Nee, laat staan
goodbye-title = Alles is gewist
goodbye-explain = Niets van jou blijft op deze computer. Tot ziens!

# Board filters on a low screen
board-filters-show = Kies wat je ziet
board-filters-hide = Klaar met kiezen
board-filters-chosen = Kies wat je ziet ({ $count } gekozen)

# Seats and versions (issue 15): truthful places left, the block's not-yet-final confirmation, kiosk versions in the admin web
activities-places-mine = { $count ->
    [one] Deze computer heeft nog 1 plaats voor je (geen verbinding: nog niet definitief)
   *[other] Deze computer heeft nog { $count } plaatsen voor je (geen verbinding: nog niet definitief)
}
activities-places-offline = { $count ->
    [one] Waarschijnlijk nog 1 plaats (geen verbinding: nog niet bevestigd)
   *[other] Waarschijnlijk nog { $count } plaatsen (geen verbinding: nog niet bevestigd)
}
activities-full-offline = Waarschijnlijk volzet (geen verbinding: dat is nog niet zeker)
signup-confirmed-provisional = Je hebt een plaats, maar nog niet definitief: deze computer meldt het aan de server. Typ later je code op een Digidak-computer of kijk op je telefoon: daar zie je of het vastligt.
admin-sync-kept-changes = Deze computer kreeg { $count } wijziging(en) van een nieuwere server die hij nog niet kent ({ $list }). Ze zijn bewaard: werk Digidak op deze computer bij, dan worden ze toegepast.

# Updates recommended by the server (issue 19)
admin-sync-update = Er is een nieuwere versie van Digidak voor deze computer: { $recommended } (deze computer heeft { $version }). Vraag wie de computers beheert om hem bij te werken.
# Phone pages: code field, confirmations (issue 18)
page-code-type = Typ je code
page-code-type-help = De code van een les ("Later verder") opent de les hier.
page-code-open = Open
page-code-at-kiosk = Deze code werkt op de computers in de ruimte: tik daar op "Ik heb een code". Op je telefoon opent de QR-code van je bonnetje je pagina.
page-code-unknown = Deze code kennen we niet, of hij is te oud. Kijk de cijfers na.
page-post-helped-sure = Heeft het prikbord je geholpen? Dan gaat je bericht weg en tellen we het als geholpen.
page-post-helped-yes = Ja, het heeft geholpen
# Languages and voices (issue 20): "Other language" when the bar is full; read aloud without a voice
language-choose = Andere taal
read-aloud-no-voice = Geen stem
lessons-other-languages = Andere lessen, in een andere taal:
# Local partners (issue 21): "Wie kan helpen", opening hours, the partner's badge
tile-partners = Wie kan helpen
partners-title = Wie kan helpen?
partners-explain = Organisaties in de buurt die ook kunnen helpen, per onderwerp.
partners-none = Er zijn nog geen organisaties ingevoerd. Vraag het aan een begeleider.
partners-open-now = Nu open, tot { $until }
partners-opens-today = Vandaag open vanaf { $at }
partners-opens-tomorrow = Morgen vanaf { $at }
partners-opens-on = { $day } vanaf { $at }
partners-no-hours = Openingsuren: vraag het aan een begeleider
partners-hours = Openingsuren
partners-address = Adres
partners-contact = Contact
partners-badge = Partner
signal-kind-loneliness = Eenzaamheid
signal-kind-debt = Schulden of brieven
signal-kind-housing = Wonen
signal-kind-health = Gezondheid
signal-kind-other = Iets anders
volunteer-signal = Signaal doorgeven
signal-partner-title = Aan wie geef je het signaal door?
signal-kind-title = Waarover gaat het?
signal-note-title = Schrijf een kort briefje
signal-note-label = Briefje (een naam is niet nodig)
signal-next = Verder
signal-consent-title = Mag { $partner } je bellen?
signal-consent-explain = { $partner } krijgt alleen dit briefje en je telefoonnummer, niets anders. Je mag nee zeggen.
signal-consent-yes = Ja, dat mag
signal-consent-no = Nee, liever niet
signal-phone-title = Op welk nummer mag { $partner } je bellen?
signal-phone-label = Telefoonnummer
signal-send = Verstuur
signal-sent = Het signaal is doorgegeven aan { $partner }.
signal-not-sent = Er is niets doorgegeven.
signal-failed = Dat lukte niet. Probeer het opnieuw of vraag het aan de beheerder.
signal-no-partners = Deze plek heeft nog geen partners.
strengths-title = Wat onze buurt kan
strengths-explain = Wat buren nu aanbieden, per onderwerp, en de organisaties die helpen.
strengths-offers = { $count ->
    [one] 1 aanbod
   *[other] { $count } aanbiedingen
}
strengths-partners = { $count ->
    [one] 1 partner
   *[other] { $count } partners
}
board-partner-also = { $partner } kan ook helpen
board-partner-send = Stuur mijn vraag ook naar { $partner }
partners-on-board = Op het prikbord
# Partners' logos on the kiosk (issue 21): a partner card's picture, for screen readers
partners-logo = Logo van { $partner }
partners-pictogram = Pictogram van { $partner }
