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
