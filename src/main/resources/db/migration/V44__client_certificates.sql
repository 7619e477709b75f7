-- Staff login with a client certificate (issue 42): the certificates an operator or facility administrator registered
-- for a user. A certificate is known by the SHA-256 of its DER encoding and belongs to one user only (a second
-- registration of the same certificate, for anyone, is refused). A revoked certificate stays, so that it cannot be
-- registered again and the trail keeps what it was; only its revocation is recorded. What the screen shows (subject,
-- issuer, serial, validity) is kept as read at registration, together with the certificate itself.
CREATE TABLE client_certificate (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES app_user (id),
    fingerprint   bytea       NOT NULL UNIQUE CHECK (length(fingerprint) = 32),
    subject       text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 1024),
    issuer        text        NOT NULL CHECK (length(issuer) BETWEEN 1 AND 1024),
    serial        text        NOT NULL CHECK (serial ~ '^[0-9a-f]{1,64}$'),
    not_before    timestamptz NOT NULL,
    not_after     timestamptz NOT NULL,
    der           bytea       NOT NULL CHECK (length(der) BETWEEN 1 AND 16384),
    registered_at timestamptz NOT NULL DEFAULT now(),
    registered_by bigint      NOT NULL REFERENCES app_user (id),
    revoked_at    timestamptz,
    revoked_by    bigint      REFERENCES app_user (id),
    last_used_at  timestamptz,
    CONSTRAINT client_certificate_revocation CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX client_certificate_user ON client_certificate (user_id);
COMMENT ON COLUMN client_certificate.fingerprint IS 'SHA-256 of the certificate''s DER encoding: how a login finds it.';
GRANT SELECT, INSERT, UPDATE ON client_certificate TO ${app_role};
