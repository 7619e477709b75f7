-- Apps a resident connects to their own record (issue 25, item 10): SMART App Launch, standalone patient launch.
-- The network operator registers each app (a public client: no secret) with its exact redirect URIs and the
-- scopes it may ask for. A resident's approval is a grant: one app, one resident (their account and person),
-- the scopes approved. Codes and tokens are kept only as SHA-256 hashes; a stolen table yields no usable code or
-- token. Disconnecting (or a replayed code or refresh token) revokes the grant and deletes its tokens.
CREATE TABLE smart_app (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id     text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    redirect_uris text[]      NOT NULL,
    scopes        text[]      NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_by    bigint      NOT NULL REFERENCES app_user (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE smart_grant (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id         bigint      NOT NULL REFERENCES smart_app (id),
    user_id        bigint      NOT NULL REFERENCES app_user (id),
    person_id      bigint      NOT NULL REFERENCES person (id),
    scopes         text[]      NOT NULL,
    granted_at     timestamptz NOT NULL DEFAULT now(),
    last_used_at   timestamptz,
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX smart_grant_user ON smart_grant (user_id);
CREATE INDEX smart_grant_app ON smart_grant (app_id);

-- A one-time authorization code: bound to the grant (app, resident, person), the redirect URI and the PKCE challenge.
CREATE TABLE smart_code (
    code_hash      bytea       PRIMARY KEY,
    grant_id       bigint      NOT NULL REFERENCES smart_grant (id),
    redirect_uri   text        NOT NULL,
    code_challenge text        NOT NULL,
    nonce          text,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
CREATE INDEX smart_code_grant ON smart_code (grant_id);
CREATE INDEX smart_code_expiry ON smart_code (expires_at);

-- Access and refresh tokens. A refresh token is used once (rotation): its row stays, marked used, until it expires,
-- so that presenting it again is recognised as a replay.
CREATE TABLE smart_token (
    token_hash bytea       PRIMARY KEY,
    grant_id   bigint      NOT NULL REFERENCES smart_grant (id),
    kind       text        NOT NULL CHECK (kind IN ('ACCESS', 'REFRESH')),
    scopes     text[]      NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX smart_token_grant ON smart_token (grant_id);
CREATE INDEX smart_token_expiry ON smart_token (expires_at);

-- The keys that sign OpenID Connect id_tokens (RS256); the private key sealed with the installation's secret key.
CREATE TABLE smart_signing_key (
    kid         text        PRIMARY KEY,
    private_key text        NOT NULL,
    public_jwk  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE ON smart_app, smart_grant TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON smart_code, smart_token TO ${app_role};
GRANT SELECT, INSERT ON smart_signing_key TO ${app_role};
