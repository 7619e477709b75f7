-- Each version's content is stored once: the current version lives in resource (now with who wrote
-- it), resource_version keeps only the earlier versions. A write that replaces a version first copies
-- the row being replaced into resource_version (still insert-only for the application), so a
-- resource's history is its row in resource followed by its rows in resource_version. Imports, which
-- mostly create resources, no longer write every resource's content twice.

ALTER TABLE resource ADD COLUMN written_by bigint REFERENCES app_user (id);

UPDATE resource r SET written_by = v.written_by
FROM resource_version v
WHERE v.patient_key = r.patient_key AND v.id = r.id AND v.version = r.version AND v.written_by IS NOT NULL;

DELETE FROM resource_version v USING resource r
WHERE v.patient_key = r.patient_key AND v.id = r.id AND v.version = r.version;

COMMENT ON TABLE resource_version IS 'Earlier versions of each resource; the current version is its row in resource.';
