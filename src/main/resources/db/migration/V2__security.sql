-- Login credentials: password hash, TOTP second factor, recovery codes, lock-out state.
CREATE TABLE credential (
    user_id                  bigint PRIMARY KEY REFERENCES app_user (id),
    password_hash            text        NOT NULL,
    password_change_required boolean     NOT NULL DEFAULT true,
    totp_secret              text,
    totp_enrolled_at         timestamptz,
    totp_last_step           bigint,
    enrolment_code_hash      text,
    enrolment_code_expires   timestamptz,
    failed_attempts          integer     NOT NULL DEFAULT 0,
    locked_until             timestamptz,
    updated_at               timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recovery_code (
    user_id   bigint NOT NULL REFERENCES app_user (id),
    code_hash text   NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

GRANT SELECT, INSERT, UPDATE ON credential TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_code TO ${app_role};
