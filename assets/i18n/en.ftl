# Digidak kiosk — English. Short sentences, simple words (B1 or simpler).
language-name = English

nav-home = Home
nav-back = Back
nav-done = I'm done
staff-open = Volunteers

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
activity-admin-open = Activities
activity-admin-title = Manage activities
activity-admin-new = New activity
activity-admin-edit = Change: { $title } ({ $date })
activity-admin-export = List (CSV): { $title } ({ $date })
activity-admin-delete = Not taking place: { $title } ({ $date })
activity-admin-saved = Saved: { $count } activity(ies). The other computers get them through the server.
activity-admin-exported = The list is in { $path }
activity-form-title = Title
activity-form-description = Explanation (not required)
activity-form-place = Place
activity-form-date = Date (yyyy-mm-dd)
activity-form-start = Starts at (hh:mm)
activity-form-end = Ends at (hh:mm)
activity-form-capacity = Number of places
activity-form-max-party = At most this many people per sign-up
activity-form-block = Places each computer may give without a connection
activity-form-close-hours = Sign-up closes this many hours before the start
activity-form-months = Repeat every month, for this many months
activity-form-help = Repeats fall on the same day of the month: if the date is the second Wednesday, then every second Wednesday.
activity-form-problem = Check “{ $field }”: expected { $expected }.
activity-form-save = Save
activity-form-close = Close without saving

activities-spoken = We speak: { $list }
signup-party-over = There are { $count } places left. With more people you go on the waiting list.
activity-form-languages = Languages we speak (codes: nl, fr, ar, ...)
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
tile-board = Ask & offer
module-board = Ask & offer
board-title = Ask & offer
board-new = Ask or offer something
board-have-code = I have a code
board-all = All
board-asks = Asks
board-offers = Offers
board-search = Search
board-search-hint = Search a word or number
board-count = { $count ->
    [one] 1 post
   *[other] { $count } posts
}
board-empty = The board is still empty. Be the first to ask or offer something!
board-none-found = Nothing found. Try another word or choose "All".
board-kind-ask = Ask
board-kind-offer = Offer
board-cat-paperwork = Paperwork and letters
board-cat-computer = Computer and phone
board-cat-odd-jobs = Odd jobs
board-cat-shopping = Shopping and errands
board-cat-transport = Transport
board-cat-language = Language practice
board-cat-cooking = Cooking and meals
board-cat-children = Children
board-cat-lending = Lending things
board-cat-company = Company and a chat
board-number = Number { $number }
board-post-gone = This post is no longer on the board.
board-can-help = I can help
board-interested = I'm interested
board-report = Report
board-replied = Sent! The person reads your message with their code.
board-reported = Thank you. The post is gone until a volunteer looks at it.
board-reply-to = Reply to: { $title }
board-reply-message = Your message
board-reply-hint = For example: I can help you on Tuesday.
board-reply-contact = How can the person reach you? (optional)
board-reply-contact-why = Only the person with the code sees this. Leave it empty and a volunteer passes your message on.
board-reply-send = Send
board-report-title = Report this post?
board-report-explain = It leaves the board until a volunteer looks at it.
board-report-yes = Yes, report
board-report-no = No, go back
board-step = Step { $n } of 4
board-new-kind = What do you want to do?
board-i-ask = I need something
board-i-offer = I can offer something
board-new-category = What is it about?
board-new-words = Say it briefly
board-title-ask = What do you need? (short)
board-title-offer = What do you offer? (short)
board-text = More about it (optional)
board-no-contact = Do not write a phone number or address. People answer through the Digidak computer.
board-languages = Which languages do you speak?
board-publish = Post it
board-posted = Keep your code
board-posted-explain = A volunteer reads your post first. With your code you see if it is on the board and read the replies.
board-posted-keep = Write the code down or scan the QR code with your phone.
board-to-board = To the board
board-code-title = Type the code of your post
board-code-ok = Show
board-code-invalid = A code has 12 digits.
board-code-unknown = We do not know this code. Check the digits.
board-status-waiting = Waiting for a volunteer.
board-status-public = On the board until { $date }.
board-status-expired = No longer on the board: its time is up.
board-status-rejected = Not posted: { $reason }
board-status-reported = Gone for now: a volunteer is looking at it.
board-status-closed = Ended.
board-still-needed = Still needed?
board-renew = Yes, still needed
board-replies = Replies
board-no-replies = No replies yet.
board-replies-wiped-on = These replies will be wiped on { $date }. Write down what you need.
board-replies-wiped = The replies were wiped: this post ended more than 30 days ago.
board-reach = Reach them at: { $contact }
board-helped = This helped
board-remove = Take it down
board-mine-qr = See this on your phone too.
board-problem-kind = First choose: ask or offer.
board-problem-category = First choose what it is about.
board-problem-title = Write briefly what you need or offer.
board-problem-message = Write a short message.
board-problem-reason = Write why (the person reads this).
board-problem-language = We do not know this language.
volunteer-moderate = Check the board ({ $count })
moderate-title = Check the board
moderate-none = Nothing is waiting. Well done!
moderate-count = { $count ->
    [one] 1 post is waiting
   *[other] { $count } posts are waiting
}
moderate-reported = { $count ->
    [one] reported once
   *[other] reported { $count } times
}
moderate-approve = Approve
moderate-edit = Edit
moderate-reject = Reject
moderate-edit-title = Title
moderate-edit-text = More about it
moderate-save-approve = Save and approve
moderate-cancel = Cancel
moderate-reason = Why? (the person reads this)
moderate-reason-why = Choose a reason or write one.
moderate-reason-contact = It contains personal details.
moderate-reason-money = It is about money or selling.
moderate-reason-rude = It is not kind.
moderate-reject-confirm = Reject
admin-print-board = Print the board (PDF)
admin-print-board-new = Only this week's new posts (PDF)
admin-printed = Saved: { $path }
paper-heading = Ask & offer
paper-week = { $site } · { $date }
paper-week-new = { $site } · new this week · { $date }
paper-howto = Want to answer? Tear off a strip. Type the number into "Search" on the board of any Digidak computer, or ask a volunteer.
paper-empty = The board is still empty.
paper-empty-new = Nothing new on the board this week.
paper-languages = Languages
page-post-code = Code
page-post-renewed = Renewed: your post stays up longer.
page-post-helped = Glad it helped! Your post is ended.
page-post-removed = Your post is taken down.
numbers-board-posts = Ask & offer: posts
numbers-board-replies = Ask & offer: replies
numbers-board-matches = Ask & offer: "this helped"
board-spoken = Speaks: { $list }

# On-screen keyboard
keyboard-name = Keyboard
keyboard-erase = Delete
keyboard-upper = Capital letter
keyboard-lower = Small letters
keyboard-accents = Letters with accents
keyboard-letters = Plain letters
keyboard-space = space
keyboard-hide = Hide keyboard

## Lessons: sources, review, itsme practice (issue 22)
lesson-review-title = Lessons to check
lesson-review-explain = These lessons were not checked for more than a year. Ask the admin to check them against their sources.
lesson-review-item = { $title } — checked on { $date }
practice-itsme-who = Who: { $who }
practice-itsme-what = What: { $what }
practice-itsme-wrong-caller = No: someone on the phone is asking, so you never confirm.
practice-itsme-wrong-not-started = No: you did not start this yourself.
practice-itsme-wrong-other = No: the app shows something else than what you wanted to do.
practice-itsme-wrong-good = This was fine: you started it yourself, and who and what are right.

# Phone links of sign-ups and posts (issue 14: codes nobody can guess or share)
page-code-not-found = This link does not work (any more). Your code still works on the computers in the room: type it there.
page-phone-guard-title = That did not work
page-phone-guard-wait = Too many tries from here. Wait a few minutes, then try again.
page-phone-guard-other-site = This button only works on your own page. Open the link of your code again and tap there.

# Confirmations and goodbye
board-remove-sure = Do you really want to take your post away? Nobody can read or answer it any more.
board-remove-yes = Yes, take it away
board-remove-no = No, keep it
goodbye-title = Everything is wiped
goodbye-explain = Nothing of yours stays on this computer. Goodbye!

# Board filters on a low screen
board-filters-show = Choose what you see
board-filters-hide = Done choosing
board-filters-chosen = Choose what you see ({ $count } chosen)

# Seats and versions (issue 15): truthful places left, the block's not-yet-final confirmation, kiosk versions in the admin web
activities-places-mine = { $count ->
    [one] This computer still has 1 place for you (no connection: not final yet)
   *[other] This computer still has { $count } places for you (no connection: not final yet)
}
activities-places-offline = { $count ->
    [one] Probably 1 place left (no connection: not confirmed yet)
   *[other] Probably { $count } places left (no connection: not confirmed yet)
}
activities-full-offline = Probably full (no connection: not sure yet)
signup-confirmed-provisional = You have a place, but it is not final yet: this computer is telling the server. Type your code later at a Digidak computer or look on your phone: there you see whether it is settled.
admin-sync-kept-changes = This computer got { $count } change(s) from a newer server that it does not know yet ({ $list }). They are kept: update Digidak on this computer and they will be applied.

# Updates recommended by the server (issue 19)
admin-sync-update = A newer Digidak release is recommended for this computer: { $recommended } (this computer has { $version }). Ask whoever looks after the computers to update it.
# Phone pages: code field, confirmations (issue 18)
page-code-type = Type your code
page-code-type-help = A lesson's code ("Continue later") opens the lesson here.
page-code-open = Open
page-code-at-kiosk = This code works on the computers in the room: tap "I have a code" there. On your phone, the QR code on your slip opens your page.
page-code-unknown = We do not know this code, or it is too old. Check the digits.
page-post-helped-sure = Did the board help you? Then your post goes away and we count it as helped.
page-post-helped-yes = Yes, it helped
# Languages and voices (issue 20): "Other language" when the bar is full; read aloud without a voice
language-choose = Other language
read-aloud-no-voice = No voice
lessons-other-languages = Other lessons, in another language:
# Local partners (issue 21): "Wie kan helpen", opening hours, the partner's badge
tile-partners = Who can help
partners-title = Who can help?
partners-explain = Organisations in the neighbourhood that can also help, by topic.
partners-none = No organisations have been added yet. Ask a volunteer.
partners-open-now = Open now, until { $until }
partners-opens-today = Open today from { $at }
partners-opens-tomorrow = Tomorrow from { $at }
partners-opens-on = { $day } from { $at }
partners-no-hours = Opening hours: ask a volunteer
partners-hours = Opening hours
partners-address = Address
partners-contact = Contact
partners-badge = Partner
signal-kind-loneliness = Loneliness
signal-kind-debt = Debts or letters
signal-kind-housing = Housing
signal-kind-health = Health
signal-kind-other = Something else
volunteer-signal = Pass on a signal
signal-partner-title = Who do you pass the signal on to?
signal-kind-title = What is it about?
signal-note-title = Write a short note
signal-note-label = Note (no name needed)
signal-next = Next
signal-consent-title = May { $partner } call you?
signal-consent-explain = { $partner } only gets this note and your phone number, nothing else. You may say no.
signal-consent-yes = Yes, that's fine
signal-consent-no = No, rather not
signal-phone-title = On which number may { $partner } call you?
signal-phone-label = Phone number
signal-send = Send
signal-sent = The signal was passed on to { $partner }.
signal-not-sent = Nothing was passed on.
signal-failed = That did not work. Try again or ask the administrator.
signal-no-partners = This site has no partners yet.
strengths-title = What our neighbourhood can do
strengths-explain = What neighbours offer now, by topic, and the organisations that help.
strengths-offers = { $count ->
    [one] 1 offer
   *[other] { $count } offers
}
strengths-partners = { $count ->
    [one] 1 partner
   *[other] { $count } partners
}
board-partner-also = { $partner } can also help
board-partner-send = Also send my question to { $partner }
partners-on-board = On the board
# Partners' logos on the kiosk (issue 21): a partner card's picture, for screen readers
partners-logo = Logo of { $partner }
partners-pictogram = Pictogram of { $partner }
