-- The cohort count's narrow index of the record (issue 48, bench/README "Research: cohort counts"): one row per code
-- prefix of each live Condition and medication (research_codes(content), V77: 'icd:E119' gives icd:E, icd:E1, icd:E11,
-- icd:E119) with its source patient and clinical date. A code group is then an index-only scan of
-- research_code_prefix (prefix -> patient_key, clinical_date) instead of a read of every matching resource row (large
-- JSON) to learn its patient: at 1 M persons the GIN index of V77 found ~450,000 Conditions for icd:E11 and the count
-- read each of them from the heap.
--
-- Kept by the record store in the transaction of every write of resource (record.jdbc.ResearchCodeRows, called by
-- BatchWriteSql: new rows, changed rows, deletions); no row for a deleted resource. Merges and links are not here:
-- the count reaches the person through person_link at query time, as before. A restore copies the table with resource.
CREATE TABLE research_code (
    patient_key   bigint      NOT NULL,
    resource_id   text        NOT NULL,
    code_prefix   text        NOT NULL,
    clinical_date timestamptz
);

-- The rows of the resources stored before this migration: the same extraction as the write path's.
INSERT INTO research_code (patient_key, resource_id, code_prefix, clinical_date)
SELECT r.patient_key, r.id, c.prefix, r.clinical_date
FROM resource r CROSS JOIN LATERAL unnest(research_codes(r.content)) AS c(prefix)
WHERE r.type IN ('Condition', 'MedicationRequest', 'MedicationStatement', 'MedicationDispense') AND NOT r.deleted;

-- (patient_key, resource_id): a resource's rows, replaced or removed when it is written or deleted.
ALTER TABLE research_code ADD PRIMARY KEY (patient_key, resource_id, code_prefix);
-- A code group's persons: an index-only scan (prefix = ANY(...), the period on clinical_date) giving patient_key.
CREATE INDEX research_code_prefix ON research_code (code_prefix, patient_key, clinical_date);
-- Index-only scans need the visibility map: vacuum after 2 % of new or changed rows rather than PostgreSQL's 20 %.
ALTER TABLE research_code SET (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.02);

-- The count no longer reads the GIN index, and nothing else does: every write of the four types no longer pays it.
DROP INDEX resource_research_codes;

GRANT SELECT, INSERT, DELETE ON research_code TO ${app_role};
