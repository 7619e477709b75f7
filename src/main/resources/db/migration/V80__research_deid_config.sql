-- A project's own de-identification configuration (issue 48, build item 3): the committee's rules for this project, in
-- the model of a FHIR de-identification configuration (docs/deidentification.md), set with its approval. NULL: the
-- network's default (jp-default.json). Its kAnonymity.k is the project's k, never below the network's minimum.
ALTER TABLE research_project ADD COLUMN deid_config text CHECK (deid_config IS NULL OR length(deid_config) <= 100000);
