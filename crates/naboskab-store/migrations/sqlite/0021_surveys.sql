-- Measure: anonymous loneliness surveys. A round asks the residents of one or more
-- departments for one period. People answer with a one-time code printed on a letter; only a
-- hash of each unused code is kept, and a code's row is deleted in the transaction that
-- stores its answer, so no row tells which code (or letter, or address) gave which answer.
-- Answers carry their round and department and nothing else: no account, no address, no
-- time, no number from a sequence (their key is random and the table keeps no row order).

CREATE TABLE survey_round (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    -- The organisation that runs it: a housing organisation or a municipality.
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    -- Local dates (YYYY-MM-DD), both included.
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    -- The languages of the printed letters and the form, space-separated, Danish first.
    languages TEXT NOT NULL,
    who5 BOOLEAN NOT NULL,
    created_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE survey_round_department (
    round_id INTEGER NOT NULL REFERENCES survey_round(id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    -- How many codes were ever issued here (for the response rate).
    codes_issued INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, department_id)
);
CREATE INDEX survey_round_department_by_department ON survey_round_department(department_id);

CREATE TABLE survey_code (
    -- SHA-256 of the normalised code, hex.
    code_hash TEXT PRIMARY KEY,
    round_id INTEGER NOT NULL,
    department_id INTEGER NOT NULL,
    FOREIGN KEY (round_id, department_id)
        REFERENCES survey_round_department(round_id, department_id) ON DELETE CASCADE
);

CREATE TABLE survey_answer (
    answer_key TEXT PRIMARY KEY,
    round_id INTEGER NOT NULL,
    department_id INTEGER NOT NULL,
    tils_1 INTEGER NOT NULL CHECK (tils_1 BETWEEN 1 AND 3),
    tils_2 INTEGER NOT NULL CHECK (tils_2 BETWEEN 1 AND 3),
    tils_3 INTEGER NOT NULL CHECK (tils_3 BETWEEN 1 AND 3),
    who5_1 INTEGER CHECK (who5_1 BETWEEN 0 AND 5),
    who5_2 INTEGER CHECK (who5_2 BETWEEN 0 AND 5),
    who5_3 INTEGER CHECK (who5_3 BETWEEN 0 AND 5),
    who5_4 INTEGER CHECK (who5_4 BETWEEN 0 AND 5),
    who5_5 INTEGER CHECK (who5_5 BETWEEN 0 AND 5),
    age_band TEXT,
    gender TEXT,
    FOREIGN KEY (round_id, department_id)
        REFERENCES survey_round_department(round_id, department_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX survey_answer_round ON survey_answer(round_id, department_id);
