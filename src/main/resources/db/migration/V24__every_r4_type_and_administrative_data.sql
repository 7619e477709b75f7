-- Every R4 resource a facility sends (issue 24, item 1). Musubi now stores every type of the Patient compartment and
-- the facilities' directories (org.musubi.record.fhir.ResourceKind), and knows a new data category, ADMINISTRATIVE
-- (claims, coverage, accounts …). The categories a container holds (V21) were computed with the types Musubi stored
-- then: any other type counted as DOCUMENTS (a Claim inside a document Bundle among them), and a row whose content
-- cannot be told held every category there was, which ADMINISTRATIVE was not. Both are computed again here with
-- today's table, so that such a row is shown only to readers allowed every category it holds. A Provenance now counts
-- the categories of what it is about (its targets, as a Composition's section entries); none was stored before.
--
-- The rules are org.musubi.record.fhir.ContentCategories', as in V21; the functions are V21's, with the new table.

-- The category of a resource type, as org.musubi.record.fhir.ResourceKind gives it; DOCUMENTS for any other type.
CREATE OR REPLACE FUNCTION pg_temp.type_category(type text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce((SELECT k.category FROM (VALUES
        ('Account', 'ADMINISTRATIVE'), ('AdverseEvent', 'DIAGNOSES'), ('AllergyIntolerance', 'ALLERGIES'),
        ('Appointment', 'ENCOUNTERS'), ('AppointmentResponse', 'ENCOUNTERS'), ('Basic', 'DOCUMENTS'),
        ('Binary', 'DOCUMENTS'), ('BodyStructure', 'DIAGNOSES'), ('Bundle', 'DOCUMENTS'), ('CarePlan', 'CARE_RECORDS'),
        ('CareTeam', 'CARE_RECORDS'), ('ChargeItem', 'ADMINISTRATIVE'), ('Claim', 'ADMINISTRATIVE'),
        ('ClaimResponse', 'ADMINISTRATIVE'), ('ClinicalImpression', 'DIAGNOSES'), ('Communication', 'DOCUMENTS'),
        ('CommunicationRequest', 'DOCUMENTS'), ('Composition', 'DOCUMENTS'), ('Condition', 'DIAGNOSES'),
        ('Coverage', 'ADMINISTRATIVE'), ('CoverageEligibilityRequest', 'ADMINISTRATIVE'),
        ('CoverageEligibilityResponse', 'ADMINISTRATIVE'), ('DetectedIssue', 'MEDICATIONS'), ('Device', 'PROCEDURES'),
        ('DeviceRequest', 'PROCEDURES'), ('DeviceUseStatement', 'PROCEDURES'), ('DiagnosticReport', 'LAB_RESULTS'),
        ('DocumentManifest', 'DOCUMENTS'), ('DocumentReference', 'DOCUMENTS'), ('Encounter', 'ENCOUNTERS'),
        ('Endpoint', 'DEMOGRAPHICS'), ('EnrollmentRequest', 'ADMINISTRATIVE'), ('EpisodeOfCare', 'ENCOUNTERS'),
        ('ExplanationOfBenefit', 'ADMINISTRATIVE'), ('FamilyMemberHistory', 'DIAGNOSES'), ('Flag', 'CARE_RECORDS'),
        ('Goal', 'CARE_RECORDS'), ('HealthcareService', 'DEMOGRAPHICS'), ('ImagingStudy', 'IMAGING'),
        ('Immunization', 'IMMUNIZATIONS'), ('ImmunizationEvaluation', 'IMMUNIZATIONS'),
        ('ImmunizationRecommendation', 'IMMUNIZATIONS'), ('Invoice', 'ADMINISTRATIVE'), ('List', 'DOCUMENTS'),
        ('Location', 'DEMOGRAPHICS'), ('MeasureReport', 'ADMINISTRATIVE'), ('Media', 'IMAGING'),
        ('Medication', 'MEDICATIONS'), ('MedicationAdministration', 'MEDICATIONS'),
        ('MedicationDispense', 'MEDICATIONS'), ('MedicationRequest', 'MEDICATIONS'),
        ('MedicationStatement', 'MEDICATIONS'), ('MolecularSequence', 'LAB_RESULTS'),
        ('NutritionOrder', 'CARE_RECORDS'), ('Observation', 'LAB_RESULTS'), ('Organization', 'DEMOGRAPHICS'),
        ('Patient', 'DEMOGRAPHICS'), ('Practitioner', 'DEMOGRAPHICS'), ('PractitionerRole', 'DEMOGRAPHICS'),
        ('Procedure', 'PROCEDURES'), ('Provenance', 'DOCUMENTS'), ('QuestionnaireResponse', 'DOCUMENTS'),
        ('RelatedPerson', 'DEMOGRAPHICS'), ('RequestGroup', 'ENCOUNTERS'), ('ResearchSubject', 'ADMINISTRATIVE'),
        ('RiskAssessment', 'DIAGNOSES'), ('Schedule', 'ENCOUNTERS'), ('ServiceRequest', 'ENCOUNTERS'),
        ('Specimen', 'LAB_RESULTS'), ('Substance', 'DEMOGRAPHICS'), ('SupplyDelivery', 'CARE_RECORDS'),
        ('SupplyRequest', 'CARE_RECORDS'), ('VisionPrescription', 'ENCOUNTERS'))
        AS k(type, category) WHERE k.type = $1), 'DOCUMENTS')
$$;

-- Every category there is (org.musubi.policy.DataCategory): what a row holds when its content cannot be told.
CREATE OR REPLACE FUNCTION pg_temp.every_category() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['DEMOGRAPHICS', 'ENCOUNTERS', 'DIAGNOSES', 'ALLERGIES', 'MEDICATIONS', 'LAB_RESULTS', 'VITALS',
                 'DOCUMENTS', 'IMAGING', 'PROCEDURES', 'IMMUNIZATIONS', 'CARE_RECORDS', 'EMERGENCY_SHEET', 'REFERRALS',
                 'ADMINISTRATIVE']
$$;

CREATE OR REPLACE FUNCTION pg_temp.fhir_format(content_type text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE lower(btrim(split_part(content_type, ';', 1)))
        WHEN 'application/fhir+json' THEN 'json' WHEN 'application/json+fhir' THEN 'json'
        WHEN 'application/fhir+xml' THEN 'xml' WHEN 'application/xml+fhir' THEN 'xml' END
$$;

-- [base/]Type/id[/_history/v] -> Type
CREATE OR REPLACE FUNCTION pg_temp.literal_type(reference text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT substring(reference FROM '(?:^|/)([A-Z][A-Za-z]+)/[-A-Za-z0-9.]{1,64}(?:/_history/[-A-Za-z0-9.]{1,64})?$')
$$;

CREATE OR REPLACE FUNCTION pg_temp.literal_id(reference text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT substring(reference FROM '(?:^|/)[A-Z][A-Za-z]+/([-A-Za-z0-9.]{1,64})(?:/_history/[-A-Za-z0-9.]{1,64})?$')
$$;

-- The category of what a reference points at, from its type alone (Type/id, else Reference.type; else DOCUMENTS).
CREATE OR REPLACE FUNCTION pg_temp.referenced(reference jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(pg_temp.type_category(coalesce(pg_temp.literal_type(reference->>'reference'), reference->>'type')),
                    'DOCUMENTS')
$$;

-- Every category of a FHIR resource's JSON: the resource's own and everything it holds (depth: documents around it).
CREATE OR REPLACE FUNCTION pg_temp.categories_of(doc jsonb, depth integer) RETURNS text[] LANGUAGE plpgsql AS $$
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
            found := found || ARRAY(SELECT pg_temp.referenced(e) FROM jsonb_path_query(item, 'lax $.section.**.entry[*]') AS e);
        END IF;
        IF kind = 'Provenance' THEN
            found := found || ARRAY(SELECT pg_temp.referenced(t) FROM jsonb_path_query(item, 'lax $.target[*]') AS t);
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
CREATE OR REPLACE FUNCTION pg_temp.held(own text, found text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT nullif(ARRAY(SELECT c FROM unnest(pg_temp.every_category()) WITH ORDINALITY AS e(c, n)
                        WHERE c = ANY(found) AND c <> own ORDER BY n), '{}')
$$;

-- Containers first, DocumentReferences last: an attachment url may name a Bundle or a Binary stored here.
UPDATE resource SET content_categories = pg_temp.held(category, pg_temp.every_category())
WHERE type = 'Binary' AND pg_temp.fhir_format(content::jsonb->>'contentType') IS NOT NULL
  AND content::jsonb->>'data' IS NULL;
UPDATE resource SET content_categories = pg_temp.held(category, pg_temp.categories_of(content::jsonb, 0))
WHERE type IN ('Bundle', 'Composition', 'Provenance') OR type = 'Binary'
  AND NOT (pg_temp.fhir_format(content::jsonb->>'contentType') IS NOT NULL AND content::jsonb->>'data' IS NULL);
UPDATE resource SET content_categories = pg_temp.held(category, pg_temp.categories_of(content::jsonb, 0))
WHERE type = 'DocumentReference';

UPDATE resource_version v SET content_categories = pg_temp.held(r.category,
    CASE WHEN v.type = 'Binary' AND pg_temp.fhir_format(v.content::jsonb->>'contentType') IS NOT NULL
          AND v.content::jsonb->>'data' IS NULL
    THEN pg_temp.every_category() ELSE pg_temp.categories_of(v.content::jsonb, 0) END)
FROM resource r
WHERE r.patient_key = v.patient_key AND r.id = v.id
  AND v.type IN ('Bundle', 'Composition', 'DocumentReference', 'Binary', 'Provenance');
