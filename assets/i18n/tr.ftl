# Digidak kiosk — Türkçe. Kısa cümleler, kolay kelimeler (B1 veya daha kolay).
# The admin web (sections "Admin web" and "Admin login and HTTP edge") stays in nl/fr/en.
language-name = Türkçe

nav-home = Ana sayfa
nav-back = Geri
nav-done = Bitirdim
staff-open = Gönüllüler

home-welcome = Hoş geldiniz! Ne yapmak istiyorsunuz?
home-hint = Büyük bir düğmeye dokunun.

tile-help = Yardım istiyorum

help-title = Bir gönüllü size gelecek
help-explain = Yeşil düğmeye dokunun. Bir gönüllü yardım istediğinizi görecek.
help-name-label = Adınız (isterseniz)
help-call = Gönüllü çağır
help-sent-title = Bir gönüllü haberdar
help-sent-explain = Burada kalın. Birazdan biri gelecek.
help-failed = Bu olmadı. Odadaki birine sorun.

idle-title = Hâlâ burada mısınız?
idle-countdown = { $seconds } saniye sonra her şeyi siliyoruz. Sonra sıradaki kişi güvenle başlayabilir.
idle-stay = Evet, hâlâ buradayım

pin-title = Gönüllü kodu
pin-explain = Sadece gönüllüler ve koordinatör için.
pin-ok = Tamam
pin-erase = Sil
pin-cancel = Dur
pin-wrong = Yanlış kod. Tekrar deneyin.
pin-locked = Çok fazla yanlış kod. { $seconds } saniye bekleyin.
pin-checking = Kontrol ediliyor…
pin-no-volunteer = Bu bilgisayarda gönüllü kodu yok.

staff-leave = Kapat

volunteer-title = Gönüllü
volunteer-pause = Kendiliğinden silme
volunteer-pause-explain = Birine yardım ederken bunu kullanın. Sonra kapatın.
volunteer-resume = Yine kendiliğinden sil
volunteer-paused-banner = Bir gönüllü yardım ediyor: otomatik silme kapalı.
volunteer-help-title = Kim yardım istiyor?
volunteer-help-none = Yardım bekleyen kimse yok.
volunteer-help-noname = (isim yok)
volunteer-help-item = { $name } — { $minutes } dk bekliyor
volunteer-help-done = Yardım edildi

admin-title = Yönetici
admin-kiosk = Bilgisayar
admin-site = Yer
admin-version = Sürüm
admin-data-folder = Veri klasörü
admin-database = Veritabanı
admin-database-ok = iyi (şema { $version })
admin-database-waiting = açılıyor…
admin-languages = Diller
admin-default-language = Başlangıç dili
admin-modules = Bölümler
admin-idle = Sessizlikten sonra sil
admin-idle-value = { $warn } sn sonra uyarı, { $wipe } sn sonra silme
admin-lesson-idle = Ders içinde silme
admin-server = Sunucu
admin-server-none = yok (bu bilgisayar tek başına çalışıyor)
admin-pins = Kodlar
admin-pins-value = yönetici: var · gönüllü: { $volunteer }
admin-pin-set = var
admin-pin-unset = yok
admin-config = Ayarların kaynağı
admin-exit = Kioskı kapat
admin-exit-confirm = Kioskı gerçekten kapatmak istiyor musunuz?
admin-exit-yes = Evet, kapat
admin-exit-no = Hayır

module-help = Yardım iste

store-problem = Bu bilgisayar hiçbir şey kaydedemiyor. Bir gönüllüye söyleyin.

admin-sync-title = Sunucu
admin-sync-not-paired = Eşleşmemiş: bu bilgisayar tek başına çalışıyor.
admin-sync-online = Sunucuya bağlı.
admin-sync-offline = Sunucuya bağlantı yok. Yeniden deneniyor.
admin-sync-revoked = Sunucu bu bilgisayarı kabul etmiyor. Yeni bir kodla yeniden eşleştirin.
admin-sync-behind = Alarm: sunucu elindeki verileri kaybetti. Eşitleme durdu. Sunucu yöneticisini arayın.
admin-sync-paired-as = { $name } olarak eşleşti (yer { $site }), { $url }
admin-sync-pending = Gönderilmeyi bekliyor: { $count }
admin-sync-dead = Sunucu reddetti: { $count }
admin-sync-last-success = Son başarı: { $seconds } saniye önce
admin-sync-never = Henüz hiç başarılı olmadı
admin-sync-last-error = Son hata: { $error }
admin-pair-url = Sunucu adresi
admin-pair-code = Eşleştirme kodu
admin-pair-button = Eşleştir
admin-pair-again = Yeniden eşleştir
admin-pair-busy = Eşleştiriliyor…
admin-pair-ok = { $name } olarak eşleşti.
admin-pair-wrong-code = Bu eşleştirme kodu yanlış, kullanılmış veya süresi dolmuş. Sunucuda yeni bir kod yapın.
admin-pair-unreachable = Sunucu cevap vermiyor. Adresi ve internet bağlantısını kontrol edin.
admin-pair-bad-address = Bu bir web adresi değil. Web adresi https:// ile başlar.
admin-pair-failed = Eşleştirme olmadı: { $error }
volunteer-help-at = { $kiosk } başında

## Lessons
tile-lessons = Öğren
module-lessons = Dersler
lessons-title = Bilgisayarı öğrenmek
lessons-hint = Bir ders seçin. İstediğiniz zaman durup sonra devam edebilirsiniz.
lessons-loading = Dersler yükleniyor…
lessons-none = Bu dilde henüz ders yok.
lessons-all-topics = Hepsi
lessons-have-code = Kodum var
lessons-minutes = { $minutes } dakika
topic-government = Devlet ve itsme
topic-email = E-posta
topic-safety = İnternette güvenli
topic-money = Banka ve alışveriş
topic-smartphone = Akıllı telefon
topic-calling = Görüntülü arama
topic-work = İş bulmak
lesson-step-of = Adım { $step } / { $total }
lesson-next = İleri
lesson-back = Önceki
lesson-read-aloud = Sesli oku
lesson-later = Sonra devam et
lesson-tip = İpucu
lesson-guided = Bu dersi siz yönetiyorsunuz.
lesson-other-language = Bu ders sizin dilinizde yok. { $language } dilinde okuyorsunuz.
lesson-done-title = Aferin!
lesson-done-text = “{ $title }” dersinin hepsini yaptınız.
lesson-another = Başka bir ders
lesson-take-home = Telefonunuzda
lesson-initiation = Tanıtım verildi
lesson-initiation-done = Tanıtım not edildi: { $topic }
lesson-saved-title = Sonra devam et
lesson-saved-text = Bu kodu yazın veya fotoğrafını çekin. Sonra kodu bir Digidak bilgisayarına yazın: burada ya da başka bir mahalle merkezinde.
lesson-saved-expires = Kod { $days } gün çalışır. İçinde kişisel bilgi yok.
lesson-saved-qr = Ya da okumaya devam etmek için bunu telefonunuzla tarayın.
lesson-saving = Kod yapılıyor…
lesson-save-failed = Kod yapılamadı. Bir gönüllüden yardım isteyin.
lesson-back-to-lesson = Derse geri dön
resume-title = Bir derse devam et
resume-explain = Aldığınız 10 haneli kodu yazın.
resume-ok = Devam et
resume-looking = Aranıyor…
resume-invalid = Kodda 10 rakam var. Tekrar bakın.
resume-not-found = Bu kodu tanımıyoruz veya kod çok eski. Rakamları kontrol edin ya da dersi yeniden başlatın.
resume-offline = Bu bilgisayar şu an sunucuya ulaşamıyor. Şimdi sadece bu bilgisayarın kodları çalışıyor. Sonra tekrar deneyin.
resume-missing-lesson = Bu ders bu bilgisayarda yok. Bir gönüllüden yardım isteyin.
takehome-title = Dersi eve götür
takehome-text = Telefonunuzun kamerasını açın ve koda tutun. Ders telefonunuzda açılır.
takehome-no-server = Bu bilgisayar bir sunucuya bağlı değil. Bir gönüllüye sorun.
qr-label = QR kodu
practice-try-again = Tekrar deneyin.
practice-from = Kimden
practice-email-label = E-posta adresi
practice-email-check = Kontrol et
practice-email-right = Doğru!
practice-email-empty = Kutu hâlâ boş. Adresi yazın.
practice-email-space = İçinde boşluk var. E-posta adresinde boşluk olmaz.
practice-email-comma = Virgül (,) var. Nokta (.) kullanın.
practice-email-no-at = @ işareti eksik.
practice-email-two-ats = İki tane @ işareti var. Adreste sadece bir @ olur.
practice-email-no-name = @ işaretinden önce bir isim olmalı.
practice-email-no-dot = @ işaretinden sonra bir nokta olmalı, voorbeeld.be gibi.
practice-email-name-differs = Az kaldı! @ işaretinden önceki kısma harf harf iyi bakın.
practice-email-domain-differs = Az kaldı! @ işaretinden sonraki kısma harf harf iyi bakın.
practice-itsme-title = itsme (alıştırma)
practice-itsme-confirm-button = Onayla
practice-itsme-reject-button = Reddet
practice-itsme-confirm = Doğru cevap: onayla.
practice-itsme-reject = Doğru cevap: reddet.
volunteer-give-lesson = Ders ver
volunteer-give-lesson-explain = Bir ders seçin ve birlikte yapın. Sonunda “Tanıtım verildi” düğmesine dokunun.
admin-lessons = Dersler
admin-lessons-loaded = { $origin } kaynağından { $count } ders
admin-lessons-problems = Yüklenmedi: { $count }
admin-lessons-month = Bu bilgisayardaki dersler
admin-lessons-counts = { $month }: { $opened } açıldı, { $finished } bitti
admin-lessons-initiations = Tanıtımlar: { $list }
admin-lessons-none = henüz yok

## Phone pages
page-languages = Diller
page-footer = Digidak: mahallenizde birlikte bilgisayar öğrenmek. Bu sayfa sizin hakkınızda hiçbir şey saklamaz.
page-lessons-title = Dersler
page-all-lessons = Bütün dersler
page-not-found-title = Bulunamadı
page-not-found-text = Bu sayfa yok (artık yok). Adresi kontrol edin.
page-continue-at = { $step }. adımdan devam et
page-show-answer = Cevabı göster

## Activities
tile-activities = Etkinlikler
module-activities = Etkinlikler
activities-title = Birlikte ne yapıyoruz?
activities-have-code = Kodum var
activities-none = Şu an planlanmış etkinlik yok.
activities-next = Sıradaki
activities-places-left = { $count ->
    [one] 1 yer kaldı
   *[other] { $count } yer kaldı
}
activities-full = Dolu: bekleme listesine girersiniz
activities-i-come = Geleceğim
signup-name = Adınız
signup-phone = Telefon numaranız (şart değil)
signup-phone-why = Hatırlatma için veya bir şey değişirse. Sadece gönüllüler görür.
signup-party = Kaç kişi?
signup-party-less = Daha az
signup-party-more = Daha çok
signup-submit = Kaydol
signup-for = { $count ->
    [one] { $name } için, 1 kişi
   *[other] { $name } için, { $count } kişi
}
signup-confirmed = Kaydoldunuz. Görüşmek üzere!
signup-pending = Henüz onaylanmadı. Bu bilgisayarın bağlantısı yok. Kodunuzu sonra bir Digidak bilgisayarına yazın veya telefonunuza bakın: orada yeriniz olup olmadığını görürsünüz.
signup-waitlisted = Bekleme listesindesiniz. Bir yer boşalınca sıranız ilerler.
signup-waitlisted-at = Bekleme listesindesiniz: sıra { $position }. Bir yer boşalınca sıranız ilerler.
signup-cancelled = Bu kayıt iptal edildi.
signup-code-explain = Bu sizin kodunuz. Yazın veya fotoğrafını çekin. Kodla yeriniz olup olmadığını görürsünüz veya iptal edersiniz.
signup-code-title = Kayıt kodunuz
signup-code-ok = Bak
signup-code-invalid = Kodda 8 rakam var. Tekrar bakın.
signup-code-unknown = Bu kodu burada tanımıyoruz. Rakamları kontrol edin veya bir gönüllüye sorun.
signup-cancel = Yerimi iptal et
signup-problem-no-name = Adınızı yazın.
signup-problem-name-long = Adınız çok uzun. Sadece adınızı yazın.
signup-problem-phone = Bu telefon numarası doğru değil. Sadece rakam yazın veya boş bırakın.
signup-problem-party = Bu etkinlik için bu kadar kişi olmaz.
signup-problem-closed = Kayıt kapandı. Bir gönüllüye sorun.
signup-problem-deleted = Bu etkinlik yapılmayacak.
page-signup-title = Kaydınız
page-signup-code = Kod
page-signup-cancel-ask = Gelemiyor musunuz? O zaman yerinizi iptal edin. Böylece bekleme listesindeki biri yeri alır.
page-signup-cancel-sure = Gerçekten iptal etmek istiyor musunuz?
page-signup-cancel-yes = Evet, yerimi iptal et
page-signup-cancel-no = Hayır, yine de geleceğim
page-signup-cancelled-now = Yeriniz iptal edildi. Haber verdiğiniz için teşekkürler.
volunteer-checkin = Katılım
checkin-title = Kim burada?
checkin-count = { $expected } kişiden { $here } kişi burada.
checkin-code = Kod
checkin-code-ok = Giriş yap
checkin-code-done = Giriş yapıldı.
checkin-code-unknown = Bu etkinlik için bu kodla kayıt yok.
checkin-row = { $count } kişi · { $state }
checkin-state-confirmed = kayıtlı
checkin-state-pending = henüz onaylanmadı
checkin-state-waitlisted = bekleme listesi
checkin-state-cancelled = iptal edildi
checkin-here = Burada
checkin-button = { $name } burada
checkin-walk-in = Kapıda kaydı olmayan biri
checkin-walk-in-add = Ekle
activity-admin-open = Etkinlikler
activity-admin-title = Etkinlikleri yönet
activity-admin-new = Yeni etkinlik
activity-admin-edit = Değiştir: { $title } ({ $date })
activity-admin-export = Liste (CSV): { $title } ({ $date })
activity-admin-delete = Yapılmayacak: { $title } ({ $date })
activity-admin-saved = Kaydedildi: { $count } etkinlik. Diğer bilgisayarlar bunları sunucudan alır.
activity-admin-exported = Liste burada: { $path }
activity-form-title = Başlık
activity-form-description = Açıklama (şart değil)
activity-form-place = Yer
activity-form-date = Tarih (yyyy-aa-gg)
activity-form-start = Başlangıç (ss:dd)
activity-form-end = Bitiş (ss:dd)
activity-form-capacity = Yer sayısı
activity-form-max-party = Bir kayıtta en çok bu kadar kişi
activity-form-block = Her bilgisayarın bağlantısız verebileceği yer sayısı
activity-form-close-hours = Kayıt, başlangıçtan bu kadar saat önce kapanır
activity-form-months = Her ay tekrarla, bu kadar ay boyunca
activity-form-help = Tekrarlar ayın aynı gününe düşer: tarih ayın ikinci çarşambası ise, her ayın ikinci çarşambası.
activity-form-problem = “{ $field }” alanını kontrol edin: beklenen { $expected }.
activity-form-save = Kaydet
activity-form-close = Kaydetmeden kapat

activities-spoken = Konuştuğumuz diller: { $list }
signup-party-over = { $count } yer kaldı. Daha çok kişiyle bekleme listesine girersiniz.
activity-form-languages = Konuştuğumuz diller (kodlar: nl, fr, ar, ...)
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
tile-board = İste ve ver
module-board = İste ve ver
board-title = İste ve ver
board-new = Bir şey iste veya ver
board-have-code = Kodum var
board-all = Hepsi
board-asks = İstekler
board-offers = Teklifler
board-search = Ara
board-search-hint = Bir kelime veya numara arayın
board-count = { $count ->
    [one] 1 ilan
   *[other] { $count } ilan
}
board-empty = Pano henüz boş. İlk isteyen veya veren siz olun!
board-none-found = Bir şey bulunamadı. Başka bir kelime deneyin veya "Hepsi"ni seçin.
board-kind-ask = İstek
board-kind-offer = Teklif
board-cat-paperwork = Evrak ve mektuplar
board-cat-computer = Bilgisayar ve telefon
board-cat-odd-jobs = Küçük işler
board-cat-shopping = Alışveriş ve ufak işler
board-cat-transport = Ulaşım
board-cat-language = Dil pratiği
board-cat-cooking = Yemek yapmak
board-cat-children = Çocuklar
board-cat-lending = Eşya ödünç vermek
board-cat-company = Arkadaşlık ve sohbet
board-number = Numara { $number }
board-post-gone = Bu ilan artık panoda değil.
board-can-help = Yardım edebilirim
board-interested = İlgileniyorum
board-report = Bildir
board-replied = Gönderildi! Kişi mesajınızı kendi koduyla okur.
board-reported = Teşekkürler. Bir gönüllü bakana kadar ilan kaldırıldı.
board-reply-to = Cevap: { $title }
board-reply-message = Mesajınız
board-reply-hint = Örneğin: Salı günü size yardım edebilirim.
board-reply-contact = Kişi size nasıl ulaşabilir? (şart değil)
board-reply-contact-why = Bunu sadece kodu olan kişi görür. Boş bırakırsanız bir gönüllü mesajınızı iletir.
board-reply-send = Gönder
board-report-title = Bu ilanı bildirmek mi istiyorsunuz?
board-report-explain = Bir gönüllü bakana kadar ilan panodan kalkar.
board-report-yes = Evet, bildir
board-report-no = Hayır, geri dön
board-step = Adım { $n } / 4
board-new-kind = Ne yapmak istiyorsunuz?
board-i-ask = Bir şeye ihtiyacım var
board-i-offer = Bir şey verebilirim
board-new-category = Konu ne?
board-new-words = Kısaca söyleyin
board-title-ask = Neye ihtiyacınız var? (kısa)
board-title-offer = Ne veriyorsunuz? (kısa)
board-text = Daha fazla bilgi (şart değil)
board-no-contact = Telefon numarası veya adres yazmayın. İnsanlar Digidak bilgisayarı ile cevap verir.
board-languages = Hangi dilleri konuşuyorsunuz?
board-publish = Yayınla
board-posted = Kodunuzu saklayın
board-posted-explain = Önce bir gönüllü ilanınızı okur. Kodunuzla ilanın panoda olup olmadığını görür ve cevapları okursunuz.
board-posted-keep = Kodu yazın veya QR kodunu telefonunuzla tarayın.
board-to-board = Panoya
board-code-title = İlanınızın kodunu yazın
board-code-ok = Göster
board-code-invalid = Kodda 12 rakam var.
board-code-unknown = Bu kodu tanımıyoruz. Rakamları kontrol edin.
board-status-waiting = Bir gönüllü bekleniyor.
board-status-public = { $date } tarihine kadar panoda.
board-status-expired = Artık panoda değil: süresi doldu.
board-status-rejected = Yayınlanmadı: { $reason }
board-status-reported = Şimdilik kaldırıldı: bir gönüllü bakıyor.
board-status-closed = Bitti.
board-still-needed = Hâlâ gerekli mi?
board-renew = Evet, hâlâ gerekli
board-replies = Cevaplar
board-no-replies = Henüz cevap yok.
board-replies-wiped-on = Bu cevaplar { $date } tarihinde silinecek. Gerekenleri yazın.
board-replies-wiped = Cevaplar silindi: bu ilan 30 günden önce bitti.
board-reach = Ulaşmak için: { $contact }
board-helped = Bu yardım etti
board-remove = Kaldır
board-mine-qr = Bunu telefonunuzda da görün.
board-problem-kind = Önce seçin: istek veya teklif.
board-problem-category = Önce konuyu seçin.
board-problem-title = Neye ihtiyacınız olduğunu veya ne verdiğinizi kısaca yazın.
board-problem-message = Kısa bir mesaj yazın.
board-problem-reason = Nedenini yazın (kişi bunu okur).
board-problem-language = Bu dili tanımıyoruz.
volunteer-moderate = Panoyu kontrol et ({ $count })
moderate-title = Panoyu kontrol et
moderate-none = Bekleyen bir şey yok. Aferin!
moderate-count = { $count ->
    [one] 1 ilan bekliyor
   *[other] { $count } ilan bekliyor
}
moderate-reported = { $count ->
    [one] bir kez bildirildi
   *[other] { $count } kez bildirildi
}
moderate-approve = Onayla
moderate-edit = Düzenle
moderate-reject = Reddet
moderate-edit-title = Başlık
moderate-edit-text = Daha fazla bilgi
moderate-save-approve = Kaydet ve onayla
moderate-cancel = Vazgeç
moderate-reason = Neden? (kişi bunu okur)
moderate-reason-why = Bir neden seçin veya yazın.
moderate-reason-contact = İçinde kişisel bilgi var.
moderate-reason-money = Para veya satışla ilgili.
moderate-reason-rude = Kibar değil.
moderate-reject-confirm = Reddet
admin-print-board = Panoyu yazdır (PDF)
admin-print-board-new = Sadece bu haftanın yeni ilanları (PDF)
admin-printed = Kaydedildi: { $path }
paper-heading = İste ve ver
paper-week = { $site } · { $date }
paper-week-new = { $site } · bu hafta yeni · { $date }
paper-howto = Cevap vermek mi istiyorsunuz? Bir şerit koparın. Numarayı herhangi bir Digidak bilgisayarında panodaki "Ara" kutusuna yazın veya bir gönüllüye sorun.
paper-empty = Pano henüz boş.
paper-empty-new = Bu hafta panoda yeni bir şey yok.
paper-languages = Diller
page-post-code = Kod
page-post-renewed = Yenilendi: ilanınız daha uzun kalır.
page-post-helped = Yardım ettiğine sevindik! İlanınız bitti.
page-post-removed = İlanınız kaldırıldı.
numbers-board-posts = İste ve ver: ilanlar
numbers-board-replies = İste ve ver: cevaplar
numbers-board-matches = İste ve ver: "bu yardım etti"
board-spoken = Konuştuğu diller: { $list }

# On-screen keyboard
keyboard-name = Klavye
keyboard-erase = Sil
keyboard-upper = Büyük harf
keyboard-lower = Küçük harfler
keyboard-accents = Özel harfler
keyboard-letters = Düz harfler
keyboard-space = boşluk
keyboard-hide = Klavyeyi gizle

## Lessons: sources, review, itsme practice (issue 22)
lesson-review-title = Kontrol edilecek dersler
lesson-review-explain = Bu dersler bir yıldan fazla kontrol edilmedi. Yöneticiden kaynaklarına göre kontrol etmesini isteyin.
lesson-review-item = { $title } — kontrol tarihi { $date }
practice-itsme-who = Kim: { $who }
practice-itsme-what = Ne: { $what }
practice-itsme-wrong-caller = Hayır: telefondaki biri istiyor, bu yüzden asla onaylamazsınız.
practice-itsme-wrong-not-started = Hayır: bunu kendiniz başlatmadınız.
practice-itsme-wrong-other = Hayır: uygulama yapmak istediğinizden başka bir şey gösteriyor.
practice-itsme-wrong-good = Bu doğruydu: kendiniz başlattınız, kim ve ne doğru.

# Phone links of sign-ups and posts (issue 14: codes nobody can guess or share)
page-code-not-found = Bu bağlantı çalışmıyor (artık). Kodunuz odadaki bilgisayarlarda hâlâ çalışır: orada yazın.
page-phone-guard-title = Bu olmadı
page-phone-guard-wait = Buradan çok fazla deneme yapıldı. Birkaç dakika bekleyin, sonra tekrar deneyin.
page-phone-guard-other-site = Bu düğme sadece kendi sayfanızda çalışır. Kodunuzun bağlantısını yeniden açın ve orada dokunun.

# Confirmations and goodbye
board-remove-sure = İlanınızı gerçekten kaldırmak istiyor musunuz? Artık kimse okuyamaz ve cevap veremez.
board-remove-yes = Evet, kaldır
board-remove-no = Hayır, kalsın
goodbye-title = Her şey silindi
goodbye-explain = Bu bilgisayarda sizden hiçbir şey kalmadı. Hoşça kalın!

# Board filters on a low screen
board-filters-show = Ne göreceğinizi seçin
board-filters-hide = Seçim bitti
board-filters-chosen = Ne göreceğinizi seçin ({ $count } seçildi)

# Languages and voices (issue 20): "Other language" when the bar is full; read aloud without a voice
language-choose = Başka dil
read-aloud-no-voice = Ses yok
lessons-other-languages = Diğer dersler, başka bir dilde:

# Seats, versions, phone-page codes (merged issues 15, 18, 19)
activities-places-mine = { $count ->
    [one] Bu bilgisayarda sizin için 1 yer var (bağlantı yok: henüz kesin değil)
   *[other] Bu bilgisayarda sizin için { $count } yer var (bağlantı yok: henüz kesin değil)
}
activities-places-offline = { $count ->
    [one] Muhtemelen 1 yer kaldı (bağlantı yok: henüz onaylanmadı)
   *[other] Muhtemelen { $count } yer kaldı (bağlantı yok: henüz onaylanmadı)
}
activities-full-offline = Muhtemelen dolu (bağlantı yok: henüz kesin değil)
signup-confirmed-provisional = Bir yeriniz var, ama henüz kesin değil: bu bilgisayar sunucuya bildiriyor. Kodunuzu daha sonra bir Digidak bilgisayarına yazın veya telefonunuza bakın: orada kesinleşip kesinleşmediğini görürsünüz.
admin-sync-kept-changes = Bu bilgisayar daha yeni bir sunucudan henüz tanımadığı { $count } değişiklik aldı ({ $list }). Saklandılar: bu bilgisayarda Digidak'ı güncelleyin, sonra uygulanırlar.
admin-sync-update = Bu bilgisayar için Digidak'ın daha yeni bir sürümü önerilir: { $recommended } (bu bilgisayarda { $version } var). Bilgisayarlarla ilgilenen kişiden güncellemesini isteyin.
page-code-type = Kodunuzu yazın
page-code-type-help = Bir dersin kodu ("Sonra devam et") dersi burada açar.
page-code-open = Aç
page-code-at-kiosk = Bu kod salondaki bilgisayarlarda çalışır: orada "Kodum var"a dokunun. Telefonunuzda, kağıdınızdaki QR kodu sayfanızı açar.
page-code-unknown = Bu kodu tanımıyoruz veya çok eski. Rakamları kontrol edin.
page-post-helped-sure = İlan panosu size yardım etti mi? O zaman ilanınız kaldırılır ve yardım etti olarak sayarız.
page-post-helped-yes = Evet, yardım etti
# Local partners (issue 21): "Wie kan helpen", opening hours, the partner's badge
tile-partners = Kim yardım edebilir
partners-title = Kim yardım edebilir?
partners-explain = Mahallede yardım edebilecek kuruluşlar, konuya göre.
partners-none = Henüz kuruluş eklenmedi. Bir gönüllüye sorun.
partners-open-now = Şimdi açık, { $until } saatine kadar
partners-opens-today = Bugün { $at } itibarıyla açık
partners-opens-tomorrow = Yarın { $at } itibarıyla
partners-opens-on = { $day } { $at } itibarıyla
partners-no-hours = Açılış saatleri: bir gönüllüye sorun
partners-hours = Açılış saatleri
partners-address = Adres
partners-contact = İletişim
partners-badge = Ortak
signal-kind-loneliness = Yalnızlık
signal-kind-debt = Borçlar veya mektuplar
signal-kind-housing = Konut
signal-kind-health = Sağlık
signal-kind-other = Başka bir şey
volunteer-signal = Sinyal ilet
signal-partner-title = Sinyali kime iletiyorsunuz?
signal-kind-title = Konu nedir?
signal-note-title = Kısa bir not yazın
signal-note-label = Not (isim gerekmez)
signal-next = İleri
signal-consent-title = { $partner } sizi arayabilir mi?
signal-consent-explain = { $partner } yalnızca bu notu ve telefon numaranızı alır, başka hiçbir şey almaz. Hayır diyebilirsiniz.
signal-consent-yes = Evet, olur
signal-consent-no = Hayır, istemem
signal-phone-title = { $partner } sizi hangi numaradan arayabilir?
signal-phone-label = Telefon numarası
signal-send = Gönder
signal-sent = Sinyal { $partner } kuruluşuna iletildi.
signal-not-sent = Hiçbir şey iletilmedi.
signal-failed = Olmadı. Tekrar deneyin veya yöneticiye sorun.
signal-no-partners = Bu yerin henüz ortağı yok.
strengths-title = Mahallemiz neler yapabilir
strengths-explain = Komşuların şu an sundukları, konuya göre, ve yardım eden kuruluşlar.
strengths-offers = { $count } teklif
strengths-partners = { $count } ortak
board-partner-also = { $partner } de yardım edebilir
board-partner-send = Sorumu { $partner } kuruluşuna da gönder
partners-on-board = Panoda
# Partners' logos on the kiosk (issue 21): a partner card's picture, for screen readers
partners-logo = { $partner } logosu
partners-pictogram = { $partner } simgesi
