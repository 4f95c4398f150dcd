-- Reach: when a referred person was signed up but did not come, the daily job adds a
-- follow-up to ask why, once per referral; this is when it did.

ALTER TABLE outreach_referral ADD COLUMN no_show_asked_at BIGINT;
