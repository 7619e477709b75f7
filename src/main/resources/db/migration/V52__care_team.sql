-- Care teams (issue 44): a patient's home-care team, and its members. A membership is an access grant like a link or
-- a proxy (the consent module owns it): while live, the access policy lets the member see the patient's record for
-- treatment, with the patient's consent, whatever their facility's links. A team is made by a facility with standing
-- (a card-made link); members are invited by a member whose facility has standing. Nothing is deleted: a member who
-- leaves keeps the row with ended_at, for the audit and the team's history.
CREATE TABLE care_team (
    id          UUID PRIMARY KEY,
    person_id   BIGINT NOT NULL,
    facility_id BIGINT NOT NULL,
    name        TEXT NOT NULL,
    created_by  BIGINT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX care_team_person ON care_team (person_id);

CREATE TABLE care_team_member (
    team_id     UUID NOT NULL REFERENCES care_team (id),
    person_id   BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    facility_id BIGINT NOT NULL,
    role        TEXT NOT NULL,
    invited_by  BIGINT NOT NULL,
    joined_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    valid_until TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ,
    ended_by    BIGINT,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX care_team_member_person ON care_team_member (person_id);
CREATE INDEX care_team_member_user ON care_team_member (user_id) WHERE ended_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON care_team, care_team_member TO ${app_role};
