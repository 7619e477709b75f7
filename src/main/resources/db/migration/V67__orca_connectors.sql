-- ORCA (日医標準レセプトソフト) connectors (issue 46): one per facility, pulling from the facility's ORCA server's API
-- on a schedule. The password is sealed with the installation's secret key (security.SecretBox, purpose
-- "orca-password"); it is never shown back. pulled_through is the last day whose window was imported whole (its
-- batch committed): the next pull starts the day after, so a stopped connector resumes without a gap. last_error is
-- what went wrong last (HTTP status or ORCA's Api_Result), shown on the connector's page until a pull succeeds.
CREATE TABLE orca_connector (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    facility_id      bigint      NOT NULL UNIQUE REFERENCES facility (id),
    base_url         text        NOT NULL CHECK (base_url ~ '^https?://' AND length(base_url) <= 500),
    username         text        NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
    password_sealed  text        NOT NULL,
    interval_minutes integer     NOT NULL CHECK (interval_minutes BETWEEN 1 AND 10080),
    enabled          boolean     NOT NULL DEFAULT true,
    pulled_through   date        NOT NULL,
    last_run_at      timestamptz,
    last_error       text        CHECK (last_error IS NULL OR length(last_error) <= 2000),
    last_error_at    timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON orca_connector TO ${app_role};

-- An ORCA connector's batches run under an import source of kind ORCA. Other helpers of issue 46 add kinds in their
-- own migrations, which may run before this one: the list of kinds is the Java enum's (ingest.ImportKind), the
-- database only holds the spelling.
ALTER TABLE import_source DROP CONSTRAINT import_source_kind_check;
ALTER TABLE import_source ADD CONSTRAINT import_source_kind_check CHECK (kind ~ '^[A-Z][A-Z0-9_]{1,39}$');
