-- Fund: documents attached to grant applications. A call names the documents it requires
-- (one per line); each attached file is a row here, while its bytes live in the file store
-- (a folder under the data directory, or an S3-compatible bucket), never in the database.
-- Deleting the row is followed by deleting the file; the daily sweep deletes any file
-- whose row is gone (an application erased with its organisation).

ALTER TABLE grant_call ADD COLUMN documents TEXT NOT NULL DEFAULT '';

CREATE TABLE grant_document (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES grant_application(id) ON DELETE CASCADE,
    -- The required document's position in the call's list; NULL for any other document.
    requirement INTEGER,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL UNIQUE,
    uploaded_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX grant_document_application ON grant_document(application_id);
