-- Imports from the systems facilities already run (SS-MIX2 storage, JAHIS medication notebooks, lab
-- results): registered sources, batches with live counters, the files each source has delivered
-- (the checkpoint a restart continues from), the version applied of each source record (so an older
-- or repeated record is not applied again and a deleted one stays deleted), and every problem found,
-- with the raw input of each rejected record.

CREATE TABLE import_source (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    facility_id bigint      NOT NULL REFERENCES facility (id),
    kind        text        NOT NULL CHECK (kind IN ('SSMIX2', 'JAHIS', 'LAB_HL7', 'LAB_CSV')),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- An SS-MIX2 storage root or a drop directory; null for a source that only receives uploads.
    location    text,
    watch       boolean     NOT NULL DEFAULT false,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (facility_id, kind, name)
);

CREATE TABLE import_batch (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id         bigint      NOT NULL REFERENCES import_source (id),
    origin            text        NOT NULL CHECK (origin IN ('COMMAND_LINE', 'WATCH', 'UPLOAD', 'SCREEN', 'DEMO')),
    started_by        bigint      REFERENCES app_user (id),
    started_at        timestamptz NOT NULL DEFAULT now(),
    -- Written with every committed chunk: a RUNNING batch whose heartbeat stopped was interrupted.
    heartbeat_at      timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    status            text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    files_seen        integer     NOT NULL DEFAULT 0,
    files_skipped     integer     NOT NULL DEFAULT 0,
    files_done        integer     NOT NULL DEFAULT 0,
    records_seen      integer     NOT NULL DEFAULT 0,
    records_stored    integer     NOT NULL DEFAULT 0,
    records_unchanged integer     NOT NULL DEFAULT 0,
    records_deleted   integer     NOT NULL DEFAULT 0,
    records_rejected  integer     NOT NULL DEFAULT 0,
    resources_written integer     NOT NULL DEFAULT 0,
    warnings          integer     NOT NULL DEFAULT 0,
    failure           text
);
CREATE INDEX import_batch_source ON import_batch (source_id, id DESC);

-- One row per file a source delivered, written in the same transaction as the file's records.
CREATE TABLE import_file (
    source_id    bigint      NOT NULL REFERENCES import_source (id),
    path         text        NOT NULL,
    size         bigint      NOT NULL,
    modified     timestamptz,
    content_hash bytea       NOT NULL,
    batch_id     bigint      NOT NULL REFERENCES import_batch (id),
    records      integer     NOT NULL,
    rejected     integer     NOT NULL,
    done_at      timestamptz NOT NULL,
    PRIMARY KEY (source_id, path)
);
CREATE INDEX import_file_content ON import_file (source_id, content_hash);

-- The version applied of each source record (e.g. an SS-MIX2 PID/date/type/order) and the resources
-- ("Type/sourceKey") it left, keyed by the source patient first like the record store.
CREATE TABLE import_record (
    patient_key bigint      NOT NULL,
    facility_id bigint      NOT NULL,
    record_key  text        NOT NULL,
    version     text,
    deleted     boolean     NOT NULL,
    resources   text[]      NOT NULL,
    batch_id    bigint      NOT NULL,
    applied_at  timestamptz NOT NULL,
    PRIMARY KEY (patient_key, facility_id, record_key)
);

CREATE TABLE import_problem (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id   bigint      NOT NULL REFERENCES import_batch (id),
    severity   text        NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
    file       text        NOT NULL,
    line       integer     NOT NULL,
    record     text,
    field      text,
    code       text        NOT NULL,
    message_ja text        NOT NULL,
    message_en text        NOT NULL,
    -- The rejected record as sent (patient data: shown only to administrators).
    raw        text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_problem_batch ON import_problem (batch_id, id);

-- JAHIS medication-notebook parts (split for QR codes) waiting for the rest of their data, by the
-- sending facility's medical-institution code and the data ID of record 911.
CREATE TABLE import_held_part (
    institution_code text        NOT NULL,
    data_id          text        NOT NULL,
    part_count       integer     NOT NULL,
    part_number      integer     NOT NULL,
    content          bytea       NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (institution_code, data_id, part_number)
);

GRANT SELECT, INSERT, UPDATE ON import_source TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON import_batch TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON import_file TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON import_record TO ${app_role};
GRANT SELECT, INSERT ON import_problem TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON import_held_part TO ${app_role};
