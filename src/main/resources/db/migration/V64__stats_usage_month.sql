-- The secretariat's statistics (issue 45): the use per facility per month, summed from stats_usage_day by the refresh
-- (the months its recounted days fall in) and by the demo's seeded days, so that the dashboard reads a few thousand
-- rows instead of a year of days (bench/README.md, "The secretariat's dashboard").
CREATE TABLE stats_usage_month (
    month       date    NOT NULL,
    facility_id bigint  NOT NULL,
    views       bigint  NOT NULL DEFAULT 0 CHECK (views >= 0),
    imports     bigint  NOT NULL DEFAULT 0 CHECK (imports >= 0),
    letters     bigint  NOT NULL DEFAULT 0 CHECK (letters >= 0),
    emergency   bigint  NOT NULL DEFAULT 0 CHECK (emergency >= 0),
    demo_seeded boolean NOT NULL DEFAULT false,
    PRIMARY KEY (month, facility_id, demo_seeded)
);

INSERT INTO stats_usage_month (month, facility_id, views, imports, letters, emergency, demo_seeded)
SELECT date_trunc('month', day)::date, facility_id, sum(views), sum(imports), sum(letters), sum(emergency), demo_seeded
  FROM stats_usage_day GROUP BY 1, 2, demo_seeded;

GRANT SELECT, INSERT, UPDATE, DELETE ON stats_usage_month TO ${app_role};
