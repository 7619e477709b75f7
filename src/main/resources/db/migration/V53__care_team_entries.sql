-- A care team's workspace (issue 44): which resources of the record were entered for which team, by whom and when,
-- and — for a team's task — its assignee, due date and status. The resources themselves are FHIR rows of `resource`
-- (a note is a Communication, vital signs Observations, a task a Task), stored through the record's write door; this
-- table only lets the workspace page them by team, newest first, and count a user's open tasks without reading any
-- record. It is written in the same transaction as the entry.
CREATE TABLE care_team_entry (
    resource_id TEXT PRIMARY KEY,
    team_id     UUID NOT NULL REFERENCES care_team (id),
    person_id   BIGINT NOT NULL,
    facility_id BIGINT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('SOAP', 'CARE_NOTE', 'VITALS', 'ADL', 'TASK', 'TASK_STATUS')),
    written_by  BIGINT NOT NULL,
    written_at  TIMESTAMPTZ NOT NULL,
    assignee    BIGINT,
    due         DATE,
    status      TEXT CHECK (status IN ('requested', 'in-progress', 'completed', 'cancelled'))
);
CREATE INDEX care_team_entry_team ON care_team_entry (team_id, written_at DESC);
CREATE INDEX care_team_entry_open_tasks ON care_team_entry (assignee) WHERE status IN ('requested', 'in-progress');

GRANT SELECT, INSERT, UPDATE ON care_team_entry TO ${app_role};
