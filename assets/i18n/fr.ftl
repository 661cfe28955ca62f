# Digidak kiosk — Français. Phrases courtes, mots simples (B1 ou plus simple).
language-name = Français

nav-home = Accueil
nav-back = Retour
nav-done = J'ai fini
staff-open = Bénévoles

home-welcome = Bienvenue ! Que voulez-vous faire ?
home-hint = Touchez un grand bouton.

tile-help = J'ai besoin d'aide

help-title = Un bénévole va venir
help-explain = Touchez le bouton vert. Un bénévole verra que vous voulez de l'aide.
help-name-label = Votre prénom (si vous voulez)
help-call = Appeler un bénévole
help-sent-title = Un bénévole est prévenu
help-sent-explain = Restez ici. Quelqu'un arrive bientôt.
help-failed = Cela n'a pas marché. Demandez à quelqu'un dans la salle.

idle-title = Vous êtes toujours là ?
idle-countdown = Dans { $seconds } secondes, tout sera effacé. Ainsi, la personne suivante commence en sécurité.
idle-stay = Oui, je suis là

pin-title = Code des bénévoles
pin-explain = Seulement pour les bénévoles et le coordinateur.
pin-ok = OK
pin-erase = Effacer
pin-cancel = Arrêter
pin-wrong = Mauvais code. Essayez encore.
pin-locked = Trop de mauvais codes. Attendez { $seconds } secondes.
pin-checking = Vérification…
pin-no-volunteer = Cet ordinateur n'a pas de code pour les bénévoles.

staff-leave = Fermer

volunteer-title = Bénévole
volunteer-pause = Ne pas effacer tout seul
volunteer-pause-explain = Utilisez ceci quand vous aidez quelqu'un. Arrêtez-le après.
volunteer-resume = Effacer de nouveau tout seul
volunteer-paused-banner = Un bénévole aide : l'effacement automatique est arrêté.
volunteer-help-title = Qui veut de l'aide ?
volunteer-help-none = Personne n'attend de l'aide.
volunteer-help-noname = (pas de nom)
volunteer-help-item = { $name } — attend depuis { $minutes } min
volunteer-help-done = Aidé

admin-title = Gestion
admin-kiosk = Ordinateur
admin-site = Lieu
admin-version = Version
admin-data-folder = Dossier des données
admin-database = Base de données
admin-database-ok = en ordre (schéma { $version })
admin-database-waiting = ouverture…
admin-languages = Langues
admin-default-language = Langue de départ
admin-modules = Parties
admin-idle = Effacer après un silence
admin-idle-value = alerte après { $warn } s, effacer après { $wipe } s
admin-lesson-idle = Effacer dans une leçon
admin-server = Serveur
admin-server-none = aucun (cet ordinateur travaille seul)
admin-pins = Codes
admin-pins-value = gestion : défini · bénévoles : { $volunteer }
admin-pin-set = défini
admin-pin-unset = non défini
admin-config = Réglages de
admin-exit = Fermer le kiosque
admin-exit-confirm = Voulez-vous vraiment fermer le kiosque ?
admin-exit-yes = Oui, fermer
admin-exit-no = Non

module-help = Demander de l'aide

store-problem = Cet ordinateur ne peut rien garder. Dites-le à un bénévole.

admin-sync-title = Serveur
admin-sync-not-paired = Pas relié : cet ordinateur travaille seul.
admin-sync-online = Relié au serveur.
admin-sync-offline = Pas de connexion au serveur. Nous essayons encore.
admin-sync-revoked = Le serveur refuse cet ordinateur. Reliez-le de nouveau avec un nouveau code.
admin-sync-behind = Alarme : le serveur a perdu des données qu'il avait déjà. La synchronisation est arrêtée. Appelez le responsable du serveur.
admin-sync-paired-as = Relié comme { $name } (lieu { $site }), { $url }
admin-sync-pending = En attente d'envoi : { $count }
admin-sync-dead = Refusé par le serveur : { $count }
admin-sync-last-success = Dernière réussite : il y a { $seconds } secondes
admin-sync-never = Jamais réussi
admin-sync-last-error = Dernière erreur : { $error }
admin-pair-url = Adresse du serveur
admin-pair-code = Code de liaison
admin-pair-button = Relier
admin-pair-again = Relier à nouveau
admin-pair-busy = Liaison en cours…
admin-pair-ok = Relié comme { $name }.
admin-pair-wrong-code = Ce code de liaison est faux, déjà utilisé ou expiré. Créez un nouveau code sur le serveur.
admin-pair-unreachable = Le serveur ne répond pas. Vérifiez l'adresse et la connexion internet.
admin-pair-bad-address = Ce n'est pas une adresse web. Une adresse web commence par https:// .
admin-pair-failed = La liaison n'a pas marché : { $error }
volunteer-help-at = à { $kiosk }

## Leçons
tile-lessons = Apprendre
module-lessons = Leçons
lessons-title = Apprendre l’ordinateur
lessons-hint = Choisissez une leçon. Vous pouvez toujours arrêter et continuer plus tard.
lessons-loading = Les leçons se chargent…
lessons-none = Il n’y a pas encore de leçons dans cette langue.
lessons-all-topics = Tout
lessons-have-code = J’ai un code
lessons-minutes = { $minutes } minutes
topic-government = Administration et itsme
topic-email = E-mail
topic-safety = Sécurité en ligne
topic-money = Banque et achats
topic-smartphone = Smartphone
topic-calling = Appels vidéo
topic-work = Chercher du travail
lesson-step-of = Étape { $step } sur { $total }
lesson-next = Suivant
lesson-back = Précédent
lesson-read-aloud = Lire à voix haute
lesson-later = Continuer plus tard
lesson-tip = Conseil
lesson-guided = Vous accompagnez cette leçon.
lesson-other-language = Cette leçon n’existe pas dans votre langue. Vous la lisez en { $language }.
lesson-done-title = Bravo !
lesson-done-text = Vous avez fait toute la leçon « { $title } ».
lesson-another = Une autre leçon
lesson-take-home = Sur votre téléphone
lesson-initiation = Initiation donnée
lesson-initiation-done = Initiation notée : { $topic }
lesson-saved-title = Continuer plus tard
lesson-saved-text = Notez ce code ou prenez-le en photo. Plus tard, tapez le code sur un ordinateur Digidak : ici, ou dans une autre maison de quartier.
lesson-saved-expires = Le code marche { $days } jours. Il ne contient rien de personnel.
lesson-saved-qr = Ou scannez ceci avec votre téléphone pour continuer à lire.
lesson-saving = Le code est en cours de création…
lesson-save-failed = Le code n’a pas pu être créé. Demandez de l’aide à un bénévole.
lesson-back-to-lesson = Retour à la leçon
resume-title = Continuer une leçon
resume-explain = Tapez le code de 10 chiffres que vous avez reçu.
resume-ok = Continuer
resume-looking = Un instant, on cherche…
resume-invalid = Un code a 10 chiffres. Regardez encore.
resume-not-found = Nous ne connaissons pas ce code, ou il est trop ancien. Vérifiez les chiffres, ou recommencez la leçon.
resume-offline = Cet ordinateur ne peut pas joindre le serveur maintenant. Seuls les codes de cet ordinateur marchent. Réessayez plus tard.
resume-missing-lesson = Cette leçon n’est pas sur cet ordinateur. Demandez de l’aide à un bénévole.
takehome-title = Emportez la leçon
takehome-text = Ouvrez l’appareil photo de votre téléphone et dirigez-le vers le code. La leçon s’ouvre alors sur votre téléphone.
takehome-no-server = Cet ordinateur n’est pas relié à un serveur. Demandez à un bénévole.
qr-label = Code QR
practice-try-again = Essayez encore.
practice-from = De
practice-email-label = Adresse e-mail
practice-email-check = Vérifier
practice-email-right = Exact !
practice-email-empty = La case est encore vide. Tapez l’adresse.
practice-email-space = Il y a un espace. Une adresse e-mail n’a pas d’espaces.
practice-email-comma = Il y a une virgule (,). Utilisez un point (.).
practice-email-no-at = Le signe @ manque.
practice-email-two-ats = Il y a deux @. Une adresse n’a qu’un seul @.
practice-email-no-name = Il faut un nom avant le @.
practice-email-no-dot = Après le @, il faut un point, comme dans voorbeeld.be.
practice-email-name-differs = Presque ! Regardez bien la partie avant le @, lettre par lettre.
practice-email-domain-differs = Presque ! Regardez bien la partie après le @, lettre par lettre.
practice-itsme-title = itsme (exercice)
practice-itsme-confirm-button = Confirmer
practice-itsme-reject-button = Refuser
practice-itsme-confirm = Bonne réponse : confirmer.
practice-itsme-reject = Bonne réponse : refuser.
volunteer-give-lesson = Donner une leçon
volunteer-give-lesson-explain = Choisissez une leçon et faites-la ensemble. À la fin, touchez « Initiation donnée ».
admin-lessons = Leçons
admin-lessons-loaded = { $count } leçons de { $origin }
admin-lessons-problems = Non chargées : { $count }
admin-lessons-month = Leçons sur cet ordinateur
admin-lessons-counts = { $month } : { $opened } ouvertes, { $finished } terminées
admin-lessons-initiations = Initiations : { $list }
admin-lessons-none = pas encore

## Pages pour téléphone
page-languages = Langues
page-footer = Digidak : apprendre l’ordinateur ensemble, près de chez vous. Cette page ne garde rien sur vous.
page-lessons-title = Leçons
page-all-lessons = Toutes les leçons
page-not-found-title = Introuvable
page-not-found-text = Cette page n’existe pas (ou plus). Vérifiez l’adresse.
page-continue-at = Continuer à l’étape { $step }
page-show-answer = Voir la réponse

## Activités
tile-activities = Activités
module-activities = Activités
activities-title = Que faisons-nous ensemble ?
activities-have-code = J’ai un code
activities-none = Aucune activité n’est prévue pour l’instant.
activities-next = La prochaine
activities-places-left = { $count ->
    [one] Encore 1 place
   *[other] Encore { $count } places
}
activities-full = Complet : vous êtes sur la liste d’attente
activities-i-come = Je viens
signup-name = Votre prénom
signup-phone = Votre numéro de téléphone (pas obligatoire)
signup-phone-why = Pour un rappel, ou si quelque chose change. Seuls les bénévoles le voient.
signup-party = Combien de personnes ?
signup-party-less = Moins
signup-party-more = Plus
signup-submit = M’inscrire
signup-for = { $count ->
    [one] Pour { $name }, 1 personne
   *[other] Pour { $name }, { $count } personnes
}
signup-confirmed = Vous êtes inscrit. À bientôt !
signup-pending = Pas encore confirmé. Cet ordinateur n’a pas de connexion. Tapez plus tard votre code sur un ordinateur Digidak ou regardez sur votre téléphone : vous y verrez si vous avez une place.
signup-waitlisted = Vous êtes sur la liste d’attente. Si une place se libère, vous avancez.
signup-waitlisted-at = Vous êtes sur la liste d’attente : place { $position }. Si une place se libère, vous avancez.
signup-cancelled = Cette inscription est annulée.
signup-code-explain = Voici votre code. Notez-le ou prenez-le en photo. Avec ce code, vous voyez si vous avez une place, ou vous vous désinscrivez.
signup-code-title = Le code de votre inscription
signup-code-ok = Voir
signup-code-invalid = Un code a 8 chiffres. Regardez encore.
signup-code-unknown = Nous ne connaissons pas ce code ici. Vérifiez les chiffres, ou demandez à un bénévole.
signup-cancel = Me désinscrire
signup-problem-no-name = Tapez votre prénom.
signup-problem-name-long = Votre prénom est trop long. Tapez seulement votre prénom.
signup-problem-phone = Ce numéro de téléphone ne va pas. Tapez seulement des chiffres, ou laissez vide.
signup-problem-party = Autant de personnes, ce n’est pas possible pour cette activité.
signup-problem-closed = Les inscriptions sont fermées. Demandez à un bénévole.
signup-problem-deleted = Cette activité n’a pas lieu.
page-signup-title = Votre inscription
page-signup-code = Code
page-signup-cancel-ask = Vous ne pouvez pas venir ? Désinscrivez-vous. Ainsi, quelqu’un de la liste d’attente reçoit votre place.
page-signup-cancel-sure = Voulez-vous vraiment vous désinscrire ?
page-signup-cancel-yes = Oui, désinscrivez-moi
page-signup-cancel-no = Non, je viens quand même
page-signup-cancelled-now = Vous êtes désinscrit. Merci de nous avoir prévenus.
volunteer-checkin = Présences
checkin-title = Qui est là ?
checkin-count = { $here } personnes sur { $expected } sont là.
checkin-code = Code
checkin-code-ok = Enregistrer
checkin-code-done = Enregistré.
checkin-code-unknown = Aucune inscription avec ce code pour cette activité.
checkin-row = { $count } pers. · { $state }
checkin-state-confirmed = inscrit
checkin-state-pending = pas encore confirmé
checkin-state-waitlisted = liste d’attente
checkin-state-cancelled = désinscrit
checkin-here = Est là
checkin-button = { $name } est là
checkin-walk-in = Quelqu’un à la porte sans inscription
checkin-walk-in-add = Ajouter
activity-admin-open = Activités
activity-admin-title = Gérer les activités
activity-admin-new = Nouvelle activité
activity-admin-edit = Modifier : { $title } ({ $date })
activity-admin-export = Liste (CSV) : { $title } ({ $date })
activity-admin-delete = N’a pas lieu : { $title } ({ $date })
activity-admin-saved = Enregistré : { $count } activité(s). Les autres ordinateurs les reçoivent par le serveur.
activity-admin-exported = La liste est dans { $path }
activity-form-title = Titre
activity-form-description = Explication (pas obligatoire)
activity-form-place = Lieu
activity-form-date = Date (aaaa-mm-jj)
activity-form-start = Commence à (hh:mm)
activity-form-end = Finit à (hh:mm)
activity-form-capacity = Nombre de places
activity-form-max-party = Au plus autant de personnes par inscription
activity-form-block = Places que chaque ordinateur sans connexion peut donner
activity-form-close-hours = Les inscriptions ferment autant d’heures avant le début
activity-form-months = Répéter chaque mois, pendant autant de mois
activity-form-help = La répétition tombe le même jour du mois : si la date est le deuxième mercredi, alors chaque deuxième mercredi.
activity-form-problem = Vérifiez « { $field } » : on attend { $expected }.
activity-form-save = Enregistrer
activity-form-close = Fermer sans enregistrer

activities-spoken = On parle : { $list }
signup-party-over = Il reste { $count } places. Avec plus de personnes, vous êtes sur la liste d’attente.
activity-form-languages = Langues parlées (codes : nl, fr, ar, ...)
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
tile-board = Entraide
module-board = Entraide
board-title = Entraide
board-new = Demander ou proposer
board-have-code = J'ai un code
board-all = Tout
board-asks = Demandes
board-offers = Offres
board-search = Chercher
board-search-hint = Cherchez un mot ou un numéro
board-count = { $count ->
    [one] 1 annonce
   *[other] { $count } annonces
}
board-empty = Le tableau est encore vide. Demandez ou proposez quelque chose en premier !
board-none-found = Rien trouvé. Essayez un autre mot ou choisissez « Tout ».
board-kind-ask = Demande
board-kind-offer = Offre
board-cat-paperwork = Papiers et courrier
board-cat-computer = Ordinateur et GSM
board-cat-odd-jobs = Petits travaux
board-cat-shopping = Courses
board-cat-transport = Transport
board-cat-language = Pratiquer une langue
board-cat-cooking = Cuisine et repas
board-cat-children = Enfants
board-cat-lending = Prêter un objet
board-cat-company = Compagnie et papote
board-number = Numéro { $number }
board-post-gone = Cette annonce n'est plus sur le tableau.
board-can-help = Je peux aider
board-interested = Ça m'intéresse
board-report = Signaler
board-replied = Envoyé ! La personne lit votre message avec son code.
board-reported = Merci. L'annonce est retirée jusqu'à ce qu'un bénévole la regarde.
board-reply-to = Réponse à : { $title }
board-reply-message = Votre message
board-reply-hint = Par exemple : je peux vous aider mardi.
board-reply-contact = Comment vous joindre ? (facultatif)
board-reply-contact-why = Seule la personne qui a le code le voit. Sinon, un bénévole transmet votre message.
board-reply-send = Envoyer
board-report-title = Signaler cette annonce ?
board-report-explain = Elle disparaît du tableau jusqu'à ce qu'un bénévole la regarde.
board-report-yes = Oui, signaler
board-report-no = Non, retour
board-step = Étape { $n } sur 4
board-new-kind = Que voulez-vous faire ?
board-i-ask = J'ai besoin de quelque chose
board-i-offer = Je propose quelque chose
board-new-category = De quoi s'agit-il ?
board-new-words = Dites-le en bref
board-title-ask = Que cherchez-vous ? (en bref)
board-title-offer = Que proposez-vous ? (en bref)
board-text = Plus d'explications (facultatif)
board-no-contact = N'écrivez ni numéro de téléphone ni adresse. Les gens répondent via l'ordinateur Digidak.
board-languages = Quelles langues parlez-vous ?
board-publish = Publier
board-posted = Gardez votre code
board-posted-explain = Un bénévole relit d'abord votre annonce. Avec votre code, vous voyez si elle est publiée et vous lisez les réponses.
board-posted-keep = Notez le code ou scannez le code QR avec votre téléphone.
board-to-board = Vers le tableau
board-code-title = Tapez le code de votre annonce
board-code-ok = Voir
board-code-invalid = Un code a 12 chiffres.
board-code-unknown = Nous ne connaissons pas ce code. Vérifiez les chiffres.
board-status-waiting = En attente d'un bénévole.
board-status-public = Sur le tableau jusqu'au { $date }.
board-status-expired = Plus sur le tableau : le temps est écoulé.
board-status-rejected = Pas publiée : { $reason }
board-status-reported = Retirée pour l'instant : un bénévole regarde.
board-status-closed = Terminée.
board-still-needed = Toujours besoin ?
board-renew = Oui, toujours besoin
board-replies = Réponses
board-no-replies = Pas encore de réponse.
board-replies-wiped-on = Ces réponses seront effacées le { $date }. Notez ce dont vous avez besoin.
board-replies-wiped = Les réponses ont été effacées : ce message a pris fin il y a plus de 30 jours.
board-reach = Joignable via : { $contact }
board-helped = Ça m'a aidé
board-remove = Retirer
board-mine-qr = Voyez-le aussi sur votre téléphone.
board-problem-kind = Choisissez d'abord : demander ou proposer.
board-problem-category = Choisissez d'abord le sujet.
board-problem-title = Écrivez en bref ce que vous cherchez ou proposez.
board-problem-message = Écrivez un court message.
board-problem-reason = Écrivez pourquoi (la personne le lit).
board-problem-language = Nous ne connaissons pas cette langue.
volunteer-moderate = Relire les annonces ({ $count })
moderate-title = Relire les annonces
moderate-none = Rien n'attend. Bravo !
moderate-count = { $count ->
    [one] 1 annonce attend
   *[other] { $count } annonces attendent
}
moderate-reported = { $count ->
    [one] signalée 1 fois
   *[other] signalée { $count } fois
}
moderate-approve = Approuver
moderate-edit = Modifier
moderate-reject = Refuser
moderate-edit-title = Titre
moderate-edit-text = Explication
moderate-save-approve = Enregistrer et approuver
moderate-cancel = Annuler
moderate-reason = Pourquoi ? (la personne le lit)
moderate-reason-why = Choisissez une raison ou écrivez-en une.
moderate-reason-contact = Il y a des données personnelles.
moderate-reason-money = Il s'agit d'argent ou de vente.
moderate-reason-rude = Ce n'est pas aimable.
moderate-reject-confirm = Refuser
admin-print-board = Imprimer le tableau (PDF)
admin-print-board-new = Seulement les nouvelles de la semaine (PDF)
admin-printed = Enregistré : { $path }
paper-heading = Entraide
paper-week = { $site } · { $date }
paper-week-new = { $site } · nouveau cette semaine · { $date }
paper-howto = Vous voulez répondre ? Détachez une languette. Tapez le numéro dans « Chercher » sur un ordinateur Digidak, ou demandez à un bénévole.
paper-empty = Le tableau est encore vide.
paper-empty-new = Rien de nouveau sur le tableau cette semaine.
paper-languages = Langues
page-post-code = Code
page-post-renewed = Prolongée : votre annonce reste plus longtemps.
page-post-helped = Ravi que cela ait aidé ! Votre annonce est terminée.
page-post-removed = Votre annonce est retirée.
numbers-board-posts = Entraide : annonces
numbers-board-replies = Entraide : réponses
numbers-board-matches = Entraide : « ça m'a aidé »
board-spoken = Parle : { $list }

# On-screen keyboard
keyboard-name = Clavier
keyboard-erase = Effacer
keyboard-upper = Majuscule
keyboard-lower = Minuscules
keyboard-accents = Lettres avec accent
keyboard-letters = Lettres simples
keyboard-space = espace
keyboard-hide = Cacher le clavier

## Leçons : sources, vérification, exercice itsme (issue 22)
lesson-review-title = Leçons à vérifier
lesson-review-explain = Ces leçons n’ont pas été vérifiées depuis plus d’un an. Demandez à l’administrateur de les contrôler avec leurs sources.
lesson-review-item = { $title } — vérifiée le { $date }
practice-itsme-who = Qui : { $who }
practice-itsme-what = Quoi : { $what }
practice-itsme-wrong-caller = Non : quelqu’un au téléphone vous le demande, alors on ne confirme jamais.
practice-itsme-wrong-not-started = Non : ce n’est pas vous qui avez commencé.
practice-itsme-wrong-other = Non : l’app montre autre chose que ce que vous vouliez faire.
practice-itsme-wrong-good = C’était correct : vous avez commencé vous-même, et qui et quoi sont justes.

# Phone links of sign-ups and posts (issue 14: codes nobody can guess or share)
page-code-not-found = Ce lien ne fonctionne pas (ou plus). Votre code fonctionne toujours sur les ordinateurs de la salle : tapez-le là-bas.
page-phone-guard-title = Cela n’a pas marché
page-phone-guard-wait = Trop d’essais depuis ici. Attendez quelques minutes, puis réessayez.
page-phone-guard-other-site = Ce bouton ne fonctionne que sur votre propre page. Ouvrez à nouveau le lien de votre code et appuyez là.

# Confirmations and goodbye
board-remove-sure = Voulez-vous vraiment retirer votre annonce ? Plus personne ne pourra la lire ni y répondre.
board-remove-yes = Oui, retirer
board-remove-no = Non, la garder
goodbye-title = Tout est effacé
goodbye-explain = Rien de vous ne reste sur cet ordinateur. Au revoir !

# Board filters on a low screen
board-filters-show = Choisir ce que je vois
board-filters-hide = Fini de choisir
board-filters-chosen = Choisir ce que je vois ({ $count } choisi)

# Seats and versions (issue 15): truthful places left, the block's not-yet-final confirmation, kiosk versions in the admin web
activities-places-mine = { $count ->
    [one] Cet ordinateur a encore 1 place pour vous (pas de connexion : pas encore définitif)
   *[other] Cet ordinateur a encore { $count } places pour vous (pas de connexion : pas encore définitif)
}
activities-places-offline = { $count ->
    [one] Probablement encore 1 place (pas de connexion : pas encore confirmé)
   *[other] Probablement encore { $count } places (pas de connexion : pas encore confirmé)
}
activities-full-offline = Probablement complet (pas de connexion : ce n’est pas encore sûr)
signup-confirmed-provisional = Vous avez une place, mais pas encore définitive : cet ordinateur l’annonce au serveur. Tapez plus tard votre code sur un ordinateur Digidak ou regardez sur votre téléphone : vous y verrez si elle est confirmée.
admin-sync-kept-changes = Cet ordinateur a reçu { $count } modification(s) d’un serveur plus récent qu’il ne connaît pas encore ({ $list }). Elles sont gardées : mettez Digidak à jour sur cet ordinateur, elles seront alors appliquées.

# Updates recommended by the server (issue 19)
admin-sync-update = Une version plus récente de Digidak est conseillée pour cet ordinateur : { $recommended } (cet ordinateur a { $version }). Demandez à la personne qui gère les ordinateurs de le mettre à jour.
# Phone pages: code field, confirmations (issue 18)
page-code-type = Tapez votre code
page-code-type-help = Le code d'une leçon (« Continuer plus tard ») ouvre la leçon ici.
page-code-open = Ouvrir
page-code-at-kiosk = Ce code fonctionne sur les ordinateurs de la salle : touchez-y « J'ai un code ». Sur votre téléphone, le code QR de votre ticket ouvre votre page.
page-code-unknown = Nous ne connaissons pas ce code, ou il est trop ancien. Vérifiez les chiffres.
page-post-helped-sure = L'entraide vous a aidé ? Alors votre annonce disparaît et nous la comptons comme une aide.
page-post-helped-yes = Oui, cela m'a aidé
# Languages and voices (issue 20): "Other language" when the bar is full; read aloud without a voice
language-choose = Autre langue
read-aloud-no-voice = Pas de voix
lessons-other-languages = Autres leçons, dans une autre langue :
# Local partners (issue 21): "Wie kan helpen", opening hours, the partner's badge
tile-partners = Qui peut aider
partners-title = Qui peut aider ?
partners-explain = Des organisations du quartier qui peuvent aussi aider, par sujet.
partners-none = Aucune organisation n'est encore inscrite. Demandez à un bénévole.
partners-open-now = Ouvert maintenant, jusqu'à { $until }
partners-opens-today = Ouvert aujourd'hui à partir de { $at }
partners-opens-tomorrow = Demain à partir de { $at }
partners-opens-on = { $day } à partir de { $at }
partners-no-hours = Heures d'ouverture : demandez à un bénévole
partners-hours = Heures d'ouverture
partners-address = Adresse
partners-contact = Contact
partners-badge = Partenaire
signal-kind-loneliness = Solitude
signal-kind-debt = Dettes ou courriers
signal-kind-housing = Logement
signal-kind-health = Santé
signal-kind-other = Autre chose
volunteer-signal = Transmettre un signalement
signal-partner-title = À qui transmettez-vous le signalement ?
signal-kind-title = De quoi s'agit-il ?
signal-note-title = Écrivez une courte note
signal-note-label = Note (pas besoin de nom)
signal-next = Suivant
signal-consent-title = { $partner } peut-il vous appeler ?
signal-consent-explain = { $partner } reçoit seulement cette note et votre numéro de téléphone, rien d'autre. Vous pouvez dire non.
signal-consent-yes = Oui, d'accord
signal-consent-no = Non, plutôt pas
signal-phone-title = À quel numéro { $partner } peut-il vous appeler ?
signal-phone-label = Numéro de téléphone
signal-send = Envoyer
signal-sent = Le signalement est transmis à { $partner }.
signal-not-sent = Rien n'a été transmis.
signal-failed = Cela n'a pas marché. Réessayez ou demandez à l'administrateur.
signal-no-partners = Ce lieu n'a pas encore de partenaires.
strengths-title = Ce que notre quartier sait faire
strengths-explain = Ce que les voisins proposent maintenant, par sujet, et les organisations qui aident.
strengths-offers = { $count ->
    [one] 1 offre
   *[other] { $count } offres
}
strengths-partners = { $count ->
    [one] 1 partenaire
   *[other] { $count } partenaires
}
board-partner-also = { $partner } peut aussi aider
board-partner-send = Envoyer aussi ma question à { $partner }
partners-on-board = Sur le tableau
# Partners' logos on the kiosk (issue 21): a partner card's picture, for screen readers
partners-logo = Logo de { $partner }
partners-pictogram = Pictogramme de { $partner }
