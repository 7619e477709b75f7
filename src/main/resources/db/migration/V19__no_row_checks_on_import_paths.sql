-- The tables an import appends to for every resource and every file no longer check their facility, source and
-- batch against the parent tables row by row. PostgreSQL checked each foreign key with a query and a row lock on
-- the parent: 7.5 µs for every resource stored (as much as storing the row itself, without its indexes) and
-- 8 µs for every file recorded, about an eighth of PostgreSQL's time in a full-size import (bench/README.md).
-- The parents cannot go away: the application role may not delete facilities, import sources or batches
-- (migrations V1 and V13), and Musubi writes these columns from the rows it has just read (the facility of the
-- import source or of the writing client, the batch it started). The other foreign keys stay.

ALTER TABLE resource DROP CONSTRAINT resource_source_facility_fkey;
ALTER TABLE import_file DROP CONSTRAINT import_file_source_id_fkey;
ALTER TABLE import_file DROP CONSTRAINT import_file_batch_id_fkey;

COMMENT ON COLUMN resource.source_facility IS 'The facility that sent the resource (facility.id; facilities are never deleted).';
COMMENT ON COLUMN import_file.source_id IS 'The import source (import_source.id; never deleted).';
COMMENT ON COLUMN import_file.batch_id IS 'The batch that last took the file (import_batch.id; never deleted).';
