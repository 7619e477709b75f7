-- FHIR Bulk Data $export (issue 48, item 4): one row per export a facility system started, and its NDJSON files.
-- The files themselves are parts of the blob store (bulk-<job id>-<seq>), deleted with the row when the export expires
-- or is cancelled. Nothing here is patient content: a job names its caller, what it asked and how many resources each
-- file holds.

-- An export: whose (the API client's user and its facility: only they see its status and files), what was asked (the
-- level, the kick-off URL, the types and _since), where it stands (RUNNING → DONE / FAILED; a cancelled job is
-- deleted) and until when its files are kept.
CREATE TABLE bulk_export_job (
    id               uuid        PRIMARY KEY,
    facility_id      bigint      NOT NULL REFERENCES facility (id),
    user_id          bigint      NOT NULL REFERENCES app_user (id),
    level            text        NOT NULL CHECK (level IN ('SYSTEM', 'PATIENT', 'GROUP')),
    request          text        NOT NULL CHECK (length(request) <= 4000),
    types            text[],
    since            timestamptz,
    status           text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    progress         text,
    error            text,
    transaction_time timestamptz NOT NULL,
    finished_at      timestamptz,
    expires_at       timestamptz
);
CREATE INDEX bulk_export_job_expiry ON bulk_export_job (status, expires_at);

-- One NDJSON file of an export: one resource type, its part in the blob store, how many resources and bytes.
CREATE TABLE bulk_export_file (
    job_id        uuid   NOT NULL REFERENCES bulk_export_job (id) ON DELETE CASCADE,
    seq           int    NOT NULL,
    resource_type text   NOT NULL,
    part          text   NOT NULL,
    count         bigint NOT NULL,
    bytes         bigint NOT NULL,
    PRIMARY KEY (job_id, seq)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON bulk_export_job TO ${app_role};
GRANT SELECT, INSERT, DELETE ON bulk_export_file TO ${app_role};
