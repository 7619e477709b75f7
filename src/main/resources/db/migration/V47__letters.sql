-- Letters between facilities (issue 42): the exchange's own state beside the record. The letter itself is in the
-- record (its FHIR document Bundle and Task under the sender's source patient, category REFERRALS); this row is the
-- inbox's and outbox's index and the letter's status, with the signed PDF and attachments in the blob store.
CREATE TABLE letter (
    id                  UUID PRIMARY KEY,
    person_id           BIGINT NOT NULL,
    patient_key         BIGINT NOT NULL,          -- the sender's source patient (the record the letter is under)
    sender_facility     BIGINT NOT NULL,
    sender_user         BIGINT NOT NULL,
    addressee_facility  BIGINT NOT NULL,
    department          TEXT,
    doctor              TEXT,
    kind                TEXT NOT NULL,
    year                INT NOT NULL,
    seq                 INT NOT NULL,
    document_id         TEXT NOT NULL,            -- the Bundle's resource id
    task_id             TEXT NOT NULL,            -- the Task's resource id
    patient_name        TEXT NOT NULL,
    patient_kana        TEXT,
    birth_date          DATE NOT NULL,
    author_name         TEXT NOT NULL,
    letter_json         TEXT,                     -- the composed letter (null for a document a system sent)
    pdf_blob            TEXT,                     -- the signed PDF (null for a document a system sent)
    document_blob       TEXT NOT NULL,            -- the document Bundle's bytes as signed
    bundle_signature    BYTEA,                    -- detached CMS over the stored Bundle's bytes, or null
    attachments_json    TEXT NOT NULL DEFAULT '[]',
    status              TEXT NOT NULL,
    status_reason       TEXT,
    replies_to          UUID REFERENCES letter (id),
    reply_id            UUID REFERENCES letter (id),
    sent_at             TIMESTAMPTZ NOT NULL,
    received_at         TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL,
    due                 DATE,
    UNIQUE (sender_facility, year, seq)
);
CREATE INDEX letter_inbox ON letter (addressee_facility, sent_at DESC);
CREATE INDEX letter_inbox_status ON letter (addressee_facility, status, sent_at DESC);
CREATE INDEX letter_outbox ON letter (sender_facility, sent_at DESC);
CREATE INDEX letter_changed_to ON letter (addressee_facility, updated_at);
CREATE INDEX letter_changed_from ON letter (sender_facility, updated_at);

CREATE TABLE letter_event (
    letter_id   UUID NOT NULL REFERENCES letter (id),
    at          TIMESTAMPTZ NOT NULL,
    status      TEXT NOT NULL,
    by_user     BIGINT NOT NULL,
    by_name     TEXT NOT NULL,
    reason      TEXT
);
CREATE INDEX letter_event_letter ON letter_event (letter_id, at);

CREATE TABLE letter_draft (
    id          UUID PRIMARY KEY,
    author_user BIGINT NOT NULL,
    person_id   BIGINT NOT NULL,
    request_json TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX letter_draft_author ON letter_draft (author_user, person_id, updated_at DESC);

-- Files a user uploaded for a letter: only its uploader may attach a file by its key.
CREATE TABLE letter_upload (
    author_user BIGINT NOT NULL,
    blob_key    TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (author_user, blob_key)
);

-- Letters and their history are never deleted (a sent letter is withdrawn, not removed); drafts are.
GRANT SELECT, INSERT, UPDATE ON letter TO ${app_role};
GRANT SELECT, INSERT ON letter_event TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON letter_draft TO ${app_role};
GRANT SELECT, INSERT ON letter_upload TO ${app_role};
