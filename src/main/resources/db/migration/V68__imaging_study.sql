-- The studies Musubi knows in its DICOM archive (issue 47): one row per StudyInstanceUID, pointing at the ImagingStudy
-- resource in the record (resource_id, under the sending facility's source patient) that the indexer made or updated.
-- Every door that serves a study's pixels (the viewer's DICOMweb proxy, reading work items, AI services) finds the
-- study's patient here and asks the access policy about that patient; a UID not here is served to nobody.
CREATE TABLE imaging_study (
    study_uid         text        PRIMARY KEY CHECK (study_uid ~ '^[0-9]+(\.[0-9]+)*$' AND length(study_uid) <= 64),
    resource_id       text        NOT NULL UNIQUE CHECK (length(resource_id) BETWEEN 1 AND 64),
    source_patient_id bigint      NOT NULL REFERENCES source_patient (id),
    facility_id       bigint      NOT NULL REFERENCES facility (id),
    modality          text        CHECK (modality IS NULL OR modality ~ '^[A-Z]{1,16}$'),
    accession         text        CHECK (accession IS NULL OR length(accession) <= 64),
    started           timestamptz,
    series_count      integer     NOT NULL DEFAULT 0 CHECK (series_count >= 0),
    instance_count    integer     NOT NULL DEFAULT 0 CHECK (instance_count >= 0),
    indexed_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX imaging_study_patient ON imaging_study (source_patient_id);

GRANT SELECT, INSERT, UPDATE ON imaging_study TO ${app_role};
