# Digidak kiosk — Français. Phrases courtes, mots simples (B1 ou plus simple).
language-name = Français

nav-home = Accueil
nav-back = Retour
nav-done = J'ai fini
staff-open = Équipe

home-welcome = Bienvenue ! Que voulez-vous faire ?
home-hint = Touchez un grand bouton.

tile-help = J'ai besoin d'aide

help-title = Quelqu'un de l'équipe va venir
help-explain = Touchez le bouton vert. L'équipe verra que vous voulez de l'aide.
help-name-label = Votre prénom (si vous voulez)
help-call = Appeler l'équipe
help-sent-title = L'équipe est prévenue
help-sent-explain = Restez ici. Quelqu'un arrive bientôt.
help-failed = Cela n'a pas marché. Demandez à quelqu'un dans la salle.

idle-title = Vous êtes toujours là ?
idle-countdown = Dans { $seconds } secondes, tout sera effacé. Ainsi, la personne suivante commence en sécurité.
idle-stay = Oui, je suis là

pin-title = Code de l'équipe
pin-explain = Seulement pour l'équipe et le coordinateur.
pin-ok = OK
pin-erase = Effacer
pin-cancel = Arrêter
pin-wrong = Mauvais code. Essayez encore.
pin-locked = Trop de mauvais codes. Attendez { $seconds } secondes.
pin-checking = Vérification…
pin-no-volunteer = Cet ordinateur n'a pas de code pour l'équipe.

staff-leave = Fermer

volunteer-title = Équipe
volunteer-pause = Ne pas effacer tout seul
volunteer-pause-explain = Utilisez ceci quand vous aidez quelqu'un. Arrêtez-le après.
volunteer-resume = Effacer de nouveau tout seul
volunteer-paused-banner = Quelqu'un de l'équipe aide : l'effacement automatique est arrêté.
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
admin-pins-value = gestion : défini · équipe : { $volunteer }
admin-pin-set = défini
admin-pin-unset = non défini
admin-config = Réglages de
admin-exit = Fermer le kiosque
admin-exit-confirm = Voulez-vous vraiment fermer le kiosque ?
admin-exit-yes = Oui, fermer
admin-exit-no = Non

module-help = Demander de l'aide

store-problem = Cet ordinateur ne peut rien garder. Dites-le à l'équipe.

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
