-- A facility's own identifier systems (issue 24, item 2). Besides its built-in patient-ID system (JP Core's
-- urn:oid:1.2.392.100495.20.3.51.1 + its medical institution code, or urn:musubi:facility:<id>:patient-id), a
-- facility may have other systems declared as its patient IDs, e.g. the MRN URI its EHR sends. A network
-- administrator, or the facility's own administrator, declares them; each declaration and each removal is audited
-- (IDENTIFIER_SYSTEM_DECLARE / IDENTIFIER_SYSTEM_REMOVE). A system names one facility network-wide (the primary key),
-- so that a PIXm or PDQm query by it is never ambiguous. Removing a declaration deletes the row; the audit trail
-- keeps who declared it and when.
CREATE TABLE facility_identifier_system (
    system      text        PRIMARY KEY CHECK (length(system) BETWEEN 1 AND 255),
    facility_id bigint      NOT NULL REFERENCES facility (id),
    declared_by bigint      NOT NULL REFERENCES app_user (id),
    declared_at timestamptz NOT NULL DEFAULT now()
);
-- A facility's declarations in declaration order: the order registration tries them in.
CREATE INDEX facility_identifier_system_facility ON facility_identifier_system (facility_id, declared_at, system);

-- The identifiers a facility's Patient carried in its patient-ID systems, recorded for the source patient they name,
-- so that any of them finds it later. system '' is the facility's built-in patient-ID system, whatever its URI
-- (an alias: a built-in value that is not the source patient's local ID); any other system is a declared one.
-- A source patient first registered by a declared identifier has `system|value` as its local ID, which no built-in
-- value can be (registration refuses '|' in patient IDs): hence the wider local_id below.
-- Rows are kept when a declaration is removed (they answer again if the facility declares the system again), and
-- are per facility: another facility declaring the same system later never finds them.
CREATE TABLE source_patient_identifier (
    facility_id       bigint      NOT NULL REFERENCES facility (id),
    system            text        NOT NULL CHECK (length(system) <= 255),
    value             text        NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
    source_patient_id bigint      NOT NULL REFERENCES source_patient (id),
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (facility_id, system, value)
);
CREATE INDEX source_patient_identifier_patient ON source_patient_identifier (source_patient_id);

ALTER TABLE source_patient DROP CONSTRAINT source_patient_local_id_check;
ALTER TABLE source_patient ADD CONSTRAINT source_patient_local_id_check CHECK (length(local_id) BETWEEN 1 AND 320);

GRANT SELECT, INSERT, DELETE ON facility_identifier_system TO ${app_role};
GRANT SELECT, INSERT ON source_patient_identifier TO ${app_role};
