-- Pathway templates (issue 44): the operators' versioned store of the regional clinical pathways' templates. One row a
-- version of a template: its JSON (Musubi's template wrapper, docs/pathways.md) and its status. A DRAFT is edited; a
-- PUBLISHED version never changes again (an enrolment keeps the code and version it was made with, and reads it back
-- by version); the newest PUBLISHED version of a code is the one new enrolments use; a RETIRED version is offered no
-- more but stays readable. The four shipped templates are seeded as version 1 at start when absent
-- (INSERT … ON CONFLICT DO NOTHING: idempotent, safe on nodes starting together).
CREATE TABLE pathway_template (
    code         TEXT NOT NULL,
    version      INTEGER NOT NULL CHECK (version > 0),
    status       TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    body         TEXT NOT NULL,
    created_by   BIGINT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_by BIGINT,
    published_at TIMESTAMPTZ,
    retired_by   BIGINT,
    retired_at   TIMESTAMPTZ,
    PRIMARY KEY (code, version)
);
-- At most one draft per template at a time.
CREATE UNIQUE INDEX pathway_template_one_draft ON pathway_template (code) WHERE status = 'DRAFT';
GRANT SELECT, INSERT, UPDATE ON pathway_template TO ${app_role};
