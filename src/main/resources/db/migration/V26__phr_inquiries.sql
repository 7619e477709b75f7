-- A resident's question to the network office about one view in their access log (issue 25): the audit row it is
-- about (by sequence number), the resident's message, and the operator's answer once recorded.
CREATE TABLE phr_inquiry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   bigint      NOT NULL REFERENCES person (id),
    audit_seq   bigint      NOT NULL,
    message     text        NOT NULL CHECK (length(message) BETWEEN 1 AND 1000),
    asked_by    bigint      NOT NULL REFERENCES app_user (id),
    asked_at    timestamptz NOT NULL DEFAULT now(),
    answered_by bigint      REFERENCES app_user (id),
    answered_at timestamptz,
    answer      text        CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 2000)
);
CREATE INDEX phr_inquiry_open ON phr_inquiry (asked_at) WHERE answered_at IS NULL;
CREATE INDEX phr_inquiry_person ON phr_inquiry (person_id, asked_at);
GRANT SELECT, INSERT, UPDATE ON phr_inquiry TO ${app_role};
