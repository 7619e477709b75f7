-- The installation's key for derived resource ids (IdKey): ids of imported records, directory resources,
-- document Bundles and JAHIS patients' local ids are HMAC-SHA256 of their source inputs under this secret,
-- so that no facility can tell, and take first, an id another facility's import will use.
--
-- The secret is 32 bytes from two gen_random_uuid() (built into PostgreSQL 13+, no pgcrypto needed): each
-- UUID carries 122 random bits, so the secret holds 244. It lives in the database so that every node agrees
-- and backups carry it (a restore keeps the ids of what it restores).
--
-- scheme: KEYED on a new installation; LEGACY when the database already holds data, whose ids were made from
-- public inputs: imports are idempotent by id, so a record sent again must get the same ids (docs/upgrading.md).
CREATE TABLE id_key (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    scheme     text        NOT NULL CHECK (scheme IN ('LEGACY', 'KEYED')),
    secret     bytea       NOT NULL CHECK (length(secret) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE id_key IS 'The one id key of the installation (IdKey, migration V22); never changed.';

INSERT INTO id_key (id, scheme, secret)
SELECT 1,
       CASE WHEN EXISTS (SELECT FROM resource) OR EXISTS (SELECT FROM source_patient)
                 OR EXISTS (SELECT FROM import_record) THEN 'LEGACY' ELSE 'KEYED' END,
       decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex');

GRANT SELECT ON id_key TO ${app_role};
