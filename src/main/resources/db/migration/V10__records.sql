-- The clinical record store: FHIR R4 resources as JSONB under their source patient.
--
-- Every table is keyed by patient_key first (the source patient's id; 0 for resources about no
-- patient, such as Organization or Practitioner), so each can be hash-partitioned, or distributed
-- with Citus, on it. Logical ids are UUIDs, unique by construction; resource_id finds one by id.

CREATE TABLE resource (
    patient_key     bigint      NOT NULL,
    id              text        NOT NULL CHECK (id ~ '^[A-Za-z0-9\-\.]{1,64}$'),
    type            text        NOT NULL,
    version         integer     NOT NULL CHECK (version >= 1),
    source_facility bigint      NOT NULL REFERENCES facility (id),
    source_key      text,
    category        text        NOT NULL,
    last_updated    timestamptz NOT NULL,
    clinical_date   timestamptz,
    deleted         boolean     NOT NULL DEFAULT false,
    content_hash    bytea       NOT NULL,
    content         jsonb       NOT NULL,
    PRIMARY KEY (patient_key, id)
);
CREATE INDEX resource_id ON resource (id);
CREATE INDEX resource_patient_type ON resource (patient_key, type, clinical_date);
-- Idempotency: one row per source record of a facility (the same record sent twice is stored once).
CREATE UNIQUE INDEX resource_source_key ON resource (patient_key, source_facility, type, source_key)
    WHERE source_key IS NOT NULL;

-- Every version ever stored, the current one included.
CREATE TABLE resource_version (
    patient_key  bigint      NOT NULL,
    id           text        NOT NULL,
    version      integer     NOT NULL,
    type         text        NOT NULL,
    last_updated timestamptz NOT NULL,
    deleted      boolean     NOT NULL,
    written_by   bigint      REFERENCES app_user (id),
    content      jsonb       NOT NULL,
    PRIMARY KEY (patient_key, id, version)
);

-- Extracted search index of the current versions: tokens (category, code, status, identifier) and
-- dates (clinical date or period).
CREATE TABLE resource_token (
    patient_key bigint NOT NULL,
    id          text   NOT NULL,
    type        text   NOT NULL,
    param       text   NOT NULL,
    system      text,
    code        text   NOT NULL
);
CREATE INDEX resource_token_lookup ON resource_token (patient_key, type, param, code);
CREATE INDEX resource_token_resource ON resource_token (patient_key, id);
CREATE INDEX resource_token_identifier ON resource_token (param, code, system) WHERE param = 'identifier';

CREATE TABLE resource_date (
    patient_key bigint      NOT NULL,
    id          text        NOT NULL,
    type        text        NOT NULL,
    param       text        NOT NULL,
    low         timestamptz,
    high        timestamptz
);
CREATE INDEX resource_date_lookup ON resource_date (patient_key, type, param, low);
CREATE INDEX resource_date_resource ON resource_date (patient_key, id);

GRANT SELECT, INSERT, UPDATE ON resource TO ${app_role};
GRANT SELECT, INSERT ON resource_version TO ${app_role};
GRANT SELECT, INSERT, DELETE ON resource_token, resource_date TO ${app_role};
