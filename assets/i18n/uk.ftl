# Digidak kiosk — українська. Короткі речення, прості слова (B1 або простіше).
# The admin web (sections "Admin web" and "Admin login and HTTP edge") stays in nl/fr/en.
language-name = Українська

nav-home = Головна
nav-back = Назад
nav-done = Готово
staff-open = Волонтери

home-welcome = Вітаємо! Що ви хочете зробити?
home-hint = Торкніться великої кнопки.

tile-help = Мені потрібна допомога

help-title = До вас підійде волонтер
help-explain = Торкніться зеленої кнопки. Волонтер побачить, що вам потрібна допомога.
help-name-label = Ваше ім'я (якщо хочете)
help-call = Покликати волонтера
help-sent-title = Волонтер знає
help-sent-explain = Залишайтеся тут. Скоро хтось підійде.
help-failed = Не вийшло. Запитайте когось у залі.

idle-title = Ви ще тут?
idle-countdown = Через { $seconds } секунд ми все видалимо. Тоді наступна людина може безпечно почати.
idle-stay = Так, я ще тут

pin-title = Код для волонтерів
pin-explain = Тільки для волонтерів і координатора.
pin-ok = OK
pin-erase = Стерти
pin-cancel = Стоп
pin-wrong = Неправильний код. Спробуйте ще раз.
pin-locked = Забагато неправильних кодів. Зачекайте { $seconds } секунд.
pin-checking = Перевіряємо…
pin-no-volunteer = На цьому комп'ютері немає коду для волонтерів.

staff-leave = Закрити

volunteer-title = Волонтер
volunteer-pause = Не видаляти самому
volunteer-pause-explain = Використовуйте це, коли допомагаєте комусь. Потім вимкніть.
volunteer-resume = Знову видаляти самому
volunteer-paused-banner = Волонтер допомагає: автоматичне видалення вимкнено.
volunteer-help-title = Кому потрібна допомога?
volunteer-help-none = Ніхто не чекає на допомогу.
volunteer-help-noname = (без імені)
volunteer-help-item = { $name } — чекає { $minutes } хв
volunteer-help-done = Допомогли

admin-title = Адміністратор
admin-kiosk = Комп'ютер
admin-site = Місце
admin-version = Версія
admin-data-folder = Папка даних
admin-database = База даних
admin-database-ok = гаразд (схема { $version })
admin-database-waiting = відкривається…
admin-languages = Мови
admin-default-language = Мова на початку
admin-modules = Частини
admin-idle = Видаляти після тиші
admin-idle-value = попередження через { $warn } с, видалення через { $wipe } с
admin-lesson-idle = Видаляти під час уроку
admin-server = Сервер
admin-server-none = немає (цей комп'ютер працює сам)
admin-pins = Коди
admin-pins-value = адміністратор: є · волонтер: { $volunteer }
admin-pin-set = є
admin-pin-unset = немає
admin-config = Налаштування з
admin-exit = Закрити кіоск
admin-exit-confirm = Ви справді хочете закрити кіоск?
admin-exit-yes = Так, закрити
admin-exit-no = Ні

module-help = Попросити допомоги

store-problem = Цей комп'ютер не може нічого зберегти. Скажіть волонтеру.

admin-sync-title = Сервер
admin-sync-not-paired = Не з'єднано: цей комп'ютер працює сам.
admin-sync-online = З'єднано з сервером.
admin-sync-offline = Немає зв'язку з сервером. Пробуємо ще раз.
admin-sync-revoked = Сервер не приймає цей комп'ютер. З'єднайте його знову з новим кодом.
admin-sync-behind = Тривога: сервер втратив дані, які вже мав. Синхронізацію зупинено. Зателефонуйте адміністратору сервера.
admin-sync-paired-as = З'єднано як { $name } (місце { $site }), { $url }
admin-sync-pending = Чекає на відправлення: { $count }
admin-sync-dead = Відхилено сервером: { $count }
admin-sync-last-success = Останній успіх: { $seconds } секунд тому
admin-sync-never = Ще жодного разу не вдалося
admin-sync-last-error = Остання помилка: { $error }
admin-pair-url = Адреса сервера
admin-pair-code = Код з'єднання
admin-pair-button = З'єднати
admin-pair-again = З'єднати знову
admin-pair-busy = З'єднуємо…
admin-pair-ok = З'єднано як { $name }.
admin-pair-wrong-code = Цей код з'єднання неправильний, вже використаний або застарілий. Зробіть новий код на сервері.
admin-pair-unreachable = Сервер не відповідає. Перевірте адресу та з'єднання з інтернетом.
admin-pair-bad-address = Це не вебадреса. Вебадреса починається з https:// .
admin-pair-failed = З'єднання не вдалося: { $error }
volunteer-help-at = біля { $kiosk }

## Lessons
tile-lessons = Вчитися
module-lessons = Уроки
lessons-title = Вчимося працювати з комп'ютером
lessons-hint = Виберіть урок. Ви завжди можете зупинитися і продовжити пізніше.
lessons-loading = Уроки завантажуються…
lessons-none = Цією мовою ще немає уроків.
lessons-all-topics = Усі
lessons-have-code = У мене є код
lessons-minutes = { $minutes } хвилин
topic-government = Держава та itsme
topic-email = Електронна пошта
topic-safety = Безпека в інтернеті
topic-money = Банк і покупки
topic-smartphone = Смартфон
topic-calling = Відеодзвінки
topic-work = Пошук роботи
lesson-step-of = Крок { $step } з { $total }
lesson-next = Далі
lesson-back = Попередній
lesson-read-aloud = Слухати
lesson-later = Продовжити пізніше
lesson-tip = Порада
lesson-guided = Ви ведете цей урок.
lesson-other-language = Цього уроку немає вашою мовою. Ви читаєте його мовою: { $language }.
lesson-done-title = Молодець!
lesson-done-text = Ви пройшли весь урок «{ $title }».
lesson-another = Інший урок
lesson-take-home = На телефоні
lesson-initiation = Вступ проведено
lesson-initiation-done = Вступ записано: { $topic }
lesson-saved-title = Продовжити пізніше
lesson-saved-text = Запишіть цей код або сфотографуйте його. Пізніше введіть код на комп'ютері Digidak: тут або в іншому громадському центрі.
lesson-saved-expires = Код діє { $days } днів. У ньому немає нічого особистого.
lesson-saved-qr = Або відскануйте це телефоном, щоб читати далі.
lesson-saving = Робимо код…
lesson-save-failed = Не вдалося зробити код. Попросіть волонтера про допомогу.
lesson-back-to-lesson = Назад до уроку
resume-title = Продовжити урок
resume-explain = Введіть 10-значний код, який ви отримали.
resume-ok = Продовжити
resume-looking = Шукаємо…
resume-invalid = Код має 10 цифр. Перевірте ще раз.
resume-not-found = Ми не знаємо цього коду, або він застарий. Перевірте цифри або почніть урок знову.
resume-offline = Цей комп'ютер зараз не має зв'язку з сервером. Зараз працюють тільки коди з цього комп'ютера. Спробуйте пізніше.
resume-missing-lesson = Цього уроку немає на цьому комп'ютері. Попросіть волонтера про допомогу.
takehome-title = Взяти урок додому
takehome-text = Відкрийте камеру телефону і наведіть її на код. Урок відкриється на вашому телефоні.
takehome-no-server = Цей комп'ютер не з'єднаний із сервером. Запитайте волонтера.
qr-label = QR-код
practice-try-again = Спробуйте ще раз.
practice-from = Від
practice-email-label = Адреса електронної пошти
practice-email-check = Перевірити
practice-email-right = Правильно!
practice-email-empty = Поле ще порожнє. Введіть адресу.
practice-email-space = Тут є пробіл. В адресі електронної пошти немає пробілів.
practice-email-comma = Тут є кома (,). Використайте крапку (.).
practice-email-no-at = Немає знака @.
practice-email-two-ats = Тут два знаки @. В адресі тільки один @.
practice-email-no-name = Перед @ має бути ім'я.
practice-email-no-dot = Після @ має бути крапка, як у voorbeeld.be.
practice-email-name-differs = Майже! Уважно подивіться на частину перед @, літеру за літерою.
practice-email-domain-differs = Майже! Уважно подивіться на частину після @, літеру за літерою.
practice-itsme-title = itsme (вправа)
practice-itsme-confirm-button = Підтвердити
practice-itsme-reject-button = Відхилити
practice-itsme-confirm = Правильна відповідь: підтвердити.
practice-itsme-reject = Правильна відповідь: відхилити.
volunteer-give-lesson = Провести урок
volunteer-give-lesson-explain = Виберіть урок і пройдіть його разом. Наприкінці торкніться «Вступ проведено».
admin-lessons = Уроки
admin-lessons-loaded = Уроків: { $count }, з { $origin }
admin-lessons-problems = Не завантажено: { $count }
admin-lessons-month = Уроки на цьому комп'ютері
admin-lessons-counts = { $month }: відкрито { $opened }, завершено { $finished }
admin-lessons-initiations = Вступи: { $list }
admin-lessons-none = ще немає

## Phone pages
page-languages = Мови
page-footer = Digidak: разом вчимося працювати з комп'ютером у вашому районі. Ця сторінка нічого про вас не зберігає.
page-lessons-title = Уроки
page-all-lessons = Усі уроки
page-not-found-title = Не знайдено
page-not-found-text = Цієї сторінки немає (більше). Перевірте адресу.
page-continue-at = Продовжити з кроку { $step }
page-show-answer = Показати відповідь

## Activities
tile-activities = Заходи
module-activities = Заходи
activities-title = Що ми робимо разом?
activities-have-code = У мене є код
activities-none = Зараз немає запланованих заходів.
activities-next = Найближче
activities-places-left = { $count ->
    [one] Залишилося { $count } місце
    [few] Залишилося { $count } місця
    [many] Залишилося { $count } місць
   *[other] Залишилося { $count } місця
}
activities-full = Місць немає: ви потрапите в список очікування
activities-i-come = Я прийду
signup-name = Ваше ім'я
signup-phone = Ваш номер телефону (не обов'язково)
signup-phone-why = Для нагадування або якщо щось зміниться. Його бачать тільки волонтери.
signup-party = Скільки людей?
signup-party-less = Менше
signup-party-more = Більше
signup-submit = Записатися
signup-for = { $count ->
    [one] Для { $name }, { $count } людина
    [few] Для { $name }, { $count } людини
    [many] Для { $name }, { $count } людей
   *[other] Для { $name }, { $count } людини
}
signup-confirmed = Ви записані. До зустрічі!
signup-pending = Ще не підтверджено. Цей комп'ютер не має зв'язку. Введіть свій код пізніше на комп'ютері Digidak або подивіться в телефоні: там видно, чи є у вас місце.
signup-waitlisted = Ви в списку очікування. Коли звільниться місце, ви просунетеся вперед.
signup-waitlisted-at = Ви в списку очікування: місце { $position }. Коли звільниться місце, ви просунетеся вперед.
signup-cancelled = Цей запис скасовано.
signup-code-explain = Це ваш код. Запишіть його або сфотографуйте. З кодом ви побачите, чи є у вас місце, або скасуєте запис.
signup-code-title = Ваш код запису
signup-code-ok = Подивитися
signup-code-invalid = Код має 8 цифр. Перевірте ще раз.
signup-code-unknown = Ми тут не знаємо цього коду. Перевірте цифри або запитайте волонтера.
signup-cancel = Скасувати моє місце
signup-problem-no-name = Введіть своє ім'я.
signup-problem-name-long = Ваше ім'я задовге. Введіть тільки ім'я.
signup-problem-phone = Цей номер телефону неправильний. Введіть тільки цифри або залиште порожнім.
signup-problem-party = Стільки людей не можна на цей захід.
signup-problem-closed = Запис закрито. Запитайте волонтера.
signup-problem-deleted = Цей захід не відбудеться.
page-signup-title = Ваш запис
page-signup-code = Код
page-signup-cancel-ask = Не можете прийти? Тоді скасуйте своє місце. Так його отримає хтось зі списку очікування.
page-signup-cancel-sure = Ви справді хочете скасувати?
page-signup-cancel-yes = Так, скасувати моє місце
page-signup-cancel-no = Ні, я все-таки прийду
page-signup-cancelled-now = Ваше місце скасовано. Дякуємо, що повідомили.
volunteer-checkin = Присутність
checkin-title = Хто тут?
checkin-count = Тут { $here } з { $expected } людей.
checkin-code = Код
checkin-code-ok = Відмітити
checkin-code-done = Відмічено.
checkin-code-unknown = На цей захід немає запису з цим кодом.
checkin-row = { $count } ос. · { $state }
checkin-state-confirmed = записаний
checkin-state-pending = ще не підтверджено
checkin-state-waitlisted = список очікування
checkin-state-cancelled = скасовано
checkin-here = Тут
checkin-button = { $name } тут
checkin-walk-in = Хтось біля дверей без запису
checkin-walk-in-add = Додати
activity-admin-open = Заходи
activity-admin-title = Керувати заходами
activity-admin-new = Новий захід
activity-admin-edit = Змінити: { $title } ({ $date })
activity-admin-export = Список (CSV): { $title } ({ $date })
activity-admin-delete = Не відбудеться: { $title } ({ $date })
activity-admin-saved = Збережено заходів: { $count }. Інші комп'ютери отримають їх через сервер.
activity-admin-exported = Список тут: { $path }
activity-form-title = Назва
activity-form-description = Пояснення (не обов'язково)
activity-form-place = Місце
activity-form-date = Дата (рррр-мм-дд)
activity-form-start = Початок (гг:хх)
activity-form-end = Кінець (гг:хх)
activity-form-capacity = Кількість місць
activity-form-max-party = Найбільше стільки людей в одному записі
activity-form-block = Місця, які кожен комп'ютер може дати без зв'язку
activity-form-close-hours = Запис закривається за стільки годин до початку
activity-form-months = Повторювати щомісяця, стільки місяців
activity-form-help = Повтори припадають на той самий день місяця: якщо дата — друга середа, то кожна друга середа.
activity-form-problem = Перевірте «{ $field }»: очікується { $expected }.
activity-form-save = Зберегти
activity-form-close = Закрити без збереження

activities-spoken = Ми говоримо: { $list }
signup-party-over = Залишилося місць: { $count }. З більшою кількістю людей ви потрапите в список очікування.
activity-form-languages = Мови, якими ми говоримо (коди: nl, fr, ar, ...)
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
tile-board = Прошу і пропоную
module-board = Прошу і пропоную
board-title = Прошу і пропоную
board-new = Попросити або запропонувати щось
board-have-code = У мене є код
board-all = Усі
board-asks = Прохання
board-offers = Пропозиції
board-search = Пошук
board-search-hint = Шукайте слово або номер
board-count = { $count ->
    [one] { $count } оголошення
    [few] { $count } оголошення
    [many] { $count } оголошень
   *[other] { $count } оголошення
}
board-empty = Дошка ще порожня. Будьте першими: попросіть або запропонуйте щось!
board-none-found = Нічого не знайдено. Спробуйте інше слово або виберіть "Усі".
board-kind-ask = Прохання
board-kind-offer = Пропозиція
board-cat-paperwork = Документи і листи
board-cat-computer = Комп'ютер і телефон
board-cat-odd-jobs = Дрібна робота
board-cat-shopping = Покупки і справи
board-cat-transport = Транспорт
board-cat-language = Практика мови
board-cat-cooking = Кулінарія і їжа
board-cat-children = Діти
board-cat-lending = Позичити речі
board-cat-company = Компанія і розмова
board-number = Номер { $number }
board-post-gone = Цього оголошення вже немає на дошці.
board-can-help = Я можу допомогти
board-interested = Мене цікавить
board-report = Поскаржитися
board-replied = Надіслано! Людина прочитає ваше повідомлення зі своїм кодом.
board-reported = Дякуємо. Оголошення зникло, поки волонтер його не перегляне.
board-reply-to = Відповідь на: { $title }
board-reply-message = Ваше повідомлення
board-reply-hint = Наприклад: Я можу допомогти вам у вівторок.
board-reply-contact = Як людина може з вами зв'язатися? (не обов'язково)
board-reply-contact-why = Це бачить тільки людина з кодом. Залиште порожнім, і волонтер передасть ваше повідомлення.
board-reply-send = Надіслати
board-report-title = Поскаржитися на це оголошення?
board-report-explain = Воно зникне з дошки, поки волонтер його не перегляне.
board-report-yes = Так, поскаржитися
board-report-no = Ні, назад
board-step = Крок { $n } з 4
board-new-kind = Що ви хочете зробити?
board-i-ask = Мені щось потрібно
board-i-offer = Я можу щось запропонувати
board-new-category = Про що це?
board-new-words = Скажіть коротко
board-title-ask = Що вам потрібно? (коротко)
board-title-offer = Що ви пропонуєте? (коротко)
board-text = Докладніше (не обов'язково)
board-no-contact = Не пишіть номер телефону чи адресу. Люди відповідають через комп'ютер Digidak.
board-languages = Якими мовами ви говорите?
board-publish = Опублікувати
board-posted = Збережіть свій код
board-posted-explain = Спочатку волонтер прочитає ваше оголошення. З кодом ви побачите, чи воно на дошці, і прочитаєте відповіді.
board-posted-keep = Запишіть код або відскануйте QR-код телефоном.
board-to-board = До дошки
board-code-title = Введіть код свого оголошення
board-code-ok = Показати
board-code-invalid = Код має 12 цифр.
board-code-unknown = Ми не знаємо цього коду. Перевірте цифри.
board-status-waiting = Чекає на волонтера.
board-status-public = На дошці до { $date }.
board-status-expired = Вже не на дошці: час минув.
board-status-rejected = Не опубліковано: { $reason }
board-status-reported = Поки що знято: волонтер переглядає.
board-status-closed = Завершено.
board-still-needed = Ще потрібно?
board-renew = Так, ще потрібно
board-replies = Відповіді
board-no-replies = Ще немає відповідей.
board-replies-wiped-on = Ці відповіді буде видалено { $date }. Запишіть те, що вам потрібно.
board-replies-wiped = Відповіді видалено: це оголошення завершилося понад 30 днів тому.
board-reach = Зв'язатися: { $contact }
board-helped = Це допомогло
board-remove = Зняти
board-mine-qr = Подивіться це також на телефоні.
board-problem-kind = Спочатку виберіть: прохання чи пропозиція.
board-problem-category = Спочатку виберіть, про що це.
board-problem-title = Коротко напишіть, що вам потрібно або що ви пропонуєте.
board-problem-message = Напишіть коротке повідомлення.
board-problem-reason = Напишіть чому (людина це прочитає).
board-problem-language = Ми не знаємо цієї мови.
volunteer-moderate = Перевірити дошку ({ $count })
moderate-title = Перевірити дошку
moderate-none = Нічого не чекає. Молодці!
moderate-count = { $count ->
    [one] Чекає { $count } оголошення
    [few] Чекають { $count } оголошення
    [many] Чекають { $count } оголошень
   *[other] Чекають { $count } оголошення
}
moderate-reported = { $count ->
    [one] скарг: { $count }
   *[other] скарг: { $count }
}
moderate-approve = Схвалити
moderate-edit = Змінити
moderate-reject = Відхилити
moderate-edit-title = Назва
moderate-edit-text = Докладніше
moderate-save-approve = Зберегти і схвалити
moderate-cancel = Скасувати
moderate-reason = Чому? (людина це прочитає)
moderate-reason-why = Виберіть причину або напишіть її.
moderate-reason-contact = Тут є особисті дані.
moderate-reason-money = Це про гроші або продаж.
moderate-reason-rude = Це неввічливо.
moderate-reject-confirm = Відхилити
admin-print-board = Надрукувати дошку (PDF)
admin-print-board-new = Тільки нові оголошення цього тижня (PDF)
admin-printed = Збережено: { $path }
paper-heading = Прошу і пропоную
paper-week = { $site } · { $date }
paper-week-new = { $site } · нове цього тижня · { $date }
paper-howto = Хочете відповісти? Відірвіть смужку. Введіть номер у "Пошук" на дошці будь-якого комп'ютера Digidak або запитайте волонтера.
paper-empty = Дошка ще порожня.
paper-empty-new = Цього тижня на дошці нічого нового.
paper-languages = Мови
page-post-code = Код
page-post-renewed = Оновлено: ваше оголошення залишиться довше.
page-post-helped = Раді, що це допомогло! Ваше оголошення завершено.
page-post-removed = Ваше оголошення знято.
numbers-board-posts = Прошу і пропоную: оголошення
numbers-board-replies = Прошу і пропоную: відповіді
numbers-board-matches = Прошу і пропоную: "це допомогло"
board-spoken = Говорить: { $list }

# On-screen keyboard
keyboard-name = Клавіатура
keyboard-erase = Видалити
keyboard-upper = Велика літера
keyboard-lower = Малі літери
keyboard-accents = Інші літери
keyboard-letters = Звичайні літери
keyboard-space = пробіл
keyboard-hide = Сховати клавіатуру

## Lessons: sources, review, itsme practice (issue 22)
lesson-review-title = Уроки для перевірки
lesson-review-explain = Ці уроки не перевіряли понад рік. Попросіть адміністратора перевірити їх за джерелами.
lesson-review-item = { $title } — перевірено { $date }
practice-itsme-who = Хто: { $who }
practice-itsme-what = Що: { $what }
practice-itsme-wrong-caller = Ні: про це просить хтось по телефону, тому ви ніколи не підтверджуєте.
practice-itsme-wrong-not-started = Ні: ви не починали цього самі.
practice-itsme-wrong-other = Ні: застосунок показує не те, що ви хотіли зробити.
practice-itsme-wrong-good = Це було правильно: ви почали це самі, і хто та що правильні.

# Phone links of sign-ups and posts (issue 14: codes nobody can guess or share)
page-code-not-found = Це посилання не працює (більше). Ваш код ще працює на комп'ютерах у залі: введіть його там.
page-phone-guard-title = Не вийшло
page-phone-guard-wait = Забагато спроб звідси. Зачекайте кілька хвилин і спробуйте знову.
page-phone-guard-other-site = Ця кнопка працює тільки на вашій власній сторінці. Знову відкрийте посилання свого коду і торкніться там.

# Confirmations and goodbye
board-remove-sure = Ви справді хочете зняти своє оголошення? Ніхто більше не зможе його прочитати чи відповісти.
board-remove-yes = Так, зняти
board-remove-no = Ні, залишити
goodbye-title = Усе видалено
goodbye-explain = На цьому комп'ютері не залишилося нічого вашого. До побачення!

# Board filters on a low screen
board-filters-show = Виберіть, що бачити
board-filters-hide = Вибір зроблено
board-filters-chosen = Виберіть, що бачити (вибрано: { $count })

# Languages and voices (issue 20): "Other language" when the bar is full; read aloud without a voice
language-choose = Інша мова
read-aloud-no-voice = Немає голосу
lessons-other-languages = Інші уроки, іншою мовою:

# Seats, versions, phone-page codes (merged issues 15, 18, 19)
activities-places-mine = { $count ->
    [one] На цьому комп'ютері ще є { $count } місце для вас (немає зв'язку: ще не остаточно)
    [few] На цьому комп'ютері ще є { $count } місця для вас (немає зв'язку: ще не остаточно)
    [many] На цьому комп'ютері ще є { $count } місць для вас (немає зв'язку: ще не остаточно)
   *[other] На цьому комп'ютері ще є { $count } місця для вас (немає зв'язку: ще не остаточно)
}
activities-places-offline = { $count ->
    [one] Мабуть, залишилося { $count } місце (немає зв'язку: ще не підтверджено)
    [few] Мабуть, залишилося { $count } місця (немає зв'язку: ще не підтверджено)
    [many] Мабуть, залишилося { $count } місць (немає зв'язку: ще не підтверджено)
   *[other] Мабуть, залишилося { $count } місця (немає зв'язку: ще не підтверджено)
}
activities-full-offline = Мабуть, місць немає (немає зв'язку: ще не точно)
signup-confirmed-provisional = У вас є місце, але ще не остаточно: цей комп'ютер повідомляє серверу. Пізніше введіть свій код на комп'ютері Digidak або подивіться в телефоні: там видно, чи все підтверджено.
admin-sync-kept-changes = Цей комп'ютер отримав від новішого сервера { $count } змін(и), яких він ще не знає ({ $list }). Їх збережено: оновіть Digidak на цьому комп'ютері, і їх буде застосовано.
admin-sync-update = Для цього комп'ютера радимо новішу версію Digidak: { $recommended } (на цьому комп'ютері { $version }). Попросіть того, хто доглядає комп'ютери, оновити його.
page-code-type = Введіть свій код
page-code-type-help = Код уроку («Продовжити пізніше») відкриває урок тут.
page-code-open = Відкрити
page-code-at-kiosk = Цей код працює на комп'ютерах у залі: торкніться там «У мене є код». На телефоні вашу сторінку відкриває QR-код на вашому папірці.
page-code-unknown = Ми не знаємо цього коду, або він застарий. Перевірте цифри.
page-post-helped-sure = Дошка вам допомогла? Тоді ваше оголошення зникне, і ми зарахуємо, що воно допомогло.
page-post-helped-yes = Так, допомогло
# Local partners (issue 21): "Wie kan helpen", opening hours, the partner's badge
tile-partners = Хто може допомогти
partners-title = Хто може допомогти?
partners-explain = Організації поруч, які теж можуть допомогти, за темою.
partners-none = Організацій ще не додано. Запитайте волонтера.
partners-open-now = Зараз відчинено, до { $until }
partners-opens-today = Сьогодні відчинено з { $at }
partners-opens-tomorrow = Завтра з { $at }
partners-opens-on = { $day } з { $at }
partners-no-hours = Години роботи: запитайте волонтера
partners-hours = Години роботи
partners-address = Адреса
partners-contact = Контакт
partners-badge = Партнер
signal-kind-loneliness = Самотність
signal-kind-debt = Борги або листи
signal-kind-housing = Житло
signal-kind-health = Здоров'я
signal-kind-other = Щось інше
volunteer-signal = Передати сигнал
signal-partner-title = Кому ви передаєте сигнал?
signal-kind-title = Про що йдеться?
signal-note-title = Напишіть коротку нотатку
signal-note-label = Нотатка (ім'я не потрібне)
signal-next = Далі
signal-consent-title = Чи може { $partner } вам зателефонувати?
signal-consent-explain = { $partner } отримає лише цю нотатку і ваш номер телефону, нічого більше. Ви можете сказати ні.
signal-consent-yes = Так, можна
signal-consent-no = Ні, краще не треба
signal-phone-title = За яким номером { $partner } може вам зателефонувати?
signal-phone-label = Номер телефону
signal-send = Надіслати
signal-sent = Сигнал передано до { $partner }.
signal-not-sent = Нічого не передано.
signal-failed = Не вдалося. Спробуйте ще раз або зверніться до адміністратора.
signal-no-partners = У цього місця ще немає партнерів.
strengths-title = Що вміє наш район
strengths-explain = Що сусіди пропонують зараз, за темою, і організації, які допомагають.
strengths-offers = { $count ->
    [one] { $count } пропозиція
    [few] { $count } пропозиції
   *[other] { $count } пропозицій
}
strengths-partners = { $count ->
    [one] { $count } партнер
    [few] { $count } партнери
   *[other] { $count } партнерів
}
board-partner-also = { $partner } теж може допомогти
board-partner-send = Надіслати моє питання також до { $partner }
partners-on-board = На дошці
# Partners' logos on the kiosk (issue 21): a partner card's picture, for screen readers
partners-logo = Логотип: { $partner }
partners-pictogram = Піктограма: { $partner }
