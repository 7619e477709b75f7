-- Account recovery of the health notebook (issue 37): a registration with a new code for a person who already has a
-- resident account no longer re-keys it at once. It is kept here as a pending recovery — the new login id, the new
-- password as the same argon2 hash the credentials keep, the new authenticator's secret sealed as the credential rows
-- seal theirs, the step of the code that proved it, the registration code it used up — until staff of a linked
-- facility (with the person's card) or the network office confirm it, the office or the counter refuse it, the
-- resident cancels it, a newer one replaces it or it expires. Until then the old password, authenticator, passkeys,
-- card links, proxies and apps keep working. Once decided, the secrets are wiped; the row stays as what the resident is
-- told ("what changed and when": the counts of what a confirmation removed) until they dismiss the notice.
-- Keyed by person, so that it could be distributed by person; at most one pending recovery per person.
CREATE TABLE phr_account_recovery (
    person_id           bigint      NOT NULL REFERENCES person (id),
    id                  bigint      GENERATED ALWAYS AS IDENTITY,
    user_id             bigint      NOT NULL REFERENCES app_user (id),
    login_id            text        NOT NULL CHECK (length(login_id) BETWEEN 3 AND 64),
    name_kanji          text        NOT NULL,
    name_kana           text        NOT NULL,
    password_hash       text,
    totp_secret         text,
    totp_step           bigint,
    code_id             bigint      NOT NULL REFERENCES phr_registration_code (id),
    requested_at        timestamptz NOT NULL,
    state               text        NOT NULL DEFAULT 'PENDING'
        CHECK (state IN ('PENDING', 'CONFIRMED', 'REFUSED', 'CANCELLED', 'EXPIRED', 'REPLACED')),
    decided_at          timestamptz,
    decided_by          bigint      REFERENCES app_user (id),
    decided_at_desk     text        CHECK (decided_at_desk IN ('COUNTER', 'OFFICE', 'RESIDENT', 'SYSTEM')),
    removed_passkeys    integer,
    removed_card_links  integer,
    disconnected_apps   integer,
    notice_dismissed_at timestamptz,
    PRIMARY KEY (person_id, id),
    CONSTRAINT phr_account_recovery_secrets_only_pending
        CHECK ((state = 'PENDING') = (password_hash IS NOT NULL AND totp_secret IS NOT NULL AND totp_step IS NOT NULL)),
    CONSTRAINT phr_account_recovery_decided CHECK ((state = 'PENDING') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX phr_account_recovery_one_pending ON phr_account_recovery (person_id) WHERE state = 'PENDING';
CREATE INDEX phr_account_recovery_pending_login ON phr_account_recovery (login_id) WHERE state = 'PENDING';
CREATE INDEX phr_account_recovery_pending_age ON phr_account_recovery (requested_at) WHERE state = 'PENDING';
GRANT SELECT, INSERT, UPDATE ON phr_account_recovery TO ${app_role};

-- Ending an account's sessions (a confirmed recovery): every session remembers the account's epoch when it signed in,
-- and a session whose epoch is no longer the account's ends on its next request, as a disabled account's does.
ALTER TABLE app_user ADD COLUMN session_epoch integer NOT NULL DEFAULT 0;
