-- Fund: partnerships between the parties of a housing area (housing organisation,
-- departments, municipality, associations, health and sports actors), with what they link
-- (offers, rooms, grant applications), and the Gather rule that lets partners book earlier.

CREATE TABLE partnership (
    id INTEGER PRIMARY KEY,
    purpose TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- Local dates, YYYY-MM-DD; no end date: until further notice.
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    -- The contact people, one per line as the parties wrote them (name, role, phone or
    -- e-mail); shown only to the people who run a party.
    contacts TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE partnership_party (
    partnership_id INTEGER NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    PRIMARY KEY (partnership_id, organisation_id)
);
CREATE INDEX partnership_party_organisation ON partnership_party(organisation_id);

-- What a partnership links: kind offer | room | application, and the linked row's id.
CREATE TABLE partnership_link (
    partnership_id INTEGER NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    PRIMARY KEY (partnership_id, kind, target_id)
);
CREATE INDEX partnership_link_target ON partnership_link(kind, target_id);

-- How far ahead a partner of the room's department may book this kind, days (NULL: as far
-- as everyone else).
ALTER TABLE room_rule ADD COLUMN partner_days_ahead INTEGER;
