# Digidak kiosk — العربية. جمل قصيرة وكلمات سهلة (B1 أو أسهل).
# The admin web (sections "Admin web" and "Admin login and HTTP edge") stays in nl/fr/en.
language-name = العربية

nav-home = البداية
nav-back = رجوع
nav-done = انتهيت
staff-open = المتطوعون

home-welcome = أهلا بك! ماذا تريد أن تفعل؟
home-hint = اضغط على زر كبير.

tile-help = أحتاج مساعدة

help-title = سيأتي إليك متطوع
help-explain = اضغط على الزر الأخضر. سيرى متطوع أنك تريد مساعدة.
help-name-label = اسمك الأول (إذا أردت)
help-call = نادِ متطوعا
help-sent-title = المتطوع يعرف الآن
help-sent-explain = ابقَ هنا. سيأتي شخص قريبا.
help-failed = لم ينجح ذلك. اسأل شخصا في القاعة.

idle-title = هل ما زلت هنا؟
idle-countdown = بعد { $seconds } ثانية نمسح كل شيء. بعدها يمكن للشخص التالي أن يبدأ بأمان.
idle-stay = نعم، ما زلت هنا

pin-title = رمز المتطوعين
pin-explain = للمتطوعين والمنسق فقط.
pin-ok = موافق
pin-erase = امسح
pin-cancel = توقف
pin-wrong = الرمز خطأ. حاول مرة أخرى.
pin-locked = رموز خاطئة كثيرة. انتظر { $seconds } ثانية.
pin-checking = جارٍ التحقق…
pin-no-volunteer = هذا الحاسوب ليس له رمز للمتطوعين.

staff-leave = أغلق

volunteer-title = متطوع
volunteer-pause = لا تمسح تلقائيا
volunteer-pause-explain = استعمل هذا عندما تساعد شخصا. أوقفه بعد ذلك.
volunteer-resume = امسح تلقائيا من جديد
volunteer-paused-banner = متطوع يساعد الآن: المسح التلقائي متوقف.
volunteer-help-title = من يريد مساعدة؟
volunteer-help-none = لا أحد ينتظر المساعدة.
volunteer-help-noname = (بدون اسم)
volunteer-help-item = { $name } — ينتظر منذ { $minutes } دقيقة
volunteer-help-done = تمت المساعدة

admin-title = المسؤول
admin-kiosk = الحاسوب
admin-site = المكان
admin-version = الإصدار
admin-data-folder = مجلد البيانات
admin-database = قاعدة البيانات
admin-database-ok = جيدة (المخطط { $version })
admin-database-waiting = جارٍ الفتح…
admin-languages = اللغات
admin-default-language = لغة البداية
admin-modules = الأقسام
admin-idle = المسح بعد وقت بدون استعمال
admin-idle-value = تنبيه بعد { $warn } ث، مسح بعد { $wipe } ث
admin-lesson-idle = المسح داخل الدرس
admin-server = الخادم
admin-server-none = لا يوجد (هذا الحاسوب يعمل وحده)
admin-pins = الرموز
admin-pins-value = المسؤول: موجود · المتطوع: { $volunteer }
admin-pin-set = موجود
admin-pin-unset = غير موجود
admin-config = الإعدادات من
admin-exit = أغلق الكشك
admin-exit-confirm = هل تريد حقا إغلاق الكشك؟
admin-exit-yes = نعم، أغلق
admin-exit-no = لا

module-help = اطلب مساعدة

store-problem = هذا الحاسوب لا يستطيع حفظ أي شيء. أخبر متطوعا.

admin-sync-title = الخادم
admin-sync-not-paired = غير مربوط: هذا الحاسوب يعمل وحده.
admin-sync-online = متصل بالخادم.
admin-sync-offline = لا اتصال بالخادم. نحاول من جديد.
admin-sync-revoked = الخادم يرفض هذا الحاسوب. اربطه من جديد برمز جديد.
admin-sync-behind = إنذار: الخادم فقد بيانات كانت عنده. المزامنة متوقفة. اتصل بمسؤول الخادم.
admin-sync-paired-as = مربوط باسم { $name } (المكان { $site })، { $url }
admin-sync-pending = ينتظر الإرسال: { $count }
admin-sync-dead = رفضها الخادم: { $count }
admin-sync-last-success = آخر نجاح: قبل { $seconds } ثانية
admin-sync-never = لم ينجح بعد
admin-sync-last-error = آخر خطأ: { $error }
admin-pair-url = عنوان الخادم
admin-pair-code = رمز الربط
admin-pair-button = اربط
admin-pair-again = اربط من جديد
admin-pair-busy = جارٍ الربط…
admin-pair-ok = مربوط باسم { $name }.
admin-pair-wrong-code = رمز الربط هذا خطأ أو مستعمل أو منتهي. اصنع رمزا جديدا على الخادم.
admin-pair-unreachable = الخادم لا يجيب. تحقق من العنوان والاتصال بالإنترنت.
admin-pair-bad-address = هذا ليس عنوان موقع. عنوان الموقع يبدأ بـ https:// .
admin-pair-failed = لم ينجح الربط: { $error }
volunteer-help-at = عند { $kiosk }

## Lessons
tile-lessons = تعلّم
module-lessons = الدروس
lessons-title = تعلّم الحاسوب
lessons-hint = اختر درسا. يمكنك دائما أن تتوقف وتكمل لاحقا.
lessons-loading = الدروس قيد التحميل…
lessons-none = لا توجد دروس بهذه اللغة بعد.
lessons-all-topics = الكل
lessons-have-code = عندي رمز
lessons-minutes = { $minutes } دقيقة
topic-government = الإدارة و itsme
topic-email = البريد الإلكتروني
topic-safety = الأمان على الإنترنت
topic-money = البنك والتسوق
topic-smartphone = الهاتف الذكي
topic-calling = مكالمات الفيديو
topic-work = البحث عن عمل
lesson-step-of = الخطوة { $step } من { $total }
lesson-next = التالي
lesson-back = السابق
lesson-read-aloud = اقرأ بصوت عالٍ
lesson-later = أكمل لاحقا
lesson-tip = نصيحة
lesson-guided = أنت تقود هذا الدرس.
lesson-other-language = هذا الدرس غير موجود بلغتك. أنت تقرؤه بلغة: { $language }.
lesson-done-title = أحسنت!
lesson-done-text = أكملت كل الدرس «{ $title }».
lesson-another = درس آخر
lesson-take-home = على هاتفك
lesson-initiation = تم التعريف
lesson-initiation-done = تم تسجيل التعريف: { $topic }
lesson-saved-title = أكمل لاحقا
lesson-saved-text = اكتب هذا الرمز أو صوّره. لاحقا، اكتب الرمز على حاسوب Digidak: هنا أو في مركز حي آخر.
lesson-saved-expires = الرمز يعمل { $days } يوما. لا يوجد فيه شيء شخصي.
lesson-saved-qr = أو امسح هذا بهاتفك لتكمل القراءة.
lesson-saving = جارٍ صنع الرمز…
lesson-save-failed = لم نستطع صنع الرمز. اطلب المساعدة من متطوع.
lesson-back-to-lesson = رجوع إلى الدرس
resume-title = أكمل درسا
resume-explain = اكتب الرمز المكون من 10 أرقام الذي أخذته.
resume-ok = أكمل
resume-looking = جارٍ البحث…
resume-invalid = الرمز فيه 10 أرقام. انظر مرة أخرى.
resume-not-found = لا نعرف هذا الرمز، أو هو قديم جدا. تحقق من الأرقام، أو ابدأ الدرس من جديد.
resume-offline = هذا الحاسوب لا يصل إلى الخادم الآن. الآن تعمل فقط رموز هذا الحاسوب. حاول لاحقا.
resume-missing-lesson = هذا الدرس غير موجود على هذا الحاسوب. اطلب المساعدة من متطوع.
takehome-title = خذ الدرس إلى البيت
takehome-text = افتح كاميرا هاتفك ووجّهها إلى الرمز. يفتح الدرس على هاتفك.
takehome-no-server = هذا الحاسوب غير متصل بخادم. اسأل متطوعا.
qr-label = رمز QR
practice-try-again = حاول مرة أخرى.
practice-from = من
practice-email-label = عنوان البريد الإلكتروني
practice-email-check = تحقق
practice-email-right = صحيح!
practice-email-empty = الخانة ما زالت فارغة. اكتب العنوان.
practice-email-space = فيه مسافة. عنوان البريد الإلكتروني ليس فيه مسافات.
practice-email-comma = فيه فاصلة (,). استعمل نقطة (.).
practice-email-no-at = علامة @ ناقصة.
practice-email-two-ats = فيه علامتا @. العنوان فيه @ واحدة فقط.
practice-email-no-name = يجب أن يكون هناك اسم قبل @.
practice-email-no-dot = بعد @ يجب أن تكون نقطة، مثل voorbeeld.be.
practice-email-name-differs = تقريبا! انظر جيدا إلى الجزء قبل @، حرفا حرفا.
practice-email-domain-differs = تقريبا! انظر جيدا إلى الجزء بعد @، حرفا حرفا.
practice-itsme-title = itsme (تمرين)
practice-itsme-confirm-button = أكّد
practice-itsme-reject-button = ارفض
practice-itsme-confirm = الجواب الصحيح: أكّد.
practice-itsme-reject = الجواب الصحيح: ارفض.
volunteer-give-lesson = قدّم درسا
volunteer-give-lesson-explain = اختر درسا وقوما به معا. في النهاية، اضغط على «تم التعريف».
admin-lessons = الدروس
admin-lessons-loaded = الدروس: { $count }، من { $origin }
admin-lessons-problems = لم تُحمَّل: { $count }
admin-lessons-month = الدروس على هذا الحاسوب
admin-lessons-counts = { $month }: فُتح { $opened }، انتهى { $finished }
admin-lessons-initiations = التعريفات: { $list }
admin-lessons-none = لا شيء بعد

## Phone pages
page-languages = اللغات
page-footer = Digidak: نتعلم الحاسوب معا في حيّك. هذه الصفحة لا تحفظ أي شيء عنك.
page-lessons-title = الدروس
page-all-lessons = كل الدروس
page-not-found-title = غير موجود
page-not-found-text = هذه الصفحة غير موجودة (لم تعد موجودة). تحقق من العنوان.
page-continue-at = أكمل من الخطوة { $step }
page-show-answer = أظهر الجواب

## Activities
tile-activities = الأنشطة
module-activities = الأنشطة
activities-title = ماذا نفعل معا؟
activities-have-code = عندي رمز
activities-none = لا توجد أنشطة مخططة الآن.
activities-next = القادم
activities-places-left = { $count ->
    [zero] لم يبق أي مكان
    [one] بقي مكان واحد
    [two] بقي مكانان
    [few] بقيت { $count } أماكن
   *[other] بقي { $count } مكانا
}
activities-full = ممتلئ: ستدخل قائمة الانتظار
activities-i-come = سأحضر
signup-name = اسمك الأول
signup-phone = رقم هاتفك (غير ضروري)
signup-phone-why = للتذكير، أو إذا تغير شيء. المتطوعون فقط يرونه.
signup-party = كم شخصا؟
signup-party-less = أقل
signup-party-more = أكثر
signup-submit = سجّل
signup-for = { $count ->
    [one] لـ { $name }، شخص واحد
    [two] لـ { $name }، شخصان
    [few] لـ { $name }، { $count } أشخاص
   *[other] لـ { $name }، { $count } شخصا
}
signup-confirmed = أنت مسجل. نراك هناك!
signup-pending = لم يتأكد بعد. هذا الحاسوب ليس له اتصال. اكتب رمزك لاحقا على حاسوب Digidak أو انظر في هاتفك: هناك ترى هل لك مكان.
signup-waitlisted = أنت في قائمة الانتظار. عندما يصبح مكان فارغا، تتقدم.
signup-waitlisted-at = أنت في قائمة الانتظار: المكان { $position }. عندما يصبح مكان فارغا، تتقدم.
signup-cancelled = هذا التسجيل ملغى.
signup-code-explain = هذا رمزك. اكتبه أو صوّره. بالرمز ترى هل لك مكان، أو تلغي.
signup-code-title = رمز تسجيلك
signup-code-ok = انظر
signup-code-invalid = الرمز فيه 8 أرقام. انظر مرة أخرى.
signup-code-unknown = لا نعرف هذا الرمز هنا. تحقق من الأرقام، أو اسأل متطوعا.
signup-cancel = ألغِ مكاني
signup-problem-no-name = اكتب اسمك الأول.
signup-problem-name-long = اسمك الأول طويل جدا. اكتب اسمك الأول فقط.
signup-problem-phone = رقم الهاتف هذا غير صحيح. اكتب أرقاما فقط، أو اتركه فارغا.
signup-problem-party = هذا العدد من الأشخاص غير ممكن لهذا النشاط.
signup-problem-closed = التسجيل مغلق. اسأل متطوعا.
signup-problem-deleted = هذا النشاط لن يحدث.
page-signup-title = تسجيلك
page-signup-code = الرمز
page-signup-cancel-ask = لا تستطيع الحضور؟ إذن ألغِ مكانك. هكذا يأخذه شخص من قائمة الانتظار.
page-signup-cancel-sure = هل تريد حقا أن تلغي؟
page-signup-cancel-yes = نعم، ألغِ مكاني
page-signup-cancel-no = لا، سأحضر
page-signup-cancelled-now = تم إلغاء مكانك. شكرا لأنك أخبرتنا.
volunteer-checkin = الحضور
checkin-title = من هنا؟
checkin-count = حاضر { $here } من { $expected } أشخاص.
checkin-code = الرمز
checkin-code-ok = سجّل الحضور
checkin-code-done = تم تسجيل الحضور.
checkin-code-unknown = لا يوجد تسجيل بهذا الرمز لهذا النشاط.
checkin-row = { $count } أشخاص · { $state }
checkin-state-confirmed = مسجل
checkin-state-pending = لم يتأكد بعد
checkin-state-waitlisted = قائمة الانتظار
checkin-state-cancelled = ملغى
checkin-here = حاضر
checkin-button = { $name } حاضر
checkin-walk-in = شخص عند الباب بدون تسجيل
checkin-walk-in-add = أضف
activity-admin-open = الأنشطة
activity-admin-title = إدارة الأنشطة
activity-admin-new = نشاط جديد
activity-admin-edit = غيّر: { $title } ({ $date })
activity-admin-export = القائمة (CSV): { $title } ({ $date })
activity-admin-delete = لن يحدث: { $title } ({ $date })
activity-admin-saved = تم الحفظ: الأنشطة: { $count }. الحواسيب الأخرى تأخذها عن طريق الخادم.
activity-admin-exported = القائمة في { $path }
activity-form-title = العنوان
activity-form-description = شرح (غير ضروري)
activity-form-place = المكان
activity-form-date = التاريخ (yyyy-mm-dd)
activity-form-start = يبدأ في (hh:mm)
activity-form-end = ينتهي في (hh:mm)
activity-form-capacity = عدد الأماكن
activity-form-max-party = أكبر عدد من الأشخاص في تسجيل واحد
activity-form-block = أماكن يمكن لكل حاسوب أن يعطيها بدون اتصال
activity-form-close-hours = يُغلق التسجيل قبل البداية بهذا العدد من الساعات
activity-form-months = كرّر كل شهر، لهذا العدد من الأشهر
activity-form-help = التكرار يكون في نفس يوم الشهر: إذا كان التاريخ ثاني أربعاء، فكل ثاني أربعاء.
activity-form-problem = تحقق من «{ $field }»: المتوقع { $expected }.
activity-form-save = احفظ
activity-form-close = أغلق بدون حفظ

activities-spoken = نتكلم: { $list }
signup-party-over = الأماكن الباقية: { $count }. مع أشخاص أكثر تدخل قائمة الانتظار.
activity-form-languages = اللغات التي نتكلمها (الرموز: nl, fr, ar, ...)
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
tile-board = اطلب وقدّم
module-board = اطلب وقدّم
board-title = اطلب وقدّم
board-new = اطلب أو قدّم شيئا
board-have-code = عندي رمز
board-all = الكل
board-asks = طلبات
board-offers = عروض
board-search = ابحث
board-search-hint = ابحث عن كلمة أو رقم
board-count = { $count ->
    [zero] لا إعلانات
    [one] إعلان واحد
    [two] إعلانان
    [few] { $count } إعلانات
   *[other] { $count } إعلانا
}
board-empty = اللوحة ما زالت فارغة. كن أول من يطلب أو يقدم شيئا!
board-none-found = لم نجد شيئا. جرّب كلمة أخرى أو اختر "الكل".
board-kind-ask = طلب
board-kind-offer = عرض
board-cat-paperwork = أوراق ورسائل
board-cat-computer = الحاسوب والهاتف
board-cat-odd-jobs = أعمال صغيرة
board-cat-shopping = التسوق والمشاوير
board-cat-transport = النقل
board-cat-language = التدرب على اللغة
board-cat-cooking = الطبخ والوجبات
board-cat-children = الأطفال
board-cat-lending = إعارة الأشياء
board-cat-company = الرفقة والحديث
board-number = الرقم { $number }
board-post-gone = هذا الإعلان لم يعد على اللوحة.
board-can-help = أستطيع المساعدة
board-interested = أنا مهتم
board-report = أبلغ
board-replied = تم الإرسال! الشخص يقرأ رسالتك برمزه.
board-reported = شكرا. الإعلان اختفى حتى ينظر فيه متطوع.
board-reply-to = رد على: { $title }
board-reply-message = رسالتك
board-reply-hint = مثلا: أستطيع مساعدتك يوم الثلاثاء.
board-reply-contact = كيف يمكن للشخص أن يتواصل معك؟ (غير ضروري)
board-reply-contact-why = فقط الشخص صاحب الرمز يرى هذا. اتركه فارغا وسيوصل متطوع رسالتك.
board-reply-send = أرسل
board-report-title = هل تريد الإبلاغ عن هذا الإعلان؟
board-report-explain = يخرج من اللوحة حتى ينظر فيه متطوع.
board-report-yes = نعم، أبلغ
board-report-no = لا، ارجع
board-step = الخطوة { $n } من 4
board-new-kind = ماذا تريد أن تفعل؟
board-i-ask = أحتاج شيئا
board-i-offer = أستطيع أن أقدم شيئا
board-new-category = عن ماذا؟
board-new-words = قلها باختصار
board-title-ask = ماذا تحتاج؟ (باختصار)
board-title-offer = ماذا تقدم؟ (باختصار)
board-text = المزيد عنه (غير ضروري)
board-no-contact = لا تكتب رقم هاتف أو عنوانا. الناس يجيبون عن طريق حاسوب Digidak.
board-languages = ما اللغات التي تتكلمها؟
board-publish = انشر
board-posted = احتفظ برمزك
board-posted-explain = أولا يقرأ متطوع إعلانك. برمزك ترى هل هو على اللوحة وتقرأ الردود.
board-posted-keep = اكتب الرمز أو امسح رمز QR بهاتفك.
board-to-board = إلى اللوحة
board-code-title = اكتب رمز إعلانك
board-code-ok = أظهر
board-code-invalid = الرمز فيه 12 رقما.
board-code-unknown = لا نعرف هذا الرمز. تحقق من الأرقام.
board-status-waiting = ينتظر متطوعا.
board-status-public = على اللوحة حتى { $date }.
board-status-expired = لم يعد على اللوحة: انتهى وقته.
board-status-rejected = لم يُنشر: { $reason }
board-status-reported = أُزيل الآن: متطوع ينظر فيه.
board-status-closed = انتهى.
board-still-needed = هل ما زلت تحتاجه؟
board-renew = نعم، ما زلت أحتاجه
board-replies = الردود
board-no-replies = لا ردود بعد.
board-replies-wiped-on = ستُمسح هذه الردود يوم { $date }. اكتب ما تحتاجه.
board-replies-wiped = مُسحت الردود: هذا الإعلان انتهى منذ أكثر من 30 يوما.
board-reach = للتواصل: { $contact }
board-helped = هذا ساعد
board-remove = أزِله
board-mine-qr = انظر هذا على هاتفك أيضا.
board-problem-kind = اختر أولا: طلب أو عرض.
board-problem-category = اختر أولا عن ماذا.
board-problem-title = اكتب باختصار ماذا تحتاج أو ماذا تقدم.
board-problem-message = اكتب رسالة قصيرة.
board-problem-reason = اكتب لماذا (الشخص يقرأ هذا).
board-problem-language = لا نعرف هذه اللغة.
volunteer-moderate = راجع اللوحة ({ $count })
moderate-title = راجع اللوحة
moderate-none = لا شيء ينتظر. أحسنت!
moderate-count = { $count ->
    [zero] لا إعلانات تنتظر
    [one] إعلان واحد ينتظر
    [two] إعلانان ينتظران
    [few] { $count } إعلانات تنتظر
   *[other] { $count } إعلانا تنتظر
}
moderate-reported = { $count ->
    [one] أُبلغ عنه مرة واحدة
    [two] أُبلغ عنه مرتين
    [few] أُبلغ عنه { $count } مرات
   *[other] أُبلغ عنه { $count } مرة
}
moderate-approve = وافق
moderate-edit = عدّل
moderate-reject = ارفض
moderate-edit-title = العنوان
moderate-edit-text = المزيد عنه
moderate-save-approve = احفظ ووافق
moderate-cancel = إلغاء
moderate-reason = لماذا؟ (الشخص يقرأ هذا)
moderate-reason-why = اختر سببا أو اكتب سببا.
moderate-reason-contact = فيه معلومات شخصية.
moderate-reason-money = هو عن المال أو البيع.
moderate-reason-rude = ليس لطيفا.
moderate-reject-confirm = ارفض
admin-print-board = اطبع اللوحة (PDF)
admin-print-board-new = فقط إعلانات هذا الأسبوع الجديدة (PDF)
admin-printed = تم الحفظ: { $path }
paper-heading = اطلب وقدّم
paper-week = { $site } · { $date }
paper-week-new = { $site } · جديد هذا الأسبوع · { $date }
paper-howto = تريد أن ترد؟ اقطع شريطا. اكتب الرقم في "ابحث" على لوحة أي حاسوب Digidak، أو اسأل متطوعا.
paper-empty = اللوحة ما زالت فارغة.
paper-empty-new = لا شيء جديد على اللوحة هذا الأسبوع.
paper-languages = اللغات
page-post-code = الرمز
page-post-renewed = تم التجديد: إعلانك يبقى مدة أطول.
page-post-helped = سعداء أنه ساعد! انتهى إعلانك.
page-post-removed = تمت إزالة إعلانك.
numbers-board-posts = اطلب وقدّم: الإعلانات
numbers-board-replies = اطلب وقدّم: الردود
numbers-board-matches = اطلب وقدّم: "هذا ساعد"
board-spoken = يتكلم: { $list }

# On-screen keyboard
keyboard-name = لوحة المفاتيح
keyboard-erase = احذف
keyboard-upper = حرف كبير
keyboard-lower = حروف صغيرة
keyboard-accents = حروف بعلامات
keyboard-letters = حروف عادية
keyboard-space = مسافة
keyboard-hide = أخفِ لوحة المفاتيح

## Lessons: sources, review, itsme practice (issue 22)
lesson-review-title = دروس للمراجعة
lesson-review-explain = لم تُراجع هذه الدروس منذ أكثر من سنة. اطلب من المسؤول أن يراجعها مع مصادرها.
lesson-review-item = { $title } — رُوجع في { $date }
practice-itsme-who = من: { $who }
practice-itsme-what = ماذا: { $what }
practice-itsme-wrong-caller = لا: شخص على الهاتف يطلب هذا، لذلك لا تؤكد أبدا.
practice-itsme-wrong-not-started = لا: أنت لم تبدأ هذا بنفسك.
practice-itsme-wrong-other = لا: التطبيق يُظهر شيئا غير ما أردت أن تفعله.
practice-itsme-wrong-good = هذا كان صحيحا: أنت بدأته بنفسك، ومن وماذا صحيحان.

# Phone links of sign-ups and posts (issue 14: codes nobody can guess or share)
page-code-not-found = هذا الرابط لا يعمل (لم يعد يعمل). رمزك ما زال يعمل على الحواسيب في القاعة: اكتبه هناك.
page-phone-guard-title = لم ينجح ذلك
page-phone-guard-wait = محاولات كثيرة من هنا. انتظر بضع دقائق، ثم حاول من جديد.
page-phone-guard-other-site = هذا الزر يعمل فقط على صفحتك. افتح رابط رمزك من جديد واضغط هناك.

# Confirmations and goodbye
board-remove-sure = هل تريد حقا إزالة إعلانك؟ لن يستطيع أحد أن يقرأه أو يرد عليه.
board-remove-yes = نعم، أزِله
board-remove-no = لا، أبقِه
goodbye-title = تم مسح كل شيء
goodbye-explain = لا شيء منك يبقى على هذا الحاسوب. مع السلامة!

# Board filters on a low screen
board-filters-show = اختر ما تراه
board-filters-hide = انتهيت من الاختيار
board-filters-chosen = اختر ما تراه (اخترت { $count })

# Languages and voices (issue 20): "Other language" when the bar is full; read aloud without a voice
language-choose = لغة أخرى
read-aloud-no-voice = لا صوت
lessons-other-languages = دروس أخرى، بلغة أخرى:

# Seats, versions, phone-page codes (merged issues 15, 18, 19)
activities-places-mine = { $count ->
    [zero] ليس لهذا الحاسوب أي مكان لك (لا اتصال: غير نهائي بعد)
    [one] لهذا الحاسوب مكان واحد لك (لا اتصال: غير نهائي بعد)
    [two] لهذا الحاسوب مكانان لك (لا اتصال: غير نهائي بعد)
    [few] لهذا الحاسوب { $count } أماكن لك (لا اتصال: غير نهائي بعد)
   *[other] لهذا الحاسوب { $count } مكانا لك (لا اتصال: غير نهائي بعد)
}
activities-places-offline = { $count ->
    [zero] ربما لم يبق أي مكان (لا اتصال: غير مؤكد بعد)
    [one] ربما بقي مكان واحد (لا اتصال: غير مؤكد بعد)
    [two] ربما بقي مكانان (لا اتصال: غير مؤكد بعد)
    [few] ربما بقيت { $count } أماكن (لا اتصال: غير مؤكد بعد)
   *[other] ربما بقي { $count } مكانا (لا اتصال: غير مؤكد بعد)
}
activities-full-offline = ربما لا توجد أماكن (لا اتصال: غير مؤكد بعد)
signup-confirmed-provisional = لك مكان، لكنه ليس نهائيا بعد: هذا الحاسوب يخبر الخادم. اكتب رمزك لاحقا في حاسوب Digidak أو انظر في هاتفك: هناك ترى إن كان قد تأكد.
admin-sync-kept-changes = تلقى هذا الحاسوب { $count } تغييرا من خادم أحدث لا يعرفه بعد ({ $list }). تم حفظها: حدّث Digidak على هذا الحاسوب وستطبق.
admin-sync-update = يُنصح بإصدار أحدث من Digidak لهذا الحاسوب: { $recommended } (في هذا الحاسوب { $version }). اطلب من المسؤول عن الحواسيب أن يحدّثه.
page-code-type = اكتب رمزك
page-code-type-help = رمز الدرس («أكمل لاحقا») يفتح الدرس هنا.
page-code-open = افتح
page-code-at-kiosk = هذا الرمز يعمل في حواسيب القاعة: المس هناك «عندي رمز». في هاتفك، رمز QR على ورقتك يفتح صفحتك.
page-code-unknown = لا نعرف هذا الرمز، أو أنه قديم جدا. تحقق من الأرقام.
page-post-helped-sure = هل ساعدتك لوحة الإعلانات؟ إذن يُحذف إعلانك ونحسبه مساعدة.
page-post-helped-yes = نعم، ساعد
# Local partners (issue 21): "Wie kan helpen", opening hours, the partner's badge
tile-partners = من يمكنه المساعدة
partners-title = من يمكنه المساعدة؟
partners-explain = منظمات في الحي يمكنها المساعدة أيضًا، حسب الموضوع.
partners-none = لم تتم إضافة أي منظمة بعد. اسأل متطوعًا.
partners-open-now = مفتوح الآن، حتى { $until }
partners-opens-today = مفتوح اليوم من { $at }
partners-opens-tomorrow = غدًا من { $at }
partners-opens-on = { $day } من { $at }
partners-no-hours = ساعات العمل: اسأل متطوعًا
partners-hours = ساعات العمل
partners-address = العنوان
partners-contact = التواصل
partners-badge = شريك
signal-kind-loneliness = الوحدة
signal-kind-debt = ديون أو رسائل
signal-kind-housing = السكن
signal-kind-health = الصحة
signal-kind-other = شيء آخر
volunteer-signal = تمرير إشارة
signal-partner-title = إلى من تمرر الإشارة؟
signal-kind-title = عن ماذا يتعلق الأمر؟
signal-note-title = اكتب ملاحظة قصيرة
signal-note-label = ملاحظة (لا حاجة للاسم)
signal-next = التالي
signal-consent-title = هل يمكن لـ { $partner } الاتصال بك؟
signal-consent-explain = يحصل { $partner } على هذه الملاحظة ورقم هاتفك فقط، لا شيء آخر. يمكنك أن تقول لا.
signal-consent-yes = نعم، لا بأس
signal-consent-no = لا، أفضل ألا
signal-phone-title = على أي رقم يمكن لـ { $partner } الاتصال بك؟
signal-phone-label = رقم الهاتف
signal-send = أرسل
signal-sent = تم تمرير الإشارة إلى { $partner }.
signal-not-sent = لم يتم تمرير أي شيء.
signal-failed = لم ينجح ذلك. حاول مرة أخرى أو اسأل المسؤول.
signal-no-partners = لا يوجد شركاء لهذا المكان بعد.
strengths-title = ما يستطيعه حيّنا
strengths-explain = ما يعرضه الجيران الآن، حسب الموضوع، والمنظمات التي تساعد.
strengths-offers = { $count ->
    [one] عرض واحد
   *[other] { $count } عروض
}
strengths-partners = { $count ->
    [one] شريك واحد
   *[other] { $count } شركاء
}
board-partner-also = يمكن لـ { $partner } أن يساعد أيضًا
board-partner-send = أرسل سؤالي أيضًا إلى { $partner }
partners-on-board = على اللوحة
# Partners' logos on the kiosk (issue 21): a partner card's picture, for screen readers
partners-logo = شعار { $partner }
partners-pictogram = رمز { $partner }
