-- The fingerprint of the operator's secret key (issue 66): HMAC-SHA256 of a fixed label under the key, recorded by
-- the first server that starts on the database, so that a node started with another key refuses to start instead of
-- failing every second factor, browser session and card check code made on the other nodes. It tells nothing of the
-- key. One row. To change the key on purpose (everyone enrols their second factor again, every card is reissued), the
-- schema owner deletes the row before the first start with the new key (docs/security.md).

CREATE TABLE secret_key_fingerprint (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    fingerprint text        NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    recorded_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE secret_key_fingerprint IS 'The fingerprint of the operator''s secret key (KeyFingerprints, migration V86).';

GRANT SELECT, INSERT ON secret_key_fingerprint TO ${app_role};
