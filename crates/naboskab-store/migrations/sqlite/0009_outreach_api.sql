-- Reach, continued. An API token made in a session that passed the second factor carries it
-- until `second_factor_until` (the outreach API needs it, like the pages); and a referral can
-- name someone who goes along the first time (sealed, like the rest of the record).

ALTER TABLE api_token ADD COLUMN second_factor_until BIGINT;
ALTER TABLE outreach_referral ADD COLUMN buddy_sealed TEXT;
