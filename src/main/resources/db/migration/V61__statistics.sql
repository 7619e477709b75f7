-- The secretariat's statistics (issue 45): rollups the dashboard reads so that it answers fast on a large network,
-- refreshed by a scheduled job on one node (and by the operator's "refresh" button), and the area's population the
-- operator loads from a CSV. Nothing here is about one patient: counts per facility, per month, per municipality.

-- Use per facility per day, counted from the audit trail (views, imports and FHIR writes, letters sent, emergency
-- accesses opened). demo_seeded: a past day of the demo network's history, made up by the demo (the audit trail is
-- append-only and is never backdated); a refresh never touches those rows.
CREATE TABLE stats_usage_day (
    day         date    NOT NULL,
    facility_id bigint  NOT NULL,
    views       integer NOT NULL DEFAULT 0 CHECK (views >= 0),
    imports     integer NOT NULL DEFAULT 0 CHECK (imports >= 0),
    letters     integer NOT NULL DEFAULT 0 CHECK (letters >= 0),
    emergency   integer NOT NULL DEFAULT 0 CHECK (emergency >= 0),
    demo_seeded boolean NOT NULL DEFAULT false,
    PRIMARY KEY (day, facility_id, demo_seeded)
);

-- Cards issued per month and kind.
CREATE TABLE stats_card_month (
    month  date    NOT NULL,
    kind   text    NOT NULL CHECK (kind IN ('REGIONAL', 'DISCLOSURE')),
    issued integer NOT NULL CHECK (issued >= 0),
    PRIMARY KEY (month, kind)
);

-- Registered residents (active persons with a live consent) per municipality of the population list, and how many of
-- them gave their first consent in the last 12 months.
CREATE TABLE stats_residents (
    municipality text    PRIMARY KEY,
    residents    integer NOT NULL CHECK (residents >= 0),
    in_year      integer NOT NULL CHECK (in_year >= 0)
);

-- The area's population per municipality, as the operator loaded it (a re-upload replaces every row).
CREATE TABLE stats_population (
    municipality text    PRIMARY KEY CHECK (length(municipality) BETWEEN 1 AND 100),
    population   integer NOT NULL CHECK (population > 0),
    line_no      integer NOT NULL,
    loaded_at    timestamptz NOT NULL DEFAULT now(),
    loaded_by    bigint
);

-- When the rollups were last computed, and the last audit row counted: the next refresh recounts every day an audit
-- row after it fell on (a standby's spool merged later brings rows of past days).
CREATE TABLE stats_rollup (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    computed_at timestamptz NOT NULL,
    counted_seq bigint      NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON stats_usage_day, stats_card_month, stats_residents, stats_population,
    stats_rollup TO ${app_role};
