-- Throttles and lock notices that every node counts together (issue 41: several Musubi nodes on one PostgreSQL).
-- Each row is changed by one atomic statement (INSERT ... ON CONFLICT DO UPDATE ... RETURNING), so failures counted
-- through one node are refused by the others. Rows past their end are deleted a few at a time by the node that
-- counts the next failure (no scheduler); keys are cut to 64 characters before they reach the table, and the checks
-- below refuse longer ones, so an attacker's long text cannot make long rows.

-- Failed logins per client address in fixed windows (org.musubi.security.LoginThrottle).
CREATE TABLE login_throttle (
    address    text        PRIMARY KEY CHECK (length(address) <= 64),
    window_end timestamptz NOT NULL,
    failures   integer     NOT NULL CHECK (failures >= 1)
);
CREATE INDEX login_throttle_end ON login_throttle (window_end);
COMMENT ON TABLE login_throttle IS
    'Failed logins (and API client authentications, notebook registrations) per client address in the window ending at window_end.';
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO ${app_role};

-- What a client address is told about a login id it typed (org.musubi.security.ClientLockouts): its own failures in
-- a row, and until when it is told the login id is locked. The login id as typed, lower case, whether or not an
-- account has it.
CREATE TABLE lock_notice (
    address      text        NOT NULL CHECK (length(address) <= 64),
    login_id     text        NOT NULL CHECK (length(login_id) <= 64),
    failures     integer     NOT NULL CHECK (failures >= 1),
    locked_until timestamptz,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (address, login_id)
);
CREATE INDEX lock_notice_expiry ON lock_notice (expires_at);
COMMENT ON COLUMN lock_notice.expires_at IS
    'When the row is forgotten: the end of its lock, or the lock duration after its last failure.';
GRANT SELECT, INSERT, UPDATE, DELETE ON lock_notice TO ${app_role};

-- Refused card proofs and emergency look-ups are counted in their windows (at most a day by default); older rows
-- are deleted a few at a time as new ones are recorded.
CREATE INDEX refused_attempt_at ON refused_attempt (attempted_at);
GRANT DELETE ON refused_attempt TO ${app_role};
