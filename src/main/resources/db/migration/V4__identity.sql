-- Regional persons (the patients of the network). Identity linking, cards and consent build on this.
CREATE TABLE person (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    regional_id  char(16)    NOT NULL UNIQUE,
    family_kanji text        NOT NULL,
    given_kanji  text        NOT NULL,
    family_kana  text        NOT NULL,
    given_kana   text        NOT NULL,
    sex          text        NOT NULL CHECK (sex IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
    birth_date   date        NOT NULL,
    postal_code  text,
    address      text,
    phone        text,
    status       text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MERGED', 'DECEASED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_birth_date ON person (birth_date);

GRANT SELECT, INSERT, UPDATE ON person TO ${app_role};
