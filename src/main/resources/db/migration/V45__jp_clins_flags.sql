-- The JP-CLINS flags (issue 42): a resource whose meta.tag carries 未告知 (UNINFORMED) or 未提供 (UNDELIVERED) of
-- http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication (or the code without a system) holds the flag
-- besides its category, as a container holds its contents' categories (V21); a container holds the flags of every
-- resource inside it. org.musubi.record.fhir.ContentCategories computes this for every write from now on; this
-- migration does it for the rows stored before, so that what was flagged is hidden from the patient's side
-- (UNINFORMED) and from every other facility (UNDELIVERED) from the first start on. Only rows whose text names a
-- flag are parsed. FHIR content inline in a base64 attachment is out of reach of SQL: such rows (none are known) keep
-- what they held until they are sent again.

CREATE FUNCTION pg_temp.with_flag(held text[], content text, code text) RETURNS text[] LANGUAGE sql AS $$
    SELECT CASE
        WHEN content LIKE '%' || code || '%'
             AND content::jsonb @? ('$.**.meta.tag[*] ? (@.code == "' || code || '" && (!(exists(@.system))'
                 || ' || @.system == "http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication"))')::jsonpath
             AND NOT (coalesce(held, '{}') @> ARRAY[code])
        THEN coalesce(held, '{}') || code
        ELSE held
    END
$$;

UPDATE resource
   SET content_categories = pg_temp.with_flag(pg_temp.with_flag(content_categories, content, 'UNINFORMED'),
                                              content, 'UNDELIVERED')
 WHERE content LIKE '%UNINFORMED%' OR content LIKE '%UNDELIVERED%';

UPDATE resource_version
   SET content_categories = pg_temp.with_flag(pg_temp.with_flag(content_categories, content, 'UNINFORMED'),
                                              content, 'UNDELIVERED')
 WHERE content LIKE '%UNINFORMED%' OR content LIKE '%UNDELIVERED%';

-- Task is stored from issue 42 on (the state of a letter between facilities, category REFERRALS). A container stored
-- before held a Task inside it, or referred to one from a Composition's section or a Provenance's target, as DOCUMENTS
-- (a type Musubi did not store); it now holds REFERRALS too, so that only readers allowed referrals see it. Rows are
-- picked by their text (a Task as a resource, or a reference to Task/<id>); FHIR content inline in a base64 attachment is
-- out of reach of SQL, as above. Kept in DataCategory's order.
CREATE FUNCTION pg_temp.in_order(held text[]) RETURNS text[] LANGUAGE sql AS $$
    SELECT ARRAY(SELECT c FROM unnest(ARRAY['DEMOGRAPHICS', 'ENCOUNTERS', 'DIAGNOSES', 'ALLERGIES', 'MEDICATIONS',
                 'LAB_RESULTS', 'VITALS', 'DOCUMENTS', 'IMAGING', 'PROCEDURES', 'IMMUNIZATIONS', 'CARE_RECORDS',
                 'EMERGENCY_SHEET', 'REFERRALS', 'ADMINISTRATIVE', 'UNINFORMED', 'UNDELIVERED']) WITH ORDINALITY AS e(c, n)
                 WHERE c = ANY(held) ORDER BY n)
$$;

UPDATE resource
   SET content_categories = pg_temp.in_order(coalesce(content_categories, '{}') || 'REFERRALS'::text)
 WHERE type IN ('Bundle', 'Composition', 'DocumentReference', 'Binary', 'Provenance') AND category <> 'REFERRALS'
   AND NOT coalesce(content_categories, '{}') @> ARRAY['REFERRALS']
   AND (content ~ '"resourceType"\s*:\s*"Task"' OR content ~ '"reference"\s*:\s*"([^"]*/)?Task/');

UPDATE resource_version v
   SET content_categories = pg_temp.in_order(coalesce(v.content_categories, '{}') || 'REFERRALS'::text)
 WHERE v.type IN ('Bundle', 'Composition', 'DocumentReference', 'Binary', 'Provenance')
   AND NOT coalesce(v.content_categories, '{}') @> ARRAY['REFERRALS']
   AND (v.content ~ '"resourceType"\s*:\s*"Task"' OR v.content ~ '"reference"\s*:\s*"([^"]*/)?Task/');
