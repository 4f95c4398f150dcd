-- Fund: the municipality's review of the applications to its calls. A call names the
-- criteria it scores by (one per line); the committee scores each application 0–5 per
-- criterion and keeps notes that only the municipality reads.

ALTER TABLE grant_call ADD COLUMN criteria TEXT NOT NULL DEFAULT '';

CREATE TABLE grant_score (
    application_id INTEGER NOT NULL REFERENCES grant_application(id) ON DELETE CASCADE,
    -- The criterion's position in the call's list.
    position INTEGER NOT NULL,
    score INTEGER NOT NULL CHECK (score >= 0 AND score <= 5),
    scored_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    scored_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, position)
);

CREATE TABLE grant_note (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES grant_application(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    written_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    written_at BIGINT NOT NULL
);
CREATE INDEX grant_note_application ON grant_note(application_id);
