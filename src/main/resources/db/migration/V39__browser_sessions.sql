-- Browser sessions in the database (issue 41): any Musubi node on this PostgreSQL serves any browser request. The two
-- tables Spring Session JDBC reads and writes (JdbcIndexedSessionRepository, table name SPRING_SESSION): one row per
-- session, one row per session attribute (its value as Java serialisation). Times are epoch milliseconds, the
-- inactivity limit seconds. Spring Session's own schema script is not run (spring.session.jdbc.initialize-schema=never):
-- Musubi's migrations own the schema.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval integer      NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
-- a request's lookup by the cookie's id
CREATE UNIQUE INDEX spring_session_by_id ON spring_session (session_id);
-- the periodic removal of expired sessions
CREATE INDEX spring_session_by_expiry ON spring_session (expiry_time);
-- sessions by user (Spring Session's principal index)
CREATE INDEX spring_session_by_principal ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_session FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

GRANT SELECT, INSERT, UPDATE, DELETE ON spring_session TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON spring_session_attributes TO ${app_role};
