-- A second factor for staff who reach outreach records: a TOTP secret per account (sealed
-- with the installation's key), the last time step used (a code works once), one-time
-- recovery codes (hashed), and the moment a session passed the second factor.

ALTER TABLE app_user ADD COLUMN totp_sealed TEXT;
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
ALTER TABLE user_session ADD COLUMN second_factor_at BIGINT;

CREATE TABLE recovery_code (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    -- SHA-256 of the code.
    code_hash TEXT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_code_user ON recovery_code(user_id);
