-- Fund: every party confirms a partnership. The party the person saving it runs is confirmed
-- at once; the others are asked, and until each has said yes the partnership is shown only to
-- its parties and gives no priority booking. Partnerships made before were made by their
-- parties together, so their parties count as confirmed from the start.

ALTER TABLE partnership_party ADD COLUMN confirmed_at INTEGER;
ALTER TABLE partnership_party ADD COLUMN confirmed_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL;
UPDATE partnership_party SET confirmed_at = (SELECT p.created_at FROM partnership p WHERE p.id = partnership_party.partnership_id);
