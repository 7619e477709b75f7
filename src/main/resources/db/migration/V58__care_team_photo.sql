-- A care team's wound photo (issue 44): a Media of the team (its picture in the blob store), listed in the team's
-- table as kind PHOTO.
ALTER TABLE care_team_entry DROP CONSTRAINT care_team_entry_kind_check;
ALTER TABLE care_team_entry ADD CONSTRAINT care_team_entry_kind_check
    CHECK (kind IN ('SOAP', 'CARE_NOTE', 'VITALS', 'ADL', 'TASK', 'TASK_STATUS', 'PHOTO'));

-- A Media naming a CareTeam in Musubi's extension urn:musubi:fhir:care-team (valueReference [base/]CareTeam/id) is
-- CARE_RECORDS from now on, not IMAGING, as org.musubi.record.fhir.FhirIndexer categorises it. Musubi stored no such
-- Media before; one a facility's system sent is re-categorised here. A Media holds nothing besides its own category
-- and flags, so content_categories stays as it is (a container that holds one keeps counting it as IMAGING: it shows
-- less, never more).
UPDATE resource SET category = 'CARE_RECORDS'
 WHERE type = 'Media' AND category = 'IMAGING'
   AND jsonb_path_exists(content::jsonb, ('lax $.extension[*] ? (@.url == "urn:musubi:fhir:care-team"'
       || ' && @.valueReference.reference like_regex "(^|/)CareTeam/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$")')::jsonpath);
