-- Find: offers with translations, tags (categories, target groups, languages, weekdays),
-- the portable search index, helplines, staff contact details and "contact me" requests.

CREATE TABLE category (
    code TEXT PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    name_da TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_ar TEXT NOT NULL
);

CREATE TABLE offer (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    department_id INTEGER REFERENCES organisation(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    description_html TEXT NOT NULL DEFAULT '',
    step_free INTEGER NOT NULL DEFAULT 0,
    accessible_toilet INTEGER NOT NULL DEFAULT 0,
    hearing_loop INTEGER NOT NULL DEFAULT 0,
    price_ore BIGINT,
    drop_in INTEGER NOT NULL DEFAULT 0,
    newcomers_welcome INTEGER NOT NULL DEFAULT 0,
    bring_friend INTEGER NOT NULL DEFAULT 0,
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    municipality_code TEXT,
    when_text TEXT NOT NULL DEFAULT '',
    what_to_bring TEXT NOT NULL DEFAULT '',
    first_time TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX offer_org ON offer(organisation_id);
CREATE INDEX offer_department ON offer(department_id);
CREATE INDEX offer_lat ON offer(lat);
CREATE INDEX offer_municipality ON offer(municipality_code);

CREATE TABLE offer_translation (
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    description_html TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (offer_id, locale)
);

CREATE TABLE offer_tag (
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    PRIMARY KEY (kind, code, offer_id)
) WITHOUT ROWID;
CREATE INDEX offer_tag_offer ON offer_tag(offer_id);

CREATE TABLE offer_term (
    term TEXT NOT NULL,
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    weight INTEGER NOT NULL,
    PRIMARY KEY (term, offer_id)
) WITHOUT ROWID;
CREATE INDEX offer_term_offer ON offer_term(offer_id);

CREATE TABLE search_vocabulary (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE helpline (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    hours TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    is_example INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE staff_profile (
    user_id INTEGER PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
    phone TEXT NOT NULL DEFAULT '',
    office_hours TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL DEFAULT ''
);

CREATE TABLE contact_request (
    id INTEGER PRIMARY KEY,
    department_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    preferred_language TEXT NOT NULL DEFAULT '',
    when_to_call TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    consent_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    handled_at BIGINT
);
CREATE INDEX contact_request_department ON contact_request(department_id, created_at);
