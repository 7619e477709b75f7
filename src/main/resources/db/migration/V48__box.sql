-- Box (issue 43): files shared between participants, deleted after their retention. Content lives in the blob store's
-- part area under the file's own name (box-<id>), never in the content-addressed area, so that deleting a Box file can
-- never remove bytes a record or another Box file names.
CREATE TABLE box_file (
    id              UUID PRIMARY KEY,
    sender_user     BIGINT NOT NULL,
    sender_facility BIGINT,
    name            TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            BIGINT NOT NULL,
    sha256          TEXT NOT NULL,
    message         TEXT,
    scan_status     TEXT NOT NULL,
    scan_detail     TEXT,
    uploaded_at     TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX box_file_sender ON box_file (sender_user, uploaded_at DESC);
CREATE INDEX box_file_expiry ON box_file (expires_at);

-- via_facility: the facility whose member the recipient was chosen as (null: named); such a recipient downloads only
-- while still a member of it.
CREATE TABLE box_recipient (
    file_id      UUID NOT NULL REFERENCES box_file (id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL,
    via_facility BIGINT,
    PRIMARY KEY (file_id, user_id)
);
CREATE INDEX box_recipient_user ON box_recipient (user_id);

CREATE TABLE box_download (
    file_id UUID NOT NULL REFERENCES box_file (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX box_download_file ON box_download (file_id, at);

-- When the expiry sweep last finished (one row), for the operators' page and the metric.
CREATE TABLE box_sweep (
    id          INT PRIMARY KEY CHECK (id = 1),
    finished_at TIMESTAMPTZ NOT NULL,
    deleted     INT NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON box_file, box_recipient, box_download, box_sweep TO ${app_role};
