# Naboskab — English. Plain language: short sentences, speak to the reader as "you".
# Every key here must exist in all languages (tested).

## Layout
skip-to-content = Skip to content
language-switcher-label = Language
main-nav-label = Main menu
nav-home = Home
nav-municipalities = Municipalities
nav-account = My account
nav-admin = Administration
nav-logout = Log out
nav-login = Log in
nav-register = Create account
nav-about = About Naboskab
nav-api = Open data (API)
nav-demo-outbox = Demo: sent emails
footer-about = Naboskab brings together activities, communities and help against loneliness in social housing areas.

## Formats
format-datetime = { $day } { $month } { $year }, { $time }
format-date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Home page
home-title = Communities close to you
home-heading = Find communities close to you
home-lead = Naboskab shows activities, common houses and help in your housing area. You are welcome, also if you are new.
home-areas = Housing areas and departments
home-empty = There are no housing areas here yet.
home-how = What you can do on Naboskab
home-how-find = Find activities and help nearby, in your own language.
home-how-join = Sign up for activities, even without an account.
home-how-gather = Book the common house, following the department's rules.
home-how-reach = Get in touch with a social caretaker if you feel alone.
home-all-municipalities = See all 98 municipalities

## About
about-title = About Naboskab
about-lead = Naboskab is a platform against loneliness in social housing areas. Housing organisations, associations and municipalities use it to bring communities together in one place.
about-privacy-heading = Your information
about-privacy = We only keep what we need. You can always see, correct and delete your information.
about-accessibility-heading = Accessibility
about-accessibility = The pages follow WCAG 2.1 AA. They work without JavaScript, with a screen reader and with a keyboard.
about-open-data-heading = Open data
about-open-data = Municipalities, departments and offers are available as open data. You can read how the API works here:

## Municipalities
municipalities-title = Municipalities
municipalities-lead = All 98 municipalities in Denmark, sorted by region.
municipality-code = Municipality code
municipality-region = Region
municipality-departments = Housing departments
municipality-no-departments = There are no housing departments on Naboskab in this municipality yet.
municipality-partners = Associations and partners
municipality-no-partners = There are no associations or partners on Naboskab in this municipality yet.
municipality-all = All municipalities

## Organisations
org-kind-housing_organisation = Housing organisation
org-kind-department = Department
org-kind-housing_area = Housing area
org-kind-municipality = Municipality
org-kind-association = Association
org-kind-health_actor = Health provider
org-kind-sports_club = Sports club
org-kind-other_partner = Partner
org-kind-platform = Platform
org-address = Address
org-map-link = See on map
org-parent = Belongs to
org-municipality = Municipality
org-cvr = CVR number
org-website = Website
org-phone = Phone
org-areas = Housing area
org-departments = Departments
org-manage-members = Roles and members

## Roles
role-resident = Resident
role-organiser = Organiser
role-board_member = Department board
role-social_caretaker = Social caretaker
role-housing_org_admin = Housing organisation administrator
role-municipal_officer = Municipal staff member
role-platform_admin = Platform administrator

## Forms
form-error-summary = There is a problem
field-email = Email
field-password = Password
field-new-password = New password
field-current-password = Current password
field-name = Name
field-role = Role
field-token-name = Name of the key
field-password-hint = At least 12 characters. A sentence you can remember works well.
field-required = Fill in this field.
field-too-long = The text is too long.
field-email-invalid = Write an email address like name@example.com.
field-password-too-short = The password must have at least 12 characters.
field-password-too-long = The password can have at most 128 characters.
field-password-too-common = The password is too common. Choose one that is hard to guess.
field-current-password-wrong = The current password is wrong.
field-role-invalid = Choose a role from the list.
field-no-such-account = There is no account with that email.
field-unknown = The parameter is not known.
field-invalid = The value cannot be understood.
field-kind-invalid = Unknown type of organisation.
field-oidc-state = The login attempt has expired. Please try again.

## Log in
login-title = Log in
login-submit = Log in
login-failed = The email or password is wrong.
login-forgot = Forgot your password?
login-no-account = Don't have an account?
login-with = Log in with { $provider }
oidc-default-name = New user

## Create account
register-title = Create account
register-lead = With an account, you can sign up for activities and book the common house. You can also use Naboskab without an account.
register-submit = Create account
register-sent-title = Check your email
register-sent-body = We have sent an email to the address. Click the link in the email to confirm it. If you already have an account, you will get an email about that instead.

## Confirm email
verify-title = Confirm your email
verify-lead = Press the button to confirm your email address.
verify-submit = Confirm email
token-invalid = The link no longer works. It has either been used or is too old.

## Forgot password
forgot-title = Forgot password
forgot-lead = Write your email. If there is an account, we will send you a link so you can choose a new password.
forgot-submit = Send link
forgot-sent-title = Check your email
forgot-sent-body = If there is an account with the address, we have sent a link. The link works for 30 minutes.
reset-title = Choose a new password
reset-submit = Save new password

## My account
account-title = My account
account-unverified = Your email is not confirmed yet.
account-resend = Send confirmation again
account-roles = Roles
account-no-roles = You have no roles yet. Your housing organisation can give you one.
account-change-password = Change password
account-change-password-submit = Change password
account-sessions = Where you are logged in
account-session-count = { $count ->
    [one] You are logged in on 1 device.
   *[other] You are logged in on { $count } devices.
}
account-logout-everywhere = Log out everywhere
account-tokens = API keys
account-tokens-lead = Keys let programs use Naboskab on your behalf. Never share them with anyone.
account-token-created = Here is your new key. Copy it now: it is only shown this one time.
account-token-created-at = Created
account-token-used-at = Last used
account-token-never = Never
account-token-actions = Actions
account-token-revoke = Delete the key { $name }
account-token-create = Create key

## Messages at the top of the page
notice-logged-out = You are logged out.
notice-logged-out-everywhere = You are logged out on all devices.
notice-password-changed = Your password is changed. You are logged out on your other devices.
notice-password-reset = Your password is saved. Log in with the new password.
notice-email-verified = Thank you! Your email is confirmed.
notice-verification-sent = We have sent a new email with a confirmation link.
notice-token-revoked = The key is deleted.
notice-members-updated = The roles are updated.
notice-oidc-failed = The login was stopped. Try again, or use your email and password.

## Administration
admin-title = Administration
admin-users = Accounts
admin-organisations = Organisations
members-title = Roles in { $org }
members-back = Back to the organisation
members-none = Nobody has a role here yet.
members-grant = Give or remove a role
members-remove = Remove the role instead of giving it
members-submit = Save

## Demo outbox
outbox-title = Sent emails (demo)
outbox-lead = In the demo, emails are not sent. They are shown here, so you can click the links.
outbox-empty = No emails yet.
outbox-to = To
outbox-links = Links in the email

## Emails
mail-verify-subject = Confirm your email for Naboskab
mail-verify-body = Hi { $name }

    Thank you for creating an account on Naboskab.
    Open the link to confirm your email:

    { $link }

    The link works for 48 hours. If you did not create an account, you can ignore this email.
mail-reset-subject = Choose a new password for Naboskab
mail-reset-body = Hi { $name }

    Someone asked to reset the password for your account.
    Open the link to choose a new password:

    { $link }

    The link works for 30 minutes. If you did not ask for this, you can ignore this email.
mail-exists-subject = You already have an account on Naboskab
mail-exists-body = Hi { $name }

    Someone tried to create an account with your email, but you already have one.
    If you forgot your password, you can choose a new one here:

    { $link }

## Errors
error-back-home = Go to the home page
error-status = Error code
error-not-found = The page does not exist
error-not-found-help = Check the address, or go to the home page and find your way from there.
error-unauthorized = You need to log in
error-unauthorized-help = Log in to see the page.
error-forbidden = You do not have access
error-forbidden-help = Your role does not give access to this. Contact your housing organisation if you think this is a mistake.
error-csrf = The form has expired
error-csrf-help = Go back, reload the page and try again. Nothing has changed.
error-invalid = Something in the request is wrong
error-invalid-help = Correct the marked fields and try again.
error-conflict = It already exists
error-conflict-help = What you are trying to create already exists.
error-token-used = The link has already been used
error-token-used-help = Ask for a new link.
error-too-large = What you sent is too large
error-too-large-help = Send less data at a time.
error-media-type = The format cannot be used
error-media-type-help = Send data as a form or as JSON.
error-method = This action is not possible here
error-method-help = The page cannot be used that way.
error-too-many = Too many attempts
error-too-many-help = Wait a little, then try again.
error-unavailable = Naboskab is temporarily unavailable
error-unavailable-help = We cannot reach the database right now. Try again in a little while. Nothing you have saved is lost.
error-internal = Something went wrong
error-internal-help = It is our mistake. Try again in a little while.

## Find: offers and search
nav-offers = Find activities
home-welcome-offers = New people are always welcome here
home-all-offers = See all activities and offers
offers-title = Find activities and help
offers-lead = Search for activities, communities and help nearby. You can write in Danish or in your own language.
offers-search-label = What are you looking for?
offers-search-placeholder = e.g. knitting, communal dining, homework help
offers-search-submit = Search
offers-filters = More choices
offers-near-department = Close to
offers-anywhere = Anywhere
offers-radius = Distance
offers-category = Topic
offers-all = All topics
offers-target-group = For whom
offers-everyone = Everyone
offers-language = Language
offers-any-language = All languages
offers-weekday = Day of the week
offers-any-day = All days
offers-only-free = Only free
offers-only-step-free = Only without stairs (step-free access)
offers-only-newcomers = Only where new people get a warm welcome
offers-results = Results
offers-newest = Newest offers
offers-near = near { $place }
offers-none = We found no offers. Try another word or fewer choices.
offers-none-help = Do you feel alone? You can get help here.
offers-next-page = Show more
offer-free = Free
offer-distance = { $distance } away
offer-languages-short = Languages
offer-newcomers-welcome = New people are welcome
offer-drop-in = Just come along
offer-step-free = Step-free access
offer-not-step-free = Not step-free
offer-accessible-toilet = Accessible toilet
offer-hearing-loop = Hearing loop
offer-bring-friend = Bring a friend
offer-when = When
offer-where = Where
offer-cost = Price
offer-languages = Languages
offer-for = For
offer-categories = Topics
offer-accessibility = Accessibility
offer-contact = Contact
offer-bring = Bring
offer-first-time = First time?
offer-back = Back to the search
offer-edit = Edit the offer
offer-not-published = The offer is not public yet
status-draft = draft
status-pending = waiting for approval
status-published = public
status-archived = archived
kind-activity = Activity
kind-community = Community and club
kind-self_help = Self-help and talk group
kind-volunteering = Volunteering
kind-municipal_service = Municipal service
kind-counselling = Advice and helpline
target-children = Children
target-young = Young people aged 15–24
target-adults = Adults
target-elderly = Older people 65+
target-families = Families
target-intergenerational = Across generations
target-women = Women
target-men = Men
target-newcomers = New in Denmark or in the area
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
place-offers = Activities and offers
place-all-offers = Search all offers here
place-all-offers-near = See all offers nearby
feed-title = New offers in { $place }
feed-link = Subscribe to new offers (Atom)
field-choose-from-list = Choose one of the options.
field-price-invalid = Write the price in Danish kroner, e.g. 25 or 25,50.
field-coords-invalid = The coordinates are outside the map.
field-radius-invalid = The distance must be between 100 and 100,000 metres.
field-near-invalid = Write the centre point as latitude,longitude, e.g. 55.65,12.30.
field-postal-code-unknown = We do not know that postcode.
field-limit-invalid = The number must be between 1 and 100.
field-limit-1000-invalid = The number must be between 1 and 1000.
field-per-page-invalid = The number per page must be between 1 and 500.
field-department-required = Choose where you live.
field-phone = Phone
field-phone-or-email = Write a phone number or an email, so we can reach you.
field-phone-invalid = Write a phone number with 8 digits.
field-consent-required = Tick the box if we may contact you.

## Do you feel lonely?
lonely-link = Do you feel lonely?
lonely-title = Do you feel lonely?
lonely-lead = You are not alone. Many people feel this way from time to time, and it can get better.
lonely-body = Here you can call and talk to someone, find a social caretaker in your housing area, or ask us to call you. It is free.
lonely-helplines = Call and talk to someone
lonely-example-number = Example: this number is not real in the demo.
lonely-local = Help where you live
lonely-where-do-you-live = Where do you live?
lonely-choose = Choose your department
lonely-show-local = Show help where I live
lonely-caretakers-in = Social caretakers in { $department }
lonely-no-caretakers = There is no social caretaker here yet. Call one of the lines above, or fill in the form below.
lonely-office-hours = Office hours
lonely-welcome-offers = Places where new people get a warm welcome
lonely-contact-me = May we call you?
lonely-contact-lead = Write your name and how we can reach you. A social caretaker will contact you, so you can talk together about what could be good for you.
lonely-phone-or-email = Phone or email. You only need to write one of them.
lonely-language = Which language would you prefer to speak?
lonely-when = When is the best time for us to call?
lonely-message = Do you want to tell us something? (optional)
lonely-consent = I give permission for a social caretaker from my housing area to contact me, and for my information to be stored for this.
lonely-submit = Send
lonely-store-failed = We could not save your message right now. What you wrote is still below. Try again in a little while, or call one of the lines.
lonely-thanks-title = Thank you. We will contact you.
lonely-thanks-body = A social caretaker from your housing area will contact you within a few working days. If you need to talk to someone now, you can call one of the lines on the page "Do you feel lonely?".

## Organisers: create and edit offers
nav-manage-offers = My offers
manage-title = My offers
manage-new-offer = Create an offer
manage-edit-offer = Edit the offer
manage-pending = Waiting for your approval
manage-approve = Approve { $title }
manage-mine = Offers from my associations and departments
manage-none = There are no offers yet.
manage-status = Status
manage-edit = Edit { $title }
manage-archive = Archive { $title }
manage-preview = Show preview
manage-publish = Publish
manage-save-draft = Save as draft
manage-welcome = Welcome
manage-translations = Translations (optional)
manage-title-en = Title in English
manage-description-en = Description in English
manage-title-ar = Title in Arabic
manage-description-ar = Description in Arabic
field-title = Title
field-organisation = Association or department
field-kind = Type of offer
field-description = Description
field-description-hint = Write short and clear. An empty line starts a new paragraph.
field-department = Where does it take place?
field-department-none = Somewhere else (write the address below)
field-address-other = Address, if it is not in a department
field-street = Street and number
field-postal-code = Postcode
field-city = Town
field-price = Price in Danish kroner
field-price-hint = Leave the field empty if it is free.
notice-offer-draft = The offer is saved as a draft. Only you and your association can see it.
notice-offer-pending = Thank you. The offer is now waiting for approval from the housing organisation.
notice-offer-published = The offer is published.
notice-offer-saved = Your changes are saved.
notice-offer-archived = The offer is archived.
notice-offer-approved = The offer is approved and published.

## Administration of Find: helplines and approval
admin-helplines = Helplines on "Do you feel lonely?"
admin-helplines-intro = The helplines appear on the "Do you feel lonely?" page in this order. Add opening hours so people know when they can call.
helpline-add = Add a helpline
helpline-hours = Opening hours
helpline-url = Website
helpline-is-example = Example: the number is not real (shown with a label)
helpline-example-badge = example
helpline-delete = Delete the helpline instead of saving
helpline-save = Save
field-helpline-phone-invalid = Write the phone number in digits. Spaces, +, - and brackets are allowed.
field-url-invalid = Write an address that starts with https://
notice-settings-saved = Your changes are saved.
approval-heading = Approval of offers from new associations
approval-label = Offers from associations that are new in our departments wait for our approval
approval-hint = Once one offer of an association has been approved, its next offers are published straight away.
approval-submit = Save the setting

## Join: calendar, sign-up, attendance
nav-calendar = Calendar
calendar-nav = Move through the calendar
calendar-week-of = The week from { $date }
calendar-month-of = { $month }
calendar-prev-week = Previous week
calendar-next-week = Next week
calendar-prev-month = Previous month
calendar-next-month = Next month
calendar-as-list = Show the week as a list
calendar-as-month = Show the whole month
calendar-subscribe = Subscribe in your calendar
calendar-programme = Weekly programme for the notice board
calendar-today = today
calendar-nothing = No activities.
occurrence-about-offer = About the activity
occurrence-cancelled = Cancelled
occurrence-places = Places
occurrence-places-left = { $count ->
    [0] All places are taken
    [one] 1 place left
   *[other] { $count } places left
}
occurrence-no-limit = There is room for everyone
occurrence-signup = Sign-up
occurrence-add-to-calendar = Add to your calendar
occurrence-sign-up = Sign up
occurrence-join-waitlist = Join the waiting list
occurrence-full-hint = It is full right now. Join the waiting list: if someone cannot come, you move up and we will let you know.
signup-contact-hint = Write your phone number or email. We will send you a message with a link, where you can confirm or cancel.
signup-first-time = It is my first time – please give me a warm welcome
signup-bring-friend = I am bringing a friend (+1)
signup-assisted = Sign up a resident on their behalf
signup-resident-name = The resident's name
signup-consent-method = How did the resident agree to be signed up?
signup-assisted-submit = Sign up the resident
consent-in_person = Face to face
consent-by_phone = On the phone
consent-in_writing = In writing
field-choose = Choose …
field-consent-method-required = Choose how the resident gave their consent.
field-number-invalid = Write a number.
field-datetime-invalid = Write a time like 2027-01-05T14:00 or a date like 2027-01-05.
field-window-invalid = The end must be after the start, and at most 400 days later.
signup-done-confirmed = You are signed up. We look forward to seeing you.
signup-done-waitlisted = { $position ->
    [one] You are number 1 on the waiting list. If someone cannot come, you get the place and a message.
   *[other] You are number { $position } on the waiting list. If someone cannot come, you move up and we will let you know.
}
signup-done-already = You are already signed up.
signup-done-check-messages = We have sent a message to { $to }. Open the link in the message within a day to confirm your sign-up; otherwise the place goes to someone else.
signup-manage-link = See or cancel your sign-up
signup-back = Back to the activity
signup-status = Status
signup-status-confirmed = You have a place.
signup-status-cancelled = Your sign-up is cancelled.
signup-confirm-button = Confirm my sign-up
signup-cancel-button = Cancel my sign-up
signup-closed = You can no longer sign up: the activity is cancelled or over.
signup-already = You are already signed up for this time.
signup-drop-in = You do not need to sign up here. Just come along.
notice-signup-confirmed = Thank you! Your sign-up is confirmed.
notice-signup-cancelled = Your sign-up is cancelled. Thank you for letting us know.
signup-mail-subject = You are signed up: { $offer }
signup-mail-body = Hi { $name }. You are signed up for { $offer }, { $when }. If you cannot come after all, cancel here: { $link }
signup-waitlist-mail-subject = You are on the waiting list: { $offer }
signup-waitlist-mail-body = Hi { $name }. You are on the waiting list for { $offer }, { $when }. If someone cannot come, we will let you know. See or cancel here: { $link }
signup-confirm-mail-subject = Confirm your sign-up: { $offer }
signup-confirm-mail-body = Hi { $name }. Open the link to confirm your sign-up for { $offer }, { $when }. You can also cancel there: { $link }
promoted-mail-subject = You have a place: { $offer }
promoted-mail-body = Hi { $name }. A place has become free, and it is yours: { $offer }, { $when }. We look forward to seeing you.
cancelled-mail-subject = Cancelled: { $offer }
cancelled-mail-body = Hi { $name }. We are sorry, but { $offer }, { $when }, is cancelled. { $reason }
attendance-title = Attendance list
attendance-present-count = { $count ->
    [one] 1 person has come
   *[other] { $count } people have come
}
attendance-capacity = { $count } places
attendance-signed-up = Signed up
attendance-nobody = Nobody has signed up yet.
attendance-waitlisted = on the waiting list
attendance-first-time = first time
attendance-unconfirmed = not confirmed
attendance-walk-ins = Came without signing up
attendance-add-walk-in = Someone came without signing up: write their name
attendance-add = Add
attendance-headcount = Number of people who came (without names)
attendance-save-headcount = Save the number
offer-upcoming = Next times
reminder-mail-subject = Tomorrow: { $offer }
reminder-mail-body = Hi { $name }. Remember { $offer }, { $when }. We look forward to seeing you. If you cannot come, please cancel so someone else can have your place: { $link }
schedule-title = Schedule
schedule-none = The activity has no schedule yet. Add the first one below.
schedule-existing = Schedules
schedule-first = First time
schedule-repeat = Repeats
schedule-duration = Length in minutes
schedule-add = Add a schedule
schedule-start = Date and time
schedule-rule = Own rule (RRULE)
schedule-rule-hint = Only when "Own rule" is chosen, e.g. FREQ=MONTHLY;BYDAY=2TU for the second Tuesday of the month.
schedule-until = Last date (optional)
schedule-place = Place, if not the activity's usual one (e.g. a room)
schedule-signup-required = Sign-up needed
schedule-capacity = Number of places (empty: no limit)
schedule-once = Once
schedule-repeat-once = Only once
schedule-repeat-weekly = Every week
schedule-repeat-fortnightly = Every other week
schedule-repeat-monthly_first = First weekday of the month
schedule-repeat-monthly_last = Last weekday of the month
schedule-repeat-rule = Own rule
field-duration-invalid = Write the length in minutes, from 1 to 1440.
field-date-invalid = Write a date like 2027-06-30.
field-rule-invalid = This rule cannot be used. Write e.g. FREQ=WEEKLY;BYDAY=TU.
field-cancel-reason-required = Write why, so the participants know.
occurrence-edit = Change this time
occurrence-cancel = Cancel this time (everyone signed up is told)
occurrence-cancel-reason = Reason for the participants
programme-hint = Print the page (Ctrl+P) for the notice board. You can add a second language beside Danish:
programme-danish-only = Danish only
programme-footer = Everyone is welcome. Scan the code with your phone to see more and sign up · naboskab.dk
home-today = Happening today
home-today-nothing = Nothing more is happening today. See what is on for the rest of the week.
home-today-calendar = See the whole week's calendar
calendar-filters = Choose what to see
calendar-filter-submit = Show
personal-feed-title = Your own calendar
personal-feed-lead = Add this address to the calendar on your phone or computer. Every activity you have signed up for then shows in your calendar, also when it is moved or cancelled.
personal-feed-address = Address for your calendar
personal-feed-open = Open in your calendar
personal-feed-secret = The address is secret: it shows what you have signed up for. If you make a new one, the old one stops working.
personal-feed-back = Back to your account
account-signups = Your sign-ups
account-no-signups = You have not signed up for anything yet.
account-calendar-feed-lead = Get all your sign-ups into the calendar on your phone.
account-calendar-feed = Make an address for your calendar
schedule-replace-legend = Does the schedule change from a certain date?
schedule-replaces = The new schedule replaces
schedule-replaces-none = None (added beside the others)
schedule-from = From date
home-today-near = Happening today near you

## Gather: rooms and bookings
nav-rooms = Rooms
rooms-title = Common houses and rooms
rooms-lead = See when the common house and the other rooms are free, and book them following the department's rules.
rooms-none = There are no rooms yet.
room-type = Type of room
room-type-faelleshus = Common house
room-type-party_room = Party room
room-type-meeting_room = Meeting room
room-type-workshop = Workshop
room-type-laundry_cafe = Laundry café
room-type-outdoor = Outdoor area
room-capacity = Room for
room-capacity-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
room-opening = Open
room-facilities = Equipment
room-no-accessibility = No information about accessibility.
room-keys = Keys
key-method-office = You pick up the key at the estate office.
key-method-key_box = Key box by the door. You get the code when the booking is confirmed.
key-method-electronic_lock = Electronic lock. You get the code when the booking is confirmed.
room-price = Price
room-price-weekday = Monday–Friday
room-price-weekend = Saturday–Sunday
room-price-per-day = per day
room-price-per-hour = per hour
room-deposit = Deposit
room-house-rules = House rules
room-who-books = Who can book, and on what terms
room-availability = When is the room free?
room-feed = Subscribe to the room's calendar
room-taken = booked
room-free = free
room-closed = Closed
room-day-free = free
room-day-partly = partly booked
room-day-full = booked
room-day-closed = closed
room-book = Book the room
room-login-to-book = Log in to book the room.
room-cannot-book = You can see the room, but you cannot book it. Ask the department board if you think you should be able to.
room-cleaning = Cleaning before you hand back the key
room-settings = Settings
room-use-title = Use of the rooms
booking-kind = Type of use
booking-kind-community = Community activity (free, open to all residents)
booking-kind-association = Association or partner
booking-kind-private = Private event
booking-kind-external = Renting to others
bookers-residents = residents of the department
bookers-organisers = associations and partners
bookers-board = the department board
bookers-staff = staff of the housing organisation
rule-who = Can be booked by
rule-duration = { $hours ->
    [one] At most 1 hour at a time.
   *[other] At most { $hours } hours at a time.
}
rule-ahead = { $days ->
    [one] Up to 1 day ahead.
   *[other] Up to { $days } days ahead.
}
rule-approval-none = Confirmed straight away.
rule-approval-board = The department board approves.
rule-approval-staff = The housing organisation approves.
rule-quiet = Not during { $hours }.
rule-per-month = { $count ->
    [one] At most once a month per resident.
   *[other] At most { $count } times a month per resident.
}
rule-min-age = You must be at least { $age } years old.
rule-closed-days = Not on { $days }.
rule-advance = Advance payment: { $amount }.
rule-cancel-notice = { $days ->
    [one] You lose it if you cancel less than 1 day before.
   *[other] You lose it if you cancel less than { $days } days before.
}
booking-organisation = Association
booking-date = Date
booking-from = Start time
booking-to = End time
booking-to-hint = An end time before the start time means the next day, e.g. 18:00 to 01:00.
booking-title = What will the room be used for?
booking-title-hint = Community activities and associations are shown with this title in the calendar. Private events are only shown as "booked".
booking-attendees = Expected number of people
booking-note = Message to the person who approves
booking-repeat-until = Repeat every week until
booking-repeat-hint = Only for community activities and associations. We book the free dates and show you the ones that could not be booked.
booking-age-declared = I am at least { $age } years old.
booking-rules-accepted = I have read the house rules and will follow them.
booking-displace = Ask the private booking that is not approved yet to make way for the community activity. The resident will be told.
booking-displace-hint = The time is only held by a private booking that is not approved yet. A community activity comes first.
booking-refused = The booking does not follow the room's rules
booking-taken = The room is booked at that time
booking-taken-by = The room is booked { $when }.
booking-page-title = Booking
booking-status = Status
booking-status-requested = Waiting for approval
booking-status-confirmed = Confirmed
booking-status-rejected = Rejected
booking-status-cancelled = Cancelled
booking-status-displaced = Made way for a community activity
booking-booker = Booked by
booking-paid-with-rent = paid with the rent
booking-forfeited = Lost advance payment
deposit-none = No deposit
deposit-held = Deposit is charged
deposit-returned = Deposit paid back
deposit-withheld = Deposit kept back
booking-keys = Keys and handover
booking-decide = Approve or reject
booking-reason = Reason
booking-reason-hint = You must fill this in if you reject. The resident will see it.
booking-approve = Approve
booking-reject = Reject
booking-cancel = Cancel the booking
booking-deposit-settle = Deposit after the cleaning check
booking-deposit-withheld = Amount to keep back, in Danish kroner
booking-deposit-hint = Write 0 or leave the field empty if everything is fine.
booking-deposit-save = Save
booking-already-decided = The booking has already been decided or cancelled.
booking-already-decided-help = Reload the page to see its status.
booking-deposit-settled = The deposit has already been settled.
booking-deposit-settled-help = Reload the page to see what was decided.
booking-taken-help = Choose another time. The room's page shows when it is free.
booking-series-title = Your repeated booking
booking-series-booked = { $count ->
    [one] 1 date is booked
   *[other] { $count } dates are booked
}
booking-series-missing = { $count ->
    [one] 1 date could not be booked
   *[other] { $count } dates could not be booked
}
booking-series-missing-hint = Choose another time for these dates, or talk to the person in charge of the room.
notice-booking-requested = Thank you! Your request has been sent for approval. We will let you know.
notice-booking-confirmed = The booking is confirmed.
notice-booking-rejected = The booking is rejected, and the resident has been told.
notice-booking-cancelled = The booking is cancelled.
notice-deposit-settled = The deposit is saved.
manage-bookings-title = Bookings
manage-bookings-pending = Waiting for your approval
manage-bookings-none = No requests are waiting.
manage-bookings-rooms = Rooms you manage
manage-bookings-mine = Your bookings
manage-bookings-none-mine = You have no upcoming bookings.
field-booking-kind-required = Choose the type of use.
field-booking-organisation-required = Choose the association that is booking.
field-booking-reason-required = Write a reason.
field-booking-rules-required = Confirm that you have read the house rules.
field-time-invalid = Write a time like 14:00.
breach-bad-times = The end time must be after the start time, in whole quarter hours, and a booking can last at most 4 days.
breach-in-the-past = That time has already passed.
breach-kind-closed = This type of use cannot be booked in this room.
breach-too-short = { $minutes ->
    [one] The booking must last at least 1 minute.
   *[other] The booking must last at least { $minutes } minutes.
}
breach-too-long = { $hours ->
    [one] The booking can last at most 1 hour.
   *[other] The booking can last at most { $hours } hours.
}
breach-too-far-ahead = { $days ->
    [one] You can book at most 1 day ahead.
   *[other] You can book at most { $days } days ahead.
}
breach-opening-hours = The room is only open { $hours }.
breach-quiet-hours = This type of use is not allowed during { $hours }.
breach-closed-weekday = This type of use is not allowed on { $day }s.
breach-blackout = The room is closed on { $date }.
breach-monthly-limit = { $count ->
    [one] You already have 1 booking of this type that month, which is the most allowed.
   *[other] You already have { $count } bookings of this type that month, which is the most allowed.
}
breach-age = You must confirm that you are at least { $age } years old.
breach-too-short-plain = The booking is shorter than the room's rules allow.
breach-too-long-plain = The booking is longer than the room's rules allow.
breach-too-far-ahead-plain = The booking is further ahead than the room's rules allow.
breach-opening-hours-plain = The booking is outside the room's opening hours.
breach-quiet-hours-plain = The booking is in the room's quiet hours for this type of use.
breach-closed-weekday-plain = This type of use is not allowed on that day of the week.
breach-blackout-plain = The room is closed that day.
breach-monthly-limit-plain = You already have the most bookings of this type allowed for that month.
breach-age-plain = You must confirm the room's age limit.
booking-mail-confirmed-subject = Confirmed: { $room }, { $when }
booking-mail-confirmed-body = Hi { $name }

    Your booking of { $room }, { $when }, is confirmed.

    { $keys }

    See or cancel the booking: { $link }
booking-mail-requested-subject = Received: { $room }, { $when }
booking-mail-requested-body = Hi { $name }

    We have received your request for { $room }, { $when }. The time is held for you while it is being approved, and we will let you know.

    See or cancel the request: { $link }
booking-mail-approve-subject = Waiting for approval: { $room }, { $when }
booking-mail-approve-body = { $name } asks for { $room }, { $when }.

    Use: { $kind }
    Purpose: { $title }

    Approve or reject the request: { $link }
booking-mail-rejected-subject = Not approved: { $room }, { $when }
booking-mail-rejected-body = Hi { $name }

    Your request for { $room }, { $when }, was not approved.

    Reason: { $reason }

    { $link }
booking-mail-cancelled-subject = Cancelled: { $room }, { $when }
booking-mail-cancelled-body = Hi { $name }

    The booking of { $room }, { $when }, is cancelled. { $reason }

    { $link }
booking-mail-displaced-subject = The room is needed for a community activity: { $room }, { $when }
booking-mail-displaced-body = Hi { $name }

    Your request for { $room }, { $when }, was not approved yet, and the time is now needed for a community activity for all residents ({ $reason }). We are sorry. Please choose another time.

    { $link }
booking-mail-series-subject = Repeated booking of { $room }
booking-mail-series-body = Hi { $name }

    These dates are booked:
    { $booked }

    These dates could not be booked:
    { $missing }

    { $link }

## Gather: settings, statistics and export
room-settings-about = About the room
room-settings-description = Description
room-settings-lines-hint = One thing per line.
room-settings-open-from = Opens at
room-settings-open-until = Closes at
room-settings-until-hint = A time before the opening time means after midnight, e.g. 01:00. Write 24:00 for midnight.
room-settings-blackouts = Closed days
room-settings-blackouts-hint = One period per line: first day, last day and why, e.g. 2027-03-01 2027-03-02 Department meeting.
room-settings-keys = Keys and cleaning
room-settings-key-instructions = Message about the key, sent when the booking is confirmed
room-settings-key-hint = E.g. the code for the key box. It is only shown to the person who booked and to you.
room-settings-prices = Prices for private events and renting to others
room-settings-price-unit = The price is
room-settings-enabled = Can be booked
room-settings-min-minutes = Minimum number of minutes
room-settings-max-hours = Maximum number of hours
room-settings-days-ahead = How many days ahead
room-settings-quiet-from = Quiet hours from
room-settings-quiet-until = Quiet hours until
room-settings-closed-days = Not on these days
room-settings-per-month = Maximum number of times a month per person
room-settings-min-age = Age limit
room-settings-approval = Approval
room-settings-advance = Advance payment
room-settings-notice-days = The advance payment is lost if the booking is cancelled less than this many days before
room-settings-save = Save the settings
room-new = Add a room
room-new-submit = Add the room
field-blackouts-invalid = Write each period like 2027-03-01 2027-03-02, and a reason if you want.
field-month-invalid = Write a month like 2027-03.
room-use-caption = Booked hours per room and type of use
room-use-total = Total
room-use-community-share = Share of community activities
room-use-prime-unused = Unused hours at peak times
room-use-hint = Peak times are weekdays 17:00–22:00 and weekends 10:00–22:00. Only confirmed bookings are counted.
room-use-export = Private bookings for the administration
export-sheet = Bookings
export-booking = Booking
export-room = Room
export-name = Name
export-email = Email
export-phone = Phone
export-start = Start
export-end = End
export-kind = Type of use
export-status = Status
export-price = Price in Danish kroner
export-deposit = Deposit in Danish kroner
export-forfeited = Lost advance payment in Danish kroner
export-deposit-status = Deposit
export-withheld = Kept back in Danish kroner
export-withheld-reason = Reason

## Reach: outreach records for social caretakers
nav-outreach = Outreach
outreach-title = Outreach
outreach-lead = Your new requests, follow-ups that are due, and everyone you follow. Only the housing organisation's social caretakers can see this, and every view is logged.
outreach-new = New contact
outreach-edit = Edit details
outreach-requests = New "contact me" requests
outreach-requests-none = No new requests.
outreach-take-request = Create a contact from the request
outreach-overdue = Overdue follow-ups
outreach-overdue-none = No overdue follow-ups.
outreach-due = Due
outreach-people = Everyone you follow
outreach-people-none = No contacts yet.
outreach-department = Department
outreach-last-contact = Last contact
outreach-next-followup = Next follow-up
outreach-fictitious = fictitious
outreach-overdue-mark = overdue
outreach-form-lead = Write only what the person has agreed to, and only what you need to help. Sensitive details need the person's separate consent.
outreach-name = Name or nickname
outreach-name-hint = A nickname is enough if the person prefers it.
outreach-languages = Languages
outreach-interests = Interests
outreach-weekdays = Days the person can
outreach-day-parts = Time of day
outreach-needs = Needs
outreach-age-group = Age group
outreach-sensitive = Sensitive details
outreach-sensitive-hint = Sensitive details (such as loneliness, health, risk of eviction) may only be stored with the person's consent to sensitive details.
outreach-consents = Consent
outreach-consent-hint = Read the consent text aloud or hand it to the person. Consent to registration is needed; the others are optional and can be withdrawn at any time.
outreach-consents-given = The person has agreed to
outreach-method = How consent was given
outreach-save = Save
outreach-suggestions = Suggestions that fit the person
outreach-suggestions-hint = From interests, languages, days, age, needs and distance from the department. You choose together with the person; nothing is sent by itself.
outreach-suggestions-none = No offers fit yet. Add interests or languages to get suggestions.
outreach-reason-language = held in { $language }
outreach-reason-near = { $metres } m away
outreach-reason-here = close by
outreach-reason-newcomers = newcomers welcome
outreach-reason-free = free
outreach-refer = Refer
outreach-refer-sign-up = Sign up for the next time ("First time – please welcome me")
outreach-referrals = Referrals
outreach-referrals-none = No referrals yet. Choose a suggestion together with the person.
outreach-said-yes = Said yes
outreach-said-no = Said no
outreach-ask-why = Ask why the activity did not suit them, and find something else together
outreach-outcome-suggested = suggested
outreach-outcome-declined = said no
outreach-outcome-accepted = said yes
outreach-outcome-signed_up = signed up
outreach-outcome-did_not_come = did not come
outreach-outcome-attended = came
outreach-outcome-still_4_weeks = still coming after 4 weeks
outreach-outcome-still_12_weeks = still coming after 12 weeks
notice-outreach-referred = The referral has been saved.
notice-outreach-referred-signed-up = The referral has been saved, and the person is signed up for the next time with "please welcome me".
notice-outreach-referred-no-time = The referral has been saved. There is no coming time with sign-up, so the person is not signed up.
notice-outreach-answer-saved = The answer has been saved.
outreach-funnel-title = Referrals in numbers
outreach-funnel-lead = How the referrals stand, counted per department and social caretaker: what the people said, and what the check-in lists show about who came and kept coming. Numbers only.
outreach-funnel-caption = Referrals by where they stand
outreach-funnel-total = Total
outreach-caretaker = Social caretaker
outreach-followups = Follow-ups
outreach-followups-none = No follow-ups.
outreach-done = done
outreach-mark-done = Mark as done
outreach-what = What is to happen
outreach-add-followup = Add follow-up
outreach-log = Contact log
outreach-kind = Kind of contact
outreach-date = Date
outreach-minutes = Duration in minutes
outreach-note = Short note
outreach-note-hint = Keep it short and factual; the person may see everything written here.
outreach-add-log = Save contact
outreach-log-none = No contacts logged yet.
outreach-minutes-count = { $count } min
outreach-scope = Consent to
outreach-given = Given
outreach-withdrawn = Withdrawn
outreach-withdraw = Withdraw
outreach-withdraw-hint = If the person withdraws consent to registration, everything about them is erased at once.
outreach-give-consent = Record consent
outreach-export-title = Access: everything about the person
outreach-back-to-record = Back to the person
outreach-export-lead = Everything the housing organisation has recorded about the person, and who has seen or changed it. Print the page or download the file (JSON) and give it to the person.
outreach-export-held-by = Recorded by { $organisation }.
outreach-export-details = Details
outreach-export-access = Who has seen or changed the details
outreach-export-access-hint = Every view and change is logged with time, role and purpose.
outreach-export-when = Time
outreach-export-role = Role
outreach-export-action = Action
outreach-export-purpose = Purpose
outreach-erase = Erase everything
outreach-erase-hint = When the person asks, you erase everything about them here. This cannot be undone; only the fact that it happened stays in the log.
outreach-erase-submit = Erase the person
outreach-erase-confirm = The person has asked to be erased.
outreach-erase-confirm-required = Tick that the person has asked to be erased.
outreach-day-part-morning = Morning
outreach-day-part-afternoon = Afternoon
outreach-day-part-evening = Evening
outreach-need-step_free = Step-free
outreach-need-hearing_loop = Hearing loop
outreach-need-free_only = Must be free
outreach-sensitive-loneliness = Loneliness or isolation
outreach-sensitive-mental_health = Mental health
outreach-sensitive-physical_health = Physical health
outreach-sensitive-eviction_risk = Risk of eviction
outreach-sensitive-neighbour_conflict = Conflict with neighbours
outreach-sensitive-language_help = Needs help with Danish
outreach-sensitive-digital_help = Needs digital help
outreach-scope-registration = Registration
outreach-scope-sensitive = Sensitive details
outreach-scope-municipality = Sharing with the municipality
outreach-scope-measurement = Taking part in measurements
outreach-scope-text-registration = I agree that the housing organisation's social caretakers write down my name, how to reach me and what I am interested in, so they can help me find communities. I can withdraw this consent at any time, and then the details are erased.
outreach-scope-text-sensitive = I agree that they also write down sensitive details about me (such as loneliness or health) when it helps them help me.
outreach-scope-text-municipality = I agree that they may share necessary details with the municipality when they refer me to its services.
outreach-scope-text-measurement = I agree to take part in measuring whether the work helps (such as a questionnaire about loneliness).
outreach-method-written = In writing
outreach-method-verbal = Verbally
outreach-method-digital = Digitally
outreach-kind-door_knock = Knocked on the door
outreach-kind-visit = Visit
outreach-kind-phone = Phone
outreach-kind-at_activity = Met at an activity
outreach-kind-drop_in = Came by the office
outreach-consent-registration-required = The person must consent to registration before anything can be stored.
outreach-consent-sensitive-required = Sensitive details need the person's consent to sensitive details. Remove them, or record the consent.
notice-outreach-created = The contact has been created.
notice-outreach-saved = The details have been saved.
notice-outreach-logged = The contact has been logged.
notice-outreach-followup-added = The follow-up has been added.
notice-outreach-followup-done = The follow-up is marked as done.
notice-outreach-consent-given = The consent has been recorded.
notice-outreach-consent-withdrawn = The consent has been withdrawn, and the details it covered have been removed.
notice-outreach-erased = Everything about the person has been erased.

## Two-step sign-in
two-factor-title = Two-step sign-in
two-factor-lead = Enter the code from your authenticator app (such as Google Authenticator, Microsoft Authenticator or FreeOTP). You can also use one of your recovery codes.
two-factor-code = Code
two-factor-code-hint = 6 digits from the app, or a recovery code.
two-factor-submit = Confirm
two-factor-wrong = The code does not match, or it has been used. Wait for a new code in the app and try again.
two-factor-setup-lead = Details about residents in outreach work require you to confirm who you are with a code from your phone when you sign in.
two-factor-setup-app = Install an authenticator app on your phone if you do not have one.
two-factor-setup-scan = Scan the QR code with the app.
two-factor-setup-key = If you cannot scan, type this key into the app:
two-factor-setup-code = Enter the code the app shows.
two-factor-setup-submit = Turn on two-step sign-in
two-factor-qr-label = QR code for the authenticator app
two-factor-demo-code = Demo: the code right now is { $code }.
two-factor-already = Two-step sign-in is already on.
two-factor-codes-title = Your recovery codes
two-factor-codes-lead = Keep the codes somewhere safe (for example printed, in a drawer). Each code works once if you lose your phone. They will not be shown again.
two-factor-continue = Continue
error-second-factor = Confirm with your code first

## Outreach: counts for boards and municipalities, a platform administrator's look, buddies
outreach-count-suppressed = under 5
outreach-funnel-suppressed-hint = Numbers under 5 are not shown, so nobody can be recognised. The numbers cover the whole department or municipality.
outreach-inspect-title = Look at an outreach record as platform administrator
outreach-inspect-lead = Only when those who hold the record cannot help: a complaint, a request for access or a fault. Every look is logged with your reason, and the person can see it in their export.
outreach-inspect-record = Record number
outreach-inspect-reason = Reason
outreach-inspect-reason-hint = Write why you need to see the record and who asked for it (at least 20 characters).
outreach-inspect-reason-short = Write a reason of at least 20 characters, so it can be checked later.
outreach-inspect-no-record = There is no record with that number.
outreach-inspect-submit = Show the record
outreach-inspect-logged = You are looking at the record as platform administrator. The look and your reason are logged, and the person can see them in their export.
outreach-buddy = Goes along with (optional)
outreach-buddy-with = goes along with
nav-outreach-counts = Outreach in numbers
admin-outreach-inspect = Look at an outreach record (with a reason)
outreach-reason-day-part-morning = in the morning
outreach-reason-day-part-afternoon = in the afternoon
outreach-reason-day-part-evening = in the evening
outreach-ask-why-no-show = Ask why they did not go to the activity, and whether someone should go along next time
two-factor-link-why = To turn on two-step sign-in you also confirm your e-mail address: we send a link that works for 30 minutes. Then nobody who only knows your password can do it instead of you.
two-factor-link-send = Send the link to my e-mail
two-factor-link-again = Send the link again
two-factor-link-sent = The link has been sent to your e-mail address. Open it in this browser.
two-factor-link-expired = The link to turn on two-step sign-in has been used or has expired. Ask for a new one.
mail-two-factor-subject = Turn on two-step sign-in in Naboskab
mail-two-factor-body = Hello { $name }

    Open the link to turn on two-step sign-in for your account:

    { $link }

    The link works for 30 minutes. If you did not ask for it, change your password and tell your administrator.
outreach-waiting = Referrals waiting
outreach-waiting-none = No referral is waiting for an answer or a first time.
account-tokens-lifetime = A key stops working after 90 days. Keys can only be made here, while you are signed in.
account-token-expires-at = Expires
account-logout-revoke-tokens = Also delete all my API keys
members-pending = waiting for someone else to confirm
members-confirm = Confirm the role for { $person }
members-four-eyes = The social caretaker's role gives access to information about vulnerable residents. It therefore takes effect only once another administrator of the housing organisation, or a platform administrator, has confirmed it. Nobody can give themselves a role.
members-self-grant = You cannot give yourself a role. Ask another administrator.
notice-members-pending = The role is given and now waits for another administrator to confirm it.
notice-members-confirmed = The role is confirmed and holds from now on.
mail-role-granted-subject = You have a new role in Naboskab
mail-role-granted-body = Hello { $person }

    You are now { $role } in { $org }.

    See the roles here: { $link }

    If you did not expect this, tell your administrator.
mail-role-confirm-subject = A role is waiting for your confirmation
mail-role-confirm-body = Hello

    { $person } has been given the role { $role } in { $org }. It takes effect only once another administrator has confirmed it.

    Confirm it here if it is right: { $link }

## Fund: grants
field-amount-negative = The amount cannot be negative.
field-amount-invalid = Write the amount in kroner, for example 12.500 or 12500,50.
field-amount-too-large = The amount is too large.
field-year-invalid = Write a year between 2000 and 2100.
field-too-many = There are too many lines.
field-grant-max-over-pool = The maximum amount cannot be larger than the whole pool.
field-grant-deadline-before-opening = The deadline must come after the opening.
field-grant-offer-unknown = This activity does not exist on Naboskab.
field-grant-amount-zero = Apply for more than 0 kr.
field-grant-amount-over-max = You can apply for at most the pool's maximum.
field-grant-amount-over-budget = You cannot apply for more than the budget's total.
field-grant-granted-over-applied = The grant must be more than 0 kr. and at most the amount applied for.
grant-deadline-passed = The deadline has passed. The application cannot be submitted now, but it is saved as a draft.
grant-not-open-yet = The pool opens later. The application is saved as a draft.
grant-already-decided = The municipality has already decided on this application, so it cannot be changed.
grant-not-submitted = Only submitted applications can be decided.
mail-grant-granted-subject = Grant from { $municipality }: { $application }
mail-grant-granted-body = Hello { $name }

    { $municipality } has granted { $amount } to "{ $application }" from the pool "{ $call }".

    { $reason }

    See the application and the decision here:

    { $link }

    Remember to report on the accounts and the activities when the year is over.
mail-grant-refused-subject = Refusal from { $municipality }: { $application }
mail-grant-refused-body = Hello { $name }

    Unfortunately { $municipality } has refused "{ $application }" from the pool "{ $call }".

    Reason: { $reason }

    See the application and the decision here:

    { $link }
grants-title = Grants
grants-intro = The municipalities' pools for voluntary social work (§ 18) and similar. Associations apply here, and the municipality handles the applications in the same place.
grants-nav = Grants
grants-new-call = Open a grant call
grants-calls = Grant calls
grants-no-calls = There are no grant calls yet.
grants-own = Your applications
grants-all = All grant calls
grant-call-title = Name of the call
grant-description = Description
grant-municipality = Municipality
grant-year = Year
grant-pool = Size of the pool
grant-max-amount = Most per application
grant-opens = Opens
grant-deadline = Deadline
grant-deadline-hint = Danish time. Applications must be submitted before this moment.
grant-focus-areas = Focus areas
grant-applicants = Who may apply
grant-target-groups = Target groups
grant-certified-above = Certified accounts required above
grant-certified-hint = Leave empty if certified accounts are never required.
grant-questions = The municipality's questions
grant-questions-hint = One question per line. Start the line with # for a number as the answer; write the options after | for a choice (How often do you meet? | Weekly | Monthly).
grant-kroner-hint = Write amounts in kroner, for example 12.500 or 12500,50.
grant-save-call = Save the call
grant-edit-call = Edit the call
grant-open-now = Open for applications
grant-not-open = Opens later
grant-closed = Closed
grant-apply = Apply
grant-applications = Applications
grant-application = Application
grant-application-title = Title of the application
grant-organisation = Applicant
grant-summary = What will the money be used for?
grant-activities = Activities
grant-activity = Activity
grant-activity-title = Activity
grant-activity-target = Target group
grant-activity-participants = Expected participants
grant-activity-offer = The activity on Naboskab
grant-no-offer = None (a new activity)
grant-no-activities = No activities.
grant-budget = Budget
grant-income = Income
grant-line-text = Text
grant-line-amount = Amount
grant-total = Total
grant-amount-applied = Amount applied for
grant-amount-applied-hint = At most the pool's maximum and at most the budget's total.
grant-amount-granted = Amount granted
grant-answers = Answers to the municipality's questions
grant-save-draft = Save as draft
grant-submit = Submit the application
grant-edit-application = Edit the application
grant-status = Status
grant-submitted-at = Submitted
grant-read-only = You can read this application because one of your departments is named in it. Only the applicant can change it.
grant-decide = Decision
grant-decision = Reason
grant-grant = Grant
grant-refuse = Refuse
grant-note = Note to the applicant
grant-reason = Reason for refusal
grant-filter-status = Show applications
grant-all-statuses = All
grant-filter = Show
grant-no-applications = No applications.
grant-status-draft = Draft
grant-status-submitted = Submitted
grant-status-granted = Granted
grant-status-refused = Refused
grant-status-reported = Reported
grant-focus-loneliness = Loneliness
grant-focus-young = Children and young people
grant-focus-elderly = Elderly people
grant-focus-across_generations = Across generations
grant-focus-health = Health and wellbeing
grant-focus-inclusion = Inclusion
grant-focus-volunteering = Volunteering
grant-applicant-association_cvr = Associations with a CVR number
grant-applicant-self_help_group = Self-help groups
grant-applicant-department_board = Department boards
notice-grant-saved = The application is saved as a draft.
notice-grant-submitted = The application is submitted.
notice-grant-decided = The decision is saved and sent to the applicant.
notice-grant-call-saved = The grant call is saved.
grant-number = No.
grant-export-xlsx = Download as a spreadsheet (XLSX)
grant-export-csv = Download as CSV
grant-report = Report
grant-report-link = Report on the grant
grant-report-intro = Tell the municipality what the grant was used for: what you spent on each budget line, how many took part, and how it went. Money not spent must be paid back.
grant-spent = Spent
grant-spent-total = Spent in total
grant-to-pay-back = To be paid back
grant-participants = Number of participants
grant-attendance-seen = Naboskab recorded { $attendances } attendances at the linked activities in the year,
grant-attendance-people = of which { $people } different people signed up.
grant-narrative = How did it go?
grant-save-report = Send the report
grant-not-granted = A report can only be made on a granted application, and only once.
notice-grant-reported = The report is sent to the municipality.

## Fund: partnerships
partnerships-title = Partnerships
partnerships-intro = Who works together on what in the housing areas: housing organisations, departments, the municipality, associations, health and sports actors.
partnerships-none = There are no partnerships yet.
partnerships-all = All partnerships
partnerships-link = See the partnerships between housing areas, the municipality and associations
partnership-kind = Partnership
partnership-new = Start a partnership
partnership-edit = Change the partnership
partnership-period = Period
partnership-from = From { $date }
partnership-not-current = not running
partnership-parties = Parties
partnership-parties-hint = Choose at least two parties, and at least one you help run yourself.
partnership-offers = Offers in the partnership
partnership-rooms = Rooms in the partnership
partnership-applications = Grant applications
partnership-for-parties = For the parties only
partnership-for-parties-hint = Only the people who run one of the parties see the contact people and applications.
partnership-contacts = Contact people
partnership-contacts-hint = One per line: name, role, phone or e-mail. Only the parties see them.
partnership-no-contacts = No contact people written.
partnership-no-applications = No applications linked.
partnership-purpose = What do you work together on?
partnership-description = Description
partnership-starts = First day
partnership-ends = Last day
partnership-ends-hint = Leave empty if the partnership runs until further notice.
partnership-nothing-to-link = The parties have nothing to link here.
partnership-link-later = Save the partnership with its parties first; then you can link offers, rooms and applications.
partnership-save = Save the partnership
partnership-end = End and delete the partnership
partnership-end-hint = The partnership, its parties and contact people are deleted. Partners lose their priority for the rooms.
notice-partnership-saved = The partnership is saved.
notice-partnership-ended = The partnership is ended and deleted.
partnership-party-search = Find a party
partnership-party-search-hint = { $count ->
    [0] Everyone who can take part is listed.
    [one] One more can take part. Search for its name to find it.
   *[other] { $count } more can take part. Search for a name to find them.
}
partnership-party-search-button = Search
partnership-party-asked = has not answered yet
partnership-answer-heading = Are you part of this partnership?
partnership-answer-hint = Another party named you as a party. The partnership is shown to others, and partners get priority for rooms, only once every party has said yes.
partnership-confirm = Yes, { $party } takes part
partnership-decline = No, { $party } does not take part
partnership-waiting-for = Waiting for an answer from { $parties }. Until every party has said yes, only the parties see the partnership, and it gives no priority for rooms.
partnerships-awaiting = Partnerships waiting for your answer
partnership-already-answered = That party has already answered.
notice-partnership-confirmed = Thank you. You now take part in the partnership.
notice-partnership-declined = You do not take part in the partnership. The other parties can see that.
field-partnership-ends-before-start = The last day must come after the first day.
field-partnership-two-parties = Choose at least two parties.
field-partnership-not-yours = Choose at least one party you help run yourself.
room-settings-partner-days = Days ahead for partners
room-settings-partner-days-hint = Associations in a partnership with the department may book this far ahead. Empty: like everyone else.
rule-partner-ahead = { $days ->
    [one] Partners may book up to 1 day ahead.
   *[other] Partners may book up to { $days } days ahead.
}
partnership-end-confirm = Yes, end and delete the partnership
field-partnership-confirm-end = Tick the box to confirm that the partnership is to be ended and deleted.

## Fund: volunteers
volunteer-role-host = Host
volunteer-role-co_host = Co-host
volunteer-role-welcomer = Welcomer and buddy for newcomers
volunteer-role-driver = Driver
volunteer-role-cook = Cook
volunteer-found = { $found } of { $wanted } found
volunteer-heading = Volunteers wanted
volunteer-intro = This activity happens because neighbours help. Would you lend a hand?
volunteer-you-are = You volunteer as { $role }.
volunteer-you-offered = You offered to help as { $role }. The organisers will get back to you.
volunteer-withdraw = Withdraw
volunteer-offer-legend = I would like to help as
volunteer-offer = Offer your help
volunteer-sign-in = Sign in to offer your help
volunteers-title = Volunteers
volunteers-wanted = What the activity is looking for
volunteers-wanted-hint = How many volunteers do you look for in each role? Empty or 0: none.
volunteers-confirmed-count = { $count ->
    [one] 1 confirmed
   *[other] { $count } confirmed
}
volunteers-save-wanted = Save
volunteers-people = The volunteers
volunteers-none = Nobody has offered to help yet.
volunteers-name = Name
volunteers-role = Role
volunteers-status = Status
volunteers-year-hours = Hours this year
volunteer-hours-title = Volunteers' hours in { $year }
volunteer-hours-intro = The hours the organisers recorded on the association's activities. They go into the report to the municipality (§ 18) and the thank-you messages to the volunteers.
volunteer-hours-year = Year
volunteer-hours-show = Show
volunteer-hours-total = { $hours } hours in all from { $people ->
    [one] one volunteer
   *[other] { $people } volunteers
}.
volunteer-hours-none = No volunteer hours were recorded in { $year }.
volunteer-hours-csv = Download as CSV
volunteer-hours-people = Per volunteer
volunteer-hours-by-activity = Per activity
volunteer-hours-activities = Activities
volunteer-hours-volunteers = Volunteers
volunteer-hours-link = All the association's volunteer hours this year
volunteers-actions = Actions
volunteers-confirmed = Confirmed
volunteers-offered = Offered to help
volunteers-day = Day
volunteers-hours = Hours
volunteers-record = Record hours
volunteers-thank = Send thanks
volunteers-confirm = Confirm
volunteers-remove = Remove
volunteers-suggestions = Suggested from the schedule
volunteers-suggestions-hint = Times in the last 14 days where a confirmed volunteer has no hours recorded yet. Confirm with one click, or record other hours above.
volunteers-hours-unit = hours
volunteers-confirm-hours = Confirm the hours
volunteers-recorded = Recorded in the last 14 days
notice-volunteer-offered = Thank you! The organisers have been told that you would like to help.
notice-volunteers-saved = What the activity is looking for is saved.
notice-volunteer-confirmed = The volunteer is confirmed.
notice-volunteer-removed = The volunteer is removed from the activity.
notice-volunteer-hours = The hours are recorded.
notice-volunteer-thanked = The thanks are sent.
notice-volunteer-withdrawn = You have withdrawn.
field-volunteer-role = Choose one of the roles the activity is looking for.
field-volunteer-not-confirmed = Confirm the volunteer before recording hours.
field-date-in-future = The date must not be in the future.
field-date-too-old = The date may be at most a year back.
field-volunteer-hours = Write hours like 2, 1.5 or 2:30 (at most 16 in one day).
field-volunteer-limit = Write a number from 1 to 50.
mail-volunteer-thanks-subject = Thank you for your help with { $activity }
mail-volunteer-thanks-body = Dear { $name }

    Thank you for volunteering with "{ $activity }". In { $year } you have given { $hours } hours to your neighbours.

    Volunteers like you are the reason nobody has to sit alone.

    Best wishes from the organisers
volunteer-alerts = Volunteers: where does it rest on one person?
volunteer-alerts-hint = Only for the board and the housing organisation's staff, so you can find more hands before an activity collapses.
volunteer-alerts-one-person = Activities with a host and no co-host
volunteer-alerts-over-limit = { $count ->
    [one] Volunteers carrying more than 1 activity
   *[other] Volunteers carrying more than { $count } activities
}
volunteer-alerts-none = None right now.
volunteer-alerts-carries = { $count ->
    [one] 1 activity
   *[other] { $count } activities
}
mail-volunteer-offered-subject = { $name } would like to help with { $activity }
mail-volunteer-offered-body = Hello

    { $name } has offered to help as { $role } with "{ $activity }".

    Confirm or answer here:
    { $link }
grant-volunteer-hours = { $volunteers ->
    [one] 1 volunteer gave { $hours } hours to the activities during the year (from the organisers' records). Mention them in the narrative.
   *[other] { $volunteers } volunteers gave { $hours } hours to the activities during the year (from the organisers' records). Mention them in the narrative.
}
volunteer-all-found = Every role is filled right now. Thank you to the volunteers!
grant-criteria = Criteria the committee scores
grant-criteria-hint = One per line. Each application gets 0–5 points per criterion; only the municipality sees the points.
grant-points = Points
grant-review = The municipality's review
grant-review-hint = Only the municipality sees points and notes. The applicant and the housing organisation do not.
grant-review-no-criteria = The call has no criteria; write them in the call's settings to give points.
grant-not-scored = Not scored
grant-review-note = New note
grant-notes = Notes
grant-save-review = Save the review
notice-grant-reviewed = The review is saved.
field-grant-score = Choose a score from 0 to 5.
field-grant-review-empty = Give at least one score or write a note.
field-grant-not-eligible = The call is not open to your kind of applicant (see “Who may apply” on the call's page: associations with a valid CVR number, self-help groups or department boards).
grant-report-due = Report deadline
grant-report-due-hint = Optional. Applicants with a grant are reminded two weeks before (Danish time).
field-grant-report-due-before-deadline = The report deadline must come after the application deadline.
grant-accounts-certified = The accounts are certified by a registered or state-authorised auditor
grant-accounts-certified-hint = The call requires certified accounts for grants of this size. Have the auditor's statement ready in case the municipality asks for it.
field-grant-certified-required = The grant requires certified accounts: tick the box once the accounts are certified.
mail-grant-report-due-subject = Remember the report on { $application }
mail-grant-report-due-body = Hello { $name }

    The report on "{ $application }" is due by { $due }: what you spent the money on, how many took part and what happened.

    Write it here:
    { $link }
grant-reported-certified = Certified accounts
grant-answer-choose = Choose
grant-answer-number = a number
field-grant-answer-number = Write a whole number from 0 to 1,000,000.
field-grant-answer-choice = Choose one of the answers in the list.
field-grant-question-malformed = A question has no text, or a choice has only one answer. Write at least two answers after |.

## Documents attached to applications
grant-required-documents = Documents every application must include
grant-required-documents-hint = One per line, such as Statutes or Budget. An application cannot be submitted until each of them is attached.
grant-documents-accepted = PDF, images (JPEG, PNG, WebP) and office documents (Word, Excel, PowerPoint, OpenDocument), at most 10 MB per file.
grant-documents = Documents
grant-no-documents = There are no documents yet.
grant-document-what = Which document
grant-document-file = File
grant-document-size = Size
grant-document-uploaded = Attached
grant-document-remove = Remove
grant-document-attach = Attach
grant-document-other = Other document
grant-document-fallback-name = document
grant-documents-missing-list = These documents are missing before the application can be submitted:
grant-documents-missing = The application cannot be submitted yet: first attach the documents the municipality requires (under Documents on the application's page).
grant-documents-closed = The documents can no longer be changed: the deadline has passed, or the municipality has decided.
grant-document-still-required = The application is submitted and the municipality requires this document. Attach a new one first, or save the application as a draft.
notice-grant-document-attached = The document is attached.
notice-grant-document-removed = The document is removed.
field-file-empty = Choose a file. The chosen file is empty.
field-file-too-large = The file is larger than 10 MB. Save it in a smaller size, or split it into several files.
field-file-kind = This file cannot be used: choose a PDF, an image (JPEG, PNG, WebP) or an office document (Word, Excel, PowerPoint, OpenDocument) whose content matches its name.
field-file-too-many = The application already has 20 documents, which is the most it can have. Remove one before attaching another.
field-file-unreadable = The file did not arrive whole. Try attaching it again.
grant-documents-before-submit = The municipality requires these documents before the application can be submitted. Save the application as a draft and attach them on its page:
grant-documents-go = To the application's documents
grant-pdf = Download the application as PDF
grant-letter-pdf = Download the decision letter (PDF)
pdf-application-title = Application no. { $number }: { $application }
pdf-letter-title = Decision on { $application }
pdf-printed = Printed { $date }
letter-greeting = Dear { $name }
letter-grant-granted-subject = Grant: { $application }
letter-grant-refused-subject = Refusal: { $application }
letter-grant-granted-body = { $municipality } has considered your application "{ $application }" to the pool "{ $call }" and grants { $amount } of the { $applied } applied for.
letter-grant-refused-body = { $municipality } has considered your application "{ $application }" to the pool "{ $call }" and is unfortunately unable to make a grant this time.
letter-grant-note = Note: { $note }
letter-grant-reason = Reason: { $reason }
letter-grant-report = When the year is over, report on the activities and the accounts on Naboskab. Money that was not spent must be paid back.
letter-grant-report-by = When the year is over, report on the activities and the accounts on Naboskab by { $due }. Money that was not spent must be paid back.
letter-see-online = The application and the decision are on { $link }
letter-closing = Kind regards

## Measure: the anonymous loneliness survey
nav-surveys = Wellbeing surveys
notice-survey-round-started = The round is started. Make codes for the letters below.
field-survey-closes-before-opens = The last day cannot be before the first day.
field-survey-language = Choose languages from the list.
field-survey-departments = Choose at least one department you can run surveys in.
field-survey-overlap = One of the departments already has a round in that period. A department has one round at a time.
field-survey-count = Enter a number of codes from 1 to 5000.
field-survey-item = Choose an answer to the question.
field-survey-choice = Choose from the list, or leave it empty.
field-survey-too-narrow = The figures for that department would be about fewer than 5 people, alone or subtracted from the whole round's. They are shown only together with other departments.
survey-code-not-valid = The code does not exist or has been used. Check that you typed it as in the letter.
survey-round-closed = The survey is not taking answers today. The code can be used while the survey is open.
survey-title = Wellbeing survey
survey-intro = Three short questions about how you feel about other people. It takes a couple of minutes. Your answers are anonymous.
survey-code = The code from the letter
survey-code-hint = 12 characters, e.g. ABCD-EFGH-JKMN. Capital or small letters are both fine.
survey-open = Open the questions
survey-tils-lead = How often do you feel this way?
survey-tils-companionship = How often do you feel that you lack companionship?
survey-tils-left_out = How often do you feel left out?
survey-tils-isolated = How often do you feel isolated from others?
survey-tils-option-1 = Hardly ever
survey-tils-option-2 = Some of the time
survey-tils-option-3 = Often
survey-who5-heading = Your mood over the last 2 weeks
survey-who5-lead = You may skip these questions. Over the last 2 weeks …
survey-who5-cheerful = … I have felt cheerful and in good spirits
survey-who5-calm = … I have felt calm and relaxed
survey-who5-active = … I have felt active and vigorous
survey-who5-rested = … I woke up feeling fresh and rested
survey-who5-interested = … my daily life has been filled with things that interest me
survey-who5-option-5 = All of the time
survey-who5-option-4 = Most of the time
survey-who5-option-3 = More than half of the time
survey-who5-option-2 = Less than half of the time
survey-who5-option-1 = Some of the time
survey-who5-option-0 = At no time
survey-about-you = About you (optional)
survey-age = Age
survey-gender = Gender
survey-rather-not-say = Rather not say
survey-age-16-24 = 16–24 years
survey-age-25-34 = 25–34 years
survey-age-35-44 = 35–44 years
survey-age-45-54 = 45–54 years
survey-age-55-64 = 55–64 years
survey-age-65-74 = 65–74 years
survey-age-75-plus = 75 years or older
survey-gender-woman = Woman
survey-gender-man = Man
survey-gender-other = Other
survey-not-given = Not given
survey-anonymous = Answers are stored without name, address, code or time. Nobody can see what you answered.
survey-send = Send answers
survey-thanks-title = Thank you for your answers
survey-thanks-body = Your answers are stored anonymously. The code cannot be used again.
survey-thanks-lonely = Feeling lonely? See where to get help
survey-thanks-offers = Find communities and activities near you
surveys-title = Wellbeing surveys
surveys-intro = Ask residents anonymously about loneliness with the three questions the Danish national health profile uses. Figures are shown only for groups of at least 5 people.
surveys-none = There are no rounds yet.
surveys-round = Round
surveys-period = Period
surveys-departments = Departments
surveys-codes-issued = Codes
surveys-codes-count = { $count ->
    [one] 1 code issued
   *[other] { $count } codes issued
}
surveys-new = New round
surveys-round-title = Name of the round
surveys-opens = First day
surveys-closes = Last day
surveys-languages = Languages besides Danish
surveys-languages-hint = The letters and the questions come in Danish and the languages chosen.
surveys-who5 = Also ask about wellbeing (WHO-5, five questions)
surveys-start = Start the round
surveys-codes-heading = Codes for the letters
surveys-codes-intro = Each code can be used once. Codes are kept only as hashes and cannot be shown again, so save the file and put the codes in the letters.
surveys-codes-count-label = Number of codes
surveys-codes-make = Make codes
survey-report-department = Department
survey-report-whole = The whole round
survey-report-show = Show
survey-report-severe-heading = Share with signs of severe loneliness
survey-report-chart-caption = The bar is the share scoring 7 or more; the line is the 95 % interval. The dashed vertical lines are the national figures.
survey-report-table-caption = The figures behind the chart
survey-report-group = Group
survey-report-respondents = Answers
survey-report-severe = Severe loneliness
survey-report-interval = 95 % interval
survey-report-mean = Mean (3–9)
survey-report-who5-poor = Poor wellbeing (WHO-5)
survey-report-reference = National figures: 12.4 % of adults in Denmark and 14.6 % in social housing (Danish national health profile 2021). The figures here are unweighted and come from those who chose to answer, so they are not directly comparable.
survey-report-suppression = Groups of fewer than 5 answers are not shown. So that nobody can work out one person's answer, another group is hidden too, and small departments are shown only together.
survey-report-answers-heading = Who answered
survey-report-score = Score
survey-report-trend = Trend
survey-report-together = Other departments together
survey-report-too-few = { $n } have answered. Figures are shown once at least 5 have answered.
survey-report-summary = { $n } have answered. { $share } show signs of severe loneliness.
survey-band = { $low }–{ $high }
survey-reference-national = All of Denmark 12.4 %
survey-reference-social-housing = Social housing 14.6 %
field-survey-letters = Enter a number of letters from 1 to 1000.
survey-letter-title = Letters for { $round }
survey-letter-to = To the residents of
survey-letter-heading = How do you feel about other people?
survey-letter-why = { $sender } would like to know how the residents of { $department } are doing. The answers are used to create more communities and activities where you live.
survey-letter-how = Scan the QR code with your phone, or go to { $site } and enter the code. It takes a couple of minutes.
survey-letter-until = You can answer until { $date }.
survey-letter-anonymous = The answers are anonymous. The code works once and is not stored with your answers, so nobody can see who answered what.
survey-letter-code = Your code
surveys-letters-heading = Letters with codes
surveys-letters-intro = Each letter has its own code and a QR code, in Danish and the language chosen. Print one letter per address. The codes cannot be shown again.
surveys-letters-language = Language besides Danish
surveys-letters-danish-only = Danish only
surveys-letters-count = Number of letters
surveys-letters-make = Make letters (PDF)
surveys-codes-only = Or download the codes as a text file for your own letters.
nav-impact = Impact in numbers
impact-title = Impact in numbers
impact-intro = Which groups have activities on which days, how many come and come back, and how the rooms are used. Choose a place.
impact-place = Place
impact-kind = Kind
impact-departments-count = { $count ->
    [one] 1 department
   *[other] { $count } departments
}
impact-csv = Download the tables as CSV
impact-xlsx = Download the tables as Excel (XLSX)
impact-offers-heading = Activities by target group and weekday
impact-offers-intro = { $count ->
    [one] 1 published offer is held here.
   *[other] { $count } published offers are held here.
}
impact-offers-caption = The number in each cell is the number of offers for the group that day. Hatched cells without a number: nothing on.
impact-offers-table = The figures behind the overview
impact-target-group = Target group
impact-gaps = Groups with nothing on some days
impact-no-day = no day
impact-participation-heading = Participation in the last half year
impact-participation-intro = People signed up and marked present, and those counted without a name. "Came back" counts those whose first visit is at least 4 (or 12) weeks ago.
impact-attendances = Attendances
impact-people = Different people
impact-could-return-4 = First visit at least 4 weeks ago
impact-returned-4 = Came back after 4 weeks or more
impact-could-return-12 = First visit at least 12 weeks ago
impact-returned-12 = Came back after 12 weeks or more
impact-anonymous = Counted without a name (drop-in and walk-ins)
impact-rooms-heading = Room use in the last half year
impact-rooms-caption = Hours booked by kind of use (confirmed bookings).
impact-bookings = Bookings
impact-hours = Hours
