package org.musubi.security.internal.smart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The apps the operator registered for residents to connect (SMART public clients), in PostgreSQL. */
@Repository
class JdbcSmartApps {

    private final JdbcClient jdbc;

    JdbcSmartApps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered app, with how many residents have it connected now. */
    record App(long id, String clientId, String name, List<String> redirectUris, List<String> scopes, boolean active,
               Instant createdAt, long connected) {
    }

    App insert(String clientId, String name, List<String> redirectUris, List<String> scopes, long createdBy) {
        long id = jdbc.sql("""
                INSERT INTO smart_app (client_id, name, redirect_uris, scopes, created_by) VALUES (?, ?, ?, ?, ?)
                RETURNING id""").params(clientId, name, redirectUris.toArray(String[]::new), scopes.toArray(String[]::new),
                createdBy).query(Long.class).single();
        return find(id).orElseThrow();
    }

    Optional<App> find(String clientId) {
        return jdbc.sql(SELECT + " WHERE a.client_id = ?").param(clientId).query(JdbcSmartApps::row).optional();
    }

    Optional<App> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(JdbcSmartApps::row).optional();
    }

    List<App> all() {
        return jdbc.sql(SELECT + " ORDER BY a.created_at, a.id").query(JdbcSmartApps::row).list();
    }

    /** Stops the app; false when it was stopped already (or is unknown). */
    boolean deactivate(long id) {
        return jdbc.sql("UPDATE smart_app SET active = false WHERE id = ? AND active").param(id).update() == 1;
    }

    private static final String SELECT = """
            SELECT a.*, (SELECT count(*) FROM smart_grant g WHERE g.app_id = a.id AND g.revoked_at IS NULL) AS connected
            FROM smart_app a""";

    private static App row(ResultSet rs, int n) throws SQLException {
        return new App(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"), texts(rs, "redirect_uris"),
                texts(rs, "scopes"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("connected"));
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
