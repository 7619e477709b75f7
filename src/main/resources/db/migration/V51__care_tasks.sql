-- A Task is a care task (issue 44): category CARE_RECORDS, unless its code is a letter type (Musubi's letter types,
-- urn:musubi:letter-type, or the referral letter 57133-1 in LOINC's system or JP-CLINS's doc-typecodes): the Task that
-- tracks a letter between facilities stays REFERRALS, as org.musubi.record.fhir.FhirIndexer categorises them from now
-- on. Tasks stored before were all REFERRALS. A Task holds nothing besides its own category and flags, so
-- content_categories stays as it is; earlier versions are judged with the current row's category.
--
-- A Task is also searched by its owner, requester, focus and part-of from now on: each literal reference
-- ([base/]Type/id[/_history/v]) is a token of param owner … with the referenced type as its system and the id as its
-- code, keyed as org.musubi.record.jdbc.SearchKeys keys every token (migration V18): the first 8 bytes of the SHA-256
-- of 'p' || patient key, 'Task', the param, '*' (any system) or '=' || the type, and the id, separated by U+001F.

CREATE FUNCTION pg_temp.letter_task(task jsonb) RETURNS boolean LANGUAGE sql AS $$
    SELECT coalesce(jsonb_path_exists(task,
        ('lax $.code.coding[*] ? (@.system == "urn:musubi:letter-type" || ((@.system == "http://loinc.org"'
        || ' || @.system == "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes") && @.code == "57133-1"))')::jsonpath),
        false)
$$;

UPDATE resource SET category = 'CARE_RECORDS'
 WHERE type = 'Task' AND category = 'REFERRALS' AND NOT pg_temp.letter_task(content::jsonb);

CREATE FUNCTION pg_temp.key(scope text, param text, system text, code text) RETURNS bigint LANGUAGE sql AS $$
    SELECT ('x' || encode(substr(sha256(convert_to(scope || chr(31) || 'Task' || chr(31) || param || chr(31) || system
        || chr(31) || code, 'UTF8')), 1, 8), 'hex'))::bit(64)::bigint
$$;

CREATE TEMPORARY TABLE task_reference_keys ON COMMIT DROP AS
WITH refs AS (
    SELECT r.patient_key, r.id, x.param,
           regexp_match(x.ref, '(?:^|/)([A-Z][A-Za-z]+)/([A-Za-z0-9.-]{1,64})(?:/_history/[A-Za-z0-9.-]{1,64})?$') AS m
    FROM resource r
    CROSS JOIN LATERAL (
        SELECT 'owner', r.content::jsonb->'owner'->>'reference'
        UNION ALL SELECT 'requester', r.content::jsonb->'requester'->>'reference'
        UNION ALL SELECT 'focus', r.content::jsonb->'focus'->>'reference'
        UNION ALL SELECT 'part-of', p->>'reference'
                  FROM jsonb_array_elements(coalesce(r.content::jsonb->'partOf', '[]'::jsonb)) AS p
    ) AS x(param, ref)
    WHERE r.type = 'Task' AND x.ref IS NOT NULL
)
SELECT patient_key, id, array_agg(DISTINCT k) AS keys
FROM refs
CROSS JOIN LATERAL (SELECT pg_temp.key('p' || patient_key, param, '*', m[2])
                    UNION ALL SELECT pg_temp.key('p' || patient_key, param, '=' || m[1], m[2])) AS s(k)
WHERE m IS NOT NULL
GROUP BY patient_key, id;

UPDATE resource r
   SET search_keys = ARRAY(SELECT DISTINCT k FROM unnest(r.search_keys || t.keys) AS u(k) ORDER BY k)
  FROM task_reference_keys t
 WHERE r.patient_key = t.patient_key AND r.id = t.id;

-- A container holding a Task inline (a collection Bundle …) held REFERRALS for it (migration V45); a Task that is no
-- letter's is a care task now, so it holds CARE_RECORDS besides. REFERRALS is left out only where nothing else in a
-- Bundle's JSON can be a referral (no letter type, no 57133-1, no reference to a Task, no attachment), so a row never
-- shows more than the application computes.
CREATE FUNCTION pg_temp.care_task_held(held text[], drop_referrals boolean) RETURNS text[] LANGUAGE sql AS $$
    SELECT ARRAY(SELECT c FROM unnest(ARRAY['DEMOGRAPHICS', 'ENCOUNTERS', 'DIAGNOSES', 'ALLERGIES', 'MEDICATIONS',
                 'LAB_RESULTS', 'VITALS', 'DOCUMENTS', 'IMAGING', 'PROCEDURES', 'IMMUNIZATIONS', 'CARE_RECORDS',
                 'EMERGENCY_SHEET', 'REFERRALS', 'ADMINISTRATIVE', 'UNINFORMED', 'UNDELIVERED']) WITH ORDINALITY AS e(c, n)
                 WHERE c = ANY(coalesce(held, '{}') || 'CARE_RECORDS'::text) AND NOT (drop_referrals AND c = 'REFERRALS')
                 ORDER BY n)
$$;

CREATE TEMPORARY TABLE care_task_containers ON COMMIT DROP AS
SELECT patient_key, id,
       type = 'Bundle' AND content NOT LIKE '%57133-1%' AND content NOT LIKE '%urn:musubi:letter-type%'
           AND content NOT LIKE '%Task/%' AND content NOT LIKE '%"attachment"%' AS drop_referrals
FROM resource
WHERE type IN ('Bundle', 'Composition', 'DocumentReference', 'Binary', 'Provenance') AND category <> 'CARE_RECORDS'
  AND content LIKE '%"Task"%'
  AND EXISTS (SELECT 1 FROM jsonb_path_query(content::jsonb, 'lax $.** ? (@.resourceType == "Task")') AS t(task)
              WHERE NOT pg_temp.letter_task(t.task));

UPDATE resource r SET content_categories = pg_temp.care_task_held(r.content_categories, c.drop_referrals)
  FROM care_task_containers c WHERE r.patient_key = c.patient_key AND r.id = c.id;
