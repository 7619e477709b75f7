-- The imaging indexer (issue 47): where it is in Orthanc's change feed, the studies that match no source patient yet,
-- and the operators' table of sending AE titles for studies that carry no IssuerOfPatientID.

-- Orthanc's change feed as far as Musubi has indexed it, per archive (its base URL; one row in practice): the sequence
-- number of the last change whose study was written (its ImagingStudy and index row committed) or set aside as
-- waiting. A restart reads on from here; an archive at a new URL is read from its beginning (indexing is idempotent).
CREATE TABLE imaging_index_cursor (
    archive     text        PRIMARY KEY CHECK (length(archive) BETWEEN 1 AND 500),
    last_change bigint      NOT NULL DEFAULT 0 CHECK (last_change >= 0),
    moved_at    timestamptz NOT NULL DEFAULT now()
);

-- Studies in the archive that match no facility's source patient (no issuer and an unknown AE title, an issuer of no
-- facility, a patient ID the facility never sent): they wait here for a network operator to assign them to a source
-- patient or to try again. The row goes when the study is indexed.
CREATE TABLE imaging_waiting (
    study_uid    text        PRIMARY KEY CHECK (study_uid ~ '^[0-9]+(\.[0-9]+)*$' AND length(study_uid) <= 64),
    orthanc_id   text        NOT NULL CHECK (length(orthanc_id) <= 64),
    patient_id   text        CHECK (length(patient_id) <= 64),
    issuer       text        CHECK (length(issuer) <= 200),
    remote_aet   text        CHECK (length(remote_aet) <= 16),
    facility_id  bigint      REFERENCES facility (id),
    accession    text        CHECK (length(accession) <= 64),
    modality     text        CHECK (length(modality) <= 64),
    started      timestamptz,
    instances    integer     NOT NULL DEFAULT 0,
    reason       text        NOT NULL CHECK (length(reason) <= 100),
    first_seen   timestamptz NOT NULL DEFAULT now(),
    last_tried   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX imaging_waiting_seen ON imaging_waiting (first_seen);

-- A sending modality's or PACS's DICOM AE title (Orthanc's RemoteAET) and the facility it belongs to: a study that
-- carries no IssuerOfPatientID is taken as that facility's, its PatientID a local patient ID there.
CREATE TABLE imaging_sender (
    aet         text        PRIMARY KEY CHECK (aet ~ '^[ -~]{1,16}$' AND aet = btrim(aet)),
    facility_id bigint      NOT NULL REFERENCES facility (id),
    added_by    bigint      REFERENCES app_user (id),
    added_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX imaging_sender_facility ON imaging_sender (facility_id);

GRANT SELECT, INSERT, UPDATE ON imaging_index_cursor TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON imaging_waiting, imaging_sender TO ${app_role};
