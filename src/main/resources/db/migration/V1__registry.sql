-- Participant registry: facilities, users and their memberships.
CREATE TABLE facility (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name_kanji       text        NOT NULL,
    name_kana        text        NOT NULL,
    kind             text        NOT NULL,
    institution_code char(10) UNIQUE,
    prefecture       smallint    NOT NULL CHECK (prefecture BETWEEN 1 AND 47),
    address          text,
    phone            text,
    disclosing       boolean     NOT NULL,
    viewing          boolean     NOT NULL,
    status           text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login_id      text        NOT NULL UNIQUE CHECK (login_id = lower(login_id)),
    name_kanji    text        NOT NULL,
    name_kana     text        NOT NULL,
    profession    text        NOT NULL,
    network_admin boolean     NOT NULL DEFAULT false,
    status        text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    demo          boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_membership (
    user_id        bigint  NOT NULL REFERENCES app_user (id),
    facility_id    bigint  NOT NULL REFERENCES facility (id),
    facility_admin boolean NOT NULL DEFAULT false,
    PRIMARY KEY (user_id, facility_id)
);
CREATE INDEX user_membership_facility ON user_membership (facility_id);

GRANT SELECT, INSERT, UPDATE ON facility, app_user TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON user_membership TO ${app_role};
