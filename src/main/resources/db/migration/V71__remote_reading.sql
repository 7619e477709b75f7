-- Remote reading (遠隔読影, issue 47, docs/imaging.md "Reading"). reading_service: the facilities operators registered
-- as reading centres and the study kinds (DICOM modality codes: CT, MR, CR, DX, ES …) each reads. reading_request: one
-- study a requesting facility's doctor asked a centre to read, REQUESTED -> CLAIMED -> REPORTED -> RETURNED, or
-- CANCELLED (by the requester) / DECLINED (by the centre) while open; a claim may be released back to REQUESTED. The
-- requester's own source patient of the person (requester_patient_id) is the one the consultation door reads through
-- (record.ReadRecords.readConsulted); report_id names the DiagnosticReport the reader entered.
CREATE TABLE reading_service (
    facility_id bigint      NOT NULL REFERENCES facility (id),
    modality    text        NOT NULL CHECK (modality ~ '^[A-Z]{1,16}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (facility_id, modality)
);
GRANT SELECT, INSERT, DELETE ON reading_service TO ${app_role};

CREATE TABLE reading_request (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    study_uid            text        NOT NULL REFERENCES imaging_study (study_uid),
    person_id            bigint      NOT NULL,
    requester_patient_id bigint      NOT NULL REFERENCES source_patient (id),
    requester_facility   bigint      NOT NULL REFERENCES facility (id),
    requester_user       bigint      NOT NULL,
    centre_facility      bigint      NOT NULL REFERENCES facility (id) CHECK (centre_facility <> requester_facility),
    reader_user          bigint,
    status               text        NOT NULL CHECK (status IN ('REQUESTED', 'CLAIMED', 'REPORTED', 'RETURNED',
                                                                 'CANCELLED', 'DECLINED')),
    question             text        NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
    due                  date,
    decline_reason       text        CHECK (decline_reason IS NULL OR length(decline_reason) <= 2000),
    report_id            text        CHECK (report_id IS NULL OR length(report_id) <= 64),
    requested_at         timestamptz NOT NULL,
    claimed_at           timestamptz,
    reported_at          timestamptz,
    returned_at          timestamptz,
    closed_at            timestamptz,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX reading_request_centre ON reading_request (centre_facility, status);
CREATE INDEX reading_request_requester ON reading_request (requester_facility, status);
CREATE INDEX reading_request_study ON reading_request (study_uid);
GRANT SELECT, INSERT, UPDATE ON reading_request TO ${app_role};
