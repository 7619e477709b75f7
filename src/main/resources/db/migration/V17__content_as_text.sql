-- A resource's content is kept as the JSON text Musubi's encoder wrote, not as jsonb. Nothing queries
-- inside the documents (the search index is resource_token and resource_date), and every document is
-- written by Musubi's FHIR encoder, so PostgreSQL parsing each one into jsonb on the way in and printing
-- it back out on every read was pure cost: loading an SS-MIX2 import's resources took 12.0 s of
-- PostgreSQL CPU as jsonb and 7.6 s as text, and reading them back 3.6 s against 1.3 s (bench/README.md).
-- Existing documents keep jsonb's printed form, which is the same JSON.

ALTER TABLE resource ALTER COLUMN content TYPE text USING content::text;
ALTER TABLE resource_version ALTER COLUMN content TYPE text USING content::text;

COMMENT ON COLUMN resource.content IS 'The resource as FHIR JSON, as Musubi''s encoder wrote it (not parsed by the database).';
COMMENT ON COLUMN resource_version.content IS 'The earlier version as FHIR JSON, as Musubi''s encoder wrote it.';
