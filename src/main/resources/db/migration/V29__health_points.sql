-- Health points (ヘルスケアポイント, issue 25): the operator's rules, events with a code given at the event, and an
-- append-only ledger per person. Each entry names why (its kind and a key unique per person, so the same checkup,
-- month or event never counts twice); a redemption is a negative entry. No money moves.
CREATE TABLE phr_points_rule (
    kind          text        PRIMARY KEY CHECK (kind IN ('CHECKUP', 'VITALS_DAYS')),
    points        integer     NOT NULL CHECK (points BETWEEN 0 AND 100000),
    days_required integer     CHECK (days_required IS NULL OR days_required BETWEEN 1 AND 31),
    changed_by    bigint      NOT NULL REFERENCES app_user (id),
    changed_at    timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON phr_points_rule TO ${app_role};

CREATE TABLE phr_points_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    held_on    date        NOT NULL,
    code_hash  text        NOT NULL UNIQUE,
    points     integer     NOT NULL CHECK (points BETWEEN 1 AND 100000),
    valid_to   date        NOT NULL,
    created_by bigint      NOT NULL REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON phr_points_event TO ${app_role};

CREATE TABLE phr_points_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   bigint      NOT NULL REFERENCES person (id),
    points      integer     NOT NULL CHECK (points <> 0),
    reason_kind text        NOT NULL CHECK (reason_kind IN ('CHECKUP', 'VITALS_DAYS', 'EVENT', 'REDEMPTION')),
    reason_key  text        NOT NULL CHECK (length(reason_key) BETWEEN 1 AND 200),
    note        text        CHECK (note IS NULL OR length(note) <= 500),
    recorded_by bigint      REFERENCES app_user (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (person_id, reason_key)
);
CREATE INDEX phr_points_entry_person ON phr_points_entry (person_id, recorded_at);
-- append-only: the application may read and add, never change or remove an entry
GRANT SELECT, INSERT ON phr_points_entry TO ${app_role};
