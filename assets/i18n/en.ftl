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

## Lessons
tile-lessons = Learn
module-lessons = Lessons
lessons-title = Learning the computer
lessons-hint = Choose a lesson. You can always stop and go on later.
lessons-loading = The lessons are loading…
lessons-none = There are no lessons in this language yet.
lessons-all-topics = All
lessons-have-code = I have a code
lessons-minutes = { $minutes } minutes
topic-government = Government and itsme
topic-email = E-mail
topic-safety = Safe online
topic-money = Bank and shopping
topic-smartphone = Smartphone
topic-calling = Video calls
topic-work = Finding work
lesson-step-of = Step { $step } of { $total }
lesson-next = Next
lesson-back = Previous
lesson-read-aloud = Read aloud
lesson-later = Continue later
lesson-tip = Tip
lesson-guided = You are guiding this lesson.
lesson-other-language = This lesson does not exist in your language. You read it in { $language }.
lesson-done-title = Well done!
lesson-done-text = You did the whole lesson “{ $title }”.
lesson-another = Another lesson
lesson-take-home = On your phone
lesson-initiation = Initiation given
lesson-initiation-done = Initiation noted: { $topic }
lesson-saved-title = Continue later
lesson-saved-text = Write down this code or take a photo of it. Later, type the code on a Digidak computer: here, or in another community centre.
lesson-saved-expires = The code works for { $days } days. There is nothing personal in it.
lesson-saved-qr = Or scan this with your phone to go on reading.
lesson-saving = The code is being made…
lesson-save-failed = The code could not be made. Ask a volunteer for help.
lesson-back-to-lesson = Back to the lesson
resume-title = Continue a lesson
resume-explain = Type the 10-digit code you got.
resume-ok = Continue
resume-looking = Looking…
resume-invalid = A code has 10 digits. Look again.
resume-not-found = We do not know this code, or it is too old. Check the digits, or start the lesson again.
resume-offline = This computer cannot reach the server now. Only codes from this computer work now. Try again later.
resume-missing-lesson = This lesson is not on this computer. Ask a volunteer for help.
takehome-title = Take the lesson home
takehome-text = Open your phone’s camera and point it at the code. The lesson then opens on your phone.
takehome-no-server = This computer is not connected to a server. Ask a volunteer.
qr-label = QR code
practice-try-again = Try again.
practice-from = From
practice-email-label = E-mail address
practice-email-check = Check
practice-email-right = Right!
practice-email-empty = The box is still empty. Type the address.
practice-email-space = There is a space in it. An e-mail address has no spaces.
practice-email-comma = There is a comma (,). Use a dot (.).
practice-email-no-at = The @ sign is missing.
practice-email-two-ats = There are two @ signs. An address has only one @.
practice-email-no-name = There must be a name before the @.
practice-email-no-dot = After the @ there must be a dot, as in voorbeeld.be.
practice-email-name-differs = Almost! Look closely at the part before the @, letter by letter.
practice-email-domain-differs = Almost! Look closely at the part after the @, letter by letter.
practice-itsme-title = itsme (practice)
practice-itsme-website = Code on the website
practice-itsme-app = Code in the app
practice-itsme-confirm-button = Confirm
practice-itsme-reject-button = Reject
practice-itsme-confirm = Right answer: confirm.
practice-itsme-reject = Right answer: reject.
volunteer-give-lesson = Give a lesson
volunteer-give-lesson-explain = Choose a lesson and do it together. At the end, tap “Initiation given”.
admin-lessons = Lessons
admin-lessons-loaded = { $count } lessons from { $origin }
admin-lessons-problems = Not loaded: { $count }
admin-lessons-month = Lessons on this computer
admin-lessons-counts = { $month }: { $opened } opened, { $finished } finished
admin-lessons-initiations = Initiations: { $list }
admin-lessons-none = none yet

## Phone pages
page-languages = Languages
page-footer = Digidak: learning the computer together, in your neighbourhood. This page keeps nothing about you.
page-lessons-title = Lessons
page-all-lessons = All lessons
page-not-found-title = Not found
page-not-found-text = This page does not exist (any more). Check the address.
page-continue-at = Continue at step { $step }
page-show-answer = Show the answer

## Activities
tile-activities = Activities
module-activities = Activities
activities-title = What do we do together?
activities-have-code = I have a code
activities-none = No activities are planned right now.
activities-next = Next up
activities-places-left = { $count ->
    [one] 1 place left
   *[other] { $count } places left
}
activities-full = Full: you go on the waiting list
activities-i-come = I'll come
signup-name = Your first name
signup-phone = Your phone number (not required)
signup-phone-why = For a reminder, or if something changes. Only the volunteers see it.
signup-party = How many people?
signup-party-less = Fewer
signup-party-more = More
signup-submit = Sign up
signup-for = { $count ->
    [one] For { $name }, 1 person
   *[other] For { $name }, { $count } people
}
signup-confirmed = You are signed up. See you then!
signup-pending = Not confirmed yet. This computer has no connection. Type your code later on a Digidak computer or look on your phone: there you see if you have a place.
signup-waitlisted = You are on the waiting list. When a place comes free, you move up.
signup-waitlisted-at = You are on the waiting list: place { $position }. When a place comes free, you move up.
signup-cancelled = This sign-up is cancelled.
signup-code-explain = This is your code. Write it down or take a photo of it. With the code you see if you have a place, or you cancel.
signup-code-title = Your sign-up code
signup-code-ok = Look
signup-code-invalid = A code has 8 digits. Look again.
signup-code-unknown = We do not know this code here. Check the digits, or ask a volunteer.
signup-cancel = Cancel my place
signup-problem-no-name = Type your first name.
signup-problem-name-long = Your first name is too long. Type only your first name.
signup-problem-phone = That phone number is not right. Type only digits, or leave it empty.
signup-problem-party = That many people is not possible for this activity.
signup-problem-closed = Sign-up is closed. Ask a volunteer.
signup-problem-deleted = This activity does not take place.
page-signup-title = Your sign-up
page-signup-unknown = We do not know this code. Check the digits.
page-signup-code = Code
page-signup-cancel-ask = Can you not come? Then cancel your place. That way someone on the waiting list gets it.
page-signup-cancel-sure = Do you really want to cancel?
page-signup-cancel-yes = Yes, cancel my place
page-signup-cancel-no = No, I will come after all
page-signup-cancelled-now = Your place is cancelled. Thank you for letting us know.
volunteer-checkin = Attendance
checkin-title = Who is here?
checkin-count = { $here } of { $expected } people are here.
checkin-code = Code
checkin-code-ok = Check in
checkin-code-done = Checked in.
checkin-code-unknown = No sign-up with this code for this activity.
checkin-row = { $count } pers. · { $state }
checkin-state-confirmed = signed up
checkin-state-pending = not confirmed yet
checkin-state-waitlisted = waiting list
checkin-state-cancelled = cancelled
checkin-here = Is here
checkin-button = { $name } is here
checkin-walk-in = Someone at the door without a sign-up
checkin-walk-in-add = Add
