-- Fund: the volunteers who carry the activities. An offer asks for volunteers in roles
-- (host, co_host, welcomer, driver, cook); a person with an account offers to help in a role,
-- the organisers confirm, and record the hours helped per day.

CREATE TABLE volunteer_wanted (
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    wanted INTEGER NOT NULL CHECK (wanted > 0),
    PRIMARY KEY (offer_id, role)
);

CREATE TABLE volunteer (
    id INTEGER PRIMARY KEY,
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    -- The volunteer's account; the row goes with the account.
    user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    -- offered | confirmed
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    confirmed_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    UNIQUE (offer_id, role, user_id)
);
CREATE INDEX volunteer_user ON volunteer(user_id);

-- Minutes a volunteer helped on a local day (YYYY-MM-DD); one row per volunteer and day.
CREATE TABLE volunteer_hours (
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    recorded_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (volunteer_id, day)
);
CREATE INDEX volunteer_hours_day ON volunteer_hours(day);
