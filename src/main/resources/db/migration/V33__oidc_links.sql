-- My Number card login (issue 25): a resident's account linked to the subject an outside OpenID provider (the
-- デジタル認証アプリ) asserts for them. Only the subject identifier the provider issued to Musubi is kept: never a card
-- number, a certificate or an individual number (個人番号). A subject belongs to one account, and an account has at
-- most one subject per provider.
CREATE TABLE oidc_link (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider     text        NOT NULL CHECK (provider ~ '^[a-z0-9-]{1,32}$'),
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id      bigint      NOT NULL REFERENCES app_user (id),
    linked_at    timestamptz NOT NULL DEFAULT now(),
    linked_by    bigint      NOT NULL REFERENCES app_user (id),
    last_used_at timestamptz,
    CONSTRAINT oidc_link_subject UNIQUE (provider, subject),
    CONSTRAINT oidc_link_account UNIQUE (provider, user_id)
);
CREATE INDEX oidc_link_user ON oidc_link (user_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON oidc_link TO ${app_role};
