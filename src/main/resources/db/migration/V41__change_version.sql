-- Caches that follow changes made on another node (issue 41): what a node keeps in memory across requests (disaster
-- mode's periods and responders) carries the version of its kind that it was read at; each HTTP request reads these
-- few rows once (ChangeVersions) and reads a kind again when its version moved. A change bumps its kind's version in
-- its own transaction, so a node sees the new version only once the change is committed. A kind has a row from its
-- first change (none is 0). No patient data.
CREATE TABLE change_version (
    kind    text   PRIMARY KEY CHECK (length(kind) BETWEEN 1 AND 50),
    version bigint NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON change_version TO ${app_role};
