-- Box's WOPI host (issue 43): online editors (OnlyOffice, Collabora) save new versions of a Box file.
-- A file's content is then no longer under its original part name (box-<id>): part names the current one (null: the
-- original). A new version is written under a new name and switched to in one transaction, so a download reads the
-- old bytes or the new, never a mix, and the row's SHA-256 always matches the part it names.
ALTER TABLE box_file ADD COLUMN part TEXT;

-- Parts no row names any more, or not yet: a version being written (removed from here when the row switches to it)
-- and a version replaced (removed from here once its bytes are deleted). What a crash leaves here is deleted by a
-- later save, so no content is left behind unnamed.
CREATE TABLE box_part_trash (
    part  TEXT PRIMARY KEY,
    since TIMESTAMPTZ NOT NULL
);

-- WOPI locks: one per file, taken by an editor before it saves, expiring 30 minutes after it was taken or refreshed.
-- In the database, so that every node sees the same lock.
CREATE TABLE box_wopi_lock (
    file_id    UUID PRIMARY KEY REFERENCES box_file (id) ON DELETE CASCADE,
    lock_id    TEXT NOT NULL CHECK (length(lock_id) BETWEEN 1 AND 1024),
    expires_at TIMESTAMPTZ NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON box_part_trash, box_wopi_lock TO ${app_role};
