-- Patient cards: the regional card (number = regional ID) and hospital disclosure cards (開示カード).
-- A reissued card keeps its number and gets the next issue number; older issues stop working.
CREATE TABLE card (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number              char(16)    NOT NULL,
    issue_no            integer     NOT NULL CHECK (issue_no >= 1),
    kind                text        NOT NULL CHECK (kind IN ('REGIONAL', 'DISCLOSURE')),
    person_id           bigint      NOT NULL REFERENCES person (id),
    issuing_facility_id bigint REFERENCES facility (id),
    status              text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'LOST', 'REISSUED', 'REVOKED')),
    issued_at           timestamptz NOT NULL DEFAULT now(),
    issued_by           bigint REFERENCES app_user (id),
    status_changed_at   timestamptz,
    UNIQUE (number, issue_no),
    CHECK ((kind = 'DISCLOSURE') = (issuing_facility_id IS NOT NULL))
);
CREATE UNIQUE INDEX card_one_active ON card (number) WHERE status = 'ACTIVE';
CREATE INDEX card_person ON card (person_id);

GRANT SELECT, INSERT, UPDATE ON card TO ${app_role};
