-- Letters between facilities are REFERRALS (issue 42): a Composition typed as a referral letter (57133-1, the
-- JP-CLINS eReferral's type, in LOINC's system or JP-CLINS's doc-typecodes) or with Musubi's letter types (urn:musubi:letter-type: 返書, 服薬情報提供書 …), and a
-- document Bundle whose Composition is one, as org.musubi.record.fhir.FhirIndexer categorises them from now on. Rows
-- stored before were DOCUMENTS; they become REFERRALS, and since their own category no longer says DOCUMENTS, they
-- hold DOCUMENTS besides (a reader must still be allowed documents: the application leaves DOCUMENTS out when the
-- letter holds no other document, so this is never more than it computes, at most one category more).
-- Earlier versions are judged with the current row's category and their own content_categories, given the same.

CREATE FUNCTION pg_temp.letter(composition jsonb) RETURNS boolean LANGUAGE sql AS $$
    SELECT coalesce(composition->>'resourceType' = 'Composition' AND jsonb_path_exists(composition,
        ('lax $.type.coding[*] ? (@.system == "urn:musubi:letter-type" || ((@.system == "http://loinc.org"'
        || ' || @.system == "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes") && @.code == "57133-1"))')::jsonpath),
        false)
$$;

CREATE FUNCTION pg_temp.as_referral(held text[]) RETURNS text[] LANGUAGE sql AS $$
    SELECT ARRAY(SELECT c FROM unnest(ARRAY['DEMOGRAPHICS', 'ENCOUNTERS', 'DIAGNOSES', 'ALLERGIES', 'MEDICATIONS',
                 'LAB_RESULTS', 'VITALS', 'DOCUMENTS', 'IMAGING', 'PROCEDURES', 'IMMUNIZATIONS', 'CARE_RECORDS',
                 'EMERGENCY_SHEET', 'REFERRALS', 'ADMINISTRATIVE', 'UNINFORMED', 'UNDELIVERED']) WITH ORDINALITY AS e(c, n)
                 WHERE c = ANY(coalesce(held, '{}') || 'DOCUMENTS'::text) AND c <> 'REFERRALS' ORDER BY n)
$$;

CREATE TEMPORARY TABLE letter_rows ON COMMIT DROP AS
SELECT patient_key, id FROM resource
 WHERE category = 'DOCUMENTS' AND type IN ('Bundle', 'Composition')
   AND (content LIKE '%57133-1%' OR content LIKE '%urn:musubi:letter-type%')
   AND CASE type
         WHEN 'Composition' THEN pg_temp.letter(content::jsonb)
         ELSE content::jsonb->>'type' = 'document' AND pg_temp.letter(content::jsonb->'entry'->0->'resource')
       END;

UPDATE resource r SET category = 'REFERRALS', content_categories = pg_temp.as_referral(r.content_categories)
  FROM letter_rows l WHERE r.patient_key = l.patient_key AND r.id = l.id;

UPDATE resource_version v SET content_categories = pg_temp.as_referral(v.content_categories)
  FROM letter_rows l WHERE v.patient_key = l.patient_key AND v.id = l.id;
