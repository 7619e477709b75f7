package org.musubi.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The embedded cluster's login roles: creates the application's role if it is missing and gives it and
 * the superuser their passwords. Passwords are sent as SCRAM-SHA-256 verifiers computed here, so no
 * statement the server might log holds one in clear.
 */
final class EmbeddedRoles {

    private EmbeddedRoles() {
    }

    static void ensureAppRole(DataSource superuser, String role, EmbeddedPasswords passwords) {
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
            PGConnection postgres = connection.unwrap(PGConnection.class);
            postgres.alterUserPassword("postgres", passwords.superuser().toCharArray(), "scram-sha-256");
            postgres.alterUserPassword(role, passwords.app().toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role " + role + " or set the roles' passwords", e);
        }
    }
}
