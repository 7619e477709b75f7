-- De-identified extractions of approved research projects (issue 48, item 3).

-- A project's key for the extraction's crypto-hashes and date shifts: made at its first extraction, the same for
-- every later one (a person's hashed id and shift stay the same across a project's extractions), never shown.
CREATE TABLE research_project_key (
    project_id bigint      PRIMARY KEY REFERENCES research_project (id),
    secret     bytea       NOT NULL CHECK (length(secret) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One extraction, a background job: QUEUED when a named user (or an operator) starts it, RUNNING while a node runs
-- it (a node that dies leaves it RUNNING; the next run puts it back in the queue, at most 3 attempts, then FAILED),
-- DONE with its report, FAILED with the error's kind. expires_at: when its files stop being downloadable (the sweep
-- then deletes them and sets files_deleted_at). k_threshold: the k the extraction had to reach.
CREATE TABLE research_extraction (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id       bigint      NOT NULL REFERENCES research_project (id),
    requested_by     bigint      NOT NULL REFERENCES app_user (id),
    state            text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    k_threshold      int         NOT NULL CHECK (k_threshold >= 2),
    attempts         int         NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    expires_at       timestamptz,
    files_deleted_at timestamptz,
    report           jsonb,
    error            text
);
CREATE INDEX research_extraction_project ON research_extraction (project_id, id);
CREATE INDEX research_extraction_pending ON research_extraction (id) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX research_extraction_expiring ON research_extraction (expires_at) WHERE files_deleted_at IS NULL;

-- An extraction's files: one NDJSON file per resource type and the report, each a part of the blob store
-- (parts/research-<extraction>-<n>), deleted when the extraction expires.
CREATE TABLE research_extraction_file (
    extraction_id bigint NOT NULL REFERENCES research_extraction (id),
    name          text   NOT NULL CHECK (name ~ '^[A-Za-z]{1,64}\.(ndjson|json)$'),
    part          text   NOT NULL,
    sha256        text   NOT NULL,
    size          bigint NOT NULL,
    resources     bigint NOT NULL,
    PRIMARY KEY (extraction_id, name)
);

-- The persons merged into another, by survivor: an extraction reads a chunk of persons' links with those of the persons
-- merged into them (record.jdbc.ReleasedRows). Partial: only merged persons have merged_into.
CREATE INDEX person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL;

GRANT SELECT, INSERT ON research_project_key TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON research_extraction TO ${app_role};
GRANT SELECT, INSERT, DELETE ON research_extraction_file TO ${app_role};
