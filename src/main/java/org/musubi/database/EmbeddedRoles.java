package org.musubi.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Creates the application's login role in a fresh embedded cluster (trust auth on 127.0.0.1). */
final class EmbeddedRoles {

    private EmbeddedRoles() {
    }

    static void ensureAppRole(DataSource superuser, String role) {
        if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("musubi.database.user must be a plain lower-case role name: " + role);
        }
        String sql = """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                    CREATE ROLE %s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                  END IF;
                END $$""".formatted(role, role);
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role " + role, e);
        }
    }
}
