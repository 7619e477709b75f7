-- Research projects, the residents' opt-out of secondary use and the index cohort counts use (issue 48, items 1-2).

-- A project a researcher applied for and what the network's committee decided. requested: the scope as applied
-- for (JSON: cohort criteria, data categories, fields per category); approved: the scope as approved (narrowed, or
-- equal to requested). ethics_blob: the ethics approval PDF's key in the blob store (SHA-256).
CREATE TABLE research_project (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    institution     text        NOT NULL CHECK (length(institution) BETWEEN 1 AND 200),
    purpose         text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 4000),
    ethics_number   text        NOT NULL CHECK (length(ethics_number) BETWEEN 1 AND 100),
    ethics_blob     text        NOT NULL,
    ethics_size     bigint      NOT NULL,
    period_from     date        NOT NULL,
    period_to       date        NOT NULL CHECK (period_to >= period_from),
    requested       jsonb       NOT NULL,
    approved        jsonb,
    status          text        NOT NULL CHECK (status IN ('APPLIED', 'APPROVED', 'NARROWED', 'REFUSED', 'CLOSED', 'EXPIRED')),
    decision_reason text,
    applied_by      bigint      NOT NULL REFERENCES app_user (id),
    applied_at      timestamptz NOT NULL DEFAULT now(),
    decided_by      bigint REFERENCES app_user (id),
    decided_at      timestamptz,
    ended_at        timestamptz
);
CREATE INDEX research_project_status ON research_project (status, period_to);

-- The project's named users (the applicant always among them): who may see and count it.
CREATE TABLE research_project_user (
    project_id bigint NOT NULL REFERENCES research_project (id),
    user_id    bigint NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX research_project_user_user ON research_project_user (user_id);

-- A resident's opt-out of secondary use (二次利用の停止): a row while it holds. Withdrawing it deletes the row; the
-- audit trail keeps the history.
CREATE TABLE research_opt_out (
    person_id   bigint      PRIMARY KEY REFERENCES person (id),
    opted_at    timestamptz NOT NULL DEFAULT now(),
    channel     text        NOT NULL CHECK (channel IN ('NOTEBOOK', 'COUNTER')),
    recorded_by bigint REFERENCES app_user (id)
);

-- The codes a Condition (code) or a medication (medicationCodeableConcept) carries, as every prefix of each code
-- with its kind: 'icd:J101' gives icd:J, icd:J1, icd:J10, icd:J101. A cohort's prefix is then one GIN look-up
-- (research_codes(...) && ARRAY['icd:J10']) instead of reading every Condition's JSON. ICD-10 systems name icd-10 or
-- icd10 (dots ignored), YJ codes the YJ system or its OIDs, HOT codes MEDIS's HOT masters.
CREATE FUNCTION research_codes(content text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT c.kind || ':' || left(c.code, n.n)), '{}')
    FROM (
        SELECT CASE
                   WHEN s LIKE '%icd-10%' OR s LIKE '%icd10%' THEN 'icd'
                   WHEN s LIKE '%yj-code%' OR s IN ('urn:oid:1.2.392.100495.20.2.73', 'urn:oid:1.2.392.100495.20.1.73') THEN 'yj'
                   WHEN s LIKE '%master-hot%' THEN 'hot'
               END AS kind,
               upper(replace(x.coding ->> 'code', '.', '')) AS code
        FROM (SELECT coalesce(content::jsonb -> 'code' -> 'coding', content::jsonb -> 'medicationCodeableConcept' -> 'coding')
              AS codings) AS j
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(j.codings) = 'array' THEN j.codings
                 ELSE '[]'::jsonb END) AS x(coding)
        CROSS JOIN LATERAL (SELECT lower(coalesce(x.coding ->> 'system', ''))) AS y(s)
        WHERE jsonb_typeof(x.coding) = 'object'
    ) AS c
    CROSS JOIN LATERAL generate_series(1, least(length(c.code), 20)) AS n(n)
    WHERE c.kind IS NOT NULL AND length(c.code) > 0
$$;

CREATE INDEX resource_research_codes ON resource USING gin (research_codes(content))
    WHERE type IN ('Condition', 'MedicationRequest', 'MedicationStatement', 'MedicationDispense') AND NOT deleted;

GRANT SELECT, INSERT, UPDATE ON research_project TO ${app_role};
GRANT SELECT, INSERT, DELETE ON research_project_user TO ${app_role};
GRANT SELECT, INSERT, DELETE ON research_opt_out TO ${app_role};
