-- Case consultations (症例相談, issue 44): the consultations' own bookkeeping beside the record. The thread itself —
-- the question, the messages, attachments and references — is FHIR Communication (and Binary) in the record, stored
-- under the asking facility's source patient; these rows say who takes part, which record rows make the thread (the
-- addressee's door reads exactly those), the thread's status and meeting, and what each participant has read.
CREATE TABLE consult_thread (
    id                 UUID PRIMARY KEY,
    person_id          BIGINT NOT NULL,
    patient_key        BIGINT NOT NULL,
    asking_facility    BIGINT NOT NULL,
    asking_user        BIGINT NOT NULL,
    addressee_facility BIGINT NOT NULL,
    addressee_user     BIGINT,
    department         TEXT,
    subject            TEXT NOT NULL,
    patient_name       TEXT NOT NULL,
    header_id          TEXT NOT NULL,
    status             TEXT NOT NULL,
    meeting_at         TIMESTAMPTZ,
    meeting_url        TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX consult_thread_asking ON consult_thread (asking_user, updated_at DESC);
CREATE INDEX consult_thread_addressee ON consult_thread (addressee_facility, updated_at DESC);

-- The record rows of a thread, in order: 'MESSAGE' (a Communication: the header first), 'ATTACHMENT' (a Binary),
-- 'REFERENCE' (an item of the record the asker pointed to). A message has its author and which side wrote it.
CREATE TABLE consult_row (
    thread_id   UUID NOT NULL REFERENCES consult_thread (id),
    person_id   BIGINT NOT NULL,
    seq         INT NOT NULL,
    kind        TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    author_user BIGINT,
    at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (thread_id, seq)
);

-- What a participant has read: the last message seq seen. Unread = messages of the other side after it.
CREATE TABLE consult_seen (
    thread_id UUID NOT NULL REFERENCES consult_thread (id),
    person_id BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    seen_seq  INT NOT NULL,
    PRIMARY KEY (thread_id, user_id)
);

GRANT SELECT, INSERT, UPDATE ON consult_thread, consult_row, consult_seen TO ${app_role};
