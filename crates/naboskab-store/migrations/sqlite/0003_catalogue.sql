-- Find, second part: the catalogue's change sequence and the approval setting of housing
-- organisations.
--
-- The in-process offer catalogue (search and result cards) follows the database through a
-- change sequence: every write of offers takes the next number from catalogue_generation and
-- stamps it on the offers it wrote, so a server reloads exactly what changed since it last
-- looked, including changes made by another process.

CREATE TABLE catalogue_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n BIGINT NOT NULL
);
INSERT INTO catalogue_generation (id, n) VALUES (1, 1);

ALTER TABLE offer ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 1;
CREATE INDEX offer_change_seq ON offer(change_seq);

-- The vocabulary now comes from the catalogue's own term dictionary.
DROP TABLE search_vocabulary;

-- Whether offers from associations new to a housing organisation wait for its staff's
-- approval (set on the housing organisation; on by default).
ALTER TABLE organisation ADD COLUMN offers_need_approval INTEGER NOT NULL DEFAULT 1;
