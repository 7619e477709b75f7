-- Residents' own accounts for the health notebook (PHR, issue 25): a resident is a user of profession RESIDENT whose
-- person_id names the regional person they are; they belong to no facility and see only their own record (the
-- policy's self access). One account per person.
ALTER TABLE app_user ADD COLUMN person_id bigint REFERENCES person (id);
ALTER TABLE app_user ADD CONSTRAINT app_user_resident_check
    CHECK ((person_id IS NOT NULL) = (profession = 'RESIDENT'));
CREATE UNIQUE INDEX app_user_person ON app_user (person_id) WHERE person_id IS NOT NULL;

-- One-time registration codes (登録コード) a facility's counter or the operator gives a resident, who registers with
-- card number + birth date + the code. Only the code's hash is kept; a code is used once, expires, and is void after
-- too many wrong tries for the person's card. A new code is also how a resident recovers an account.
CREATE TABLE phr_registration_code (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id           bigint      NOT NULL REFERENCES person (id),
    code_hash           text        NOT NULL UNIQUE,
    issued_by           bigint      NOT NULL REFERENCES app_user (id),
    issuing_facility_id bigint      REFERENCES facility (id),
    issued_at           timestamptz NOT NULL DEFAULT now(),
    expires_at          timestamptz NOT NULL,
    failed_attempts     integer     NOT NULL DEFAULT 0,
    used_at             timestamptz,
    void_at             timestamptz
);
CREATE INDEX phr_registration_code_person ON phr_registration_code (person_id, issued_at);
GRANT SELECT, INSERT, UPDATE ON phr_registration_code TO ${app_role};
