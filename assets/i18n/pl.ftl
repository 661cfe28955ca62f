# Digidak kiosk — polski. Krótkie zdania, proste słowa (B1 lub prościej).
# The admin web (sections "Admin web" and "Admin login and HTTP edge") stays in nl/fr/en.
language-name = Polski

nav-home = Start
nav-back = Wstecz
nav-done = Kończę
staff-open = Obsługa

home-welcome = Witamy! Co chcesz zrobić?
home-hint = Dotknij dużego przycisku.

tile-help = Potrzebuję pomocy

help-title = Wolontariusz do ciebie przyjdzie
help-explain = Dotknij zielonego przycisku. Wolontariusz zobaczy, że potrzebujesz pomocy.
help-name-label = Twoje imię (jeśli chcesz)
help-call = Zawołaj wolontariusza
help-sent-title = Wolontariusz już wie
help-sent-explain = Zostań tutaj. Ktoś zaraz przyjdzie.
help-failed = To nie zadziałało. Zapytaj kogoś w sali.

idle-title = Czy nadal tu jesteś?
idle-countdown = Za { $seconds } sekund wszystko usuniemy. Wtedy następna osoba może bezpiecznie zacząć.
idle-stay = Tak, nadal tu jestem

pin-title = Kod dla wolontariuszy
pin-explain = Tylko dla wolontariuszy i koordynatora.
pin-ok = OK
pin-erase = Usuń
pin-cancel = Stop
pin-wrong = Zły kod. Spróbuj jeszcze raz.
pin-locked = Za dużo złych kodów. Poczekaj { $seconds } sekund.
pin-checking = Sprawdzam…
pin-no-volunteer = Ten komputer nie ma kodu dla wolontariuszy.

staff-leave = Zamknij

volunteer-title = Wolontariusz
volunteer-pause = Nie usuwaj samo
volunteer-pause-explain = Użyj tego, gdy komuś pomagasz. Potem wyłącz.
volunteer-resume = Znowu usuwaj samo
volunteer-paused-banner = Wolontariusz pomaga: automatyczne usuwanie jest wyłączone.
volunteer-help-title = Kto chce pomocy?
volunteer-help-none = Nikt nie czeka na pomoc.
volunteer-help-noname = (bez imienia)
volunteer-help-item = { $name } — czeka { $minutes } min
volunteer-help-done = Pomoc udzielona

admin-title = Administrator
admin-kiosk = Komputer
admin-site = Miejsce
admin-version = Wersja
admin-data-folder = Folder danych
admin-database = Baza danych
admin-database-ok = w porządku (schemat { $version })
admin-database-waiting = otwieram…
admin-languages = Języki
admin-default-language = Język na start
admin-modules = Części
admin-idle = Usuń po czasie ciszy
admin-idle-value = ostrzeżenie po { $warn } s, usunięcie po { $wipe } s
admin-lesson-idle = Usuń w czasie lekcji
admin-server = Serwer
admin-server-none = brak (ten komputer działa sam)
admin-pins = Kody
admin-pins-value = administrator: ustawiony · wolontariusz: { $volunteer }
admin-pin-set = ustawiony
admin-pin-unset = nieustawiony
admin-config = Ustawienia z
admin-exit = Zamknij kiosk
admin-exit-confirm = Czy na pewno chcesz zamknąć kiosk?
admin-exit-yes = Tak, zamknij
admin-exit-no = Nie

module-help = Poproś o pomoc

store-problem = Ten komputer nie może nic zapisać. Powiedz wolontariuszowi.

admin-sync-title = Serwer
admin-sync-not-paired = Nie sparowany: ten komputer działa sam.
admin-sync-online = Połączony z serwerem.
admin-sync-offline = Brak połączenia z serwerem. Próbuję ponownie.
admin-sync-revoked = Serwer odrzuca ten komputer. Sparuj go ponownie nowym kodem.
admin-sync-behind = Alarm: serwer stracił dane, które już miał. Synchronizacja zatrzymana. Zadzwoń do administratora serwera.
admin-sync-paired-as = Sparowany jako { $name } (miejsce { $site }), { $url }
admin-sync-pending = Czeka na wysłanie: { $count }
admin-sync-dead = Odrzucone przez serwer: { $count }
admin-sync-last-success = Ostatni sukces: { $seconds } sekund temu
admin-sync-never = Jeszcze nigdy się nie udało
admin-sync-last-error = Ostatni błąd: { $error }
admin-pair-url = Adres serwera
admin-pair-code = Kod parowania
admin-pair-button = Sparuj
admin-pair-again = Sparuj ponownie
admin-pair-busy = Paruję…
admin-pair-ok = Sparowany jako { $name }.
admin-pair-wrong-code = Ten kod parowania jest zły, już użyty albo nieważny. Zrób nowy kod na serwerze.
admin-pair-unreachable = Serwer nie odpowiada. Sprawdź adres i połączenie z internetem.
admin-pair-bad-address = To nie jest adres strony. Adres strony zaczyna się od https:// .
admin-pair-failed = Parowanie nie zadziałało: { $error }
volunteer-help-at = przy { $kiosk }

## Lessons
tile-lessons = Ucz się
module-lessons = Lekcje
lessons-title = Nauka komputera
lessons-hint = Wybierz lekcję. Zawsze możesz przerwać i kontynuować później.
lessons-loading = Lekcje się ładują…
lessons-none = W tym języku nie ma jeszcze lekcji.
lessons-all-topics = Wszystko
lessons-have-code = Mam kod
lessons-minutes = { $minutes } minut
topic-government = Urzędy i itsme
topic-email = E-mail
topic-safety = Bezpiecznie w internecie
topic-money = Bank i zakupy
topic-smartphone = Smartfon
topic-calling = Rozmowy wideo
topic-work = Szukanie pracy
lesson-step-of = Krok { $step } z { $total }
lesson-next = Dalej
lesson-back = Poprzedni
lesson-read-aloud = Czytaj na głos
lesson-later = Kontynuuj później
lesson-tip = Wskazówka
lesson-guided = Prowadzisz tę lekcję.
lesson-other-language = Tej lekcji nie ma w twoim języku. Czytasz ją w języku: { $language }.
lesson-done-title = Brawo!
lesson-done-text = Cała lekcja „{ $title }” jest zrobiona.
lesson-another = Inna lekcja
lesson-take-home = Na telefonie
lesson-initiation = Wprowadzenie zrobione
lesson-initiation-done = Wprowadzenie zapisane: { $topic }
lesson-saved-title = Kontynuuj później
lesson-saved-text = Zapisz ten kod albo zrób mu zdjęcie. Później wpisz kod na komputerze Digidak: tutaj albo w innym domu sąsiedzkim.
lesson-saved-expires = Kod działa przez { $days } dni. Nie ma w nim nic osobistego.
lesson-saved-qr = Albo zeskanuj to telefonem, żeby czytać dalej.
lesson-saving = Robię kod…
lesson-save-failed = Nie udało się zrobić kodu. Poproś wolontariusza o pomoc.
lesson-back-to-lesson = Wróć do lekcji
resume-title = Kontynuuj lekcję
resume-explain = Wpisz 10-cyfrowy kod, który masz.
resume-ok = Dalej
resume-looking = Szukam…
resume-invalid = Kod ma 10 cyfr. Sprawdź jeszcze raz.
resume-not-found = Nie znamy tego kodu albo jest za stary. Sprawdź cyfry albo zacznij lekcję od nowa.
resume-offline = Ten komputer nie ma teraz połączenia z serwerem. Teraz działają tylko kody z tego komputera. Spróbuj później.
resume-missing-lesson = Tej lekcji nie ma na tym komputerze. Poproś wolontariusza o pomoc.
takehome-title = Weź lekcję do domu
takehome-text = Otwórz aparat w telefonie i skieruj go na kod. Lekcja otworzy się na telefonie.
takehome-no-server = Ten komputer nie jest połączony z serwerem. Zapytaj wolontariusza.
qr-label = Kod QR
practice-try-again = Spróbuj jeszcze raz.
practice-from = Od
practice-email-label = Adres e-mail
practice-email-check = Sprawdź
practice-email-right = Dobrze!
practice-email-empty = Pole jest jeszcze puste. Wpisz adres.
practice-email-space = Jest w nim spacja. Adres e-mail nie ma spacji.
practice-email-comma = Jest przecinek (,). Użyj kropki (.).
practice-email-no-at = Brakuje znaku @.
practice-email-two-ats = Są dwa znaki @. Adres ma tylko jeden @.
practice-email-no-name = Przed @ musi być nazwa.
practice-email-no-dot = Po @ musi być kropka, jak w voorbeeld.be.
practice-email-name-differs = Prawie! Popatrz dobrze na część przed @, litera po literze.
practice-email-domain-differs = Prawie! Popatrz dobrze na część po @, litera po literze.
practice-itsme-title = itsme (ćwiczenie)
practice-itsme-confirm-button = Potwierdź
practice-itsme-reject-button = Odrzuć
practice-itsme-confirm = Dobra odpowiedź: potwierdź.
practice-itsme-reject = Dobra odpowiedź: odrzuć.
volunteer-give-lesson = Daj lekcję
volunteer-give-lesson-explain = Wybierz lekcję i zróbcie ją razem. Na końcu dotknij „Wprowadzenie zrobione”.
admin-lessons = Lekcje
admin-lessons-loaded = { $count } lekcji z { $origin }
admin-lessons-problems = Nie załadowane: { $count }
admin-lessons-month = Lekcje na tym komputerze
admin-lessons-counts = { $month }: { $opened } otwarte, { $finished } skończone
admin-lessons-initiations = Wprowadzenia: { $list }
admin-lessons-none = jeszcze brak

## Phone pages
page-languages = Języki
page-footer = Digidak: razem uczymy się komputera, w twojej okolicy. Ta strona nic o tobie nie zapisuje.
page-lessons-title = Lekcje
page-all-lessons = Wszystkie lekcje
page-not-found-title = Nie znaleziono
page-not-found-text = Ta strona nie istnieje (już). Sprawdź adres.
page-continue-at = Kontynuuj od kroku { $step }
page-show-answer = Pokaż odpowiedź

## Activities
tile-activities = Zajęcia
module-activities = Zajęcia
activities-title = Co robimy razem?
activities-have-code = Mam kod
activities-none = Teraz nie ma zaplanowanych zajęć.
activities-next = Następne
activities-places-left = { $count ->
    [one] Zostało 1 miejsce
    [few] Zostały { $count } miejsca
    [many] Zostało { $count } miejsc
   *[other] Zostało { $count } miejsca
}
activities-full = Pełne: trafisz na listę oczekujących
activities-i-come = Przyjdę
signup-name = Twoje imię
signup-phone = Twój numer telefonu (nie musisz)
signup-phone-why = Do przypomnienia albo gdy coś się zmieni. Widzą go tylko wolontariusze.
signup-party = Ile osób?
signup-party-less = Mniej
signup-party-more = Więcej
signup-submit = Zapisz się
signup-for = { $count ->
    [one] Dla { $name }, 1 osoba
    [few] Dla { $name }, { $count } osoby
    [many] Dla { $name }, { $count } osób
   *[other] Dla { $name }, { $count } osoby
}
signup-confirmed = Zapis jest gotowy. Do zobaczenia!
signup-pending = Jeszcze nie potwierdzone. Ten komputer nie ma połączenia. Wpisz później swój kod na komputerze Digidak albo popatrz na telefon: tam zobaczysz, czy masz miejsce.
signup-waitlisted = Jesteś na liście oczekujących. Gdy zwolni się miejsce, przesuniesz się wyżej.
signup-waitlisted-at = Jesteś na liście oczekujących: miejsce { $position }. Gdy zwolni się miejsce, przesuniesz się wyżej.
signup-cancelled = Ten zapis jest odwołany.
signup-code-explain = To jest twój kod. Zapisz go albo zrób mu zdjęcie. Z kodem zobaczysz, czy masz miejsce, albo odwołasz zapis.
signup-code-title = Twój kod zapisu
signup-code-ok = Zobacz
signup-code-invalid = Kod ma 8 cyfr. Sprawdź jeszcze raz.
signup-code-unknown = Nie znamy tutaj tego kodu. Sprawdź cyfry albo zapytaj wolontariusza.
signup-cancel = Odwołaj moje miejsce
signup-problem-no-name = Wpisz swoje imię.
signup-problem-name-long = Twoje imię jest za długie. Wpisz tylko imię.
signup-problem-phone = Ten numer telefonu nie jest dobry. Wpisz tylko cyfry albo zostaw puste.
signup-problem-party = Tyle osób nie może przyjść na te zajęcia.
signup-problem-closed = Zapisy są zamknięte. Zapytaj wolontariusza.
signup-problem-deleted = Te zajęcia się nie odbędą.
page-signup-title = Twój zapis
page-signup-code = Kod
page-signup-cancel-ask = Nie możesz przyjść? Odwołaj wtedy swoje miejsce. Dostanie je ktoś z listy oczekujących.
page-signup-cancel-sure = Czy na pewno chcesz odwołać?
page-signup-cancel-yes = Tak, odwołaj moje miejsce
page-signup-cancel-no = Nie, jednak przyjdę
page-signup-cancelled-now = Twoje miejsce jest odwołane. Dziękujemy za informację.
volunteer-checkin = Obecność
checkin-title = Kto jest?
checkin-count = Jest { $here } z { $expected } osób.
checkin-code = Kod
checkin-code-ok = Zamelduj
checkin-code-done = Zameldowano.
checkin-code-unknown = Nie ma zapisu z tym kodem na te zajęcia.
checkin-row = { $count } os. · { $state }
checkin-state-confirmed = zapisany
checkin-state-pending = jeszcze nie potwierdzone
checkin-state-waitlisted = lista oczekujących
checkin-state-cancelled = odwołane
checkin-here = Jest
checkin-button = { $name } jest
checkin-walk-in = Ktoś przy drzwiach bez zapisu
checkin-walk-in-add = Dodaj
activity-admin-open = Zajęcia
activity-admin-title = Zarządzaj zajęciami
activity-admin-new = Nowe zajęcia
activity-admin-edit = Zmień: { $title } ({ $date })
activity-admin-export = Lista (CSV): { $title } ({ $date })
activity-admin-delete = Nie odbędzie się: { $title } ({ $date })
activity-admin-saved = Zapisano: zajęcia ({ $count }). Inne komputery dostaną je przez serwer.
activity-admin-exported = Lista jest w { $path }
activity-form-title = Tytuł
activity-form-description = Wyjaśnienie (nie musisz)
activity-form-place = Miejsce
activity-form-date = Data (rrrr-mm-dd)
activity-form-start = Początek (gg:mm)
activity-form-end = Koniec (gg:mm)
activity-form-capacity = Liczba miejsc
activity-form-max-party = Najwyżej tyle osób w jednym zapisie
activity-form-block = Miejsca, które każdy komputer może dać bez połączenia
activity-form-close-hours = Zapisy kończą się tyle godzin przed początkiem
activity-form-months = Powtarzaj co miesiąc, przez tyle miesięcy
activity-form-help = Powtórki są w ten sam dzień miesiąca: jeśli data to druga środa, to co drugą środę miesiąca.
activity-form-problem = Sprawdź „{ $field }”: oczekiwano { $expected }.
activity-form-save = Zapisz
activity-form-close = Zamknij bez zapisywania

activities-spoken = Mówimy: { $list }
signup-party-over = Zostało miejsc: { $count }. Z większą liczbą osób trafisz na listę oczekujących.
activity-form-languages = Języki, którymi mówimy (kody: nl, fr, ar, ...)
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
tile-board = Proszę i daję
module-board = Proszę i daję
board-title = Proszę i daję
board-new = Poproś albo zaproponuj coś
board-have-code = Mam kod
board-all = Wszystko
board-asks = Prośby
board-offers = Oferty
board-search = Szukaj
board-search-hint = Szukaj słowa albo numeru
board-count = { $count ->
    [one] 1 ogłoszenie
    [few] { $count } ogłoszenia
    [many] { $count } ogłoszeń
   *[other] { $count } ogłoszenia
}
board-empty = Tablica jest jeszcze pusta. Bądź pierwszy: poproś albo zaproponuj coś!
board-none-found = Nic nie znaleziono. Spróbuj innego słowa albo wybierz "Wszystko".
board-kind-ask = Prośba
board-kind-offer = Oferta
board-cat-paperwork = Dokumenty i listy
board-cat-computer = Komputer i telefon
board-cat-odd-jobs = Drobne prace
board-cat-shopping = Zakupy i sprawunki
board-cat-transport = Transport
board-cat-language = Ćwiczenie języka
board-cat-cooking = Gotowanie i posiłki
board-cat-children = Dzieci
board-cat-lending = Pożyczanie rzeczy
board-cat-company = Towarzystwo i rozmowa
board-number = Numer { $number }
board-post-gone = Tego ogłoszenia nie ma już na tablicy.
board-can-help = Mogę pomóc
board-interested = Jestem zainteresowany
board-report = Zgłoś
board-replied = Wysłane! Ta osoba przeczyta twoją wiadomość swoim kodem.
board-reported = Dziękujemy. Ogłoszenie zniknęło, dopóki nie obejrzy go wolontariusz.
board-reply-to = Odpowiedź na: { $title }
board-reply-message = Twoja wiadomość
board-reply-hint = Na przykład: Mogę ci pomóc we wtorek.
board-reply-contact = Jak ta osoba może się z tobą skontaktować? (nie musisz)
board-reply-contact-why = Widzi to tylko osoba z kodem. Zostaw puste, a wolontariusz przekaże twoją wiadomość.
board-reply-send = Wyślij
board-report-title = Zgłosić to ogłoszenie?
board-report-explain = Zniknie z tablicy, dopóki nie obejrzy go wolontariusz.
board-report-yes = Tak, zgłoś
board-report-no = Nie, wróć
board-step = Krok { $n } z 4
board-new-kind = Co chcesz zrobić?
board-i-ask = Czegoś potrzebuję
board-i-offer = Mogę coś dać
board-new-category = Czego to dotyczy?
board-new-words = Powiedz krótko
board-title-ask = Czego potrzebujesz? (krótko)
board-title-offer = Co proponujesz? (krótko)
board-text = Więcej o tym (nie musisz)
board-no-contact = Nie pisz numeru telefonu ani adresu. Ludzie odpowiadają przez komputer Digidak.
board-languages = Jakimi językami mówisz?
board-publish = Opublikuj
board-posted = Zachowaj swój kod
board-posted-explain = Najpierw wolontariusz przeczyta twoje ogłoszenie. Kodem sprawdzisz, czy jest na tablicy, i przeczytasz odpowiedzi.
board-posted-keep = Zapisz kod albo zeskanuj kod QR telefonem.
board-to-board = Do tablicy
board-code-title = Wpisz kod swojego ogłoszenia
board-code-ok = Pokaż
board-code-invalid = Kod ma 12 cyfr.
board-code-unknown = Nie znamy tego kodu. Sprawdź cyfry.
board-status-waiting = Czeka na wolontariusza.
board-status-public = Na tablicy do { $date }.
board-status-expired = Nie ma już na tablicy: czas minął.
board-status-rejected = Nie opublikowane: { $reason }
board-status-reported = Na razie zdjęte: wolontariusz to ogląda.
board-status-closed = Zakończone.
board-still-needed = Nadal potrzebne?
board-renew = Tak, nadal potrzebne
board-replies = Odpowiedzi
board-no-replies = Jeszcze nie ma odpowiedzi.
board-replies-wiped-on = Te odpowiedzi zostaną usunięte { $date }. Zapisz, co potrzebujesz.
board-replies-wiped = Odpowiedzi usunięto: to ogłoszenie skończyło się ponad 30 dni temu.
board-reach = Kontakt: { $contact }
board-helped = To pomogło
board-remove = Zdejmij
board-mine-qr = Zobacz to też na telefonie.
board-problem-kind = Najpierw wybierz: prośba czy oferta.
board-problem-category = Najpierw wybierz, czego to dotyczy.
board-problem-title = Napisz krótko, czego potrzebujesz albo co dajesz.
board-problem-message = Napisz krótką wiadomość.
board-problem-reason = Napisz dlaczego (ta osoba to przeczyta).
board-problem-language = Nie znamy tego języka.
volunteer-moderate = Sprawdź tablicę ({ $count })
moderate-title = Sprawdź tablicę
moderate-none = Nic nie czeka. Brawo!
moderate-count = { $count ->
    [one] Czeka 1 ogłoszenie
    [few] Czekają { $count } ogłoszenia
    [many] Czeka { $count } ogłoszeń
   *[other] Czeka { $count } ogłoszenia
}
moderate-reported = { $count ->
    [one] zgłoszone raz
   *[other] zgłoszone { $count } razy
}
moderate-approve = Zatwierdź
moderate-edit = Popraw
moderate-reject = Odrzuć
moderate-edit-title = Tytuł
moderate-edit-text = Więcej o tym
moderate-save-approve = Zapisz i zatwierdź
moderate-cancel = Anuluj
moderate-reason = Dlaczego? (ta osoba to przeczyta)
moderate-reason-why = Wybierz powód albo napisz go.
moderate-reason-contact = Są tu dane osobowe.
moderate-reason-money = Chodzi o pieniądze albo sprzedaż.
moderate-reason-rude = To nie jest miłe.
moderate-reject-confirm = Odrzuć
admin-print-board = Wydrukuj tablicę (PDF)
admin-print-board-new = Tylko nowe ogłoszenia z tego tygodnia (PDF)
admin-printed = Zapisano: { $path }
paper-heading = Proszę i daję
paper-week = { $site } · { $date }
paper-week-new = { $site } · nowe w tym tygodniu · { $date }
paper-howto = Chcesz odpowiedzieć? Oderwij pasek. Wpisz numer w "Szukaj" na tablicy w dowolnym komputerze Digidak albo zapytaj wolontariusza.
paper-empty = Tablica jest jeszcze pusta.
paper-empty-new = W tym tygodniu nie ma nic nowego na tablicy.
paper-languages = Języki
page-post-code = Kod
page-post-renewed = Odnowione: twoje ogłoszenie zostanie dłużej.
page-post-helped = Cieszymy się, że pomogło! Twoje ogłoszenie jest zakończone.
page-post-removed = Twoje ogłoszenie jest zdjęte.
numbers-board-posts = Proszę i daję: ogłoszenia
numbers-board-replies = Proszę i daję: odpowiedzi
numbers-board-matches = Proszę i daję: "to pomogło"
board-spoken = Mówi: { $list }

# On-screen keyboard
keyboard-name = Klawiatura
keyboard-erase = Usuń
keyboard-upper = Wielka litera
keyboard-lower = Małe litery
keyboard-accents = Litery ze znakami
keyboard-letters = Zwykłe litery
keyboard-space = spacja
keyboard-hide = Ukryj klawiaturę

## Lessons: sources, review, itsme practice (issue 22)
lesson-review-title = Lekcje do sprawdzenia
lesson-review-explain = Tych lekcji nie sprawdzano ponad rok. Poproś administratora, żeby sprawdził je ze źródłami.
lesson-review-item = { $title } — sprawdzono { $date }
practice-itsme-who = Kto: { $who }
practice-itsme-what = Co: { $what }
practice-itsme-wrong-caller = Nie: prosi o to ktoś przez telefon, więc nigdy nie potwierdzasz.
practice-itsme-wrong-not-started = Nie: to nie ty to zacząłeś(-aś).
practice-itsme-wrong-other = Nie: aplikacja pokazuje coś innego niż to, co chciałeś zrobić.
practice-itsme-wrong-good = To było dobrze: zacząłeś to sam, a kto i co się zgadzają.

# Phone links of sign-ups and posts (issue 14: codes nobody can guess or share)
page-code-not-found = Ten link nie działa (już). Twój kod nadal działa na komputerach w sali: wpisz go tam.
page-phone-guard-title = To nie zadziałało
page-phone-guard-wait = Za dużo prób z tego miejsca. Poczekaj kilka minut i spróbuj znowu.
page-phone-guard-other-site = Ten przycisk działa tylko na twojej własnej stronie. Otwórz znowu link swojego kodu i dotknij tam.

# Confirmations and goodbye
board-remove-sure = Czy na pewno chcesz zdjąć swoje ogłoszenie? Nikt nie będzie mógł go przeczytać ani na nie odpowiedzieć.
board-remove-yes = Tak, zdejmij
board-remove-no = Nie, zostaw
goodbye-title = Wszystko usunięte
goodbye-explain = Nic twojego nie zostaje na tym komputerze. Do widzenia!

# Board filters on a low screen
board-filters-show = Wybierz, co widzisz
board-filters-hide = Gotowe
board-filters-chosen = Wybierz, co widzisz (wybrano: { $count })

# Languages and voices (issue 20): "Other language" when the bar is full; read aloud without a voice
language-choose = Inny język
read-aloud-no-voice = Brak głosu
lessons-other-languages = Inne lekcje, w innym języku:

# Seats, versions, phone-page codes (merged issues 15, 18, 19)
activities-places-mine = { $count ->
    [one] Ten komputer ma jeszcze 1 miejsce dla ciebie (brak połączenia: jeszcze nie na pewno)
    [few] Ten komputer ma jeszcze { $count } miejsca dla ciebie (brak połączenia: jeszcze nie na pewno)
    [many] Ten komputer ma jeszcze { $count } miejsc dla ciebie (brak połączenia: jeszcze nie na pewno)
   *[other] Ten komputer ma jeszcze { $count } miejsca dla ciebie (brak połączenia: jeszcze nie na pewno)
}
activities-places-offline = { $count ->
    [one] Prawdopodobnie zostało 1 miejsce (brak połączenia: jeszcze niepotwierdzone)
    [few] Prawdopodobnie zostały { $count } miejsca (brak połączenia: jeszcze niepotwierdzone)
    [many] Prawdopodobnie zostało { $count } miejsc (brak połączenia: jeszcze niepotwierdzone)
   *[other] Prawdopodobnie zostało { $count } miejsca (brak połączenia: jeszcze niepotwierdzone)
}
activities-full-offline = Prawdopodobnie brak miejsc (brak połączenia: jeszcze nie wiadomo na pewno)
signup-confirmed-provisional = Masz miejsce, ale jeszcze nie na pewno: ten komputer zgłasza to serwerowi. Wpisz później swój kod na komputerze Digidak albo sprawdź w telefonie: tam zobaczysz, czy jest już pewne.
admin-sync-kept-changes = Ten komputer dostał { $count } zmian(y) od nowszego serwera, których jeszcze nie zna ({ $list }). Są zachowane: zaktualizuj Digidak na tym komputerze, a zostaną zastosowane.
admin-sync-update = Dla tego komputera zalecana jest nowsza wersja Digidak: { $recommended } (ten komputer ma { $version }). Poproś osobę, która zajmuje się komputerami, o aktualizację.
page-code-type = Wpisz swój kod
page-code-type-help = Kod lekcji („Kontynuuj później”) otwiera tu lekcję.
page-code-open = Otwórz
page-code-at-kiosk = Ten kod działa na komputerach w sali: dotknij tam „Mam kod”. W telefonie twoją stronę otwiera kod QR z twojej kartki.
page-code-unknown = Nie znamy tego kodu albo jest za stary. Sprawdź cyfry.
page-post-helped-sure = Czy tablica ci pomogła? Wtedy twoje ogłoszenie zniknie, a my policzymy je jako pomoc.
page-post-helped-yes = Tak, pomogło
# Local partners (issue 21): "Wie kan helpen", opening hours, the partner's badge
tile-partners = Kto może pomóc
partners-title = Kto może pomóc?
partners-explain = Organizacje w okolicy, które też mogą pomóc, według tematu.
partners-none = Nie dodano jeszcze żadnych organizacji. Zapytaj wolontariusza.
partners-open-now = Teraz otwarte, do { $until }
partners-opens-today = Dziś otwarte od { $at }
partners-opens-tomorrow = Jutro od { $at }
partners-opens-on = { $day } od { $at }
partners-no-hours = Godziny otwarcia: zapytaj wolontariusza
partners-hours = Godziny otwarcia
partners-address = Adres
partners-contact = Kontakt
partners-badge = Partner
signal-kind-loneliness = Samotność
signal-kind-debt = Długi lub listy
signal-kind-housing = Mieszkanie
signal-kind-health = Zdrowie
signal-kind-other = Coś innego
volunteer-signal = Przekaż sygnał
signal-partner-title = Komu przekazujesz sygnał?
signal-kind-title = Czego to dotyczy?
signal-note-title = Napisz krótką notatkę
signal-note-label = Notatka (imię nie jest potrzebne)
signal-next = Dalej
signal-consent-title = Czy { $partner } może do Ciebie zadzwonić?
signal-consent-explain = { $partner } dostaje tylko tę notatkę i Twój numer telefonu, nic więcej. Możesz odmówić.
signal-consent-yes = Tak, może
signal-consent-no = Nie, wolę nie
signal-phone-title = Pod jaki numer { $partner } może zadzwonić?
signal-phone-label = Numer telefonu
signal-send = Wyślij
signal-sent = Sygnał przekazano do { $partner }.
signal-not-sent = Nic nie zostało przekazane.
signal-failed = Nie udało się. Spróbuj ponownie lub zapytaj administratora.
signal-no-partners = To miejsce nie ma jeszcze partnerów.
strengths-title = Co potrafi nasza okolica
strengths-explain = Co sąsiedzi teraz oferują, według tematu, i organizacje, które pomagają.
strengths-offers = { $count ->
    [one] 1 oferta
    [few] { $count } oferty
   *[other] { $count } ofert
}
strengths-partners = { $count ->
    [one] 1 partner
    [few] { $count } partnerzy
   *[other] { $count } partnerów
}
board-partner-also = { $partner } też może pomóc
board-partner-send = Wyślij moje pytanie także do { $partner }
partners-on-board = Na tablicy
# Partners' logos on the kiosk (issue 21): a partner card's picture, for screen readers
partners-logo = Logo: { $partner }
partners-pictogram = Piktogram: { $partner }
