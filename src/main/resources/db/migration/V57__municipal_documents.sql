-- Documents between a facility and an addressee outside the letters' exchange (issue 44): the 主治医意見書 a
-- municipality requests from a doctor (status REQUESTED → RECEIVED → COMPLETED, or DECLINED with a reason; overdue past
-- `due`), and the 退院時情報共有 sheet a hospital sends to a care manager (RECEIVED when sent). The opinion or sheet itself
-- is entered into the person's record by its author (a QuestionnaireResponse, or a DocumentReference of the signed
-- PDF); this row is the index, the status and what was sent (content_json, pdf_blob), read by the addressee only
-- through the access policy's addressee rule (AccessPolicy.decideSentDocument).
CREATE TABLE municipal_document (
    id               UUID PRIMARY KEY,
    kind             TEXT NOT NULL,
    person_id        BIGINT NOT NULL,
    from_facility    BIGINT NOT NULL,
    from_user        BIGINT NOT NULL,
    to_facility      BIGINT NOT NULL,
    to_user          BIGINT,
    status           TEXT NOT NULL,
    status_reason    TEXT,
    patient_name     TEXT NOT NULL,
    patient_kana     TEXT,
    birth_date       DATE,
    application      TEXT,
    insured_number   TEXT,
    note             TEXT,
    due              DATE,
    content_json     TEXT,
    pdf_blob         TEXT,
    record_ref       TEXT,
    author_name      TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at      TIMESTAMPTZ,
    read_at          TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX municipal_document_to ON municipal_document (to_facility, status);
CREATE INDEX municipal_document_from ON municipal_document (from_facility, status);
CREATE INDEX municipal_document_person ON municipal_document (person_id);

GRANT SELECT, INSERT, UPDATE ON municipal_document TO ${app_role};
