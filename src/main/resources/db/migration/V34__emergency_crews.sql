-- Ambulance crews and the hand-over to the receiving hospital (issue 26, items 1-4).
--
-- An emergency access now says what kind it is: a clinician's break-the-glass (GLASS), an ambulance crew's (CREW:
-- shorter, one person at a time, a reason from a short list), or an ER doctor's opening of a hand-over (HANDOVER); the
-- facility the user acted for; the coded reason; when it was ended early (a crew opening the next person ends the
-- previous one: expires_at becomes that instant, ended_at says it was cut short); and the operator's review outcome.
ALTER TABLE emergency_access
    ADD COLUMN kind           text   NOT NULL DEFAULT 'GLASS' CHECK (kind IN ('GLASS', 'CREW', 'HANDOVER')),
    ADD COLUMN facility_id    bigint REFERENCES facility (id),
    ADD COLUMN reason_code    text   CHECK (reason_code IN ('UNCONSCIOUS', 'CANNOT_COMMUNICATE', 'IDENTITY_UNKNOWN', 'OTHER')),
    ADD COLUMN ended_at       timestamptz,
    ADD COLUMN handover_id    bigint,
    ADD COLUMN review_outcome text   CHECK (review_outcome IN ('APPROPRIATE', 'QUESTIONABLE', 'INAPPROPRIATE'));
CREATE INDEX emergency_access_user_open ON emergency_access (user_id, expires_at);
CREATE INDEX emergency_access_unreviewed ON emergency_access (opened_at) WHERE reviewed_at IS NULL;

-- A crew hands the person over to the receiving hospital: for a limited time that facility's emergency professions see
-- the person's emergency minimum dataset (each opening is an emergency access of kind HANDOVER). Never a link: the
-- facility is not linked to the person, and nothing is left once it expires. The token is what addresses carry
-- (random, unguessable); the id stays inside.
CREATE TABLE emergency_handover (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token       text        NOT NULL UNIQUE CHECK (length(token) >= 22),
    person_id   bigint      NOT NULL REFERENCES person (id),
    from_user   bigint      NOT NULL REFERENCES app_user (id),
    from_access bigint      NOT NULL REFERENCES emergency_access (id),
    to_facility bigint      NOT NULL REFERENCES facility (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX emergency_handover_to ON emergency_handover (to_facility, expires_at);
-- emergency_access.handover_id names the hand-over without a foreign key: the hand-over refers to the crew's access,
-- and the backup loads tables parents first, which a cycle of foreign keys would not allow.
GRANT SELECT, INSERT ON emergency_handover TO ${app_role};
