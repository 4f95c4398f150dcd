-- Contact details sealed at rest. The names, e-mail addresses and phone numbers of sign-ups,
-- walk-ins and bookers, and the free text of bookings, are stored sealed with the
-- installation's key (like outreach records); the server seals rows written before this
-- version when it starts. A sign-up keeps keyed fingerprints (blind indexes) of its e-mail,
-- phone and name, so the store still finds the same person twice (one sign-up per person,
-- attendance of returning people, outreach outcomes matched by phone) without holding the
-- values in plain text.

ALTER TABLE signup ADD COLUMN email_index TEXT NOT NULL DEFAULT '';
ALTER TABLE signup ADD COLUMN phone_index TEXT NOT NULL DEFAULT '';
ALTER TABLE signup ADD COLUMN name_index TEXT NOT NULL DEFAULT '';
