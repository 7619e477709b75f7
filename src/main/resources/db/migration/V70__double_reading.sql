-- Double reading programmes (二重読影, issue 47, docs/imaging.md "Double reading programmes"): a screening programme
-- (e.g. 胃内視鏡検診) read at a reading centre by a pool of its doctors. reading_programme: the programme, the study kind
-- it reads (a DICOM modality code: ES for endoscopy, CR/DX for chest X-ray), its centre and its chief (who compares).
-- reading_programme_reader: the pool. reading_double: one study a screening facility's doctor submitted, its two blind
-- readers (never the submitter), each reader's category (imaging.reading.ScreeningCategory) and comment, then the
-- comparison (comparer, final category), and the DiagnosticReport of the final reading, entered under the submitting
-- facility's own source patient of the person (submitter_patient_id, the one the consultation door reads through).
CREATE TABLE reading_programme (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    kind            text        NOT NULL CHECK (kind IN ('GASTRIC_ENDOSCOPY', 'CHEST_XRAY', 'OTHER')),
    modality        text        NOT NULL CHECK (modality ~ '^[A-Z]{1,16}$'),
    centre_facility bigint      NOT NULL REFERENCES facility (id),
    chief_user      bigint      NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON reading_programme TO ${app_role};

CREATE TABLE reading_programme_reader (
    programme_id bigint NOT NULL REFERENCES reading_programme (id),
    user_id      bigint NOT NULL,
    PRIMARY KEY (programme_id, user_id)
);
GRANT SELECT, INSERT, DELETE ON reading_programme_reader TO ${app_role};

CREATE TABLE reading_double (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id         bigint      NOT NULL REFERENCES reading_programme (id),
    study_uid            text        NOT NULL REFERENCES imaging_study (study_uid),
    person_id            bigint      NOT NULL,
    submitter_patient_id bigint      NOT NULL REFERENCES source_patient (id),
    submitter_facility   bigint      NOT NULL REFERENCES facility (id),
    submitter_user       bigint      NOT NULL,
    first_reader         bigint      NOT NULL,
    second_reader        bigint      NOT NULL CHECK (second_reader <> first_reader),
    first_reading        text        CHECK (first_reading IN ('NO_FURTHER_EXAM', 'FURTHER_EXAM', 'UNREADABLE')),
    first_comment        text        CHECK (first_comment IS NULL OR length(first_comment) <= 4000),
    first_at             timestamptz,
    second_reading       text        CHECK (second_reading IN ('NO_FURTHER_EXAM', 'FURTHER_EXAM', 'UNREADABLE')),
    second_comment       text        CHECK (second_comment IS NULL OR length(second_comment) <= 4000),
    second_at            timestamptz,
    comparer             bigint,
    final_reading        text        CHECK (final_reading IN ('NO_FURTHER_EXAM', 'FURTHER_EXAM', 'UNREADABLE')),
    final_comment        text        CHECK (final_comment IS NULL OR length(final_comment) <= 4000),
    final_at             timestamptz,
    report_id            text        CHECK (report_id IS NULL OR length(report_id) <= 64),
    submitted_at         timestamptz NOT NULL,
    UNIQUE (programme_id, study_uid)
);
CREATE INDEX reading_double_first ON reading_double (first_reader) WHERE final_reading IS NULL;
CREATE INDEX reading_double_second ON reading_double (second_reader) WHERE final_reading IS NULL;
CREATE INDEX reading_double_study ON reading_double (study_uid);
CREATE INDEX reading_double_submitter ON reading_double (submitter_facility, submitted_at);
GRANT SELECT, INSERT, UPDATE ON reading_double TO ${app_role};
