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
