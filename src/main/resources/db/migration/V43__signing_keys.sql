-- Signing keys (issue 42, org.musubi.signature): Musubi's own demo/test certification authority and each user's
-- software signing key with the X.509 certificate that CA issued for it. The private key is PKCS#8 sealed with the
-- operator's key (security.SecretBox, AES-256-GCM, its purpose naming the row's owner), the certificate is DER. A
-- user's key is made at their first signature; a new one replaces it when its certificate ends (the old row is kept,
-- superseded, so that what it signed still names it). No patient data.
CREATE TABLE signing_key (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- DEMO_CA: the demo/test CA (one live row); USER: a user's software key
    purpose            text        NOT NULL CHECK (purpose IN ('DEMO_CA', 'USER')),
    user_id            bigint      REFERENCES app_user (id),
    algorithm          text        NOT NULL CHECK (algorithm IN ('EC', 'RSA')),
    certificate        bytea       NOT NULL,
    sealed_private_key bytea       NOT NULL,
    not_before         timestamptz NOT NULL,
    not_after          timestamptz NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    superseded_at      timestamptz,
    CHECK ((purpose = 'USER') = (user_id IS NOT NULL))
);
-- one live CA, one live key per user: two nodes issuing at once keep the first (INSERT ... ON CONFLICT DO NOTHING)
CREATE UNIQUE INDEX signing_key_live_ca ON signing_key (purpose) WHERE purpose = 'DEMO_CA' AND superseded_at IS NULL;
CREATE UNIQUE INDEX signing_key_live_user ON signing_key (user_id) WHERE purpose = 'USER' AND superseded_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON signing_key TO ${app_role};
