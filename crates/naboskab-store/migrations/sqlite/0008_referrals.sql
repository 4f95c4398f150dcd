-- Reach: referrals of a person to an activity. What the person said is stored; what they did
-- (came, kept coming) is read from the attendance records of the activity's sign-ups.

CREATE TABLE outreach_referral (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES outreach_contact(id) ON DELETE CASCADE,
    offer_id INTEGER REFERENCES offer(id) ON DELETE SET NULL,
    -- The time the person was signed up for, and that sign-up (assisted, "please welcome").
    occurrence_id INTEGER REFERENCES occurrence(id) ON DELETE SET NULL,
    signup_id INTEGER REFERENCES signup(id) ON DELETE SET NULL,
    -- suggested | accepted | declined
    status TEXT NOT NULL,
    created_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX outreach_referral_contact ON outreach_referral(contact_id);
