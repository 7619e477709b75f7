-- SMART Backend Services (private_key_jwt): an API client may authenticate with a JWT signed by its
-- own private key instead of a secret; the public keys are kept as a JWK Set. Used assertion ids (jti)
-- are remembered until they expire, so an assertion cannot be replayed.
ALTER TABLE api_client ADD COLUMN jwks text;

CREATE TABLE api_assertion (
    client_id  text        NOT NULL,
    jti        text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX api_assertion_expiry ON api_assertion (expires_at);

GRANT UPDATE (jwks) ON api_client TO ${app_role};
GRANT SELECT, INSERT, DELETE ON api_assertion TO ${app_role};
