-- Reach: what outreach staff (social caretakers) know about a resident they help, under the
-- resident's consent. Everything that says who the person is or how they are is sealed
-- (encrypted with the installation's outreach key) in `sealed` columns; plain columns hold
-- only ids, dates, counts and the matching keys suggestions need. Every read and write of a
-- record also writes an `audit_log` row in the same transaction.

CREATE TABLE outreach_contact (
    id INTEGER PRIMARY KEY,
    -- The housing organisation whose outreach staff hold the record.
    housing_org_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    department_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    -- The caretaker who follows the person.
    caretaker_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    -- The person's own account, when they have one (sign-ups and attendance link through it).
    user_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    -- The "contact me" request the record came from.
    contact_request_id INTEGER REFERENCES contact_request(id) ON DELETE SET NULL,
    -- Sealed JSON: name, phone, e-mail, languages, interests, when they can, needs,
    -- sensitive categories, a short description.
    sealed TEXT NOT NULL,
    -- Marks demo records.
    fictitious INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Last logged contact (or creation); drives the retention job.
    last_contact_at BIGINT NOT NULL
);
CREATE INDEX outreach_contact_owner ON outreach_contact(housing_org_id, last_contact_at);
CREATE INDEX outreach_contact_caretaker ON outreach_contact(caretaker_id);

-- Consent as a record of its own (GDPR art. 7 and 9(2)(a)).
CREATE TABLE outreach_consent (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES outreach_contact(id) ON DELETE CASCADE,
    -- registration | sensitive | municipality | measurement
    scope TEXT NOT NULL,
    -- written | verbal | digital
    method TEXT NOT NULL,
    -- SHA-256 of the consent text the person agreed to.
    text_hash TEXT NOT NULL,
    given_at BIGINT NOT NULL,
    recorded_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    withdrawn_at BIGINT,
    withdrawn_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL
);
CREATE INDEX outreach_consent_contact ON outreach_consent(contact_id);

-- Contact log: door-knock, visit, phone call, at an activity, drop-in.
CREATE TABLE outreach_log (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES outreach_contact(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- Local date, YYYY-MM-DD.
    happened_on TEXT NOT NULL,
    minutes INTEGER,
    note_sealed TEXT NOT NULL,
    by_user INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX outreach_log_contact ON outreach_log(contact_id, happened_on);

-- Follow-ups with a due date.
CREATE TABLE outreach_followup (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES outreach_contact(id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    what_sealed TEXT NOT NULL,
    done_at BIGINT,
    created_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX outreach_followup_due ON outreach_followup(done_at, due_on);
CREATE INDEX outreach_followup_contact ON outreach_followup(contact_id);

-- Reading one record's audit trail (data-subject export, tests).
CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id);
