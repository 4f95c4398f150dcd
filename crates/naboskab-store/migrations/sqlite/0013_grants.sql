-- Fund: a municipality's grant calls (Serviceloven §18 and similar pools) and the
-- applications organisations write to them. Money is whole øre; every total is computed
-- from the lines, never stored.

CREATE TABLE grant_call (
    id INTEGER PRIMARY KEY,
    -- The municipality (an organisation of kind `municipality`) whose pool it is.
    municipality_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    year INTEGER NOT NULL,
    pool_ore BIGINT NOT NULL,
    max_amount_ore BIGINT NOT NULL,
    -- UTC seconds; typed and shown as Copenhagen wall time.
    opens_at BIGINT NOT NULL,
    deadline_at BIGINT NOT NULL,
    -- Comma-separated stable names: naboskab_domain::grants::FocusArea and ::Applicant.
    focus_areas TEXT NOT NULL DEFAULT '',
    applicants TEXT NOT NULL DEFAULT '',
    target_groups TEXT NOT NULL DEFAULT '',
    -- Grants above this amount need certified accounts; NULL: never.
    certified_accounts_above_ore BIGINT,
    -- The municipality's questions to every applicant, one per line.
    questions TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX grant_call_municipality ON grant_call(municipality_id, year);
CREATE INDEX grant_call_deadline ON grant_call(deadline_at);

CREATE TABLE grant_application (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES grant_call(id) ON DELETE RESTRICT,
    -- The applicant: an association, or a department for its board.
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    -- draft | submitted | granted | refused | reported
    status TEXT NOT NULL,
    amount_applied_ore BIGINT NOT NULL,
    amount_granted_ore BIGINT,
    decision_reason TEXT NOT NULL DEFAULT '',
    -- The answers to the call's questions, one per line in the questions' order.
    answers TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    submitted_at BIGINT,
    decided_at BIGINT,
    decided_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL
);
CREATE INDEX grant_application_call ON grant_application(call_id, status);
CREATE INDEX grant_application_organisation ON grant_application(organisation_id);

-- The activities an application asks money for, each linked to an offer where there is one,
-- and placed in a department (whose housing organisation may read the application).
CREATE TABLE grant_activity (
    application_id INTEGER NOT NULL REFERENCES grant_application(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    target_group TEXT NOT NULL DEFAULT '',
    expected_participants INTEGER NOT NULL DEFAULT 0,
    offer_id INTEGER REFERENCES offer(id) ON DELETE SET NULL,
    department_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    PRIMARY KEY (application_id, position)
);
CREATE INDEX grant_activity_department ON grant_activity(department_id);

-- Budget and income lines.
CREATE TABLE grant_line (
    application_id INTEGER NOT NULL REFERENCES grant_application(id) ON DELETE CASCADE,
    -- budget | income
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    amount_ore BIGINT NOT NULL CHECK (amount_ore >= 0),
    PRIMARY KEY (application_id, kind, position)
);
