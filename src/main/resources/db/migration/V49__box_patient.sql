-- Box (issue 43): a file may be about a patient (the regional person): each recipient is then decided by the access
-- policy when it is sent and again at each download; record_document is the DocumentReference the sender attached it
-- to in the patient's record (null: not attached).
ALTER TABLE box_file ADD COLUMN person_id BIGINT;
ALTER TABLE box_file ADD COLUMN record_document TEXT;
CREATE INDEX box_file_person ON box_file (person_id) WHERE person_id IS NOT NULL;
