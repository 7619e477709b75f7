-- API clients: facility systems calling the FHIR API with OAuth2 client credentials (RFC 6749 §4.4).
-- Each client is a user of profession FACILITY_SYSTEM, so the access policy and the audit trail see it
-- like any other user: disabling that user stops the client.
CREATE TABLE api_client (
    user_id     bigint PRIMARY KEY REFERENCES app_user (id),
    client_id   text        NOT NULL UNIQUE,
    secret_hash text        NOT NULL,
    scopes      text[]      NOT NULL,
    created_by  bigint      REFERENCES app_user (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    secret_set_at timestamptz NOT NULL DEFAULT now()
);

-- Bearer tokens are kept only as SHA-256 hashes; a stolen table does not yield a usable token.
CREATE TABLE api_token (
    token_hash bytea       PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id),
    scopes     text[]      NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX api_token_user ON api_token (user_id);
CREATE INDEX api_token_expiry ON api_token (expires_at);

GRANT SELECT, INSERT, UPDATE ON api_client TO ${app_role};
GRANT SELECT, INSERT, DELETE ON api_token TO ${app_role};
