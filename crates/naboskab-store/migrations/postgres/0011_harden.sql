-- Harden. Devices that signed in before (a cookie whose hash is kept per account), so a
-- locked-out account still lets its owner in from a known device; every API token expires;
-- a role that reads outreach records (social_caretaker) is granted by one person and takes
-- effect only when a second person confirms it.

CREATE TABLE known_device (
    user_id BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    -- SHA-256 of the device cookie.
    token_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    -- When two-step sign-in last passed on this device (its codes are then throttled per
    -- device, not per account).
    second_factor_at BIGINT,
    PRIMARY KEY (user_id, token_hash)
);

ALTER TABLE api_token ADD COLUMN expires_at BIGINT;
UPDATE api_token SET expires_at = created_at + 7776000;

ALTER TABLE membership ADD COLUMN granted_by BIGINT REFERENCES app_user(id) ON DELETE SET NULL;
ALTER TABLE membership ADD COLUMN confirmed_at BIGINT;
ALTER TABLE membership ADD COLUMN confirmed_by BIGINT REFERENCES app_user(id) ON DELETE SET NULL;
UPDATE membership SET confirmed_at = created_at;
