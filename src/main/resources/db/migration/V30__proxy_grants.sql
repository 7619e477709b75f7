-- Proxies (代理人, issue 25): a resident (or the operator) lets another resident — a family member with their own
-- notebook account — see the resident's notebook until an end date. The policy's self access permits the proxy while
-- the grant is live; every row the proxy leaves names the proxy as actor and the resident as patient.
CREATE TABLE proxy_grant (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id     bigint      NOT NULL REFERENCES person (id),
    proxy_user_id bigint      NOT NULL REFERENCES app_user (id),
    granted_by    bigint      NOT NULL REFERENCES app_user (id),
    granted_at    timestamptz NOT NULL DEFAULT now(),
    valid_to      timestamptz NOT NULL,
    revoked_at    timestamptz,
    revoked_by    bigint      REFERENCES app_user (id)
);
CREATE INDEX proxy_grant_person ON proxy_grant (person_id);
CREATE INDEX proxy_grant_proxy ON proxy_grant (proxy_user_id);
GRANT SELECT, INSERT, UPDATE ON proxy_grant TO ${app_role};
