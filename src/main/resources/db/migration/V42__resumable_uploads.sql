-- Resumable uploads (tus 1.0, issue 41): an upload begun on one node is continued on any other, so its state is here
-- and its bytes are in the blob store (org.musubi.blob.resumable.web), never on one node's disk. Generic: the owner is a
-- key the feature using it chooses (imports: the facility); nothing here knows what the bytes become.
CREATE TABLE resumable_upload (
    id            uuid        PRIMARY KEY,
    -- Whose upload it is (e.g. "import:12"): an upload of another owner answers like one that does not exist.
    owner         text        NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
    -- Null while the client defers the length.
    length        bigint      CHECK (length > 0),
    upload_offset bigint      NOT NULL DEFAULT 0 CHECK (upload_offset >= 0 AND (length IS NULL OR upload_offset <= length)),
    -- Upload-Metadata as the client sent it (comma-separated keys with base64 values).
    metadata      text        CHECK (length(metadata) <= 4096),
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- Pushed back by every request; an unfinished upload past it is removed with its parts.
    expires_at    timestamptz
);
CREATE INDEX resumable_upload_expiry ON resumable_upload (expires_at);

-- The bytes received, as parts in the blob store's part area (S3 cannot append): part n covers
-- [start_offset, start_offset + size). Rows are written after their part is stored, with the upload's new offset.
CREATE TABLE resumable_upload_part (
    upload_id    uuid   NOT NULL REFERENCES resumable_upload (id) ON DELETE CASCADE,
    start_offset bigint NOT NULL CHECK (start_offset >= 0),
    size         bigint NOT NULL CHECK (size > 0),
    name         text   NOT NULL UNIQUE,
    PRIMARY KEY (upload_id, start_offset)
);

-- An upload imported (org.musubi.ingest.web): which facility and kind it is for, and the batch that imported it once
-- its last byte arrived (null until then). Written under the upload's lock, so a retried last PATCH or a GET on
-- another node finds the batch and does not import again.
CREATE TABLE import_upload (
    upload_id   uuid        PRIMARY KEY REFERENCES resumable_upload (id) ON DELETE CASCADE,
    facility_id bigint      NOT NULL REFERENCES facility (id),
    kind        text        NOT NULL,
    batch_id    bigint      REFERENCES import_batch (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE, DELETE ON resumable_upload, resumable_upload_part, import_upload TO ${app_role};
