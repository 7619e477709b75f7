-- A Box file whose content a restore did not find, or found with other bytes than its SHA-256 (docs/backup.md): it is
-- treated as expired from then on — never downloaded, not counted against the quota — and its sender and recipients
-- are told why, on Box's page and when they ask for it, until its retention ends and the sweep deletes it.
ALTER TABLE box_file ADD COLUMN lost_at TIMESTAMPTZ;
