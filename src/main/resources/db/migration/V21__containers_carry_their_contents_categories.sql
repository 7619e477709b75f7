-- Containers carry their contents' categories (ARCHITECTURE.md, principle 5). A Bundle, a Composition, a
-- DocumentReference or a Binary holding FHIR content was judged by its own category alone (DOCUMENTS), so a reader
-- whose profession may not see LAB_RESULTS read the lab results inside a JP-CLINS document. Each row now keeps the
-- categories its content holds besides its own category, and is shown only to readers allowed every one of them
-- (from its source facility): content_categories is NULL for every other resource, so ordinary rows cost nothing and
-- a search checks the array only on containers' rows.
--
-- The rules are org.musubi.record.fhir.ContentCategories':
--   * every resource found anywhere in the content (a Bundle's entries, nested Bundles, contained resources) counts
--     with its type's category (a type Musubi does not store: DOCUMENTS; a vital-sign Observation: VITALS);
--   * each resource a Composition's sections refer to counts with the category of the reference's type (Type/id,
--     else Reference.type; unknown: DOCUMENTS);
--   * a DocumentReference's attachment, or a Binary, with inline FHIR content (data with a FHIR content type) counts
--     with every category of that content; an attachment url naming a stored resource with every category of it.
-- Where the content cannot be told from the row, the row is taken to hold every category (only readers allowed
-- everything see it, until the sender sends it again): inline FHIR content that is not readable JSON (XML, bad
-- base64, or nested more than 8 deep), and Binaries with a FHIR content type, whose content is in the blob store
-- and out of reach of SQL.
-- Earlier versions (resource_version) carry their own content's categories, so a history or a vread is judged by
-- what that version held.

ALTER TABLE resource ADD COLUMN content_categories text[];
ALTER TABLE resource_version ADD COLUMN content_categories text[];

COMMENT ON COLUMN resource.content_categories IS
    'For a container (Bundle, Composition, DocumentReference, Binary): the categories its content holds besides category; NULL otherwise.';
COMMENT ON COLUMN resource_version.content_categories IS
    'The categories this version''s content held besides the resource''s category (see resource.content_categories).';

-- The category of a resource type, as org.musubi.record.fhir.ResourceKind gives it; DOCUMENTS for any other type.
CREATE FUNCTION pg_temp.type_category(type text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce((SELECT k.category FROM (VALUES
        ('Patient', 'DEMOGRAPHICS'), ('Encounter', 'ENCOUNTERS'), ('Condition', 'DIAGNOSES'),
        ('AllergyIntolerance', 'ALLERGIES'), ('MedicationRequest', 'MEDICATIONS'), ('MedicationDispense', 'MEDICATIONS'),
        ('MedicationAdministration', 'MEDICATIONS'), ('MedicationStatement', 'MEDICATIONS'),
        ('Observation', 'LAB_RESULTS'), ('DiagnosticReport', 'LAB_RESULTS'), ('Procedure', 'PROCEDURES'),
        ('Immunization', 'IMMUNIZATIONS'), ('ServiceRequest', 'ENCOUNTERS'), ('Specimen', 'LAB_RESULTS'),
        ('NutritionOrder', 'CARE_RECORDS'), ('ImagingStudy', 'IMAGING'), ('DocumentReference', 'DOCUMENTS'),
        ('Composition', 'DOCUMENTS'), ('CarePlan', 'CARE_RECORDS'), ('Binary', 'DOCUMENTS'), ('Bundle', 'DOCUMENTS'),
        ('Organization', 'DEMOGRAPHICS'), ('Practitioner', 'DEMOGRAPHICS'), ('PractitionerRole', 'DEMOGRAPHICS'))
        AS k(type, category) WHERE k.type = $1), 'DOCUMENTS')
$$;

-- Every category there is (org.musubi.policy.DataCategory): what a row holds when its content cannot be told.
CREATE FUNCTION pg_temp.every_category() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['DEMOGRAPHICS', 'ENCOUNTERS', 'DIAGNOSES', 'ALLERGIES', 'MEDICATIONS', 'LAB_RESULTS', 'VITALS',
                 'DOCUMENTS', 'IMAGING', 'PROCEDURES', 'IMMUNIZATIONS', 'CARE_RECORDS', 'EMERGENCY_SHEET', 'REFERRALS']
$$;

CREATE FUNCTION pg_temp.fhir_format(content_type text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE lower(btrim(split_part(content_type, ';', 1)))
        WHEN 'application/fhir+json' THEN 'json' WHEN 'application/json+fhir' THEN 'json'
        WHEN 'application/fhir+xml' THEN 'xml' WHEN 'application/xml+fhir' THEN 'xml' END
$$;

-- [base/]Type/id[/_history/v] -> Type
CREATE FUNCTION pg_temp.literal_type(reference text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT substring(reference FROM '(?:^|/)([A-Z][A-Za-z]+)/[-A-Za-z0-9.]{1,64}(?:/_history/[-A-Za-z0-9.]{1,64})?$')
$$;

CREATE FUNCTION pg_temp.literal_id(reference text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT substring(reference FROM '(?:^|/)[A-Z][A-Za-z]+/([-A-Za-z0-9.]{1,64})(?:/_history/[-A-Za-z0-9.]{1,64})?$')
$$;

-- Every category of a FHIR resource's JSON: the resource's own and everything it holds (depth: documents around it).
CREATE FUNCTION pg_temp.categories_of(doc jsonb, depth integer) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
    found text[] := '{}';
    item jsonb;
    kind text;
    attachment jsonb;
    inner_doc jsonb;
BEGIN
    FOR item IN SELECT DISTINCT r FROM jsonb_path_query(doc, 'lax $.** ? (@.resourceType.type() == "string")') AS r LOOP
        kind := item->>'resourceType';
        found := found || CASE WHEN kind = 'Observation'
                AND jsonb_path_exists(item, 'lax $.category.coding.code ? (@ == "vital-signs")')
            THEN 'VITALS' ELSE pg_temp.type_category(kind) END;
        IF kind = 'Composition' THEN
            found := found || ARRAY(SELECT coalesce(pg_temp.type_category(coalesce(pg_temp.literal_type(e->>'reference'),
                    e->>'type')), 'DOCUMENTS') FROM jsonb_path_query(item, 'lax $.section.**.entry[*]') AS e);
        END IF;
        FOR attachment IN
            SELECT a FROM jsonb_path_query(item, 'lax $.content.attachment') AS a WHERE kind = 'DocumentReference'
            UNION ALL SELECT item WHERE kind = 'Binary'
        LOOP
            IF pg_temp.fhir_format(attachment->>'contentType') IS NOT NULL AND attachment->>'data' IS NOT NULL THEN
                inner_doc := NULL;
                IF pg_temp.fhir_format(attachment->>'contentType') = 'json' AND depth < 8 THEN
                    BEGIN
                        inner_doc := convert_from(decode(attachment->>'data', 'base64'), 'UTF8')::jsonb;
                    EXCEPTION WHEN OTHERS THEN
                        inner_doc := NULL;
                    END;
                END IF;
                IF jsonb_typeof(inner_doc->'resourceType') = 'string' THEN
                    found := found || pg_temp.categories_of(inner_doc, depth + 1);
                ELSE
                    found := found || pg_temp.every_category();
                END IF;
            END IF;
            IF pg_temp.literal_type(attachment->>'url') IS NOT NULL THEN
                found := found || coalesce((SELECT s.category || coalesce(s.content_categories, '{}') FROM resource s
                        WHERE s.id = pg_temp.literal_id(attachment->>'url')
                          AND s.type = pg_temp.literal_type(attachment->>'url') LIMIT 1), '{}');
            END IF;
        END LOOP;
    END LOOP;
    RETURN found;
END
$$;

-- What a row holds besides its own category, in DataCategory's order; NULL when nothing.
CREATE FUNCTION pg_temp.held(own text, found text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT nullif(ARRAY(SELECT c FROM unnest(pg_temp.every_category()) WITH ORDINALITY AS e(c, n)
                        WHERE c = ANY(found) AND c <> own ORDER BY n), '{}')
$$;

-- Containers first, DocumentReferences last: an attachment url may name a Bundle or a Binary stored here.
UPDATE resource SET content_categories = pg_temp.held(category, pg_temp.every_category())
WHERE type = 'Binary' AND pg_temp.fhir_format(content::jsonb->>'contentType') IS NOT NULL
  AND content::jsonb->>'data' IS NULL;
UPDATE resource SET content_categories = pg_temp.held(category, pg_temp.categories_of(content::jsonb, 0))
WHERE type IN ('Bundle', 'Composition') OR type = 'Binary' AND content_categories IS NULL;
UPDATE resource SET content_categories = pg_temp.held(category, pg_temp.categories_of(content::jsonb, 0))
WHERE type = 'DocumentReference';

UPDATE resource_version v SET content_categories = pg_temp.held(r.category,
    CASE WHEN v.type = 'Binary' AND pg_temp.fhir_format(v.content::jsonb->>'contentType') IS NOT NULL
          AND v.content::jsonb->>'data' IS NULL
    THEN pg_temp.every_category() ELSE pg_temp.categories_of(v.content::jsonb, 0) END)
FROM resource r
WHERE r.patient_key = v.patient_key AND r.id = v.id
  AND v.type IN ('Bundle', 'Composition', 'DocumentReference', 'Binary');
