-- Participation applications (参加申請, issue 45): a facility applies on the public page /apply; the secretariat
-- reviews, approves (which creates the facility, its profile and its users) or returns it with a reason, sets it up
-- and makes it live. The applicant finds it again by its reference number and a secret of which only a hash is kept.
-- Nothing here is about a patient.
CREATE TABLE facility_application (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference         text        NOT NULL UNIQUE CHECK (reference ~ '^[A-Z2-7]{16}$'),
    secret_hash       text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('RECEIVED', 'UNDER_REVIEW', 'APPROVED', 'RETURNED', 'SET_UP', 'LIVE')),
    kind              text        NOT NULL,
    name_kanji        text        NOT NULL CHECK (length(name_kanji) BETWEEN 1 AND 200),
    name_kana         text        NOT NULL CHECK (length(name_kana) BETWEEN 1 AND 200),
    code              text        CHECK (code IS NULL OR code ~ '^[0-9]{10}$'),
    prefecture        integer     NOT NULL CHECK (prefecture BETWEEN 1 AND 47),
    municipality      text        NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    address           text        NOT NULL CHECK (length(address) BETWEEN 1 AND 400),
    phone             text        NOT NULL CHECK (length(phone) BETWEEN 1 AND 20),
    beds              integer     CHECK (beds IS NULL OR beds BETWEEN 0 AND 10000),
    disclosing        boolean     NOT NULL,
    viewing           boolean     NOT NULL,
    accepted_cards    text[]      NOT NULL,
    contact_name      text        NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 100),
    contact_phone     text        NOT NULL CHECK (length(contact_phone) BETWEEN 1 AND 20),
    contact_email     text        NOT NULL CHECK (length(contact_email) <= 200),
    return_reason     text        CHECK (return_reason IS NULL OR length(return_reason) <= 2000),
    facility_id       bigint      REFERENCES facility (id),
    submitted_at      timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL
);
CREATE INDEX facility_application_status ON facility_application (status, submitted_at);

-- The users the applicant asks for, in the order written; replaced as a whole when a returned application is resubmitted.
CREATE TABLE facility_application_user (
    application_id bigint  NOT NULL REFERENCES facility_application (id),
    position       integer NOT NULL CHECK (position BETWEEN 0 AND 49),
    name_kanji     text    NOT NULL CHECK (length(name_kanji) BETWEEN 1 AND 100),
    name_kana      text    NOT NULL CHECK (length(name_kana) BETWEEN 1 AND 100),
    profession     text    NOT NULL,
    facility_admin boolean NOT NULL,
    user_id        bigint  REFERENCES app_user (id),
    PRIMARY KEY (application_id, position)
);

-- The documents uploaded with it (PDF, JPEG, PNG), kept in the blob store by their SHA-256; only network admins
-- download them. scan: CLEAN when the malware scanner passed it, UNSCANNED when no scanner is configured.
CREATE TABLE facility_application_document (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint      NOT NULL REFERENCES facility_application (id),
    file_name      text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type   text        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    blob_key       text        NOT NULL CHECK (blob_key ~ '^[0-9a-f]{64}$'),
    size_bytes     bigint      NOT NULL CHECK (size_bytes > 0),
    scan           text        NOT NULL CHECK (scan IN ('CLEAN', 'UNSCANNED')),
    uploaded_at    timestamptz NOT NULL
);
CREATE INDEX facility_application_document_application ON facility_application_document (application_id);

-- Every step of an application, in order: the status it reached, the note the applicant sees on the status page (the
-- reason of a return, the set-up progress), who took it (NULL: the applicant).
CREATE TABLE facility_application_event (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint      NOT NULL REFERENCES facility_application (id),
    status         text        NOT NULL,
    note           text        CHECK (note IS NULL OR length(note) <= 2000),
    by_user        bigint      REFERENCES app_user (id),
    at             timestamptz NOT NULL
);
CREATE INDEX facility_application_event_application ON facility_application_event (application_id, id);

GRANT SELECT, INSERT, UPDATE ON facility_application, facility_application_document, facility_application_event TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON facility_application_user TO ${app_role};
