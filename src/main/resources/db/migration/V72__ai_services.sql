-- AI services (issue 47, docs/imaging.md, "AI"): services operators register by URL, to which studies are sent as
-- work items, and the work items themselves. The token Musubi sends to the service is sealed with the installation's
-- secret key (security.SecretBox, purpose "ai-service-token"); it is never shown back. model_name/model_version are
-- what the service reports, copied into the Device every finding names. modalities: the study kinds it takes (DICOM
-- modality codes); body_part optional. automatic: each new study of those kinds is sent without being asked;
-- last_seen_indexed_at is where the automatic scan of imaging_study resumes.
CREATE TABLE ai_service (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    base_url             text        NOT NULL CHECK (base_url ~ '^https?://' AND length(base_url) <= 500),
    token_sealed         text        NOT NULL,
    model_name           text        NOT NULL CHECK (length(model_name) BETWEEN 1 AND 200),
    model_version        text        NOT NULL CHECK (length(model_version) BETWEEN 1 AND 100),
    modalities           text[]      NOT NULL CHECK (cardinality(modalities) BETWEEN 1 AND 20),
    body_part            text        CHECK (body_part IS NULL OR length(body_part) <= 64),
    automatic            boolean     NOT NULL DEFAULT false,
    enabled              boolean     NOT NULL DEFAULT true,
    last_seen_indexed_at timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON ai_service TO ${app_role};

-- One study sent to one service: QUEUED -> SENT -> DONE / FAILED / CANCELLED (each step audited once). attempts and
-- next_attempt_at carry the retries with backoff of a send the service did not take; last_error is shown to operators.
-- requested_by is the user who asked (null: sent automatically). report_id names the DiagnosticReport the findings
-- became. A study is sent to a service at most once while a work item of it is open.
CREATE TABLE ai_work_item (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id      bigint      NOT NULL REFERENCES ai_service (id),
    study_uid       text        NOT NULL REFERENCES imaging_study (study_uid),
    requested_by    bigint,
    state           text        NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'DONE', 'FAILED', 'CANCELLED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    pixels_read     boolean     NOT NULL DEFAULT false,
    report_id       text        CHECK (report_id IS NULL OR length(report_id) <= 64),
    last_error      text        CHECK (last_error IS NULL OR length(last_error) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ai_work_item_open ON ai_work_item (service_id, study_uid) WHERE state IN ('QUEUED', 'SENT');
CREATE INDEX ai_work_item_due ON ai_work_item (next_attempt_at) WHERE state IN ('QUEUED', 'SENT');
GRANT SELECT, INSERT, UPDATE ON ai_work_item TO ${app_role};
