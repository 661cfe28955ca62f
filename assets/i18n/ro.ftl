# Digidak kiosk — română. Propoziții scurte, cuvinte simple (B1 sau mai simplu).
# The admin web (sections "Admin web" and "Admin login and HTTP edge") stays in nl/fr/en.
language-name = Română

nav-home = Acasă
nav-back = Înapoi
nav-done = Am terminat
staff-open = Voluntari

home-welcome = Bine ați venit! Ce vreți să faceți?
home-hint = Atingeți un buton mare.

tile-help = Am nevoie de ajutor

help-title = Un voluntar vine la dumneavoastră
help-explain = Atingeți butonul verde. Un voluntar va vedea că vreți ajutor.
help-name-label = Prenumele dumneavoastră (dacă vreți)
help-call = Cheamă un voluntar
help-sent-title = Un voluntar știe
help-sent-explain = Rămâneți aici. Cineva vine curând.
help-failed = Nu a mers. Întrebați pe cineva din sală.

idle-title = Mai sunteți aici?
idle-countdown = În { $seconds } secunde ștergem tot. Apoi următoarea persoană poate începe în siguranță.
idle-stay = Da, sunt încă aici

pin-title = Cod pentru voluntari
pin-explain = Doar pentru voluntari și coordonator.
pin-ok = OK
pin-erase = Șterge
pin-cancel = Stop
pin-wrong = Cod greșit. Încercați din nou.
pin-locked = Prea multe coduri greșite. Așteptați { $seconds } secunde.
pin-checking = Se verifică…
pin-no-volunteer = Acest calculator nu are cod pentru voluntari.

staff-leave = Închide

volunteer-title = Voluntar
volunteer-pause = Nu șterge singur
volunteer-pause-explain = Folosiți asta când ajutați pe cineva. Opriți după.
volunteer-resume = Șterge din nou singur
volunteer-paused-banner = Un voluntar ajută: ștergerea automată este oprită.
volunteer-help-title = Cine vrea ajutor?
volunteer-help-none = Nimeni nu așteaptă ajutor.
volunteer-help-noname = (fără nume)
volunteer-help-item = { $name } — așteaptă de { $minutes } min
volunteer-help-done = Ajutat

admin-title = Administrator
admin-kiosk = Calculator
admin-site = Loc
admin-version = Versiune
admin-data-folder = Dosar de date
admin-database = Bază de date
admin-database-ok = bine (schema { $version })
admin-database-waiting = se deschide…
admin-languages = Limbi
admin-default-language = Limba de pornire
admin-modules = Părți
admin-idle = Șterge după liniște
admin-idle-value = avertizare după { $warn } s, ștergere după { $wipe } s
admin-lesson-idle = Șterge în timpul unei lecții
admin-server = Server
admin-server-none = niciunul (acest calculator lucrează singur)
admin-pins = Coduri
admin-pins-value = administrator: setat · voluntar: { $volunteer }
admin-pin-set = setat
admin-pin-unset = nesetat
admin-config = Setări din
admin-exit = Închide chioșcul
admin-exit-confirm = Sigur vreți să închideți chioșcul?
admin-exit-yes = Da, închide
admin-exit-no = Nu

module-help = Cere ajutor

store-problem = Acest calculator nu poate salva nimic. Spuneți unui voluntar.

admin-sync-title = Server
admin-sync-not-paired = Neasociat: acest calculator lucrează singur.
admin-sync-online = Conectat la server.
admin-sync-offline = Nicio conexiune la server. Se încearcă din nou.
admin-sync-revoked = Serverul refuză acest calculator. Asociați-l din nou cu un cod nou.
admin-sync-behind = Alarmă: serverul a pierdut date pe care le avea. Sincronizarea este oprită. Sunați administratorul serverului.
admin-sync-paired-as = Asociat ca { $name } (loc { $site }), { $url }
admin-sync-pending = Așteaptă să fie trimise: { $count }
admin-sync-dead = Refuzate de server: { $count }
admin-sync-last-success = Ultimul succes: acum { $seconds } secunde
admin-sync-never = Încă nu a reușit niciodată
admin-sync-last-error = Ultima eroare: { $error }
admin-pair-url = Adresa serverului
admin-pair-code = Cod de asociere
admin-pair-button = Asociază
admin-pair-again = Asociază din nou
admin-pair-busy = Se asociază…
admin-pair-ok = Asociat ca { $name }.
admin-pair-wrong-code = Acest cod de asociere este greșit, deja folosit sau expirat. Faceți un cod nou pe server.
admin-pair-unreachable = Serverul nu răspunde. Verificați adresa și conexiunea la internet.
admin-pair-bad-address = Aceasta nu este o adresă web. O adresă web începe cu https:// .
admin-pair-failed = Asocierea nu a mers: { $error }
volunteer-help-at = la { $kiosk }

## Lessons
tile-lessons = Învață
module-lessons = Lecții
lessons-title = Învățăm calculatorul
lessons-hint = Alegeți o lecție. Puteți oricând să vă opriți și să continuați mai târziu.
lessons-loading = Lecțiile se încarcă…
lessons-none = Încă nu există lecții în această limbă.
lessons-all-topics = Toate
lessons-have-code = Am un cod
lessons-minutes = { $minutes } minute
topic-government = Autorități și itsme
topic-email = E-mail
topic-safety = În siguranță online
topic-money = Bancă și cumpărături
topic-smartphone = Smartphone
topic-calling = Apeluri video
topic-work = Găsirea unui loc de muncă
lesson-step-of = Pasul { $step } din { $total }
lesson-next = Înainte
lesson-back = Înapoi
lesson-read-aloud = Ascultă
lesson-later = Continuă mai târziu
lesson-tip = Sfat
lesson-guided = Dumneavoastră conduceți această lecție.
lesson-other-language = Această lecție nu există în limba dumneavoastră. O citiți în { $language }.
lesson-done-title = Bravo!
lesson-done-text = Ați făcut toată lecția „{ $title }”.
lesson-another = Altă lecție
lesson-take-home = Pe telefon
lesson-initiation = Inițiere făcută
lesson-initiation-done = Inițiere notată: { $topic }
lesson-saved-title = Continuă mai târziu
lesson-saved-text = Notați acest cod sau faceți-i o poză. Mai târziu, scrieți codul pe un calculator Digidak: aici sau în alt centru de cartier.
lesson-saved-expires = Codul merge { $days } de zile. Nu are nimic personal în el.
lesson-saved-qr = Sau scanați asta cu telefonul ca să citiți mai departe.
lesson-saving = Se face codul…
lesson-save-failed = Codul nu a putut fi făcut. Cereți ajutor unui voluntar.
lesson-back-to-lesson = Înapoi la lecție
resume-title = Continuă o lecție
resume-explain = Scrieți codul de 10 cifre primit.
resume-ok = Continuă
resume-looking = Se caută…
resume-invalid = Un cod are 10 cifre. Uitați-vă din nou.
resume-not-found = Nu cunoaștem acest cod sau este prea vechi. Verificați cifrele sau începeți lecția din nou.
resume-offline = Acest calculator nu poate ajunge acum la server. Acum merg doar codurile de pe acest calculator. Încercați mai târziu.
resume-missing-lesson = Această lecție nu este pe acest calculator. Cereți ajutor unui voluntar.
takehome-title = Luați lecția acasă
takehome-text = Deschideți camera telefonului și îndreptați-o spre cod. Lecția se deschide pe telefon.
takehome-no-server = Acest calculator nu este conectat la un server. Întrebați un voluntar.
qr-label = Cod QR
practice-try-again = Încercați din nou.
practice-from = De la
practice-email-label = Adresă de e-mail
practice-email-check = Verifică
practice-email-right = Corect!
practice-email-empty = Căsuța este încă goală. Scrieți adresa.
practice-email-space = Are un spațiu. O adresă de e-mail nu are spații.
practice-email-comma = Are o virgulă (,). Folosiți un punct (.).
practice-email-no-at = Lipsește semnul @.
practice-email-two-ats = Are două semne @. O adresă are doar un @.
practice-email-no-name = Înainte de @ trebuie să fie un nume.
practice-email-no-dot = După @ trebuie să fie un punct, ca în voorbeeld.be.
practice-email-name-differs = Aproape! Uitați-vă bine la partea dinainte de @, literă cu literă.
practice-email-domain-differs = Aproape! Uitați-vă bine la partea de după @, literă cu literă.
practice-itsme-title = itsme (exercițiu)
practice-itsme-confirm-button = Confirmă
practice-itsme-reject-button = Refuză
practice-itsme-confirm = Răspuns corect: confirmă.
practice-itsme-reject = Răspuns corect: refuză.
volunteer-give-lesson = Dați o lecție
volunteer-give-lesson-explain = Alegeți o lecție și faceți-o împreună. La sfârșit, atingeți „Inițiere făcută”.
admin-lessons = Lecții
admin-lessons-loaded = Lecții: { $count }, din { $origin }
admin-lessons-problems = Neîncărcate: { $count }
admin-lessons-month = Lecții pe acest calculator
admin-lessons-counts = { $month }: { $opened } deschise, { $finished } terminate
admin-lessons-initiations = Inițieri: { $list }
admin-lessons-none = încă niciuna

## Phone pages
page-languages = Limbi
page-footer = Digidak: învățăm calculatorul împreună, în cartierul dumneavoastră. Această pagină nu păstrează nimic despre dumneavoastră.
page-lessons-title = Lecții
page-all-lessons = Toate lecțiile
page-not-found-title = Nu a fost găsit
page-not-found-text = Această pagină nu există (mai). Verificați adresa.
page-continue-at = Continuă de la pasul { $step }
page-show-answer = Arată răspunsul

## Activities
tile-activities = Activități
module-activities = Activități
activities-title = Ce facem împreună?
activities-have-code = Am un cod
activities-none = Acum nu sunt activități planificate.
activities-next = Urmează
activities-places-left = { $count ->
    [one] A mai rămas 1 loc
    [few] Au mai rămas { $count } locuri
   *[other] Au mai rămas { $count } de locuri
}
activities-full = Plin: intrați pe lista de așteptare
activities-i-come = Vin
signup-name = Prenumele dumneavoastră
signup-phone = Numărul de telefon (nu e obligatoriu)
signup-phone-why = Pentru o amintire sau dacă se schimbă ceva. Doar voluntarii îl văd.
signup-party = Câte persoane?
signup-party-less = Mai puține
signup-party-more = Mai multe
signup-submit = Înscrie-mă
signup-for = { $count ->
    [one] Pentru { $name }, 1 persoană
    [few] Pentru { $name }, { $count } persoane
   *[other] Pentru { $name }, { $count } de persoane
}
signup-confirmed = Sunteți înscris. Ne vedem atunci!
signup-pending = Încă neconfirmat. Acest calculator nu are conexiune. Scrieți codul mai târziu pe un calculator Digidak sau uitați-vă pe telefon: acolo vedeți dacă aveți loc.
signup-waitlisted = Sunteți pe lista de așteptare. Când se eliberează un loc, urcați.
signup-waitlisted-at = Sunteți pe lista de așteptare: locul { $position }. Când se eliberează un loc, urcați.
signup-cancelled = Această înscriere este anulată.
signup-code-explain = Acesta este codul dumneavoastră. Notați-l sau faceți-i o poză. Cu codul vedeți dacă aveți loc sau anulați.
signup-code-title = Codul de înscriere
signup-code-ok = Vezi
signup-code-invalid = Un cod are 8 cifre. Uitați-vă din nou.
signup-code-unknown = Nu cunoaștem acest cod aici. Verificați cifrele sau întrebați un voluntar.
signup-cancel = Anulează locul meu
signup-problem-no-name = Scrieți prenumele.
signup-problem-name-long = Prenumele este prea lung. Scrieți doar prenumele.
signup-problem-phone = Acest număr de telefon nu este corect. Scrieți doar cifre sau lăsați gol.
signup-problem-party = Atâtea persoane nu sunt posibile pentru această activitate.
signup-problem-closed = Înscrierea este închisă. Întrebați un voluntar.
signup-problem-deleted = Această activitate nu are loc.
page-signup-title = Înscrierea dumneavoastră
page-signup-code = Cod
page-signup-cancel-ask = Nu puteți veni? Atunci anulați locul. Așa îl primește cineva de pe lista de așteptare.
page-signup-cancel-sure = Sigur vreți să anulați?
page-signup-cancel-yes = Da, anulează locul meu
page-signup-cancel-no = Nu, vin totuși
page-signup-cancelled-now = Locul dumneavoastră este anulat. Mulțumim că ne-ați spus.
volunteer-checkin = Prezență
checkin-title = Cine este aici?
checkin-count = Sunt aici { $here } din { $expected } persoane.
checkin-code = Cod
checkin-code-ok = Marchează prezent
checkin-code-done = Marcat prezent.
checkin-code-unknown = Nicio înscriere cu acest cod pentru această activitate.
checkin-row = { $count } pers. · { $state }
checkin-state-confirmed = înscris
checkin-state-pending = încă neconfirmat
checkin-state-waitlisted = listă de așteptare
checkin-state-cancelled = anulat
checkin-here = Este aici
checkin-button = { $name } este aici
checkin-walk-in = Cineva la ușă fără înscriere
checkin-walk-in-add = Adaugă
activity-admin-open = Activități
activity-admin-title = Administrează activitățile
activity-admin-new = Activitate nouă
activity-admin-edit = Schimbă: { $title } ({ $date })
activity-admin-export = Listă (CSV): { $title } ({ $date })
activity-admin-delete = Nu are loc: { $title } ({ $date })
activity-admin-saved = Salvat: activități: { $count }. Celelalte calculatoare le primesc prin server.
activity-admin-exported = Lista este în { $path }
activity-form-title = Titlu
activity-form-description = Explicație (nu e obligatoriu)
activity-form-place = Loc
activity-form-date = Data (aaaa-ll-zz)
activity-form-start = Începe la (hh:mm)
activity-form-end = Se termină la (hh:mm)
activity-form-capacity = Număr de locuri
activity-form-max-party = Cel mult atâtea persoane la o înscriere
activity-form-block = Locuri pe care fiecare calculator le poate da fără conexiune
activity-form-close-hours = Înscrierea se închide cu atâtea ore înainte de început
activity-form-months = Repetă în fiecare lună, atâtea luni
activity-form-help = Repetările cad în aceeași zi a lunii: dacă data este a doua miercuri, atunci în fiecare a doua miercuri.
activity-form-problem = Verificați „{ $field }”: se așteaptă { $expected }.
activity-form-save = Salvează
activity-form-close = Închide fără să salvezi

activities-spoken = Vorbim: { $list }
signup-party-over = Mai sunt locuri: { $count }. Cu mai multe persoane intrați pe lista de așteptare.
activity-form-languages = Limbi pe care le vorbim (coduri: nl, fr, ar, ...)
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
tile-board = Cer și ofer
module-board = Cer și ofer
board-title = Cer și ofer
board-new = Cereți sau oferiți ceva
board-have-code = Am un cod
board-all = Toate
board-asks = Cereri
board-offers = Oferte
board-search = Caută
board-search-hint = Căutați un cuvânt sau un număr
board-count = { $count ->
    [one] 1 anunț
    [few] { $count } anunțuri
   *[other] { $count } de anunțuri
}
board-empty = Panoul este încă gol. Fiți primul care cere sau oferă ceva!
board-none-found = Nu s-a găsit nimic. Încercați alt cuvânt sau alegeți "Toate".
board-kind-ask = Cerere
board-kind-offer = Ofertă
board-cat-paperwork = Acte și scrisori
board-cat-computer = Calculator și telefon
board-cat-odd-jobs = Mici treburi
board-cat-shopping = Cumpărături și drumuri
board-cat-transport = Transport
board-cat-language = Exersarea limbii
board-cat-cooking = Gătit și mese
board-cat-children = Copii
board-cat-lending = Împrumut de lucruri
board-cat-company = Companie și o discuție
board-number = Numărul { $number }
board-post-gone = Acest anunț nu mai este pe panou.
board-can-help = Pot ajuta
board-interested = Mă interesează
board-report = Semnalează
board-replied = Trimis! Persoana citește mesajul cu codul ei.
board-reported = Mulțumim. Anunțul a dispărut până când se uită un voluntar.
board-reply-to = Răspuns la: { $title }
board-reply-message = Mesajul dumneavoastră
board-reply-hint = De exemplu: Vă pot ajuta marți.
board-reply-contact = Cum vă poate contacta persoana? (nu e obligatoriu)
board-reply-contact-why = Doar persoana cu codul vede asta. Lăsați gol și un voluntar transmite mesajul.
board-reply-send = Trimite
board-report-title = Semnalați acest anunț?
board-report-explain = Pleacă de pe panou până când se uită un voluntar.
board-report-yes = Da, semnalează
board-report-no = Nu, înapoi
board-step = Pasul { $n } din 4
board-new-kind = Ce vreți să faceți?
board-i-ask = Am nevoie de ceva
board-i-offer = Pot oferi ceva
board-new-category = Despre ce este vorba?
board-new-words = Spuneți pe scurt
board-title-ask = De ce aveți nevoie? (scurt)
board-title-offer = Ce oferiți? (scurt)
board-text = Mai multe despre asta (nu e obligatoriu)
board-no-contact = Nu scrieți număr de telefon sau adresă. Oamenii răspund prin calculatorul Digidak.
board-languages = Ce limbi vorbiți?
board-publish = Publică
board-posted = Păstrați codul
board-posted-explain = Mai întâi un voluntar citește anunțul. Cu codul vedeți dacă este pe panou și citiți răspunsurile.
board-posted-keep = Notați codul sau scanați codul QR cu telefonul.
board-to-board = La panou
board-code-title = Scrieți codul anunțului
board-code-ok = Arată
board-code-invalid = Un cod are 12 cifre.
board-code-unknown = Nu cunoaștem acest cod. Verificați cifrele.
board-status-waiting = Așteaptă un voluntar.
board-status-public = Pe panou până la { $date }.
board-status-expired = Nu mai este pe panou: timpul a trecut.
board-status-rejected = Nepublicat: { $reason }
board-status-reported = Scos deocamdată: un voluntar se uită.
board-status-closed = Încheiat.
board-still-needed = Mai este nevoie?
board-renew = Da, mai este nevoie
board-replies = Răspunsuri
board-no-replies = Încă nu sunt răspunsuri.
board-replies-wiped-on = Aceste răspunsuri vor fi șterse pe { $date }. Notați ce vă trebuie.
board-replies-wiped = Răspunsurile au fost șterse: acest anunț s-a încheiat acum mai mult de 30 de zile.
board-reach = Contact: { $contact }
board-helped = Asta a ajutat
board-remove = Scoate-l
board-mine-qr = Vedeți asta și pe telefon.
board-problem-kind = Alegeți mai întâi: cerere sau ofertă.
board-problem-category = Alegeți mai întâi despre ce este vorba.
board-problem-title = Scrieți pe scurt de ce aveți nevoie sau ce oferiți.
board-problem-message = Scrieți un mesaj scurt.
board-problem-reason = Scrieți de ce (persoana citește asta).
board-problem-language = Nu cunoaștem această limbă.
volunteer-moderate = Verifică panoul ({ $count })
moderate-title = Verifică panoul
moderate-none = Nimic nu așteaptă. Bravo!
moderate-count = { $count ->
    [one] 1 anunț așteaptă
    [few] { $count } anunțuri așteaptă
   *[other] { $count } de anunțuri așteaptă
}
moderate-reported = { $count ->
    [one] semnalat o dată
    [few] semnalat de { $count } ori
   *[other] semnalat de { $count } de ori
}
moderate-approve = Aprobă
moderate-edit = Corectează
moderate-reject = Refuză
moderate-edit-title = Titlu
moderate-edit-text = Mai multe despre asta
moderate-save-approve = Salvează și aprobă
moderate-cancel = Anulează
moderate-reason = De ce? (persoana citește asta)
moderate-reason-why = Alegeți un motiv sau scrieți unul.
moderate-reason-contact = Conține date personale.
moderate-reason-money = Este despre bani sau vânzare.
moderate-reason-rude = Nu este politicos.
moderate-reject-confirm = Refuză
admin-print-board = Tipărește panoul (PDF)
admin-print-board-new = Doar anunțurile noi din această săptămână (PDF)
admin-printed = Salvat: { $path }
paper-heading = Cer și ofer
paper-week = { $site } · { $date }
paper-week-new = { $site } · nou săptămâna aceasta · { $date }
paper-howto = Vreți să răspundeți? Rupeți o fâșie. Scrieți numărul la "Caută" pe panoul oricărui calculator Digidak sau întrebați un voluntar.
paper-empty = Panoul este încă gol.
paper-empty-new = Nimic nou pe panou săptămâna aceasta.
paper-languages = Limbi
page-post-code = Cod
page-post-renewed = Reînnoit: anunțul stă mai mult.
page-post-helped = Ne bucurăm că a ajutat! Anunțul este încheiat.
page-post-removed = Anunțul a fost scos.
numbers-board-posts = Cer și ofer: anunțuri
numbers-board-replies = Cer și ofer: răspunsuri
numbers-board-matches = Cer și ofer: "asta a ajutat"
board-spoken = Vorbește: { $list }

# On-screen keyboard
keyboard-name = Tastatură
keyboard-erase = Șterge
keyboard-upper = Literă mare
keyboard-lower = Litere mici
keyboard-accents = Litere cu semne
keyboard-letters = Litere simple
keyboard-space = spațiu
keyboard-hide = Ascunde tastatura

## Lessons: sources, review, itsme practice (issue 22)
lesson-review-title = Lecții de verificat
lesson-review-explain = Aceste lecții nu au fost verificate de mai mult de un an. Cereți administratorului să le verifice după surse.
lesson-review-item = { $title } — verificat pe { $date }
practice-itsme-who = Cine: { $who }
practice-itsme-what = Ce: { $what }
practice-itsme-wrong-caller = Nu: cineva de la telefon cere asta, deci nu confirmați niciodată.
practice-itsme-wrong-not-started = Nu: nu ați început asta dumneavoastră.
practice-itsme-wrong-other = Nu: aplicația arată altceva decât ce voiați să faceți.
practice-itsme-wrong-good = Asta era bine: ați început singur, iar cine și ce sunt corecte.

# Phone links of sign-ups and posts (issue 14: codes nobody can guess or share)
page-code-not-found = Acest link nu (mai) merge. Codul dumneavoastră merge încă pe calculatoarele din sală: scrieți-l acolo.
page-phone-guard-title = Nu a mers
page-phone-guard-wait = Prea multe încercări de aici. Așteptați câteva minute, apoi încercați din nou.
page-phone-guard-other-site = Acest buton merge doar pe pagina dumneavoastră. Deschideți din nou linkul codului și atingeți acolo.

# Confirmations and goodbye
board-remove-sure = Sigur vreți să scoateți anunțul? Nimeni nu îl mai poate citi sau răspunde la el.
board-remove-yes = Da, scoate-l
board-remove-no = Nu, păstrează-l
goodbye-title = Totul este șters
goodbye-explain = Nimic de-al dumneavoastră nu rămâne pe acest calculator. La revedere!

# Board filters on a low screen
board-filters-show = Alegeți ce vedeți
board-filters-hide = Gata
board-filters-chosen = Alegeți ce vedeți (alese: { $count })

# Languages and voices (issue 20): "Other language" when the bar is full; read aloud without a voice
language-choose = Altă limbă
read-aloud-no-voice = Fără voce
lessons-other-languages = Alte lecții, în altă limbă:

# Seats, versions, phone-page codes (merged issues 15, 18, 19)
activities-places-mine = { $count ->
    [one] Acest calculator mai are 1 loc pentru dumneavoastră (fără conexiune: încă nu e sigur)
    [few] Acest calculator mai are { $count } locuri pentru dumneavoastră (fără conexiune: încă nu e sigur)
   *[other] Acest calculator mai are { $count } de locuri pentru dumneavoastră (fără conexiune: încă nu e sigur)
}
activities-places-offline = { $count ->
    [one] Probabil a mai rămas 1 loc (fără conexiune: încă neconfirmat)
    [few] Probabil au mai rămas { $count } locuri (fără conexiune: încă neconfirmat)
   *[other] Probabil au mai rămas { $count } de locuri (fără conexiune: încă neconfirmat)
}
activities-full-offline = Probabil nu mai sunt locuri (fără conexiune: încă nu e sigur)
signup-confirmed-provisional = Aveți un loc, dar încă nu e sigur: acest calculator anunță serverul. Scrieți codul mai târziu la un calculator Digidak sau uitați-vă pe telefon: acolo vedeți dacă e sigur.
admin-sync-kept-changes = Acest calculator a primit { $count } schimbare(schimbări) de la un server mai nou, pe care încă nu le cunoaște ({ $list }). Sunt păstrate: actualizați Digidak pe acest calculator și vor fi aplicate.
admin-sync-update = Pentru acest calculator se recomandă o versiune mai nouă de Digidak: { $recommended } (acest calculator are { $version }). Rugați persoana care se ocupă de calculatoare să-l actualizeze.
page-code-type = Scrieți codul
page-code-type-help = Codul unei lecții („Continuă mai târziu”) deschide lecția aici.
page-code-open = Deschide
page-code-at-kiosk = Acest cod merge la calculatoarele din sală: atingeți acolo „Am un cod”. Pe telefon, codul QR de pe bilețel vă deschide pagina.
page-code-unknown = Nu cunoaștem acest cod sau este prea vechi. Verificați cifrele.
page-post-helped-sure = V-a ajutat panoul? Atunci anunțul dispare și îl socotim ca ajutor.
page-post-helped-yes = Da, m-a ajutat
# Local partners (issue 21): "Wie kan helpen", opening hours, the partner's badge
tile-partners = Cine poate ajuta
partners-title = Cine poate ajuta?
partners-explain = Organizații din cartier care pot ajuta și ele, pe subiecte.
partners-none = Nu a fost adăugată încă nicio organizație. Întrebați un voluntar.
partners-open-now = Deschis acum, până la { $until }
partners-opens-today = Deschis azi de la { $at }
partners-opens-tomorrow = Mâine de la { $at }
partners-opens-on = { $day } de la { $at }
partners-no-hours = Program: întrebați un voluntar
partners-hours = Program
partners-address = Adresă
partners-contact = Contact
partners-badge = Partener
signal-kind-loneliness = Singurătate
signal-kind-debt = Datorii sau scrisori
signal-kind-housing = Locuință
signal-kind-health = Sănătate
signal-kind-other = Altceva
volunteer-signal = Transmite un semnal
signal-partner-title = Cui transmiteți semnalul?
signal-kind-title = Despre ce este vorba?
signal-note-title = Scrieți o notă scurtă
signal-note-label = Notă (nu e nevoie de nume)
signal-next = Înainte
signal-consent-title = Vă poate suna { $partner }?
signal-consent-explain = { $partner } primește doar această notă și numărul dvs. de telefon, nimic altceva. Puteți spune nu.
signal-consent-yes = Da, se poate
signal-consent-no = Nu, mai bine nu
signal-phone-title = La ce număr vă poate suna { $partner }?
signal-phone-label = Număr de telefon
signal-send = Trimite
signal-sent = Semnalul a fost transmis către { $partner }.
signal-not-sent = Nu s-a transmis nimic.
signal-failed = Nu a mers. Încercați din nou sau întrebați administratorul.
signal-no-partners = Acest loc nu are încă parteneri.
strengths-title = Ce știe să facă cartierul nostru
strengths-explain = Ce oferă vecinii acum, pe subiecte, și organizațiile care ajută.
strengths-offers = { $count ->
    [one] 1 ofertă
   *[other] { $count } oferte
}
strengths-partners = { $count ->
    [one] 1 partener
   *[other] { $count } parteneri
}
board-partner-also = { $partner } poate ajuta și el
board-partner-send = Trimite întrebarea mea și către { $partner }
partners-on-board = Pe panou
# Partners' logos on the kiosk (issue 21): a partner card's picture, for screen readers
partners-logo = Sigla { $partner }
partners-pictogram = Pictograma { $partner }
