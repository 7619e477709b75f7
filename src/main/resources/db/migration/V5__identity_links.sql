-- Source patients (a facility's own patient, as received) and their links to regional persons.
-- Links change; source patients and the clinical data stored under them never do.
ALTER TABLE person ADD COLUMN merged_into bigint REFERENCES person (id);

CREATE TABLE source_patient (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    facility_id  bigint      NOT NULL REFERENCES facility (id),
    local_id     text        NOT NULL CHECK (length(local_id) BETWEEN 1 AND 64),
    family_kanji text,
    given_kanji  text,
    family_kana  text,
    given_kana   text,
    sex          text CHECK (sex IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
    birth_date   date,
    postal_code  text,
    address      text,
    phone        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (facility_id, local_id)
);

-- The current link of each source patient: at most one person.
CREATE TABLE person_link (
    source_patient_id bigint PRIMARY KEY REFERENCES source_patient (id),
    person_id         bigint      NOT NULL REFERENCES person (id),
    linked_at         timestamptz NOT NULL DEFAULT now(),
    linked_by         bigint REFERENCES app_user (id),
    method            text        NOT NULL
);
CREATE INDEX person_link_person ON person_link (person_id);

-- Every identity change, append-only: who, when, why, and what an unmerge must undo.
CREATE TABLE identity_event (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at       timestamptz NOT NULL DEFAULT now(),
    kind              text        NOT NULL CHECK (kind IN ('LINK', 'UNLINK', 'MERGE', 'UNMERGE', 'MOVE')),
    person_id         bigint      NOT NULL REFERENCES person (id),
    other_person_id   bigint REFERENCES person (id),
    source_patient_id bigint REFERENCES source_patient (id),
    merge_id          bigint REFERENCES identity_event (id),
    user_id           bigint REFERENCES app_user (id),
    reason            text,
    survivor_before   jsonb
);
CREATE INDEX identity_event_person ON identity_event (person_id, occurred_at);
CREATE INDEX identity_event_merge ON identity_event (merge_id) WHERE merge_id IS NOT NULL;

CREATE FUNCTION identity_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'identity_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER identity_event_no_update_delete BEFORE UPDATE OR DELETE ON identity_event
    FOR EACH ROW EXECUTE FUNCTION identity_event_append_only();

GRANT SELECT, INSERT, UPDATE ON source_patient TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON person_link TO ${app_role};
GRANT SELECT, INSERT ON identity_event TO ${app_role};
