# Naboskab — dansk (standardsprog). Klart sprog: korte sætninger, du-form.
# Hver nøgle her skal findes i alle sprog (testes).

## Layout
skip-to-content = Gå til indhold
language-switcher-label = Sprog
main-nav-label = Hovedmenu
nav-home = Forside
nav-municipalities = Kommuner
nav-account = Min konto
nav-admin = Administration
nav-logout = Log ud
nav-login = Log ind
nav-register = Opret konto
nav-about = Om Naboskab
nav-api = Åbne data (API)
nav-demo-outbox = Demo: sendte e-mails
footer-about = Naboskab samler aktiviteter, fællesskaber og hjælp mod ensomhed i almene boligområder.

## Formater
format-datetime = { $day }. { $month } { $year } kl. { $time }
format-date = { $day }. { $month } { $year }
month-1 = januar
month-2 = februar
month-3 = marts
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Forside
home-title = Fællesskaber tæt på dig
home-heading = Find fællesskaber tæt på dig
home-lead = Naboskab viser aktiviteter, fælleshuse og hjælp i dit boligområde. Du er velkommen, også hvis du er ny.
home-areas = Boligområder og afdelinger
home-empty = Der er endnu ingen boligområder her.
home-how = Det kan du på Naboskab
home-how-find = Finde aktiviteter og hjælp i nærheden, på dit eget sprog.
home-how-join = Tilmelde dig aktiviteter, også uden konto.
home-how-gather = Booke fælleshuset efter afdelingens regler.
home-how-reach = Få kontakt til en social vicevært, hvis du føler dig alene.
home-all-municipalities = Se alle 98 kommuner

## Om
about-title = Om Naboskab
about-lead = Naboskab er en platform mod ensomhed i almene boligområder. Boligorganisationer, foreninger og kommuner bruger den til at samle fællesskaber ét sted.
about-privacy-heading = Dine oplysninger
about-privacy = Vi gemmer kun det, der skal til. Du kan altid se, rette og slette dine oplysninger.
about-accessibility-heading = Tilgængelighed
about-accessibility = Siderne følger WCAG 2.1 AA. De virker uden JavaScript, med skærmlæser og med tastatur.
about-open-data-heading = Åbne data
about-open-data = Kommuner, afdelinger og tilbud kan hentes som åbne data. Beskrivelsen af API'et findes her:

## Kommuner
municipalities-title = Kommuner
municipalities-lead = Alle 98 kommuner i Danmark, ordnet efter region.
municipality-code = Kommunekode
municipality-region = Region
municipality-departments = Boligafdelinger
municipality-no-departments = Der er endnu ingen boligafdelinger på Naboskab i denne kommune.
municipality-partners = Foreninger og samarbejdspartnere
municipality-no-partners = Der er endnu ingen foreninger eller partnere på Naboskab i denne kommune.
municipality-all = Alle kommuner

## Organisationer
org-kind-housing_organisation = Boligorganisation
org-kind-department = Afdeling
org-kind-housing_area = Boligområde
org-kind-municipality = Kommune
org-kind-association = Forening
org-kind-health_actor = Sundhedsaktør
org-kind-sports_club = Idrætsforening
org-kind-other_partner = Samarbejdspartner
org-kind-platform = Platform
org-address = Adresse
org-map-link = Se på kort
org-parent = Hører til
org-municipality = Kommune
org-cvr = CVR-nummer
org-website = Hjemmeside
org-phone = Telefon
org-areas = Boligområde
org-departments = Afdelinger
org-manage-members = Roller og medlemmer

## Roller
role-resident = Beboer
role-organiser = Arrangør
role-board_member = Afdelingsbestyrelse
role-social_caretaker = Social vicevært
role-housing_org_admin = Administrator i boligorganisation
role-municipal_officer = Kommunal medarbejder
role-platform_admin = Platformsadministrator

## Formularer
form-error-summary = Der er et problem
field-email = E-mail
field-password = Adgangskode
field-new-password = Ny adgangskode
field-current-password = Nuværende adgangskode
field-name = Navn
field-role = Rolle
field-token-name = Navn på nøglen
field-password-hint = Mindst 12 tegn. Brug gerne en sætning, du kan huske.
field-required = Udfyld feltet.
field-too-long = Teksten er for lang.
field-email-invalid = Skriv en e-mailadresse som navn@eksempel.dk.
field-password-too-short = Adgangskoden skal have mindst 12 tegn.
field-password-too-long = Adgangskoden må højst have 128 tegn.
field-password-too-common = Adgangskoden er for almindelig. Vælg en, der er svær at gætte.
field-current-password-wrong = Den nuværende adgangskode er forkert.
field-role-invalid = Vælg en rolle fra listen.
field-no-such-account = Der findes ingen konto med den e-mail.
field-unknown = Parameteren kendes ikke.
field-invalid = Værdien kan ikke forstås.
field-kind-invalid = Ukendt type organisation.
field-oidc-state = Login-forsøget er udløbet. Prøv igen.

## Log ind
login-title = Log ind
login-submit = Log ind
login-failed = E-mail eller adgangskode er forkert.
login-forgot = Glemt adgangskode?
login-no-account = Har du ingen konto?
login-with = Log ind med { $provider }
oidc-default-name = Ny bruger

## Opret konto
register-title = Opret konto
register-lead = Med en konto kan du tilmelde dig aktiviteter og booke fælleshuset. Du kan også bruge Naboskab uden konto.
register-submit = Opret konto
register-sent-title = Tjek din e-mail
register-sent-body = Vi har sendt en e-mail til adressen. Klik på linket i e-mailen for at bekræfte den. Hvis du allerede har en konto, får du en e-mail om det i stedet.

## Bekræft e-mail
verify-title = Bekræft din e-mail
verify-lead = Tryk på knappen for at bekræfte din e-mailadresse.
verify-submit = Bekræft e-mail
token-invalid = Linket virker ikke længere. Det er enten brugt eller for gammelt.

## Glemt adgangskode
forgot-title = Glemt adgangskode
forgot-lead = Skriv din e-mail. Hvis der er en konto, sender vi et link, så du kan vælge en ny adgangskode.
forgot-submit = Send link
forgot-sent-title = Tjek din e-mail
forgot-sent-body = Hvis der findes en konto med adressen, har vi sendt et link. Linket virker i 30 minutter.
reset-title = Vælg ny adgangskode
reset-submit = Gem ny adgangskode

## Min konto
account-title = Min konto
account-unverified = Din e-mail er ikke bekræftet endnu.
account-resend = Send bekræftelse igen
account-roles = Roller
account-no-roles = Du har ingen roller endnu. Din boligorganisation kan give dig en.
account-change-password = Skift adgangskode
account-change-password-submit = Skift adgangskode
account-sessions = Hvor du er logget ind
account-session-count = { $count ->
    [one] Du er logget ind på 1 enhed.
   *[other] Du er logget ind på { $count } enheder.
}
account-logout-everywhere = Log ud alle steder
account-tokens = API-nøgler
account-tokens-lead = Nøgler giver programmer adgang til Naboskab på dine vegne. Giv dem aldrig videre.
account-token-created = Her er din nye nøgle. Kopiér den nu: den vises kun denne ene gang.
account-token-created-at = Oprettet
account-token-used-at = Sidst brugt
account-token-never = Aldrig
account-token-actions = Handlinger
account-token-revoke = Slet nøglen { $name }
account-token-create = Opret nøgle

## Beskeder øverst på siden
notice-logged-out = Du er logget ud.
notice-logged-out-everywhere = Du er logget ud på alle enheder.
notice-password-changed = Din adgangskode er skiftet. Du er logget ud på dine andre enheder.
notice-password-reset = Din adgangskode er gemt. Log ind med den nye adgangskode.
notice-email-verified = Tak! Din e-mail er bekræftet.
notice-verification-sent = Vi har sendt en ny e-mail med et bekræftelseslink.
notice-token-revoked = Nøglen er slettet.
notice-members-updated = Rollerne er opdateret.
notice-oidc-failed = Login blev afbrudt. Prøv igen eller brug e-mail og adgangskode.

## Administration
admin-title = Administration
admin-users = Konti
admin-organisations = Organisationer
members-title = Roller i { $org }
members-back = Tilbage til organisationen
members-none = Ingen har roller her endnu.
members-grant = Giv eller fjern en rolle
members-remove = Fjern rollen i stedet for at give den
members-submit = Gem

## Demo-udbakke
outbox-title = Sendte e-mails (demo)
outbox-lead = I demoen sendes e-mails ikke. De vises her, så du kan klikke på linkene.
outbox-empty = Ingen e-mails endnu.
outbox-to = Til
outbox-links = Links i e-mailen

## E-mails
mail-verify-subject = Bekræft din e-mail til Naboskab
mail-verify-body = Hej { $name }

    Tak fordi du har oprettet en konto på Naboskab.
    Åbn linket for at bekræfte din e-mail:

    { $link }

    Linket virker i 48 timer. Har du ikke oprettet en konto, kan du se bort fra denne e-mail.
mail-reset-subject = Vælg en ny adgangskode til Naboskab
mail-reset-body = Hej { $name }

    Nogen har bedt om at nulstille adgangskoden til din konto.
    Åbn linket for at vælge en ny adgangskode:

    { $link }

    Linket virker i 30 minutter. Har du ikke bedt om det, kan du se bort fra denne e-mail.
mail-exists-subject = Du har allerede en konto på Naboskab
mail-exists-body = Hej { $name }

    Nogen har prøvet at oprette en konto med din e-mail, men du har allerede en.
    Har du glemt din adgangskode, kan du vælge en ny her:

    { $link }

## Fejl
error-back-home = Gå til forsiden
error-status = Fejlkode
error-not-found = Siden findes ikke
error-not-found-help = Tjek adressen, eller gå til forsiden og find vej derfra.
error-unauthorized = Du skal logge ind
error-unauthorized-help = Log ind for at se siden.
error-forbidden = Du har ikke adgang
error-forbidden-help = Din rolle giver ikke adgang til dette. Kontakt din boligorganisation, hvis du mener, det er en fejl.
error-csrf = Formularen er udløbet
error-csrf-help = Gå tilbage, genindlæs siden og prøv igen. Intet er ændret.
error-invalid = Noget i forespørgslen er forkert
error-invalid-help = Ret de markerede felter og prøv igen.
error-conflict = Det findes allerede
error-conflict-help = Det, du prøver at oprette, findes allerede.
error-token-used = Linket er allerede brugt
error-token-used-help = Bed om et nyt link.
error-too-large = Det sendte er for stort
error-too-large-help = Send mindre data ad gangen.
error-media-type = Formatet kan ikke bruges
error-media-type-help = Send data som formular eller JSON.
error-method = Handlingen er ikke mulig her
error-method-help = Siden kan ikke bruges på den måde.
error-too-many = For mange forsøg
error-too-many-help = Vent lidt, og prøv så igen.
error-unavailable = Naboskab er midlertidigt utilgængelig
error-unavailable-help = Vi kan ikke nå databasen lige nu. Prøv igen om lidt. Intet af det, du har gemt, er tabt.
error-internal = Der skete en fejl
error-internal-help = Det er vores fejl. Prøv igen om lidt.

## Find: tilbud og søgning
nav-offers = Find aktiviteter
home-welcome-offers = Her er nye altid velkomne
home-all-offers = Se alle aktiviteter og tilbud
offers-title = Find aktiviteter og hjælp
offers-lead = Søg blandt aktiviteter, fællesskaber og hjælp i nærheden. Du kan skrive på dansk eller dit eget sprog.
offers-search-label = Hvad leder du efter?
offers-search-placeholder = fx strik, fællesspisning, lektiehjælp
offers-search-submit = Søg
offers-filters = Flere valg
offers-near-department = Tæt på
offers-anywhere = Hvor som helst
offers-radius = Afstand
offers-category = Emne
offers-all = Alle emner
offers-target-group = For hvem
offers-everyone = Alle
offers-language = Sprog
offers-any-language = Alle sprog
offers-weekday = Ugedag
offers-any-day = Alle dage
offers-only-free = Kun gratis
offers-only-step-free = Kun uden trapper (trinfri adgang)
offers-only-newcomers = Kun hvor nye bliver taget godt imod
offers-results = Resultater
offers-newest = Nyeste tilbud
offers-near = nær { $place }
offers-none = Vi fandt ingen tilbud. Prøv et andet ord eller færre valg.
offers-none-help = Føler du dig alene? Her kan du få hjælp.
offers-next-page = Vis flere
offer-free = Gratis
offer-distance = { $distance } væk
offer-languages-short = Sprog
offer-newcomers-welcome = Nye er velkomne
offer-drop-in = Bare mød op
offer-step-free = Trinfri adgang
offer-not-step-free = Ikke trinfri
offer-accessible-toilet = Handicaptoilet
offer-hearing-loop = Teleslynge
offer-bring-friend = Tag en ven med
offer-when = Hvornår
offer-where = Hvor
offer-cost = Pris
offer-languages = Sprog
offer-for = For
offer-categories = Emner
offer-accessibility = Tilgængelighed
offer-contact = Kontakt
offer-bring = Medbring
offer-first-time = Første gang?
offer-back = Tilbage til søgningen
offer-edit = Rediger tilbuddet
offer-not-published = Tilbuddet er ikke offentligt endnu
status-draft = kladde
status-pending = venter på godkendelse
status-published = offentligt
status-archived = arkiveret
kind-activity = Aktivitet
kind-community = Fællesskab og klub
kind-self_help = Selvhjælp og samtalegruppe
kind-volunteering = Frivilligt arbejde
kind-municipal_service = Kommunalt tilbud
kind-counselling = Rådgivning og hjælpelinje
target-children = Børn
target-young = Unge 15–24 år
target-adults = Voksne
target-elderly = Ældre 65+
target-families = Familier
target-intergenerational = På tværs af generationer
target-women = Kvinder
target-men = Mænd
target-newcomers = Nye i Danmark eller i området
weekday-1 = mandag
weekday-2 = tirsdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lørdag
weekday-7 = søndag
place-offers = Aktiviteter og tilbud
place-all-offers = Søg i alle tilbud her
place-all-offers-near = Se alle tilbud i nærheden
feed-title = Nye tilbud i { $place }
feed-link = Abonnér på nye tilbud (Atom)
field-choose-from-list = Vælg en af mulighederne.
field-price-invalid = Skriv prisen i kroner, fx 25 eller 25,50.
field-coords-invalid = Koordinaterne ligger uden for kortet.
field-radius-invalid = Afstanden skal være mellem 100 og 100.000 meter.
field-near-invalid = Skriv midtpunktet som breddegrad,længdegrad, fx 55.65,12.30.
field-postal-code-unknown = Vi kender ikke det postnummer.
field-limit-invalid = Antal skal være mellem 1 og 100.
field-limit-1000-invalid = Antal skal være mellem 1 og 1000.
field-per-page-invalid = Antal pr. side skal være mellem 1 og 500.
field-department-required = Vælg hvor du bor.
field-phone = Telefon
field-phone-or-email = Skriv et telefonnummer eller en e-mail, så vi kan nå dig.
field-phone-invalid = Skriv et telefonnummer med 8 cifre.
field-consent-required = Sæt kryds, hvis vi må kontakte dig.

## Føler du dig ensom?
lonely-link = Føler du dig ensom?
lonely-title = Føler du dig ensom?
lonely-lead = Du er ikke alene. Mange har det sådan en gang imellem, og det kan blive bedre.
lonely-body = Her kan du ringe og tale med nogen, finde en social vicevært i dit boligområde, eller bede os om at ringe til dig. Det er gratis.
lonely-helplines = Ring og tal med nogen
lonely-example-number = Eksempel: nummeret er ikke rigtigt i demoen.
lonely-local = Hjælp hvor du bor
lonely-where-do-you-live = Hvor bor du?
lonely-choose = Vælg din afdeling
lonely-show-local = Vis hjælp hvor jeg bor
lonely-caretakers-in = Sociale viceværter i { $department }
lonely-no-caretakers = Der er ingen social vicevært her endnu. Ring til en af linjerne ovenfor, eller udfyld formularen nedenfor.
lonely-office-hours = Træffetid
lonely-welcome-offers = Steder hvor nye bliver taget godt imod
lonely-contact-me = Må vi ringe til dig?
lonely-contact-lead = Skriv dit navn og hvordan vi kan nå dig. En social vicevært kontakter dig, så I kan tale om, hvad der kunne være godt for dig.
lonely-phone-or-email = Telefon eller e-mail. Du behøver kun at skrive den ene.
lonely-language = Hvilket sprog vil du helst tale?
lonely-when = Hvornår passer det bedst, at vi ringer?
lonely-message = Vil du fortælle os noget? (kan udelades)
lonely-consent = Jeg giver lov til, at en social vicevært fra mit boligområde kontakter mig, og at mine oplysninger gemmes til det.
lonely-submit = Send
lonely-store-failed = Vi kunne ikke gemme din besked lige nu. Det du skrev, står stadig nedenfor. Prøv igen om lidt, eller ring til en af linjerne.
lonely-thanks-title = Tak. Vi kontakter dig.
lonely-thanks-body = En social vicevært fra dit boligområde kontakter dig inden for et par hverdage. Har du brug for at tale med nogen nu, kan du ringe til en af linjerne på siden "Føler du dig ensom?".

## Arrangører: opret og ret tilbud
nav-manage-offers = Mine tilbud
manage-title = Mine tilbud
manage-new-offer = Opret et tilbud
manage-edit-offer = Ret tilbuddet
manage-pending = Venter på din godkendelse
manage-approve = Godkend { $title }
manage-mine = Tilbud fra mine foreninger og afdelinger
manage-none = Der er ingen tilbud endnu.
manage-status = Status
manage-edit = Ret { $title }
manage-archive = Arkivér { $title }
manage-preview = Vis forhåndsvisning
manage-publish = Offentliggør
manage-save-draft = Gem som kladde
manage-welcome = Velkomst
manage-translations = Oversættelser (kan udelades)
manage-title-en = Titel på engelsk
manage-description-en = Beskrivelse på engelsk
manage-title-ar = Titel på arabisk
manage-description-ar = Beskrivelse på arabisk
field-title = Titel
field-organisation = Forening eller afdeling
field-kind = Slags tilbud
field-description = Beskrivelse
field-description-hint = Skriv kort og klart. En tom linje giver et nyt afsnit.
field-department = Hvor foregår det?
field-department-none = Et andet sted (skriv adressen nedenfor)
field-address-other = Adresse, hvis det ikke er i en afdeling
field-street = Vej og nummer
field-postal-code = Postnummer
field-city = By
field-price = Pris i kroner
field-price-hint = Lad feltet stå tomt, hvis det er gratis.
notice-offer-draft = Tilbuddet er gemt som kladde. Kun du og din forening kan se det.
notice-offer-pending = Tak. Tilbuddet venter nu på godkendelse fra boligorganisationen.
notice-offer-published = Tilbuddet er offentliggjort.
notice-offer-saved = Ændringerne er gemt.
notice-offer-archived = Tilbuddet er arkiveret.
notice-offer-approved = Tilbuddet er godkendt og offentliggjort.

## Administration of Find: helplines and approval
admin-helplines = Hjælpelinjer på "Føler du dig ensom?"
admin-helplines-intro = Hjælpelinjerne vises på siden "Føler du dig ensom?" i denne rækkefølge. Skriv åbningstider, så man ved, hvornår man kan ringe.
helpline-add = Tilføj en hjælpelinje
helpline-hours = Åbningstider
helpline-url = Hjemmeside
helpline-is-example = Eksempel: nummeret er ikke rigtigt (vises med en markering)
helpline-example-badge = eksempel
helpline-delete = Slet hjælpelinjen i stedet for at gemme
helpline-save = Gem
field-helpline-phone-invalid = Skriv telefonnummeret med cifre. Mellemrum, +, - og parenteser er tilladt.
field-url-invalid = Skriv en adresse, der begynder med https://
notice-settings-saved = Ændringerne er gemt.
approval-heading = Godkendelse af tilbud fra nye foreninger
approval-label = Tilbud fra foreninger, der er nye i vores afdelinger, venter på vores godkendelse
approval-hint = Når en forening har fået ét tilbud godkendt, bliver dens næste tilbud offentliggjort med det samme.
approval-submit = Gem indstillingen

## Join: calendar, sign-up, attendance
nav-calendar = Kalender
calendar-nav = Blad i kalenderen
calendar-week-of = Ugen fra { $date }
calendar-month-of = { $month }
calendar-prev-week = Forrige uge
calendar-next-week = Næste uge
calendar-prev-month = Forrige måned
calendar-next-month = Næste måned
calendar-as-list = Vis ugen som liste
calendar-as-month = Vis hele måneden
calendar-subscribe = Abonnér i din kalender
calendar-programme = Ugeprogram til opslagstavlen
calendar-today = i dag
calendar-nothing = Ingen aktiviteter.
occurrence-about-offer = Om aktiviteten
occurrence-cancelled = Aflyst
occurrence-places = Pladser
occurrence-places-left = { $count ->
    [0] Alle pladser er taget
    [one] 1 ledig plads
   *[other] { $count } ledige pladser
}
occurrence-no-limit = Der er plads til alle
occurrence-signup = Tilmelding
occurrence-add-to-calendar = Læg i din kalender
occurrence-sign-up = Tilmeld dig
occurrence-join-waitlist = Skriv dig på ventelisten
occurrence-full-hint = Der er fuldt lige nu. Skriv dig på ventelisten: får nogen forhindring, rykker du op og får besked.
signup-contact-hint = Skriv telefon eller e-mail. Vi sender en besked med et link, hvor du bekræfter eller melder fra.
signup-first-time = Det er første gang – tag godt imod mig
signup-bring-friend = Jeg tager en ven med (+1)
signup-assisted = Tilmeld en beboer på vegne af dem
signup-resident-name = Beboerens navn
signup-consent-method = Hvordan sagde beboeren ja til tilmeldingen?
signup-assisted-submit = Tilmeld beboeren
consent-in_person = Ansigt til ansigt
consent-by_phone = I telefonen
consent-in_writing = Skriftligt
field-choose = Vælg …
field-consent-method-required = Vælg, hvordan beboeren gav sit samtykke.
field-number-invalid = Skriv et tal.
field-datetime-invalid = Skriv et tidspunkt som 2027-01-05T14:00 eller en dato som 2027-01-05.
field-window-invalid = Slutningen skal ligge efter starten og højst 400 dage senere.
signup-done-confirmed = Du er tilmeldt. Vi glæder os til at se dig.
signup-done-waitlisted = { $position ->
    [one] Du er nummer 1 på ventelisten. Får nogen forhindring, får du pladsen og en besked.
   *[other] Du er nummer { $position } på ventelisten. Får nogen forhindring, rykker du op og får besked.
}
signup-done-already = Du er allerede tilmeldt.
signup-done-check-messages = Vi har sendt en besked til { $to }. Åbn linket i beskeden inden for et døgn for at bekræfte din tilmelding; ellers går pladsen videre til en anden.
signup-manage-link = Se eller afmeld din tilmelding
signup-back = Tilbage til aktiviteten
signup-status = Status
signup-status-confirmed = Du har en plads.
signup-status-cancelled = Afmeldt.
signup-confirm-button = Bekræft min tilmelding
signup-cancel-button = Meld mig fra
signup-closed = Der kan ikke længere tilmeldes: aktiviteten er aflyst eller overstået.
signup-already = Du er allerede tilmeldt denne gang.
signup-drop-in = Her skal man ikke tilmelde sig. Kom bare.
notice-signup-confirmed = Tak! Din tilmelding er bekræftet.
notice-signup-cancelled = Du er meldt fra. Tak fordi du sagde til.
signup-mail-subject = Du er tilmeldt: { $offer }
signup-mail-body = Hej { $name }. Du er tilmeldt { $offer }, { $when }. Kan du ikke komme alligevel, så meld fra her: { $link }
signup-waitlist-mail-subject = Du er på ventelisten: { $offer }
signup-waitlist-mail-body = Hej { $name }. Du er på ventelisten til { $offer }, { $when }. Får nogen forhindring, får du besked. Se eller meld fra her: { $link }
signup-confirm-mail-subject = Bekræft din tilmelding: { $offer }
signup-confirm-mail-body = Hej { $name }. Åbn linket for at bekræfte din tilmelding til { $offer }, { $when }. Der kan du også melde fra: { $link }
promoted-mail-subject = Du har fået en plads: { $offer }
promoted-mail-body = Hej { $name }. Der er blevet en plads ledig, og den er din: { $offer }, { $when }. Vi glæder os til at se dig.
cancelled-mail-subject = Aflyst: { $offer }
cancelled-mail-body = Hej { $name }. { $offer }, { $when }, er desværre aflyst. { $reason }
attendance-title = Fremmødeliste
attendance-present-count = { $count ->
    [one] 1 er mødt op
   *[other] { $count } er mødt op
}
attendance-capacity = { $count } pladser
attendance-signed-up = Tilmeldte
attendance-nobody = Ingen er tilmeldt endnu.
attendance-waitlisted = venteliste
attendance-first-time = første gang
attendance-unconfirmed = ikke bekræftet
attendance-walk-ins = Kom uden tilmelding
attendance-add-walk-in = Nogen kom uden tilmelding: skriv navnet
attendance-add = Tilføj
attendance-headcount = Antal fremmødte (uden navne)
attendance-save-headcount = Gem antallet
offer-upcoming = Næste gange
reminder-mail-subject = I morgen: { $offer }
reminder-mail-body = Hej { $name }. Husk { $offer }, { $when }. Vi glæder os til at se dig. Kan du ikke komme, så meld fra, så en anden kan få pladsen: { $link }
schedule-title = Tidsplan
schedule-none = Aktiviteten har ingen tidsplan endnu. Tilføj den første herunder.
schedule-existing = Tidsplaner
schedule-first = Første gang
schedule-repeat = Gentages
schedule-duration = Varighed i minutter
schedule-add = Tilføj tidsplan
schedule-start = Dato og klokkeslæt
schedule-rule = Egen regel (RRULE)
schedule-rule-hint = Kun når "Egen regel" er valgt, fx FREQ=MONTHLY;BYDAY=2TU for anden tirsdag i måneden.
schedule-until = Sidste dato (valgfri)
schedule-place = Sted, hvis det ikke er aktivitetens sædvanlige (fx et lokale)
schedule-signup-required = Man skal tilmelde sig
schedule-capacity = Antal pladser (tom: ingen grænse)
schedule-once = Én gang
schedule-repeat-once = Kun én gang
schedule-repeat-weekly = Hver uge
schedule-repeat-fortnightly = Hver anden uge
schedule-repeat-monthly_first = Første ugedag i måneden
schedule-repeat-monthly_last = Sidste ugedag i måneden
schedule-repeat-rule = Egen regel
field-duration-invalid = Skriv varigheden i minutter, fra 1 til 1440.
field-date-invalid = Skriv en dato som 2027-06-30.
field-rule-invalid = Reglen kan ikke bruges. Skriv fx FREQ=WEEKLY;BYDAY=TU.
field-cancel-reason-required = Skriv hvorfor, så deltagerne ved det.
occurrence-edit = Ret denne gang
occurrence-cancel = Aflys denne gang (alle tilmeldte får besked)
occurrence-cancel-reason = Begrundelse til deltagerne
programme-hint = Udskriv siden (Ctrl+P) til opslagstavlen. Vælg evt. et ekstra sprog ved siden af dansk:
programme-danish-only = Kun dansk
programme-footer = Alle er velkomne. Scan koden med telefonen for at se mere og tilmelde dig · naboskab.dk
home-today = Sker i dag
home-today-nothing = Der sker ikke mere i dag. Se hvad der sker resten af ugen.
home-today-calendar = Se hele ugens kalender
calendar-filters = Vælg hvad du vil se
calendar-filter-submit = Vis
personal-feed-title = Din egen kalender
personal-feed-lead = Læg adressen ind i kalenderen på din telefon eller computer. Så står alle de aktiviteter, du er tilmeldt, i din kalender, også når de flyttes eller aflyses.
personal-feed-address = Adresse til din kalender
personal-feed-open = Åbn i din kalender
personal-feed-secret = Adressen er hemmelig: den viser, hvad du er tilmeldt. Laver du en ny, holder den gamle op med at virke.
personal-feed-back = Tilbage til din konto
account-signups = Dine tilmeldinger
account-no-signups = Du er ikke tilmeldt noget endnu.
account-calendar-feed-lead = Få alle dine tilmeldinger ind i kalenderen på din telefon.
account-calendar-feed = Lav en adresse til din kalender
schedule-replace-legend = Ændrer tidsplanen sig fra en bestemt dato?
schedule-replaces = Den nye tidsplan afløser
schedule-replaces-none = Ingen (kommer oven i de andre)
schedule-from = Fra og med dato
home-today-near = Sker i dag nær dig

## Gather: rooms and bookings
nav-rooms = Lokaler
rooms-title = Fælleshuse og lokaler
rooms-lead = Se hvornår fælleshuset og de andre lokaler er ledige, og book dem efter afdelingens regler.
rooms-none = Der er ingen lokaler endnu.
room-type = Slags lokale
room-type-faelleshus = Fælleshus
room-type-party_room = Festlokale
room-type-meeting_room = Mødelokale
room-type-workshop = Værksted
room-type-laundry_cafe = Vaskeri-café
room-type-outdoor = Udendørs område
room-capacity = Plads til
room-capacity-people = { $count ->
    [one] 1 person
   *[other] { $count } personer
}
room-opening = Åbent
room-facilities = Udstyr
room-no-accessibility = Ingen oplysninger om tilgængelighed.
room-keys = Nøgler
key-method-office = Nøglen hentes på ejendomskontoret.
key-method-key_box = Nøgleboks ved døren; du får koden, når bookingen er bekræftet.
key-method-electronic_lock = Elektronisk lås; du får koden, når bookingen er bekræftet.
room-price = Pris
room-price-weekday = Mandag–fredag
room-price-weekend = Lørdag–søndag
room-price-per-day = pr. dag
room-price-per-hour = pr. time
room-deposit = Depositum
room-house-rules = Husorden
room-who-books = Hvem kan booke, og på hvilke vilkår
room-availability = Hvornår er lokalet ledigt?
room-feed = Abonnér på lokalets kalender
room-taken = optaget
room-free = ledigt
room-closed = Lukket
room-day-free = ledigt
room-day-partly = delvist optaget
room-day-full = optaget
room-day-closed = lukket
room-book = Book lokalet
room-login-to-book = Log ind for at booke lokalet.
room-cannot-book = Du kan se lokalet, men ikke booke det. Spørg afdelingsbestyrelsen, hvis du mener, du burde kunne.
room-cleaning = Rengøring før du afleverer nøglen
room-settings = Indstillinger
room-use-title = Brug af lokalerne
booking-kind = Slags brug
booking-kind-community = Fællesaktivitet (gratis, åben for alle beboere)
booking-kind-association = Forening eller samarbejdspartner
booking-kind-private = Privat arrangement
booking-kind-external = Udlejning til andre
bookers-residents = beboere i afdelingen
bookers-organisers = foreninger og samarbejdspartnere
bookers-board = afdelingsbestyrelsen
bookers-staff = boligorganisationens medarbejdere
rule-who = Kan bookes af
rule-duration = Højst { $hours } timer ad gangen.
rule-ahead = Op til { $days } dage frem.
rule-approval-none = Bekræftes med det samme.
rule-approval-board = Afdelingsbestyrelsen godkender.
rule-approval-staff = Boligorganisationen godkender.
rule-quiet = Ikke i tidsrummet { $hours }.
rule-per-month = Højst { $count } gang(e) om måneden pr. beboer.
rule-min-age = Du skal være mindst { $age } år.
rule-closed-days = Ikke om { $days }.
rule-advance = Forudbetaling { $amount }.
rule-cancel-notice = Den tabes ved afbud mindre end { $days } dage før.
booking-organisation = Forening
booking-date = Dato
booking-from = Fra kl.
booking-to = Til kl.
booking-to-hint = Et sluttidspunkt før starttidspunktet betyder næste dag, fx 18:00 til 01:00.
booking-title = Hvad skal lokalet bruges til?
booking-title-hint = Fællesaktiviteter og foreninger vises med denne titel i kalenderen. Private arrangementer vises kun som "optaget".
booking-attendees = Forventet antal deltagere
booking-note = Besked til den der godkender
booking-repeat-until = Gentag hver uge indtil
booking-repeat-hint = Kun for fællesaktiviteter og foreninger. Vi booker de ledige datoer og viser dig dem, der ikke kunne bookes.
booking-age-declared = Jeg er mindst { $age } år.
booking-rules-accepted = Jeg har læst husordenen og overholder den.
booking-displace = Bed den ikke-godkendte private booking om at vige for fællesaktiviteten. Beboeren får besked.
booking-displace-hint = Tiden er kun holdt af en privat booking, der endnu ikke er godkendt. En fællesaktivitet går forud.
booking-refused = Bookingen overholder ikke lokalets regler
booking-taken = Lokalet er optaget på det tidspunkt
booking-taken-by = Lokalet er optaget { $when }.
booking-page-title = Booking
booking-status = Status
booking-status-requested = Venter på godkendelse
booking-status-confirmed = Bekræftet
booking-status-rejected = Afvist
booking-status-cancelled = Aflyst
booking-status-displaced = Veget for en fællesaktivitet
booking-booker = Booket af
booking-paid-with-rent = opkræves over huslejen
booking-forfeited = Tabt forudbetaling
deposit-none = Intet depositum
deposit-held = Depositum opkræves
deposit-returned = Depositum tilbagebetalt
deposit-withheld = Depositum tilbageholdt
booking-keys = Nøgler og aflevering
booking-decide = Godkend eller afvis
booking-reason = Begrundelse
booking-reason-hint = Skal udfyldes ved afvisning. Beboeren får den at se.
booking-approve = Godkend
booking-reject = Afvis
booking-cancel = Aflys bookingen
booking-deposit-settle = Depositum efter rengøringstjek
booking-deposit-withheld = Beløb der tilbageholdes (kr.)
booking-deposit-hint = Skriv 0 eller lad feltet stå tomt, hvis alt er i orden.
booking-deposit-save = Gem
booking-already-decided = Bookingen er allerede afgjort eller aflyst.
booking-already-decided-help = Genindlæs siden for at se dens status.
booking-deposit-settled = Depositum er allerede afgjort.
booking-deposit-settled-help = Genindlæs siden for at se, hvad der blev besluttet.
booking-taken-help = Vælg et andet tidspunkt; lokalets side viser, hvornår det er ledigt.
booking-series-title = Din gentagne booking
booking-series-booked = { $count ->
    [one] 1 dato er booket
   *[other] { $count } datoer er booket
}
booking-series-missing = { $count ->
    [one] 1 dato kunne ikke bookes
   *[other] { $count } datoer kunne ikke bookes
}
booking-series-missing-hint = Vælg et andet tidspunkt for disse datoer, eller tal med den der har lokalet.
notice-booking-requested = Tak! Din anmodning er sendt til godkendelse. Du får besked.
notice-booking-confirmed = Bookingen er bekræftet.
notice-booking-rejected = Bookingen er afvist, og beboeren har fået besked.
notice-booking-cancelled = Bookingen er aflyst.
notice-deposit-settled = Depositum er gemt.
manage-bookings-title = Bookinger
manage-bookings-pending = Venter på din godkendelse
manage-bookings-none = Ingen anmodninger venter.
manage-bookings-rooms = Lokaler du administrerer
manage-bookings-mine = Dine bookinger
manage-bookings-none-mine = Du har ingen kommende bookinger.
field-booking-kind-required = Vælg hvilken slags brug det er.
field-booking-organisation-required = Vælg den forening, der booker.
field-booking-reason-required = Skriv en begrundelse.
field-booking-rules-required = Bekræft at du har læst husordenen.
field-time-invalid = Skriv et klokkeslæt som 14:00.
breach-bad-times = Sluttidspunktet skal ligge efter starttidspunktet, i hele kvarterer, og bookingen må højst vare 4 dage.
breach-in-the-past = Tidspunktet er allerede passeret.
breach-kind-closed = Denne slags brug kan ikke bookes i lokalet.
breach-too-short = Bookingen skal vare mindst { $minutes } minutter.
breach-too-long = Bookingen må højst vare { $hours } timer.
breach-too-far-ahead = Du kan højst booke { $days } dage frem.
breach-opening-hours = Lokalet er kun åbent { $hours }.
breach-quiet-hours = Denne slags brug er ikke tilladt { $hours }.
breach-closed-weekday = Denne slags brug er ikke tilladt om { $day }en.
breach-blackout = Lokalet er lukket { $date }.
breach-monthly-limit = Du har allerede { $count } booking(er) af denne slags den måned, som er det højeste.
breach-age = Du skal bekræfte, at du er mindst { $age } år.
breach-too-short-plain = Bookingen er kortere end lokalets regler tillader.
breach-too-long-plain = Bookingen er længere end lokalets regler tillader.
breach-too-far-ahead-plain = Bookingen ligger længere frem, end lokalets regler tillader.
breach-opening-hours-plain = Bookingen ligger uden for lokalets åbningstid.
breach-quiet-hours-plain = Bookingen ligger i lokalets stille timer for denne slags brug.
breach-closed-weekday-plain = Denne slags brug er ikke tilladt den ugedag.
breach-blackout-plain = Lokalet er lukket den dag.
breach-monthly-limit-plain = Du har allerede det højeste antal bookinger af denne slags den måned.
breach-age-plain = Du skal bekræfte lokalets aldersgrænse.
booking-mail-confirmed-subject = Bekræftet: { $room }, { $when }
booking-mail-confirmed-body = Hej { $name }

    Din booking af { $room } { $when } er bekræftet.

    { $keys }

    Se eller aflys bookingen: { $link }
booking-mail-requested-subject = Modtaget: { $room }, { $when }
booking-mail-requested-body = Hej { $name }

    Vi har modtaget din anmodning om { $room } { $when }. Tiden er holdt til dig, mens den bliver godkendt, og du får besked.

    Se eller aflys anmodningen: { $link }
booking-mail-approve-subject = Venter på godkendelse: { $room }, { $when }
booking-mail-approve-body = { $name } beder om { $room } { $when }.

    Brug: { $kind }
    Formål: { $title }

    Godkend eller afvis anmodningen: { $link }
booking-mail-rejected-subject = Ikke godkendt: { $room }, { $when }
booking-mail-rejected-body = Hej { $name }

    Din anmodning om { $room } { $when } blev ikke godkendt.

    Begrundelse: { $reason }

    { $link }
booking-mail-cancelled-subject = Aflyst: { $room }, { $when }
booking-mail-cancelled-body = Hej { $name }

    Bookingen af { $room } { $when } er aflyst. { $reason }

    { $link }
booking-mail-displaced-subject = Lokalet skal bruges til en fællesaktivitet: { $room }, { $when }
booking-mail-displaced-body = Hej { $name }

    Din anmodning om { $room } { $when } var endnu ikke godkendt, og tiden skal nu bruges til en fællesaktivitet for alle beboere ({ $reason }). Vi beklager. Vælg gerne et andet tidspunkt.

    { $link }
booking-mail-series-subject = Gentagen booking af { $room }
booking-mail-series-body = Hej { $name }

    Disse datoer er booket:
    { $booked }

    Disse datoer kunne ikke bookes:
    { $missing }

    { $link }

## Gather: settings, statistics and export
room-settings-about = Om lokalet
room-settings-description = Beskrivelse
room-settings-lines-hint = Én ting pr. linje.
room-settings-open-from = Åbner kl.
room-settings-open-until = Lukker kl.
room-settings-until-hint = Et tidspunkt før åbningstiden betyder efter midnat, fx 01:00. Skriv 24:00 for midnat.
room-settings-blackouts = Lukkedage
room-settings-blackouts-hint = Én periode pr. linje: første dag, sidste dag og hvorfor, fx 2027-03-01 2027-03-02 Afdelingsmøde.
room-settings-keys = Nøgler og rengøring
room-settings-key-instructions = Besked om nøglen, der sendes når bookingen er bekræftet
room-settings-key-hint = Fx koden til nøgleboksen. Den vises kun for den der har booket og for jer.
room-settings-prices = Priser for private arrangementer og udlejning
room-settings-price-unit = Prisen gælder
room-settings-enabled = Kan bookes
room-settings-min-minutes = Mindst antal minutter
room-settings-max-hours = Højst antal timer
room-settings-days-ahead = Hvor mange dage frem
room-settings-quiet-from = Stille timer fra kl.
room-settings-quiet-until = Stille timer til kl.
room-settings-closed-days = Ikke på disse dage
room-settings-per-month = Højst antal gange om måneden pr. person
room-settings-min-age = Aldersgrænse
room-settings-approval = Godkendelse
room-settings-advance = Forudbetaling
room-settings-notice-days = Forudbetalingen tabes ved afbud mindre end så mange dage før
room-settings-save = Gem indstillingerne
room-new = Tilføj et lokale
room-new-submit = Tilføj lokalet
field-blackouts-invalid = Skriv hver periode som 2027-03-01 2027-03-02 og eventuelt en grund.
field-month-invalid = Skriv en måned som 2027-03.
room-use-caption = Bookede timer pr. lokale og slags brug
room-use-total = I alt
room-use-community-share = Andel fællesaktiviteter
room-use-prime-unused = Ubrugte timer i bedste tid
room-use-hint = Bedste tid er hverdage kl. 17–22 og weekender kl. 10–22. Kun bekræftede bookinger tælles.
room-use-export = Private bookinger til administrationen
export-sheet = Bookinger
export-booking = Booking
export-room = Lokale
export-name = Navn
export-email = E-mail
export-phone = Telefon
export-start = Start
export-end = Slut
export-kind = Slags brug
export-status = Status
export-price = Pris (kr.)
export-deposit = Depositum (kr.)
export-forfeited = Tabt forudbetaling (kr.)
export-deposit-status = Depositum
export-withheld = Tilbageholdt (kr.)
export-withheld-reason = Grund

## Reach: outreach records for social caretakers
nav-outreach = Opsøgende arbejde
outreach-title = Opsøgende arbejde
outreach-lead = Dine nye henvendelser, opfølgninger der er forfaldne, og alle du følger. Kun boligorganisationens sociale viceværter kan se disse oplysninger, og hver visning bliver logget.
outreach-new = Ny kontakt
outreach-edit = Ret oplysninger
outreach-requests = Nye "kontakt mig"-henvendelser
outreach-requests-none = Ingen nye henvendelser.
outreach-take-request = Opret kontakt ud fra henvendelsen
outreach-overdue = Forfaldne opfølgninger
outreach-overdue-none = Ingen forfaldne opfølgninger.
outreach-due = Frist
outreach-people = Alle du følger
outreach-people-none = Ingen kontakter endnu.
outreach-department = Afdeling
outreach-last-contact = Sidste kontakt
outreach-next-followup = Næste opfølgning
outreach-fictitious = fiktiv
outreach-overdue-mark = forfalden
outreach-form-lead = Skriv kun det, personen har sagt ja til, og kun det, du har brug for for at hjælpe. Følsomme oplysninger kræver personens særskilte samtykke.
outreach-name = Navn eller kaldenavn
outreach-name-hint = Et kaldenavn er nok, hvis personen foretrækker det.
outreach-languages = Sprog
outreach-interests = Interesser
outreach-weekdays = Dage personen kan
outreach-day-parts = Tid på dagen
outreach-needs = Behov
outreach-age-group = Aldersgruppe
outreach-sensitive = Følsomme oplysninger
outreach-sensitive-hint = Følsomme oplysninger (fx ensomhed, helbred, risiko for udsættelse) må kun gemmes med personens samtykke til følsomme oplysninger.
outreach-consents = Samtykke
outreach-consent-hint = Læs samtykketeksten op eller giv den til personen. Samtykke til registrering er nødvendigt; de andre er frivillige og kan trækkes tilbage når som helst.
outreach-consents-given = Personen har sagt ja til
outreach-method = Hvordan samtykket blev givet
outreach-save = Gem
outreach-suggestions = Forslag, der passer til personen
outreach-suggestions-hint = Ud fra interesser, sprog, dage, alder, behov og afstand fra afdelingen. Du vælger sammen med personen; intet bliver sendt af sig selv.
outreach-suggestions-none = Ingen tilbud passer endnu. Tilføj interesser eller sprog, så kommer der forslag.
outreach-reason-language = foregår på { $language }
outreach-reason-near = { $metres } m væk
outreach-reason-here = lige i nærheden
outreach-reason-newcomers = nye er velkomne
outreach-reason-free = gratis
outreach-refer = Henvis
outreach-refer-sign-up = Tilmeld til næste gang ("Første gang – tag godt imod mig")
outreach-referrals = Henvisninger
outreach-referrals-none = Ingen henvisninger endnu. Vælg et forslag sammen med personen.
outreach-said-yes = Sagde ja
outreach-said-no = Sagde nej
outreach-ask-why = Spørg, hvorfor aktiviteten ikke passede, og find noget andet sammen
outreach-outcome-suggested = foreslået
outreach-outcome-declined = sagde nej
outreach-outcome-accepted = sagde ja
outreach-outcome-signed_up = tilmeldt
outreach-outcome-did_not_come = kom ikke
outreach-outcome-attended = kom
outreach-outcome-still_4_weeks = kommer stadig efter 4 uger
outreach-outcome-still_12_weeks = kommer stadig efter 12 uger
notice-outreach-referred = Henvisningen er gemt.
notice-outreach-referred-signed-up = Henvisningen er gemt, og personen er tilmeldt næste gang med "tag godt imod mig".
notice-outreach-referred-no-time = Henvisningen er gemt. Der er ingen kommende gang med tilmelding, så personen er ikke tilmeldt.
notice-outreach-answer-saved = Svaret er gemt.
outreach-funnel-title = Henvisninger i tal
outreach-funnel-lead = Hvordan henvisningerne står, talt pr. afdeling og social vicevært: hvad personerne sagde, og hvad tjeklisterne viser om, hvem der kom og blev ved med at komme. Kun tal.
outreach-funnel-caption = Henvisninger efter hvor de står
outreach-funnel-total = I alt
outreach-caretaker = Social vicevært
outreach-followups = Opfølgninger
outreach-followups-none = Ingen opfølgninger.
outreach-done = klaret
outreach-mark-done = Marker som klaret
outreach-what = Hvad skal der ske
outreach-add-followup = Tilføj opfølgning
outreach-log = Kontaktlog
outreach-kind = Kontaktform
outreach-date = Dato
outreach-minutes = Varighed i minutter
outreach-note = Kort note
outreach-note-hint = Skriv kort og sagligt; personen kan få indsigt i alt, der står her.
outreach-add-log = Gem kontakt
outreach-log-none = Ingen kontakter logget endnu.
outreach-minutes-count = { $count } min.
outreach-scope = Samtykke til
outreach-given = Givet
outreach-withdrawn = Trukket tilbage
outreach-withdraw = Træk tilbage
outreach-withdraw-hint = Trækker personen samtykket til registrering tilbage, bliver alle oplysninger om personen slettet med det samme.
outreach-give-consent = Registrer samtykke
outreach-export-title = Indsigt: alt om personen
outreach-back-to-record = Tilbage til personen
outreach-export-lead = Alt, hvad boligorganisationen har registreret om personen, og hvem der har set eller ændret det. Udskriv siden eller hent filen (JSON) og giv den til personen.
outreach-export-held-by = Registreret af { $organisation }.
outreach-export-details = Oplysninger
outreach-export-access = Hvem har set eller ændret oplysningerne
outreach-export-access-hint = Hver visning og ændring bliver logget med tidspunkt, rolle og formål.
outreach-export-when = Tidspunkt
outreach-export-role = Rolle
outreach-export-action = Handling
outreach-export-purpose = Formål
outreach-erase = Slet alle oplysninger
outreach-erase-hint = Når personen beder om det, sletter du alt om personen her. Det kan ikke fortrydes; kun at det skete, står i loggen.
outreach-erase-submit = Slet personen
outreach-erase-confirm = Personen har bedt om at blive slettet.
outreach-erase-confirm-required = Sæt kryds ved, at personen har bedt om at blive slettet.
outreach-day-part-morning = Formiddag
outreach-day-part-afternoon = Eftermiddag
outreach-day-part-evening = Aften
outreach-need-step_free = Uden trapper
outreach-need-hearing_loop = Teleslynge
outreach-need-free_only = Skal være gratis
outreach-sensitive-loneliness = Ensomhed eller isolation
outreach-sensitive-mental_health = Psykisk helbred
outreach-sensitive-physical_health = Fysisk helbred
outreach-sensitive-eviction_risk = Risiko for udsættelse
outreach-sensitive-neighbour_conflict = Konflikt med naboer
outreach-sensitive-language_help = Brug for hjælp med dansk
outreach-sensitive-digital_help = Brug for digital hjælp
outreach-scope-registration = Registrering
outreach-scope-sensitive = Følsomme oplysninger
outreach-scope-municipality = Deling med kommunen
outreach-scope-measurement = Deltagelse i målinger
outreach-scope-text-registration = Jeg siger ja til, at boligorganisationens sociale viceværter skriver mit navn, hvordan de kan kontakte mig, og hvad jeg er interesseret i ned, så de kan hjælpe mig med at finde fællesskaber. Jeg kan trække samtykket tilbage når som helst, og så bliver oplysningerne slettet.
outreach-scope-text-sensitive = Jeg siger ja til, at de også skriver følsomme oplysninger om mig ned (fx ensomhed eller helbred), når det hjælper dem med at hjælpe mig.
outreach-scope-text-municipality = Jeg siger ja til, at de må dele nødvendige oplysninger med kommunen, når de henviser mig til kommunens tilbud.
outreach-scope-text-measurement = Jeg siger ja til at være med i målinger af, om indsatsen hjælper (fx et spørgeskema om ensomhed).
outreach-method-written = Skriftligt
outreach-method-verbal = Mundtligt
outreach-method-digital = Digitalt
outreach-kind-door_knock = Banket på døren
outreach-kind-visit = Besøg
outreach-kind-phone = Telefon
outreach-kind-at_activity = Mødt til en aktivitet
outreach-kind-drop_in = Kom forbi kontoret
outreach-consent-registration-required = Personen skal give samtykke til registrering, før noget kan gemmes.
outreach-consent-sensitive-required = Følsomme oplysninger kræver personens samtykke til følsomme oplysninger. Fjern dem, eller registrer samtykket.
notice-outreach-created = Kontakten er oprettet.
notice-outreach-saved = Oplysningerne er gemt.
notice-outreach-logged = Kontakten er logget.
notice-outreach-followup-added = Opfølgningen er tilføjet.
notice-outreach-followup-done = Opfølgningen er markeret som klaret.
notice-outreach-consent-given = Samtykket er registreret.
notice-outreach-consent-withdrawn = Samtykket er trukket tilbage, og de oplysninger, det dækkede, er fjernet.
notice-outreach-erased = Alle oplysninger om personen er slettet.

## Two-step sign-in
two-factor-title = Totrinsbekræftelse
two-factor-lead = Skriv koden fra din godkendelsesapp (fx Google Authenticator, Microsoft Authenticator eller FreeOTP). Du kan også bruge en af dine gendannelseskoder.
two-factor-code = Kode
two-factor-code-hint = 6 cifre fra appen, eller en gendannelseskode.
two-factor-submit = Bekræft
two-factor-wrong = Koden passer ikke, eller den er brugt. Vent på en ny kode i appen, og prøv igen.
two-factor-setup-lead = Oplysninger om beboere i det opsøgende arbejde kræver, at du bekræfter din identitet med en kode fra din telefon, når du logger ind.
two-factor-setup-app = Installer en godkendelsesapp på din telefon, hvis du ikke har en.
two-factor-setup-scan = Scan QR-koden med appen.
two-factor-setup-key = Kan du ikke scanne, så skriv denne nøgle i appen:
two-factor-setup-code = Skriv den kode, appen viser.
two-factor-setup-submit = Slå totrinsbekræftelse til
two-factor-qr-label = QR-kode til godkendelsesappen
two-factor-demo-code = Demo: koden er lige nu { $code }.
two-factor-already = Totrinsbekræftelse er allerede slået til.
two-factor-codes-title = Dine gendannelseskoder
two-factor-codes-lead = Gem koderne et sikkert sted (fx udskrevet i en skuffe). Hver kode virker én gang, hvis du mister telefonen. De bliver ikke vist igen.
two-factor-continue = Fortsæt
error-second-factor = Bekræft med din kode først

## Outreach: counts for boards and municipalities, a platform administrator's look, buddies
outreach-count-suppressed = under 5
outreach-funnel-suppressed-hint = Tal under 5 vises ikke, så ingen enkeltperson kan genkendes. Tallene dækker hele afdelingen eller kommunen.
outreach-inspect-title = Se en opsøgende journal som driftsansvarlig
outreach-inspect-lead = Kun når dem, der har journalen, ikke kan hjælpe: en klage, en anmodning om indsigt eller en fejl. Hvert opslag logges med din begrundelse, og personen kan se det i sit dataudtræk.
outreach-inspect-record = Journalnummer
outreach-inspect-reason = Begrundelse
outreach-inspect-reason-hint = Skriv, hvorfor du skal se journalen, og hvem der har bedt om det (mindst 20 tegn).
outreach-inspect-reason-short = Skriv en begrundelse på mindst 20 tegn, så den kan efterprøves senere.
outreach-inspect-no-record = Der findes ingen journal med det nummer.
outreach-inspect-submit = Vis journalen
outreach-inspect-logged = Du ser journalen som driftsansvarlig. Opslaget og begrundelsen er logget, og personen kan se dem i sit dataudtræk.
outreach-buddy = Følges med (valgfrit)
outreach-buddy-with = følges med
nav-outreach-counts = Opsøgende arbejde i tal
admin-outreach-inspect = Se en opsøgende journal (med begrundelse)
outreach-reason-day-part-morning = om formiddagen
outreach-reason-day-part-afternoon = om eftermiddagen
outreach-reason-day-part-evening = om aftenen
outreach-ask-why-no-show = Spørg, hvorfor det ikke blev til noget med aktiviteten, og om der skal følges med næste gang
two-factor-link-why = For at slå totrinsbekræftelse til skal du også bekræfte din e-mailadresse: Vi sender et link, der virker i 30 minutter. Så kan ingen, der kun kender din adgangskode, gøre det i dit sted.
two-factor-link-send = Send linket til min e-mail
two-factor-link-again = Send linket igen
two-factor-link-sent = Linket er sendt til din e-mailadresse. Åbn det i denne browser.
two-factor-link-expired = Linket til at slå totrinsbekræftelse til er brugt eller udløbet. Bed om et nyt.
mail-two-factor-subject = Slå totrinsbekræftelse til i Naboskab
mail-two-factor-body = Hej { $name }

    Åbn linket for at slå totrinsbekræftelse til på din konto:

    { $link }

    Linket virker i 30 minutter. Har du ikke bedt om det, så skift din adgangskode og sig det til din administrator.
outreach-waiting = Henvisninger, der venter
outreach-waiting-none = Ingen henvisninger venter på svar eller på første gang.
account-tokens-lifetime = En nøgle holder op med at virke efter 90 dage. Nøgler kan kun oprettes her, når du er logget ind.
account-token-expires-at = Udløber
account-logout-revoke-tokens = Slet også alle mine API-nøgler
members-pending = venter på, at en anden bekræfter
members-confirm = Bekræft rollen for { $person }
members-four-eyes = Rollen som social vicevært giver adgang til oplysninger om sårbare beboere. Derfor gælder den først, når en anden administrator i boligorganisationen eller en platformsadministrator har bekræftet den. Ingen kan give sig selv en rolle.
members-self-grant = Du kan ikke give dig selv en rolle. Bed en anden administrator om det.
notice-members-pending = Rollen er givet og venter nu på, at en anden administrator bekræfter den.
notice-members-confirmed = Rollen er bekræftet og gælder nu.
mail-role-granted-subject = Du har fået en ny rolle i Naboskab
mail-role-granted-body = Hej { $person }

    Du er nu { $role } i { $org }.

    Se rollerne her: { $link }

    Hvis du ikke ventede det, så sig det til din administrator.
mail-role-confirm-subject = En rolle venter på din bekræftelse
mail-role-confirm-body = Hej

    { $person } har fået rollen { $role } i { $org }. Rollen gælder først, når en anden administrator har bekræftet den.

    Bekræft den her, hvis den er rigtig: { $link }

## Fund: grants
field-amount-negative = Beløbet må ikke være negativt.
field-amount-invalid = Skriv beløbet i kroner, fx 12.500 eller 12500,50.
field-amount-too-large = Beløbet er for stort.
field-year-invalid = Skriv et årstal mellem 2000 og 2100.
field-too-many = Der er for mange linjer.
field-grant-max-over-pool = Det højeste beløb kan ikke være større end hele puljen.
field-grant-deadline-before-opening = Fristen skal ligge efter åbningen.
field-grant-offer-unknown = Aktiviteten findes ikke på Naboskab.
field-grant-amount-zero = Søg om mere end 0 kr.
field-grant-amount-over-max = Der kan højst søges om puljens maksimum.
field-grant-amount-over-budget = Der kan ikke søges om mere end budgettets i alt.
field-grant-granted-over-applied = Bevillingen skal være mere end 0 kr. og højst det ansøgte beløb.
grant-deadline-passed = Fristen er overskredet. Ansøgningen kan ikke indsendes nu, men den er gemt som kladde.
grant-not-open-yet = Puljen åbner først senere. Ansøgningen er gemt som kladde.
grant-already-decided = Kommunen har allerede truffet afgørelse om ansøgningen, så den kan ikke ændres.
grant-not-submitted = Kun indsendte ansøgninger kan afgøres.
mail-grant-granted-subject = Bevilling fra { $municipality }: { $application }
mail-grant-granted-body = Hej { $name }

    { $municipality } har bevilget { $amount } til "{ $application }" fra puljen "{ $call }".

    { $reason }

    Se ansøgningen og afgørelsen her:

    { $link }

    Husk at aflægge regnskab og rapport, når året er gået.
mail-grant-refused-subject = Afslag fra { $municipality }: { $application }
mail-grant-refused-body = Hej { $name }

    { $municipality } har desværre givet afslag på "{ $application }" fra puljen "{ $call }".

    Begrundelse: { $reason }

    Se ansøgningen og afgørelsen her:

    { $link }
grants-title = Puljer og tilskud
grants-intro = Kommunernes puljer til frivilligt socialt arbejde (§ 18) og lignende. Foreninger søger her, og kommunen behandler ansøgningerne samme sted.
grants-nav = Puljer
grants-new-call = Opret en pulje
grants-calls = Puljer
grants-no-calls = Der er ingen puljer endnu.
grants-own = Jeres ansøgninger
grants-all = Alle puljer
grant-call-title = Puljens navn
grant-description = Beskrivelse
grant-municipality = Kommune
grant-year = År
grant-pool = Puljens størrelse
grant-max-amount = Højeste beløb pr. ansøgning
grant-opens = Åbner
grant-deadline = Ansøgningsfrist
grant-deadline-hint = Dansk tid. Ansøgninger skal være indsendt før dette tidspunkt.
grant-focus-areas = Fokusområder
grant-applicants = Hvem kan søge
grant-target-groups = Målgrupper
grant-certified-above = Revideret regnskab kræves over
grant-certified-hint = Lad feltet stå tomt, hvis der aldrig kræves revideret regnskab.
grant-questions = Kommunens spørgsmål
grant-questions-hint = Ét spørgsmål pr. linje. Begynd linjen med # for et tal som svar; skriv svarmuligheder efter | for et valg (Hvor ofte mødes I? | Ugentligt | Månedligt).
grant-kroner-hint = Skriv beløb i kroner, fx 12.500 eller 12500,50.
grant-save-call = Gem puljen
grant-edit-call = Ret puljen
grant-open-now = Åben for ansøgninger
grant-not-open = Åbner senere
grant-closed = Lukket
grant-apply = Søg puljen
grant-applications = Ansøgninger
grant-application = Ansøgning
grant-application-title = Ansøgningens titel
grant-organisation = Ansøger
grant-summary = Hvad skal pengene bruges til?
grant-activities = Aktiviteter
grant-activity = Aktivitet
grant-activity-title = Aktivitet
grant-activity-target = Målgruppe
grant-activity-participants = Forventede deltagere
grant-activity-offer = Aktiviteten på Naboskab
grant-no-offer = Ingen (ny aktivitet)
grant-no-activities = Ingen aktiviteter.
grant-budget = Budget
grant-income = Indtægter
grant-line-text = Tekst
grant-line-amount = Beløb
grant-total = I alt
grant-amount-applied = Ansøgt beløb
grant-amount-applied-hint = Højst puljens maksimum og højst budgettets i alt.
grant-amount-granted = Bevilget beløb
grant-answers = Svar på kommunens spørgsmål
grant-save-draft = Gem som kladde
grant-submit = Indsend ansøgningen
grant-edit-application = Ret ansøgningen
grant-status = Status
grant-submitted-at = Indsendt
grant-read-only = I kan læse ansøgningen, fordi en af jeres afdelinger er nævnt i den. Kun ansøgeren kan ændre den.
grant-decide = Afgørelse
grant-decision = Begrundelse
grant-grant = Bevilg
grant-refuse = Giv afslag
grant-note = Bemærkning til ansøgeren
grant-reason = Begrundelse for afslag
grant-filter-status = Vis ansøgninger
grant-all-statuses = Alle
grant-filter = Vis
grant-no-applications = Ingen ansøgninger.
grant-status-draft = Kladde
grant-status-submitted = Indsendt
grant-status-granted = Bevilget
grant-status-refused = Afslag
grant-status-reported = Afrapporteret
grant-focus-loneliness = Ensomhed
grant-focus-young = Børn og unge
grant-focus-elderly = Ældre
grant-focus-across_generations = På tværs af generationer
grant-focus-health = Sundhed og trivsel
grant-focus-inclusion = Inklusion
grant-focus-volunteering = Frivillighed
grant-applicant-association_cvr = Foreninger med CVR-nummer
grant-applicant-self_help_group = Selvhjælpsgrupper
grant-applicant-department_board = Afdelingsbestyrelser
notice-grant-saved = Ansøgningen er gemt som kladde.
notice-grant-submitted = Ansøgningen er indsendt.
notice-grant-decided = Afgørelsen er gemt og sendt til ansøgeren.
notice-grant-call-saved = Puljen er gemt.
grant-number = Nr.
grant-export-xlsx = Hent som regneark (XLSX)
grant-export-csv = Hent som CSV
grant-report = Rapport
grant-report-link = Aflæg rapport
grant-report-intro = Fortæl kommunen, hvad bevillingen blev brugt til: hvad I brugte på hver budgetlinje, hvor mange der var med, og hvordan det gik. Penge, der ikke blev brugt, skal betales tilbage.
grant-spent = Brugt
grant-spent-total = Brugt i alt
grant-to-pay-back = Skal betales tilbage
grant-participants = Antal deltagere
grant-attendance-seen = Naboskab har registreret { $attendances } fremmøder på de tilknyttede aktiviteter i året,
grant-attendance-people = heraf { $people } forskellige tilmeldte.
grant-narrative = Hvordan gik det?
grant-save-report = Send rapporten
grant-not-granted = Der kan kun aflægges rapport om en bevilget ansøgning, og kun én gang.
notice-grant-reported = Rapporten er sendt til kommunen.

## Fund: partnerships
partnerships-title = Samarbejder
partnerships-intro = Hvem arbejder sammen om hvad i boligområderne: boligorganisationer, afdelinger, kommunen, foreninger, sundheds- og idrætsaktører.
partnerships-none = Der er ingen samarbejder endnu.
partnerships-all = Alle samarbejder
partnerships-link = Se samarbejderne mellem boligområder, kommune og foreninger
partnership-kind = Samarbejde
partnership-new = Start et samarbejde
partnership-edit = Ret samarbejdet
partnership-period = Periode
partnership-from = Fra { $date }
partnership-not-current = ikke i gang
partnership-parties = Parter
partnership-parties-hint = Vælg mindst to parter, og mindst én som du selv er med til at drive.
partnership-offers = Tilbud i samarbejdet
partnership-rooms = Lokaler i samarbejdet
partnership-applications = Ansøgninger om tilskud
partnership-for-parties = Kun for parterne
partnership-for-parties-hint = Kontaktpersoner og ansøgninger ser kun de, der driver en af parterne.
partnership-contacts = Kontaktpersoner
partnership-contacts-hint = Én pr. linje: navn, rolle, telefon eller e-mail. Kun parterne ser dem.
partnership-no-contacts = Ingen kontaktpersoner skrevet.
partnership-no-applications = Ingen ansøgninger knyttet til.
partnership-purpose = Hvad samarbejder I om?
partnership-description = Beskrivelse
partnership-starts = Første dag
partnership-ends = Sidste dag
partnership-ends-hint = Lad feltet stå tomt, hvis samarbejdet løber indtil videre.
partnership-nothing-to-link = Parterne har intet at knytte til her.
partnership-link-later = Gem samarbejdet med parterne først; derefter kan du knytte tilbud, lokaler og ansøgninger til.
partnership-save = Gem samarbejdet
partnership-end = Afslut og slet samarbejdet
partnership-end-hint = Samarbejdet, dets parter og kontaktpersoner slettes. Partnere mister forrang til lokalerne.
notice-partnership-saved = Samarbejdet er gemt.
notice-partnership-ended = Samarbejdet er afsluttet og slettet.
partnership-party-search = Find en part
partnership-party-search-hint = { $count ->
    [0] Alle, der kan være part, er vist.
    [one] Én mere kan være part. Søg efter navnet for at finde den.
   *[other] { $count } mere kan være part. Søg efter navnet for at finde dem.
}
partnership-party-search-button = Søg
partnership-party-asked = har ikke svaret endnu
partnership-answer-heading = Er I med i samarbejdet?
partnership-answer-hint = En anden part har nævnt jer som part. Samarbejdet vises først for andre, og partnere får først fortrinsret til lokaler, når alle parter har sagt ja.
partnership-confirm = Ja, { $party } er med
partnership-decline = Nej, { $party } er ikke med
partnership-waiting-for = Venter på svar fra { $parties }. Indtil alle parter har sagt ja, kan kun parterne se samarbejdet, og det giver ingen fortrinsret til lokaler.
partnerships-awaiting = Samarbejder, der venter på jeres svar
partnership-already-answered = Der er allerede svaret for den part.
notice-partnership-confirmed = Tak. I er nu med i samarbejdet.
notice-partnership-declined = I er ikke med i samarbejdet. De andre parter kan se det.
field-partnership-ends-before-start = Sidste dag skal ligge efter første dag.
field-partnership-two-parties = Vælg mindst to parter.
field-partnership-not-yours = Vælg mindst én part, som du selv er med til at drive.
room-settings-partner-days = Dage frem for samarbejdspartnere
room-settings-partner-days-hint = Foreninger i et samarbejde med afdelingen kan booke så langt frem. Tomt: som alle andre.
rule-partner-ahead = { $days ->
    [one] Samarbejdspartnere kan booke op til 1 dag frem.
   *[other] Samarbejdspartnere kan booke op til { $days } dage frem.
}
partnership-end-confirm = Ja, afslut og slet samarbejdet
field-partnership-confirm-end = Sæt kryds for at bekræfte, at samarbejdet skal afsluttes og slettes.

## Fund: volunteers
volunteer-role-host = Vært
volunteer-role-co_host = Medvært
volunteer-role-welcomer = Velkomstven for nye
volunteer-role-driver = Chauffør
volunteer-role-cook = Kok
volunteer-found = { $found } af { $wanted } fundet
volunteer-heading = Frivillige søges
volunteer-intro = Aktiviteten bliver til, fordi naboer hjælper. Vil du give en hånd med?
volunteer-you-are = Du er frivillig som { $role }.
volunteer-you-offered = Du har tilbudt at hjælpe som { $role }. Arrangørerne vender tilbage.
volunteer-withdraw = Træk dig
volunteer-offer-legend = Jeg vil gerne hjælpe som
volunteer-offer = Tilbyd din hjælp
volunteer-sign-in = Log ind for at tilbyde din hjælp
volunteers-title = Frivillige
volunteers-wanted = Hvad aktiviteten søger
volunteers-wanted-hint = Hvor mange frivillige søger I i hver rolle? Tomt eller 0: ingen.
volunteers-confirmed-count = { $count ->
    [one] 1 bekræftet
   *[other] { $count } bekræftet
}
volunteers-save-wanted = Gem
volunteers-people = De frivillige
volunteers-none = Ingen har tilbudt at hjælpe endnu.
volunteers-name = Navn
volunteers-role = Rolle
volunteers-status = Status
volunteers-year-hours = Timer i år
volunteer-hours-title = Frivilliges timer i { $year }
volunteer-hours-intro = De timer, arrangørerne har registreret på foreningens aktiviteter. De bruges i rapporten til kommunen (§ 18) og i takkebeskederne til de frivillige.
volunteer-hours-year = År
volunteer-hours-show = Vis
volunteer-hours-total = { $hours } timer i alt fra { $people ->
    [one] én frivillig
   *[other] { $people } frivillige
}.
volunteer-hours-none = Der er ikke registreret frivillige timer i { $year }.
volunteer-hours-csv = Hent som CSV
volunteer-hours-people = Pr. frivillig
volunteer-hours-by-activity = Pr. aktivitet
volunteer-hours-activities = Aktiviteter
volunteer-hours-volunteers = Frivillige
volunteer-hours-link = Alle foreningens frivillige timer i år
volunteers-actions = Handlinger
volunteers-confirmed = Bekræftet
volunteers-offered = Har tilbudt at hjælpe
volunteers-day = Dag
volunteers-hours = Timer
volunteers-record = Registrér timer
volunteers-thank = Send tak
volunteers-confirm = Bekræft
volunteers-remove = Fjern
volunteers-suggestions = Forslag fra programmet
volunteers-suggestions-hint = Gange de sidste 14 dage, hvor en bekræftet frivillig endnu ikke har fået timer registreret. Bekræft med ét klik, eller registrér andre timer ovenfor.
volunteers-hours-unit = timer
volunteers-confirm-hours = Bekræft timerne
volunteers-recorded = Registreret de sidste 14 dage
notice-volunteer-offered = Tak! Arrangørerne har fået besked om, at du gerne vil hjælpe.
notice-volunteers-saved = Det er gemt, hvad aktiviteten søger.
notice-volunteer-confirmed = Den frivillige er bekræftet.
notice-volunteer-removed = Den frivillige er fjernet fra aktiviteten.
notice-volunteer-hours = Timerne er registreret.
notice-volunteer-thanked = Takken er sendt.
notice-volunteer-withdrawn = Du har trukket dig.
field-volunteer-role = Vælg en af de roller, aktiviteten søger.
field-volunteer-not-confirmed = Bekræft den frivillige, før du registrerer timer.
field-date-in-future = Datoen må ikke ligge i fremtiden.
field-date-too-old = Datoen må højst ligge et år tilbage.
field-volunteer-hours = Skriv timer som 2, 1,5 eller 2:30 (højst 16 på en dag).
field-volunteer-limit = Skriv et tal fra 1 til 50.
mail-volunteer-thanks-subject = Tak for din hjælp med { $activity }
mail-volunteer-thanks-body = Kære { $name }

    Tak for din hjælp som frivillig med "{ $activity }". I { $year } har du givet { $hours } timer til dine naboer.

    Det er frivillige som dig, der gør, at ingen behøver at sidde alene.

    Mange hilsner fra arrangørerne
volunteer-alerts = Frivillige: hvor står det på én person?
volunteer-alerts-hint = Kun for bestyrelsen og boligorganisationens medarbejdere, så I kan finde flere hænder, før en aktivitet falder.
volunteer-alerts-one-person = Aktiviteter med en vært og ingen medvært
volunteer-alerts-over-limit = { $count ->
    [one] Frivillige, der bærer mere end 1 aktivitet
   *[other] Frivillige, der bærer mere end { $count } aktiviteter
}
volunteer-alerts-none = Ingen lige nu.
volunteer-alerts-carries = { $count ->
    [one] 1 aktivitet
   *[other] { $count } aktiviteter
}
mail-volunteer-offered-subject = { $name } vil gerne hjælpe med { $activity }
mail-volunteer-offered-body = Hej

    { $name } har tilbudt at hjælpe som { $role } med "{ $activity }".

    Bekræft eller svar her:
    { $link }
grant-volunteer-hours = { $volunteers ->
    [one] 1 frivillig gav { $hours } timer på aktiviteterne i årets løb (fra arrangørernes registreringer). Nævn dem gerne i beretningen.
   *[other] { $volunteers } frivillige gav { $hours } timer på aktiviteterne i årets løb (fra arrangørernes registreringer). Nævn dem gerne i beretningen.
}
volunteer-all-found = Alle roller er besat lige nu. Tak til de frivillige!
grant-criteria = Kriterier, udvalget giver point for
grant-criteria-hint = Ét pr. linje. Hver ansøgning får 0–5 point pr. kriterium; kun kommunen ser pointene.
grant-points = Point
grant-review = Kommunens vurdering
grant-review-hint = Kun kommunen ser point og noter. Ansøgeren og boligorganisationen ser dem ikke.
grant-review-no-criteria = Puljen har ingen kriterier; skriv dem i puljens indstillinger for at give point.
grant-not-scored = Ikke vurderet
grant-review-note = Ny note
grant-notes = Noter
grant-save-review = Gem vurderingen
notice-grant-reviewed = Vurderingen er gemt.
field-grant-score = Vælg et point fra 0 til 5.
field-grant-review-empty = Giv mindst ét point eller skriv en note.
field-grant-not-eligible = Puljen er ikke åben for jeres slags ansøger (se »Hvem kan søge« på puljens side: foreninger med gyldigt CVR-nummer, selvhjælpsgrupper eller afdelingsbestyrelser).
grant-report-due = Frist for rapport
grant-report-due-hint = Valgfri. Ansøgere med en bevilling får en påmindelse to uger før (dansk tid).
field-grant-report-due-before-deadline = Rapportfristen skal ligge efter ansøgningsfristen.
grant-accounts-certified = Regnskabet er revideret af en registreret eller statsautoriseret revisor
grant-accounts-certified-hint = Puljen kræver revideret regnskab for bevillinger af denne størrelse. Hav revisorerklæringen klar, hvis kommunen beder om den.
field-grant-certified-required = Bevillingen kræver revideret regnskab: sæt kryds, når regnskabet er revideret.
mail-grant-report-due-subject = Husk rapporten om { $application }
mail-grant-report-due-body = Hej { $name }

    Rapporten om "{ $application }" skal være sendt senest { $due }: hvad I brugte pengene på, hvor mange der var med, og hvad der skete.

    Skriv den her:
    { $link }
grant-reported-certified = Revideret regnskab
grant-answer-choose = Vælg
grant-answer-number = et tal
field-grant-answer-number = Skriv et helt tal fra 0 til 1.000.000.
field-grant-answer-choice = Vælg et af svarene på listen.
field-grant-question-malformed = Et spørgsmål mangler tekst, eller et valg har kun ét svar. Skriv mindst to svar efter |.

## Bilag til ansøgninger
grant-required-documents = Bilag, ansøgningen skal have med
grant-required-documents-hint = Ét pr. linje, fx Vedtægter eller Budget. Ansøgningen kan ikke indsendes, før hvert af dem er vedhæftet.
grant-documents-accepted = PDF, billeder (JPEG, PNG, WebP) og kontordokumenter (Word, Excel, PowerPoint, OpenDocument), højst 10 MB pr. fil.
grant-documents = Bilag
grant-no-documents = Der er ingen bilag endnu.
grant-document-what = Hvilket bilag
grant-document-file = Fil
grant-document-size = Størrelse
grant-document-uploaded = Vedhæftet
grant-document-remove = Fjern
grant-document-attach = Vedhæft
grant-document-other = Andet bilag
grant-document-fallback-name = bilag
grant-documents-missing-list = Disse bilag mangler, før ansøgningen kan indsendes:
grant-documents-missing = Ansøgningen kan ikke indsendes endnu: vedhæft først de bilag, kommunen kræver (under Bilag på ansøgningens side).
grant-documents-closed = Bilagene kan ikke ændres længere: fristen er overskredet, eller kommunen har truffet afgørelse.
grant-document-still-required = Ansøgningen er indsendt, og kommunen kræver dette bilag. Vedhæft et nyt først, eller gem ansøgningen som kladde.
notice-grant-document-attached = Bilaget er vedhæftet.
notice-grant-document-removed = Bilaget er fjernet.
field-file-empty = Vælg en fil. Den valgte fil er tom.
field-file-too-large = Filen er større end 10 MB. Gem den i mindre størrelse, eller del den i flere filer.
field-file-kind = Filen kan ikke bruges: vælg en PDF, et billede (JPEG, PNG, WebP) eller et kontordokument (Word, Excel, PowerPoint, OpenDocument), hvis indhold passer til filnavnet.
field-file-too-many = Ansøgningen har allerede 20 bilag, som er det højeste antal. Fjern et, før du vedhæfter et nyt.
field-file-unreadable = Filen kom ikke helt frem. Prøv at vedhæfte den igen.
grant-documents-before-submit = Kommunen kræver disse bilag, før ansøgningen kan indsendes. Gem ansøgningen som kladde, og vedhæft dem på ansøgningens side:
grant-documents-go = Til ansøgningens bilag
grant-pdf = Hent ansøgningen som PDF
grant-letter-pdf = Hent afgørelsesbrevet (PDF)
pdf-application-title = Ansøgning nr. { $number }: { $application }
pdf-letter-title = Afgørelse om { $application }
pdf-printed = Udskrevet { $date }
letter-greeting = Kære { $name }
letter-grant-granted-subject = Bevilling: { $application }
letter-grant-refused-subject = Afslag: { $application }
letter-grant-granted-body = { $municipality } har behandlet jeres ansøgning "{ $application }" til puljen "{ $call }" og bevilger { $amount } af de ansøgte { $applied }
letter-grant-refused-body = { $municipality } har behandlet jeres ansøgning "{ $application }" til puljen "{ $call }" og kan desværre ikke give tilskud denne gang.
letter-grant-note = Bemærkning: { $note }
letter-grant-reason = Begrundelse: { $reason }
letter-grant-report = Når året er gået, skal I aflægge rapport og regnskab på Naboskab. Penge, der ikke er brugt, skal betales tilbage.
letter-grant-report-by = Når året er gået, skal I aflægge rapport og regnskab på Naboskab senest { $due }. Penge, der ikke er brugt, skal betales tilbage.
letter-see-online = Ansøgningen og afgørelsen kan ses på { $link }
letter-closing = Med venlig hilsen

## Measure: the anonymous loneliness survey
nav-surveys = Trivselsundersøgelser
notice-survey-round-started = Runden er oprettet. Lav koder til brevene herunder.
field-survey-closes-before-opens = Sidste dag kan ikke ligge før første dag.
field-survey-language = Vælg sprog fra listen.
field-survey-departments = Vælg mindst én afdeling, som du kan lave undersøgelser i.
field-survey-overlap = En af afdelingerne har allerede en runde i den periode. En afdeling har én runde ad gangen.
field-survey-count = Skriv et antal koder fra 1 til 5000.
field-survey-item = Vælg et svar på spørgsmålet.
field-survey-choice = Vælg fra listen, eller lad feltet stå tomt.
field-survey-too-narrow = Tallene for den afdeling ville handle om færre end 5 personer, alene eller trukket fra hele rundens. De vises kun sammen med andre afdelinger.
survey-code-not-valid = Koden findes ikke eller er allerede brugt. Tjek, at du har skrevet den som i brevet.
survey-round-closed = Undersøgelsen tager ikke imod svar i dag. Koden kan bruges, mens undersøgelsen er åben.
survey-title = Trivselsundersøgelse
survey-intro = Tre korte spørgsmål om, hvordan du har det med andre mennesker. Det tager et par minutter. Dine svar er anonyme.
survey-code = Koden fra brevet
survey-code-hint = 12 tegn, fx ABCD-EFGH-JKMN. Store eller små bogstaver er lige gode.
survey-open = Åbn spørgsmålene
survey-tils-lead = Hvor ofte har du det sådan?
survey-tils-companionship = Hvor ofte føler du, at du savner nogen at være sammen med?
survey-tils-left_out = Hvor ofte føler du dig holdt udenfor?
survey-tils-isolated = Hvor ofte føler du dig isoleret fra andre?
survey-tils-option-1 = Sjældent eller aldrig
survey-tils-option-2 = En gang imellem
survey-tils-option-3 = Ofte
survey-who5-heading = Dit humør de sidste 2 uger
survey-who5-lead = Du kan springe disse spørgsmål over. I de sidste 2 uger …
survey-who5-cheerful = … har jeg været glad og i godt humør
survey-who5-calm = … har jeg følt mig rolig og afslappet
survey-who5-active = … har jeg følt mig aktiv og energisk
survey-who5-rested = … er jeg vågnet frisk og udhvilet
survey-who5-interested = … har min dagligdag været fyldt med ting, der interesserer mig
survey-who5-option-5 = Hele tiden
survey-who5-option-4 = Det meste af tiden
survey-who5-option-3 = Lidt mere end halvdelen af tiden
survey-who5-option-2 = Lidt mindre end halvdelen af tiden
survey-who5-option-1 = Lidt af tiden
survey-who5-option-0 = På intet tidspunkt
survey-about-you = Om dig (frivilligt)
survey-age = Alder
survey-gender = Køn
survey-rather-not-say = Vil ikke svare
survey-age-16-24 = 16–24 år
survey-age-25-34 = 25–34 år
survey-age-35-44 = 35–44 år
survey-age-45-54 = 45–54 år
survey-age-55-64 = 55–64 år
survey-age-65-74 = 65–74 år
survey-age-75-plus = 75 år eller ældre
survey-gender-woman = Kvinde
survey-gender-man = Mand
survey-gender-other = Andet
survey-not-given = Ikke oplyst
survey-anonymous = Svarene gemmes uden navn, adresse, kode og tidspunkt. Ingen kan se, hvad du har svaret.
survey-send = Send svar
survey-thanks-title = Tak for dine svar
survey-thanks-body = Dine svar er gemt anonymt. Koden kan ikke bruges igen.
survey-thanks-lonely = Føler du dig ensom? Se, hvor du kan få hjælp
survey-thanks-offers = Find fællesskaber og aktiviteter nær dig
surveys-title = Trivselsundersøgelser
surveys-intro = Spørg beboerne anonymt om ensomhed med de tre spørgsmål, som Den Nationale Sundhedsprofil bruger. Tal vises kun for grupper på mindst 5 personer.
surveys-none = Der er ingen runder endnu.
surveys-round = Runde
surveys-period = Periode
surveys-departments = Afdelinger
surveys-codes-issued = Koder
surveys-codes-count = { $count ->
    [one] 1 kode udleveret
   *[other] { $count } koder udleveret
}
surveys-new = Ny runde
surveys-round-title = Navn på runden
surveys-opens = Første dag
surveys-closes = Sidste dag
surveys-languages = Sprog ud over dansk
surveys-languages-hint = Brevene og spørgsmålene findes på dansk og de valgte sprog.
surveys-who5 = Spørg også om trivsel (WHO-5, fem spørgsmål)
surveys-start = Opret runden
surveys-codes-heading = Koder til brevene
surveys-codes-intro = Hver kode kan bruges én gang. Koderne gemmes kun krypteret og kan ikke vises igen, så gem filen og sæt koderne i brevene.
surveys-codes-count-label = Antal koder
surveys-codes-make = Lav koder
survey-report-department = Afdeling
survey-report-whole = Hele runden
survey-report-show = Vis
survey-report-severe-heading = Andel med tegn på svær ensomhed
survey-report-chart-caption = Søjlen er andelen med en score på 7 eller mere; stregen er 95 %-intervallet. De stiplede lodrette linjer er landstallene.
survey-report-table-caption = Tallene bag diagrammet
survey-report-group = Gruppe
survey-report-respondents = Svar
survey-report-severe = Svær ensomhed
survey-report-interval = 95 %-interval
survey-report-mean = Gennemsnit (3–9)
survey-report-who5-poor = Lav trivsel (WHO-5)
survey-report-reference = Landstal: 12,4 % af voksne i Danmark og 14,6 % i almene boliger (Den Nationale Sundhedsprofil 2021). Tallene her er ikke vægtede og kommer fra dem, der selv valgte at svare, så de kan ikke sammenlignes direkte.
survey-report-suppression = Grupper med færre end 5 svar vises ikke. Så ingen kan regne sig frem til en enkelt persons svar, skjules også en anden gruppe, og små afdelinger vises kun samlet.
survey-report-answers-heading = Hvem svarede
survey-report-score = Score
survey-report-trend = Udvikling
survey-report-together = Øvrige afdelinger samlet
survey-report-too-few = { $n } har svaret. Tallene vises, når mindst 5 har svaret.
survey-report-summary = { $n } har svaret. { $share } har tegn på svær ensomhed.
survey-band = { $low }–{ $high }
survey-reference-national = Hele landet 12,4 %
survey-reference-social-housing = Almene boliger 14,6 %
field-survey-letters = Skriv et antal breve fra 1 til 1000.
survey-letter-title = Breve til { $round }
survey-letter-to = Til beboerne i
survey-letter-heading = Hvordan har du det med andre mennesker?
survey-letter-why = { $sender } vil gerne vide, hvordan beboerne i { $department } har det. Svarene bruges til at skabe flere fællesskaber og aktiviteter, hvor du bor.
survey-letter-how = Scan QR-koden med mobilen, eller gå ind på { $site } og skriv koden. Det tager et par minutter.
survey-letter-until = Du kan svare til og med { $date }.
survey-letter-anonymous = Svarene er anonyme. Koden kan bruges én gang og gemmes ikke sammen med dine svar, så ingen kan se, hvem der har svaret hvad.
survey-letter-code = Din kode
surveys-letters-heading = Breve med koder
surveys-letters-intro = Hvert brev har sin egen kode og en QR-kode, på dansk og det valgte sprog. Print ét brev pr. adresse. Koderne kan ikke vises igen.
surveys-letters-language = Sprog ud over dansk
surveys-letters-danish-only = Kun dansk
surveys-letters-count = Antal breve
surveys-letters-make = Lav breve (PDF)
surveys-codes-only = Eller hent koderne som en tekstfil til jeres egne breve.
nav-impact = Effekt i tal
impact-title = Effekt i tal
impact-intro = Hvilke grupper har aktiviteter hvilke dage, hvor mange kommer og kommer igen, og hvordan lokalerne bruges. Vælg et sted.
impact-place = Sted
impact-kind = Slags
impact-departments-count = { $count ->
    [one] 1 afdeling
   *[other] { $count } afdelinger
}
impact-csv = Hent tabellerne som CSV
impact-xlsx = Hent tabellerne som Excel (XLSX)
impact-offers-heading = Aktiviteter pr. målgruppe og ugedag
impact-offers-intro = { $count ->
    [one] 1 offentliggjort tilbud holdes her.
   *[other] { $count } offentliggjorte tilbud holdes her.
}
impact-offers-caption = Tallet i hvert felt er antallet af tilbud for gruppen den dag. Skraverede felter uden tal: intet tilbud.
impact-offers-table = Tallene bag oversigten
impact-target-group = Målgruppe
impact-gaps = Grupper uden tilbud nogle dage
impact-no-day = ingen dage
impact-participation-heading = Deltagelse det seneste halve år
impact-participation-intro = Tilmeldte, der blev registreret som mødt, og dem, der blev talt uden navn. "Kom igen" tæller dem, hvis første besøg ligger mindst 4 (eller 12) uger tilbage.
impact-attendances = Fremmøder
impact-people = Forskellige personer
impact-could-return-4 = Første besøg mindst 4 uger siden
impact-returned-4 = Kom igen efter 4 uger eller mere
impact-could-return-12 = Første besøg mindst 12 uger siden
impact-returned-12 = Kom igen efter 12 uger eller mere
impact-anonymous = Talt uden navn (drop-in og walk-ins)
impact-rooms-heading = Brug af lokaler det seneste halve år
impact-rooms-caption = Timer booket pr. slags brug (bekræftede bookinger).
impact-bookings = Bookinger
impact-hours = Timer
