-- Disaster mode (災害モード, issue 26): the network operator switches it on for the whole network or for chosen
-- municipalities, with a note and an optional planned end (it ends by itself then), and switches it off. While it
-- covers a person, the staff of designated responder facilities (DMAT teams registered as facilities …) may open an
-- emergency access (break-the-glass) on that person; outside it they may not. Who switched what and when stays here
-- (the history) and in the audit trail. No patient data.
CREATE TABLE disaster_period (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_wide boolean     NOT NULL,
    note         text        NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    started_at   timestamptz NOT NULL,
    started_by   bigint      NOT NULL REFERENCES app_user (id),
    planned_end  timestamptz,
    ended_at     timestamptz,
    ended_by     bigint      REFERENCES app_user (id),
    end_note     text,
    CHECK (planned_end IS NULL OR planned_end > started_at),
    CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
CREATE INDEX disaster_period_open ON disaster_period (id) WHERE ended_at IS NULL;

-- The municipalities a period covers (none when network-wide): the prefecture (01–47) and the municipality's name as
-- an address writes it (呉市, 広島市中区, 安芸郡府中町).
CREATE TABLE disaster_area (
    period_id    bigint   NOT NULL REFERENCES disaster_period (id),
    prefecture   smallint NOT NULL CHECK (prefecture BETWEEN 1 AND 47),
    municipality text     NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    PRIMARY KEY (period_id, prefecture, municipality)
);

-- Facilities designated as disaster responders; a row is removed when the designation is withdrawn (the audit trail
-- keeps both).
CREATE TABLE disaster_responder (
    facility_id   bigint      PRIMARY KEY REFERENCES facility (id),
    designated_at timestamptz NOT NULL,
    designated_by bigint      NOT NULL REFERENCES app_user (id)
);

GRANT SELECT, INSERT, UPDATE ON disaster_period TO ${app_role};
GRANT SELECT, INSERT ON disaster_area TO ${app_role};
GRANT SELECT, INSERT, DELETE ON disaster_responder TO ${app_role};
