-- Gather: rooms of a department with their rules per kind of use, bookings, and the slot table
-- that makes two holding bookings of one room overlap impossible.

CREATE TABLE room (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- faelleshus | party_room | meeting_room | workshop | laundry_cafe | outdoor
    room_type TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- People allowed by the fire authorities.
    capacity INTEGER,
    facilities TEXT NOT NULL DEFAULT '',
    step_free INTEGER NOT NULL DEFAULT 0,
    accessible_toilet INTEGER NOT NULL DEFAULT 0,
    hearing_loop INTEGER NOT NULL DEFAULT 0,
    house_rules TEXT NOT NULL DEFAULT '',
    -- office | key_box | electronic_lock
    key_method TEXT NOT NULL DEFAULT 'office',
    -- Sent to the booker once the booking is confirmed (a key-box code, say); never shown
    -- on public pages.
    key_instructions TEXT NOT NULL DEFAULT '',
    cleaning_checklist TEXT NOT NULL DEFAULT '',
    -- Opening hours, local minutes after midnight (until <= from runs past midnight).
    open_from INTEGER NOT NULL DEFAULT 480,
    open_until INTEGER NOT NULL DEFAULT 1440,
    price_weekday_ore BIGINT NOT NULL DEFAULT 0,
    price_weekend_ore BIGINT NOT NULL DEFAULT 0,
    price_per_day INTEGER NOT NULL DEFAULT 1,
    deposit_ore BIGINT NOT NULL DEFAULT 0,
    -- Bumped by every booking change of the room; incrementing it takes the room's row lock,
    -- so requests for one room are decided one after another.
    bookings_seq BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX room_department ON room(department_id);

-- Dates (local, inclusive) on which the room cannot be booked.
CREATE TABLE room_blackout (
    id INTEGER PRIMARY KEY,
    room_id INTEGER NOT NULL REFERENCES room(id) ON DELETE CASCADE,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX room_blackout_room ON room_blackout(room_id);

-- The rules of one kind of use in one room (community, association, private, external).
CREATE TABLE room_rule (
    room_id INTEGER NOT NULL REFERENCES room(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    -- Comma-separated: residents, organisers, board, staff.
    bookers TEXT NOT NULL,
    min_minutes INTEGER NOT NULL,
    max_minutes INTEGER NOT NULL,
    max_days_ahead INTEGER NOT NULL,
    quiet_from INTEGER,
    quiet_until INTEGER,
    -- ISO weekday digits (1 = Monday) on which this kind may not start.
    closed_weekdays TEXT NOT NULL DEFAULT '',
    max_per_month INTEGER,
    min_age INTEGER,
    -- none | board | staff
    approval TEXT NOT NULL,
    cancel_notice_days INTEGER NOT NULL DEFAULT 0,
    advance_ore BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (room_id, kind)
);

CREATE TABLE booking (
    id INTEGER PRIMARY KEY,
    room_id INTEGER NOT NULL REFERENCES room(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- requested | confirmed | rejected | cancelled | displaced
    status TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    user_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    booker_name TEXT NOT NULL,
    booker_email TEXT NOT NULL DEFAULT '',
    booker_phone TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL DEFAULT 'da',
    -- The association or partner booking (kind association).
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    -- The activity held (community use of a recurring offer).
    offer_id INTEGER REFERENCES offer(id) ON DELETE SET NULL,
    title TEXT NOT NULL DEFAULT '',
    attendees INTEGER,
    note TEXT NOT NULL DEFAULT '',
    price_ore BIGINT NOT NULL DEFAULT 0,
    deposit_ore BIGINT NOT NULL DEFAULT 0,
    forfeited_ore BIGINT NOT NULL DEFAULT 0,
    -- none | held | returned | withheld
    deposit_status TEXT NOT NULL DEFAULT 'none',
    deposit_withheld_ore BIGINT NOT NULL DEFAULT 0,
    deposit_reason TEXT NOT NULL DEFAULT '',
    -- Why it was rejected, cancelled or displaced.
    reason TEXT NOT NULL DEFAULT '',
    decided_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    decided_at BIGINT,
    -- Bookings made together by one recurring request share this key.
    series_key TEXT,
    -- The client's Idempotency-Key: a repeated request books once.
    idempotency_key TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX booking_room_start ON booking(room_id, starts_at);
CREATE INDEX booking_user ON booking(user_id, starts_at);
CREATE INDEX booking_status ON booking(status, room_id);

-- One row per 15-minute step held by a requested or confirmed booking. The primary key is
-- what makes an overlapping booking of the same room impossible on every engine.
CREATE TABLE booking_slot (
    room_id INTEGER NOT NULL REFERENCES room(id) ON DELETE CASCADE,
    slot_start BIGINT NOT NULL,
    booking_id INTEGER NOT NULL REFERENCES booking(id) ON DELETE CASCADE,
    PRIMARY KEY (room_id, slot_start)
) WITHOUT ROWID;
CREATE INDEX booking_slot_booking ON booking_slot(booking_id);
