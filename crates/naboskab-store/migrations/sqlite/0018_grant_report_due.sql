-- Fund: when the report on a grant is due (a call's report deadline, UTC seconds, typed as
-- Copenhagen wall time), when the applicant was reminded of it (once), and whether the
-- reported accounts are certified by an auditor (required above the call's threshold).

ALTER TABLE grant_call ADD COLUMN report_due_at BIGINT;
ALTER TABLE grant_application ADD COLUMN report_reminded_at BIGINT;
ALTER TABLE grant_application ADD COLUMN accounts_certified INTEGER NOT NULL DEFAULT 0;
