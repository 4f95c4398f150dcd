-- Join: schedules of offers (RFC 5545 series in Europe/Copenhagen wall-clock time), their
-- occurrences expanded for a horizon, sign-ups with capacity and waitlist, attendance, and the
-- secret addresses of personal calendar feeds.

CREATE TABLE event_series (
    id INTEGER PRIMARY KEY,
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    -- Local wall-clock start, 'YYYY-MM-DDTHH:MM' (the zone is tzid).
    dtstart_local TEXT NOT NULL,
    tzid TEXT NOT NULL DEFAULT 'Europe/Copenhagen',
    duration_min INTEGER NOT NULL,
    -- RRULE value without the 'RRULE:' prefix; NULL for a one-off event.
    rrule TEXT,
    -- Excluded local starts, comma separated, same format as dtstart_local.
    exdates TEXT NOT NULL DEFAULT '',
    -- Where, when it is not the offer's own place (a room, say).
    place TEXT NOT NULL DEFAULT '',
    signup_required INTEGER NOT NULL DEFAULT 0,
    -- Places; NULL is no limit.
    capacity INTEGER,
    -- Bumped on every change (iCalendar SEQUENCE).
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX event_series_offer ON event_series(offer_id);

CREATE TABLE occurrence (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES event_series(id) ON DELETE CASCADE,
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    -- The original local start (iCalendar RECURRENCE-ID); stable when the time is moved.
    recurrence_id TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    -- Edited by hand (moved, other place or cancelled): kept as it is when the series is
    -- expanded again.
    edited INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0,
    cancel_reason TEXT NOT NULL DEFAULT '',
    capacity INTEGER,
    -- Places taken by confirmed sign-ups (a friend counts).
    confirmed_places INTEGER NOT NULL DEFAULT 0,
    -- Arrival counter for sign-ups; incrementing it locks the row, which orders sign-ups.
    arrivals INTEGER NOT NULL DEFAULT 0,
    -- Anonymous headcount for drop-in activities.
    headcount INTEGER,
    sequence INTEGER NOT NULL DEFAULT 0,
    UNIQUE (series_id, recurrence_id)
);
CREATE INDEX occurrence_start ON occurrence(starts_at);
CREATE INDEX occurrence_offer ON occurrence(offer_id, starts_at);

CREATE TABLE signup (
    id INTEGER PRIMARY KEY,
    occurrence_id INTEGER NOT NULL REFERENCES occurrence(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES app_user(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL DEFAULT 'da',
    -- confirmed | waitlisted | cancelled
    status TEXT NOT NULL,
    arrival INTEGER NOT NULL,
    -- 2 when bringing a friend.
    places INTEGER NOT NULL DEFAULT 1,
    first_time INTEGER NOT NULL DEFAULT 0,
    -- Guests confirm their address through a link; until then the place is held.
    verified INTEGER NOT NULL DEFAULT 1,
    -- SHA-256 of the secret in the confirmation / cancellation link.
    token_hash TEXT NOT NULL,
    -- Assisted sign-up: who signed the resident up and how consent was given.
    assisted_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    consent_method TEXT NOT NULL DEFAULT '',
    present INTEGER NOT NULL DEFAULT 0,
    reminded_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX signup_occurrence ON signup(occurrence_id, status, arrival);
CREATE INDEX signup_user ON signup(user_id);
CREATE UNIQUE INDEX signup_token ON signup(token_hash);

-- People who came without signing up, noted at check-in.
CREATE TABLE walk_in (
    id INTEGER PRIMARY KEY,
    occurrence_id INTEGER NOT NULL REFERENCES occurrence(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX walk_in_occurrence ON walk_in(occurrence_id);

-- A person's private calendar feed: the SHA-256 of the secret in its address.
CREATE TABLE calendar_feed (
    user_id INTEGER PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
