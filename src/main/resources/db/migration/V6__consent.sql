-- Consents, facility-patient links (連携), facility blocks and emergency (break-the-glass) access.
CREATE TABLE consent (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id            bigint      NOT NULL REFERENCES person (id),
    scope                text        NOT NULL CHECK (scope IN ('ALL_FACILITIES', 'ONE_FACILITY')),
    scope_facility_id    bigint REFERENCES facility (id),
    purposes             text[]      NOT NULL,
    status               text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    captured_at          timestamptz NOT NULL DEFAULT now(),
    captured_by_user     bigint REFERENCES app_user (id),
    captured_by_facility bigint REFERENCES facility (id),
    withdrawn_at         timestamptz,
    withdrawn_by_user    bigint REFERENCES app_user (id),
    CHECK ((scope = 'ONE_FACILITY') = (scope_facility_id IS NOT NULL))
);
CREATE INDEX consent_person ON consent (person_id);

CREATE TABLE patient_link (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    bigint      NOT NULL REFERENCES person (id),
    facility_id  bigint      NOT NULL REFERENCES facility (id),
    linked_at    timestamptz NOT NULL DEFAULT now(),
    linked_by    bigint REFERENCES app_user (id),
    last_used_at timestamptz NOT NULL DEFAULT now(),
    ended_at     timestamptz,
    ended_by     bigint REFERENCES app_user (id)
);
CREATE UNIQUE INDEX patient_link_open ON patient_link (person_id, facility_id) WHERE ended_at IS NULL;
CREATE INDEX patient_link_facility ON patient_link (facility_id) WHERE ended_at IS NULL;

CREATE TABLE facility_block (
    person_id   bigint      NOT NULL REFERENCES person (id),
    facility_id bigint      NOT NULL REFERENCES facility (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  bigint REFERENCES app_user (id),
    PRIMARY KEY (person_id, facility_id)
);

CREATE TABLE emergency_access (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   bigint      NOT NULL REFERENCES person (id),
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    reason      text        NOT NULL CHECK (length(reason) >= 5),
    opened_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    reviewed_at timestamptz,
    reviewed_by bigint REFERENCES app_user (id),
    review_note text
);
CREATE INDEX emergency_access_person ON emergency_access (person_id, expires_at);

GRANT SELECT, INSERT, UPDATE ON consent, patient_link, emergency_access TO ${app_role};
GRANT SELECT, INSERT, DELETE ON facility_block TO ${app_role};
