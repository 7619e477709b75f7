-- The one audit trail: append-only and hash-chained.
-- The application role may read and append; PostgreSQL refuses it UPDATE, DELETE and TRUNCATE,
-- and triggers refuse them to everyone else too unless deliberately disabled by the owner.
CREATE TABLE audit_event (
    seq           bigint PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    user_id       bigint,
    login_id      text,
    facility_id   bigint,
    profession    text,
    client_ip     text,
    user_agent    text,
    action        text        NOT NULL,
    resource_type text,
    resource_ids  text[]      NOT NULL DEFAULT '{}',
    patient_id    text,
    purpose       text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('PERMIT', 'DENY', 'ERROR')),
    reason        text,
    request_id    text,
    prev_hash     bytea       NOT NULL,
    hash          bytea       NOT NULL
);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
CREATE INDEX audit_event_user ON audit_event (user_id, occurred_at);
CREATE INDEX audit_event_facility ON audit_event (facility_id, occurred_at);
CREATE INDEX audit_event_patient ON audit_event (patient_id, occurred_at) WHERE patient_id IS NOT NULL;

-- The chain's head: the last sequence number and hash. Appends lock this row, so the chain is a
-- single line even with concurrent writers, and a removed tail is detected.
CREATE TABLE audit_chain_head (
    id   smallint PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL,
    hash bytea  NOT NULL
);
INSERT INTO audit_chain_head VALUES (1, 0, decode(repeat('00', 32), 'hex'));

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

REVOKE ALL ON audit_event, audit_chain_head FROM PUBLIC;
GRANT SELECT, INSERT ON audit_event TO ${app_role};
GRANT SELECT, UPDATE ON audit_chain_head TO ${app_role};
