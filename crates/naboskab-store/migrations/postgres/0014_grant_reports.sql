-- Fund: the applicant's report after the year: what was spent on each budget line, how many
-- took part, and what happened, in their own words. Money not spent is to be paid back.

ALTER TABLE grant_application ADD COLUMN report_participants INTEGER;
ALTER TABLE grant_application ADD COLUMN report_narrative TEXT NOT NULL DEFAULT '';
ALTER TABLE grant_application ADD COLUMN reported_at BIGINT;
ALTER TABLE grant_line ADD COLUMN spent_ore BIGINT CHECK (spent_ore IS NULL OR spent_ore >= 0);
