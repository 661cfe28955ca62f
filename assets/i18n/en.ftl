# Digidak kiosk — English. Short sentences, simple words (B1 or simpler).
language-name = English

nav-home = Home
nav-back = Back
nav-done = I'm done
staff-open = Staff

home-welcome = Welcome! What do you want to do?
home-hint = Tap a big button.

tile-help = I need help

help-title = A volunteer will come to you
help-explain = Tap the green button. A volunteer will see that you want help.
help-name-label = Your first name (if you want)
help-call = Call a volunteer
help-sent-title = A volunteer knows
help-sent-explain = Stay here. Someone will come soon.
help-failed = That did not work. Ask someone in the room.

idle-title = Are you still there?
idle-countdown = In { $seconds } seconds we clear everything. Then the next person can start safely.
idle-stay = Yes, I am still here

pin-title = Code for volunteers
pin-explain = Only for volunteers and the coordinator.
pin-ok = OK
pin-erase = Erase
pin-cancel = Stop
pin-wrong = Wrong code. Try again.
pin-locked = Too many wrong codes. Wait { $seconds } seconds.
pin-checking = Checking…
pin-no-volunteer = This computer has no code for volunteers.

staff-leave = Close

volunteer-title = Volunteer
volunteer-pause = Do not clear by itself
volunteer-pause-explain = Use this while you help someone. Turn it off after.
volunteer-resume = Clear by itself again
volunteer-paused-banner = A volunteer is helping: automatic clearing is off.
volunteer-help-title = Who wants help?
volunteer-help-none = Nobody is waiting for help.
volunteer-help-noname = (no name)
volunteer-help-item = { $name } — waiting { $minutes } min
volunteer-help-done = Helped

admin-title = Admin
admin-kiosk = Computer
admin-site = Place
admin-version = Version
admin-data-folder = Data folder
admin-database = Database
admin-database-ok = fine (schema { $version })
admin-database-waiting = opening…
admin-languages = Languages
admin-default-language = Start language
admin-modules = Parts
admin-idle = Clear after quiet time
admin-idle-value = warning after { $warn } s, clear after { $wipe } s
admin-lesson-idle = Clear inside a lesson
admin-server = Server
admin-server-none = none (this computer works alone)
admin-pins = Codes
admin-pins-value = admin: set · volunteer: { $volunteer }
admin-pin-set = set
admin-pin-unset = not set
admin-config = Settings from
admin-exit = Close the kiosk
admin-exit-confirm = Do you really want to close the kiosk?
admin-exit-yes = Yes, close
admin-exit-no = No

module-help = Ask for help

store-problem = This computer cannot save anything. Tell a volunteer.

admin-sync-title = Server
admin-sync-not-paired = Not paired: this computer works alone.
admin-sync-online = Connected to the server.
admin-sync-offline = No connection to the server. Trying again.
admin-sync-revoked = The server refuses this computer. Pair it again with a new code.
admin-sync-behind = Alarm: the server lost data it already had. Sync is stopped. Call the server's administrator.
admin-sync-paired-as = Paired as { $name } (place { $site }), { $url }
admin-sync-pending = Waiting to be sent: { $count }
admin-sync-dead = Refused by the server: { $count }
admin-sync-last-success = Last success: { $seconds } seconds ago
admin-sync-never = Never succeeded yet
admin-sync-last-error = Last error: { $error }
admin-pair-url = Server address
admin-pair-code = Pairing code
admin-pair-button = Pair
admin-pair-again = Pair again
admin-pair-busy = Pairing…
admin-pair-ok = Paired as { $name }.
admin-pair-wrong-code = This pairing code is wrong, already used or expired. Make a new code on the server.
admin-pair-unreachable = The server does not answer. Check the address and the internet connection.
admin-pair-bad-address = That is not a web address. A web address starts with https:// .
admin-pair-failed = Pairing did not work: { $error }
volunteer-help-at = at { $kiosk }
