-- Passkeys (WebAuthn credentials) as a second factor beside TOTP (issue 25): the credential's id, its attested
-- credential data (AAGUID, id, public key as COSE, as webauthn4j serialises it), the last signature counter seen.
CREATE TABLE passkey (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint      NOT NULL REFERENCES app_user (id),
    credential_id   bytea       NOT NULL UNIQUE CHECK (length(credential_id) BETWEEN 1 AND 1023),
    attested_data   bytea       NOT NULL,
    sign_count      bigint      NOT NULL DEFAULT 0,
    label           text        NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz
);
CREATE INDEX passkey_user ON passkey (user_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON passkey TO ${app_role};
