-- Blocking keys for candidate search, and the operators' review queue for uncertain matches.
CREATE TABLE person_match_key (
    key       text   NOT NULL,
    person_id bigint NOT NULL REFERENCES person (id),
    PRIMARY KEY (key, person_id)
);
CREATE INDEX person_match_key_person ON person_match_key (person_id);

CREATE TABLE match_review (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_patient_id bigint      NOT NULL REFERENCES source_patient (id),
    reasons           text[]      NOT NULL DEFAULT '{}',
    status            text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'LINKED', 'NEW_PERSON', 'DISMISSED')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    decided_at        timestamptz,
    decided_by        bigint REFERENCES app_user (id),
    decided_person_id bigint REFERENCES person (id)
);
CREATE UNIQUE INDEX match_review_open ON match_review (source_patient_id) WHERE status = 'OPEN';

-- The candidates shown to the operator, each with its score and the per-field explanation.
CREATE TABLE match_review_candidate (
    review_id bigint           NOT NULL REFERENCES match_review (id),
    person_id bigint           NOT NULL REFERENCES person (id),
    score     double precision NOT NULL,
    breakdown text             NOT NULL,
    PRIMARY KEY (review_id, person_id)
);

GRANT SELECT, INSERT, DELETE ON person_match_key TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON match_review TO ${app_role};
GRANT SELECT, INSERT ON match_review_candidate TO ${app_role};
