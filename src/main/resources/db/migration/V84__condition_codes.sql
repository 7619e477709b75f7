-- One reader of a Condition's codes, also for SQL (issue 63): research_codes(content) is the one place the database
-- reads a Condition's ICD-10 and disease master codes, and the record's code index research_code (V81) that the
-- research cohorts (research.jdbc.JdbcCohortCounter) and now surveillance (surveillance.jdbc.JdbcSurveillanceStore)
-- count from holds what it gives. Java's reading of the same codes is record.fhir.condition.ConditionCodes and its
-- status record.fhir.condition.ConditionStatus; ConditionCodesIT holds the two together.
--
-- What changes from V77:
-- * a Condition that is refuted or entered in error (its verificationStatus: HL7's coding, else the first coding), and
--   any resource whose status is entered-in-error, gives no code: it is no diagnosis and no medication, and nothing
--   counts it;
-- * a Condition's other codings (the disease masters: MEDIS 病名管理番号 and 交換用コード, the receipt's 傷病名コード …)
--   give 'dis:<code>', the code as sent and whole (no prefixes): surveillance's 傷病名マスター codes match exactly.
-- ICD-10 (icd: every prefix, dots left out, upper case), YJ (yj:) and HOT (hot:) are read as before.
CREATE OR REPLACE FUNCTION research_codes(content text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT c.kind || ':' || CASE WHEN c.kind = 'dis' THEN c.code ELSE left(c.code, n.n) END),
                    '{}')
    FROM (SELECT content::jsonb AS j) AS r
    CROSS JOIN LATERAL (SELECT coalesce(
            (SELECT v ->> 'code' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.j -> 'verificationStatus' -> 'coding')
                = 'array' THEN r.j -> 'verificationStatus' -> 'coding' ELSE '[]'::jsonb END) AS v(v)
             WHERE v ->> 'system' = 'http://terminology.hl7.org/CodeSystem/condition-ver-status' AND v ->> 'code' IS NOT NULL
             LIMIT 1),
            r.j -> 'verificationStatus' -> 'coding' -> 0 ->> 'code', '') AS verification) AS s
    CROSS JOIN LATERAL (
        SELECT CASE
                   WHEN y.s LIKE '%icd-10%' OR y.s LIKE '%icd10%' THEN 'icd'
                   WHEN y.s LIKE '%yj-code%' OR y.s IN ('urn:oid:1.2.392.100495.20.2.73', 'urn:oid:1.2.392.100495.20.1.73') THEN 'yj'
                   WHEN y.s LIKE '%master-hot%' THEN 'hot'
                   WHEN r.j ->> 'resourceType' = 'Condition' THEN 'dis'
               END AS kind,
               CASE WHEN y.s LIKE '%icd-10%' OR y.s LIKE '%icd10%' THEN upper(replace(x.coding ->> 'code', '.', ''))
                    WHEN r.j ->> 'resourceType' = 'Condition' AND NOT (y.s LIKE '%yj-code%' OR y.s LIKE '%master-hot%')
                        THEN btrim(x.coding ->> 'code')
                    ELSE upper(replace(x.coding ->> 'code', '.', '')) END AS code
        FROM (SELECT coalesce(r.j -> 'code' -> 'coding', r.j -> 'medicationCodeableConcept' -> 'coding') AS codings) AS k
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(k.codings) = 'array' THEN k.codings
                 ELSE '[]'::jsonb END) AS x(coding)
        CROSS JOIN LATERAL (SELECT lower(coalesce(x.coding ->> 'system', ''))) AS y(s)
        WHERE jsonb_typeof(x.coding) = 'object'
    ) AS c
    CROSS JOIN LATERAL generate_series(1, CASE WHEN c.kind = 'dis' THEN 1 ELSE least(length(c.code), 20) END) AS n(n)
    WHERE c.kind IS NOT NULL AND length(c.code) > 0
      AND s.verification NOT IN ('refuted', 'entered-in-error')
      AND coalesce(r.j ->> 'status', '') <> 'entered-in-error'
$$;

-- Every stored row again, by the function's new reading (as V81 first filled the table).
TRUNCATE research_code;
INSERT INTO research_code (patient_key, resource_id, code_prefix, clinical_date)
SELECT r.patient_key, r.id, c.prefix, r.clinical_date
FROM resource r CROSS JOIN LATERAL unnest(research_codes(r.content)) AS c(prefix)
WHERE r.type IN ('Condition', 'MedicationRequest', 'MedicationStatement', 'MedicationDispense') AND NOT r.deleted;
